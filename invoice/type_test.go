package invoice

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDocumentType(t *testing.T) {
	tests := []struct {
		typ         DocumentType
		valid       bool
		description string
	}{
		{TypeCommercialInvoice, true, "Commercial invoice"},
		{TypeCreditNote, true, "Credit note"},
		{"384", false, ""},
		{"", false, ""},
	}
	for _, tt := range tests {
		t.Run("code "+string(tt.typ), func(t *testing.T) {
			assert.Equal(t, tt.valid, tt.typ.Valid())
			assert.Equal(t, tt.description, tt.typ.Description())
			assert.Equal(t, string(tt.typ), tt.typ.String())
		})
	}
}
