package invoice

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/money"
)

// TestSplitGrossEveryCent checks step 5 of Calculate for every gross amount
// from 0.00 to 30.00 EUR at the French rates: the VAT always follows
// BR-CO-17, net + VAT + adjustment is always the gross, and the adjustment
// is used only when no net gives the gross exactly, and is one cent.
func TestSplitGrossEveryCent(t *testing.T) {
	for _, rate := range []string{"20", "10", "5.5", "2.1"} {
		t.Run("rate "+rate, func(t *testing.T) {
			r := dec(rate)
			d := Document{Currency: money.EUR}
			c := newCalculator(&d)
			reachable := map[string]bool{}
			for n := int64(0); n <= 4000; n++ {
				net := decimal.New(n, -2)
				reachable[net.Add(c.vatOf(net, r)).String()] = true
			}
			adjusted := 0
			for g := int64(0); g <= 3000; g++ {
				gross := decimal.New(g, -2)
				net, v, adj := c.splitGross(gross, r)
				require.True(t, v.Equal(c.vatOf(net, r)), "%s: VAT %s of %s", gross, v, net)
				require.True(t, net.Add(v).Add(adj).Equal(gross), "%s: %s + %s + %s", gross, net, v, adj)
				if reachable[gross.String()] {
					require.True(t, adj.IsZero(), "%s has an exact net but got adjustment %s", gross, adj)
				} else {
					require.True(t, adj.Abs().Equal(c.unit), "%s: adjustment %s", gross, adj)
					adjusted++
				}
			}
			if rate == "20" {
				// At 20 %, a net step of 0.05 adds 0.06: one gross amount in six has no net.
				assert.Equal(t, 500, adjusted)
			}
		})
	}
}

func TestInclusiveNetsGoToTheLargestLine(t *testing.T) {
	// Three lines of 0.10 EUR VAT included and one of 10.00 at 20 %:
	// gross 10.30, net 8.58 (VAT 1.716 -> 1.72, 8.58 + 1.72 = 10.30).
	// Each 0.10 ÷ 1.2 = 0.0833 -> 0.08, 10.00 ÷ 1.2 = 8.3333 -> 8.33:
	// 0.24 + 8.33 = 8.57, so the missing cent goes to the 10.00 line.
	d := frenchInvoice(
		item("1", "Bonbon", "1", "C62", "0.10 EUR", s20),
		item("2", "Coffret", "1", "C62", "10.00 EUR", s20),
		item("3", "Bonbon", "1", "C62", "0.10 EUR", s20),
		item("4", "Bonbon", "1", "C62", "0.10 EUR", s20),
	)
	d.Buyer, d.Pricing.PricesIncludeVAT = consumer(), true
	d = calculated(t, d)
	var nets []string
	for _, l := range d.Lines {
		nets = append(nets, l.NetAmount.String())
	}
	assert.Equal(t, []string{"0.08 EUR", "8.34 EUR", "0.08 EUR", "0.08 EUR"}, nets)
	assert.Equal(t, []string{"S 20%: 8.58 EUR / 1.72 EUR"}, breakdownStrings(d))
	assert.Equal(t, "10.30 EUR", d.Totals.Due.String())
}

func TestInclusivePerLine(t *testing.T) {
	// Per line: 1.23 -> net 1.03, VAT 0.21, adjustment −0.01 (no exact net);
	// 2.40 -> net 2.00, VAT 0.40.
	d := frenchInvoice(
		item("1", "Stylo", "1", "C62", "1.23 EUR", s20),
		item("2", "Carnet", "1", "C62", "2.40 EUR", s20),
	)
	d.Buyer, d.Pricing = consumer(), Pricing{PricesIncludeVAT: true, Rounding: RoundPerLine}
	d = calculated(t, d)
	assert.Equal(t, "1.03 EUR", d.Lines[0].NetAmount.String())
	assert.Equal(t, "2.00 EUR", d.Lines[1].NetAmount.String())
	assert.Equal(t, []string{"S 20%: 3.03 EUR / 0.61 EUR"}, breakdownStrings(d))
	assert.Equal(t, "-0.01 EUR", d.Totals.Rounding.String())
	assert.Equal(t, "3.63 EUR", d.Totals.Due.String())
	assert.NoError(t, d.Validate())
}

func TestChargeAloneInItsBreakdown(t *testing.T) {
	// A delivery charge VAT included at a rate no line has: its net carries
	// the whole breakdown (6.00 ÷ 1.1 = 5.4545 -> 5.45, VAT 0.545 -> 0.55).
	d := frenchInvoice(item("1", "Livre", "1", "C62", "21.10 EUR", s55))
	d.Buyer, d.Pricing.PricesIncludeVAT = consumer(), true
	d.Charges = []AllowanceCharge{{Amount: amt("6.00 EUR"), Reason: "Livraison", VAT: s10}}
	d = calculated(t, d)
	assert.Equal(t, "5.45 EUR", d.Charges[0].NetAmount.String())
	assert.Equal(t, []string{"S 5.5%: 20.00 EUR / 1.10 EUR", "S 10%: 5.45 EUR / 0.55 EUR"}, breakdownStrings(d))
	assert.Equal(t, "27.10 EUR", d.Totals.Due.String())
}

func TestCreditLimitPerLine(t *testing.T) {
	limit := func(credited, amount, base, tax string) []CreditLimit {
		return []CreditLimit{{Category: s20.Category, Rate: s20.Rate, Credited: amt(credited), Amount: amt(amount),
			TaxableAmount: amt(base), TaxAmount: amt(tax)}}
	}
	tests := []struct {
		name   string
		limits []CreditLimit
		want   string
	}{
		{"no limit", nil, "S 20%: 0.03 EUR / 0.01 EUR"},
		{"closing takes what remains", limit("0.03 EUR", "0.03 EUR", "0.03 EUR", "0.00 EUR"), "S 20%: 0.03 EUR / 0.00 EUR"},
		{"never more VAT than remains", limit("0.00 EUR", "0.07 EUR", "0.07 EUR", "0.00 EUR"), "S 20%: 0.03 EUR / 0.00 EUR"},
		{"below the limit", limit("0.00 EUR", "1.00 EUR", "1.00 EUR", "0.20 EUR"), "S 20%: 0.03 EUR / 0.01 EUR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := frenchInvoice(item("1", "Timbre", "1", "C62", "0.03 EUR", s20))
			d.Pricing.Rounding = RoundPerLine
			d.CreditLimits = tt.limits
			assert.Equal(t, []string{tt.want}, breakdownStrings(calculated(t, d)))
		})
	}
}
