package invoice

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDocumentAllowanceBase(t *testing.T) {
	tests := []struct {
		name      string
		allowance AllowanceCharge
		amount    string
		base      string
		netAmount string
		inclusive bool
		wantExcl  string
	}{
		{
			name:      "percentage of the lines of its VAT rate",
			allowance: AllowanceCharge{Percent: dec("10"), Reason: "Remise", VAT: s20},
			// only line 1 is at 20 %: 10 % of 200.00
			amount: "20.00 EUR", base: "200.00 EUR", netAmount: "20.00 EUR", wantExcl: "230.00 EUR",
		},
		{
			name:      "percentage of an explicit base",
			allowance: AllowanceCharge{Percent: dec("5"), Base: amt("150.00 EUR"), Reason: "Remise", VAT: s20},
			amount:    "7.50 EUR", base: "150.00 EUR", netAmount: "7.50 EUR", wantExcl: "242.50 EUR",
		},
		{
			name:      "fixed amount",
			allowance: AllowanceCharge{Amount: amt("12.00 EUR"), Reason: "Geste commercial", VAT: s55},
			amount:    "12.00 EUR", netAmount: "12.00 EUR", wantExcl: "238.00 EUR",
		},
		{
			name:      "fixed amount with VAT when prices include VAT",
			allowance: AllowanceCharge{Amount: amt("12.00 EUR"), Reason: "Bon", VAT: s20},
			inclusive: true,
			// 12.00 ÷ 1.2 = 10.00 without VAT
			amount: "12.00 EUR", netAmount: "10.00 EUR",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := frenchInvoice(
				item("1", "Prestation", "1", "C62", "200.00 EUR", s20),
				item("2", "Livre", "2", "C62", "25.00 EUR", s55),
			)
			d.Pricing.PricesIncludeVAT = tt.inclusive
			d.Allowances = []AllowanceCharge{tt.allowance}
			d = calculated(t, d)
			a := d.Allowances[0]
			assert.Equal(t, tt.amount, a.Amount.String())
			if tt.base != "" {
				assert.Equal(t, tt.base, a.Base.String())
			}
			assert.Equal(t, tt.netAmount, a.NetAmount.String())
			if tt.wantExcl != "" {
				assert.Equal(t, tt.wantExcl, d.Totals.TaxExclusive.String())
			}
			assert.NoError(t, d.Validate())
		})
	}
}
