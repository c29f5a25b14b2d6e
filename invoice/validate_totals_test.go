package invoice

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/money"
)

// TestValidateDeclaredTotals alters one calculated amount at a time and
// expects the EN 16931 identity it breaks.
func TestValidateDeclaredTotals(t *testing.T) {
	tests := []struct {
		name   string
		change func(d *Document)
		want   []string
	}{
		{"line total", func(d *Document) { d.Totals.LineTotal = amt("999.00 EUR") },
			[]string{"totals.line_total BR-CO-10"}},
		{"allowance total", func(d *Document) { d.Totals.AllowanceTotal = amt("1.00 EUR") },
			[]string{"totals.tax_exclusive BR-CO-13", "totals.allowance_total BR-CO-11"}},
		{"charge total", func(d *Document) { d.Totals.ChargeTotal = amt("1.00 EUR") },
			[]string{"totals.tax_exclusive BR-CO-13", "totals.charge_total BR-CO-12"}},
		{"VAT total", func(d *Document) { d.Totals.VAT = amt("1.00 EUR") },
			[]string{"totals.vat BR-CO-14", "totals.tax_inclusive BR-CO-15"}},
		{"total with VAT", func(d *Document) { d.Totals.TaxInclusive = amt("1.00 EUR") },
			[]string{"totals.tax_inclusive BR-CO-15", "totals.due BR-CO-16"}},
		{"amount due", func(d *Document) { d.Totals.Due = amt("1.00 EUR") }, []string{"totals.due BR-CO-16"}},
		{"prepaid amount", func(d *Document) { d.Totals.Prepaid = amt("10.00 EUR") },
			[]string{"totals.due BR-CO-16", "totals.prepaid inconsistent"}},
		{"rounding amount", func(d *Document) { d.Totals.Rounding = amt("0.01 EUR") },
			[]string{"totals.due BR-CO-16", "totals.rounding inconsistent"}},
		{"amount due with three decimals", func(d *Document) { d.Totals.Due = amt("241.101 EUR") },
			[]string{"totals.due BR-DEC-18", "totals.due BR-CO-16"}},
		{"total in another currency", func(d *Document) { d.Totals.VAT = amt("41.10 USD") }, []string{"totals.vat mismatch"}},
		{"missing totals", func(d *Document) { d.Totals = Totals{} },
			[]string{"totals.line_total BR-12", "totals.tax_exclusive BR-13", "totals.tax_inclusive BR-14", "totals.due BR-15"}},
		{"line net amount", func(d *Document) { d.Lines[0].NetAmount = amt("199.00 EUR") },
			[]string{"totals.line_total BR-CO-10", "totals.tax_exclusive BR-CO-13", "lines[0].net_amount " + CodeLineAmount}},
		{"line net amount missing", func(d *Document) { d.Lines[1].NetAmount = money.Amount{} }, []string{"lines[1].net_amount BR-24"}},
		{"line net amount with three decimals", func(d *Document) { d.Lines[1].NetAmount = amt("20.001 EUR") },
			[]string{"lines[1].net_amount BR-DEC-23", "totals.line_total BR-CO-10", "totals.tax_exclusive BR-CO-13", "lines[1].net_amount " + CodeLineAmount}},
		{"percentage allowance amount", func(d *Document) { d.Lines[0].Allowances[0].Amount = amt("5.00 EUR") },
			[]string{"lines[0].allowances[0].amount " + CodePercentAmount}},
		{"document charge net amount", func(d *Document) { d.Charges[0].NetAmount = amt("4.00 EUR") },
			[]string{"totals.charge_total BR-CO-12", "charges[0].net_amount inconsistent"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := item("1", "Conseil", "2", "HUR", "100.00 EUR", s20)
			l.Allowances = []LineAllowanceCharge{{Percent: dec("10"), Reason: "Remise"}} // 200.00 − 20.00
			d := frenchInvoice(l, item("2", "Livre", "1", "C62", "20.00 EUR", s55))
			d.Charges = []AllowanceCharge{{Amount: amt("5.00 EUR"), Reason: "Port", VAT: s20}}
			d = calculated(t, d)
			// 180.00 + 5.00 = 185.00 × 20 % = 37.00; 20.00 × 5.5 % = 1.10; due 205.00 + 38.10 = 243.10
			require.Equal(t, "243.10 EUR", d.Totals.Due.String())
			require.NoError(t, d.Validate())
			tt.change(&d)
			assert.Equal(t, tt.want, faults(t, d.Validate()))
		})
	}
}
