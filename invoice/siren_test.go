package invoice

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSIRENOf(t *testing.T) {
	tests := []struct {
		id    string
		siren string
		ok    bool
	}{
		{"732829320", "732829320", true},
		{"732 829 320", "732829320", true},
		{"73282932000074", "732829320", true},
		{"732829321", "732829321", false},
		{"73282932000075", "732829320", false},
		{"35600000000015", "356000000", true}, // La Poste: digits sum to a multiple of 5
		{"35600000000016", "356000000", false},
		{"12345", "", false},
		{"73282932O", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run("id "+tt.id, func(t *testing.T) {
			siren, ok := SIRENOf(tt.id)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.siren, siren)
		})
	}
}

func TestFrenchVATKey(t *testing.T) {
	tests := []struct {
		id    string
		siren string
		ok    bool
	}{
		{"FR44732829320", "732829320", true},
		{"FR45732829320", "732829320", false},
		{"FRXA732829320", "732829320", true}, // alphanumeric keys are not checked
		{"FR+4732829320", "", false},
		{"FR4473282932", "", false},
		{"DE44732829320", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			siren, ok := frenchVATSIREN(tt.id)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.siren, siren)
		})
	}
}
