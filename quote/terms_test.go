package quote

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
)

func price(t *testing.T, pricing catalog.Pricing) catalog.Price {
	t.Helper()
	p, err := catalog.NewPrice(catalog.PriceSpec{ID: "v", ProductID: "p", BookID: "b", Currency: money.EUR,
		EffectiveFrom: date.MustParse("2026-01-01"), Pricing: pricing, Billing: catalog.Billing{Kind: catalog.BillingOneTime}})
	require.NoError(t, err)
	return p
}

func TestListPrice(t *testing.T) {
	tests := []struct {
		name     string
		pricing  catalog.Pricing
		quantity string
		unit     string
		base     string
		fits     bool
	}{
		{"per unit", catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: dec("0.0015")}, "3", "0.0015 EUR", "", true},
		{"flat over three", catalog.Pricing{Model: catalog.ModelFlat, FlatAmount: dec("100")}, "3", "100.00 EUR", "3", true},
		{"flat for nothing", catalog.Pricing{Model: catalog.ModelFlat, FlatAmount: dec("100")}, "0", "100.00 EUR", "", true},
		{"too fine for an invoice", catalog.Pricing{Model: catalog.ModelFlat, FlatAmount: dec("0.0000000000001")}, "3", "", "", false},
		{"twelve decimals", catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: dec("0.000000000001")}, "0.5", "0.000000000001 EUR", "", true},
		{"thirteen decimals", catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: dec("0.0000000000001")}, "3", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lp, fits, err := listPrice(price(t, tt.pricing), dec(tt.quantity))
			require.NoError(t, err)
			assert.Equal(t, tt.fits, fits)
			if !fits {
				return
			}
			assert.Equal(t, tt.unit, lp.UnitPrice.String())
			assert.Equal(t, tt.base != "", lp.BaseQuantity.Valid)
			if tt.base != "" {
				assert.Equal(t, tt.base, lp.BaseQuantity.Decimal.String())
			}
		})
	}
	_, _, err := listPrice(catalog.Price{}, dec("1"))
	assert.ErrorIs(t, err, catalog.ErrWrongModel)
}

// invoice.LineNet leaves the line it calculates as it was.
func TestCalculateLineCopies(t *testing.T) {
	terms := Terms{Quantity: dec("2"), UnitCode: "C62", UnitPrice: money.MustParse("10.00 EUR"),
		Discount: Discount{Percent: dec("10")}}
	l := terms.invoiceLine("1", "x", "")
	net, err := invoice.LineNet(l, money.EUR, "")
	require.NoError(t, err)
	assert.Equal(t, "18.00 EUR", net.String())
	assert.True(t, l.Allowances[0].Amount.IsZero())
	assert.True(t, l.Allowances[0].Base.Currency().IsZero())
}
