package invoice

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/billkit/billkit/tax"
)

func TestVATKey(t *testing.T) {
	tests := []struct {
		name  string
		a, b  VAT
		equal bool
		text  string
	}{
		{"same rate written differently", vat(tax.StandardRate, "20"), vat(tax.StandardRate, "20.00"), true, "S 20%"},
		{"other rate", vat(tax.StandardRate, "20"), vat(tax.StandardRate, "10"), false, "S 20%"},
		{"other category", vat(tax.ZeroRated, "0"), vat(tax.Exempt, "0"), false, "Z 0%"},
		{"outside scope ignores the rate", vat(tax.OutsideScope, "5"), vat(tax.OutsideScope, "0"), true, "O"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.equal, keyOf(tt.a).equal(keyOf(tt.b)))
			assert.Equal(t, tt.text, keyOf(tt.a).String())
		})
	}
}
