package invoice

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/billkit/billkit/tax"
)

func TestVATRuleIdentifiers(t *testing.T) {
	tests := []struct {
		category tax.Category
		n        int
		want     string
	}{
		{tax.StandardRate, 5, "BR-S-05"},
		{tax.ZeroRated, 10, "BR-Z-10"},
		{tax.Exempt, 10, "BR-E-10"},
		{tax.ReverseCharge, 2, "BR-AE-02"},
		{tax.IntraCommunity, 11, "BR-IC-11"},
		{tax.Export, 8, "BR-G-08"},
		{tax.OutsideScope, 11, "BR-O-11"},
		{tax.CanaryIslands, 5, "BR-IG-05"},
		{tax.CeutaMelilla, 9, "BR-IP-09"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, vatRule(tt.category, tt.n))
		})
	}
}
