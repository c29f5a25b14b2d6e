package invoice

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRoundingPolicyValid(t *testing.T) {
	tests := []struct {
		policy RoundingPolicy
		valid  bool
	}{
		{"", true},
		{RoundPerBreakdown, true},
		{RoundPerLine, true},
		{"per_document", false},
	}
	for _, tt := range tests {
		t.Run("policy "+string(tt.policy), func(t *testing.T) {
			assert.Equal(t, tt.valid, tt.policy.Valid())
			assert.Equal(t, tt.policy == RoundPerLine, Pricing{Rounding: tt.policy}.perLine())
		})
	}
}
