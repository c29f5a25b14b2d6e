package collab_test

import (
	"strings"
	"testing"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/validation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestKindValid(t *testing.T) {
	tests := []struct {
		kind collab.Kind
		want bool
	}{
		{collab.KindCreditNote, true},
		{"project", true},
		{"work_order2", true},
		{"", false},
		{"Invoice", false},
		{"credit-note", false},
		{"2fa", false},
		{collab.Kind(strings.Repeat("a", 65)), false},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind), func(t *testing.T) {
			assert.Equal(t, tt.want, tt.kind.Valid())
		})
	}
}

func TestRef(t *testing.T) {
	assert.Equal(t, "invoice/INV-2026-0042", inv.String())
	assert.True(t, collab.Ref{}.IsZero())
	assert.Equal(t, collab.Ref{Kind: collab.KindGroup, ID: "g-1"}, collab.GroupRef("g-1"))
	require.NoError(t, inv.Validate())
	err := collab.Ref{}.Validate()
	var ve *validation.Error
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("kind", validation.CodeRequired))
	assert.True(t, ve.Has("id", validation.CodeRequired))
}
