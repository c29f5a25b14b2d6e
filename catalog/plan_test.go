package catalog_test

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/money"
)

// decimalGen draws non-negative decimals below max/10^places with the given
// number of decimal places.
func decimalGen(max int64, places int32) *rapid.Generator[decimal.Decimal] {
	return rapid.Custom(func(t *rapid.T) decimal.Decimal {
		return decimal.New(rapid.Int64Range(0, max).Draw(t, "coefficient"), -places)
	})
}

// tiersGen draws between 1 and 6 valid tiers with optional flat fees.
func tiersGen() *rapid.Generator[[]catalog.Tier] {
	return rapid.Custom(func(t *rapid.T) []catalog.Tier {
		n := rapid.IntRange(1, 6).Draw(t, "tiers")
		tiers := make([]catalog.Tier, n)
		bound := decimal.Zero
		for i := range tiers {
			tiers[i].UnitPrice = decimalGen(100_000, 2).Draw(t, fmt.Sprintf("price %d", i))
			if rapid.Bool().Draw(t, fmt.Sprintf("has fee %d", i)) {
				tiers[i].FlatFee = decimalGen(10_000, 2).Draw(t, fmt.Sprintf("fee %d", i))
			}
			if i < n-1 {
				bound = bound.Add(decimal.New(rapid.Int64Range(1, 100_000).Draw(t, fmt.Sprintf("width %d", i)), -1))
				tiers[i].UpTo = decimal.NewNullDecimal(bound)
			}
		}
		return tiers
	})
}

// graduatedGen draws a valid graduated pricing, sometimes with a minimum
// and a maximum charge.
func graduatedGen() *rapid.Generator[catalog.Pricing] {
	return rapid.Custom(func(t *rapid.T) catalog.Pricing {
		p := catalog.Pricing{Model: catalog.ModelGraduated, Tiers: tiersGen().Draw(t, "tiers")}
		if rapid.Bool().Draw(t, "limits") {
			lo := decimalGen(100_000, 2).Draw(t, "min charge")
			p.MinCharge = decimal.NewNullDecimal(lo)
			p.MaxCharge = decimal.NewNullDecimal(lo.Add(decimalGen(10_000_000, 2).Draw(t, "max above min")))
		}
		return p
	})
}

func TestGraduatedIsMonotonic(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		price := newPrice(t, money.EUR, graduatedGen().Draw(t, "pricing"))
		a := decimalGen(2_000_000, 1).Draw(t, "a")
		b := a.Add(decimalGen(2_000_000, 3).Draw(t, "b - a"))
		amountA, err := price.Amount(a)
		require.NoError(t, err)
		amountB, err := price.Amount(b)
		require.NoError(t, err)
		cmp, err := amountA.Cmp(amountB)
		require.NoError(t, err)
		require.LessOrEqual(t, cmp, 0, "%s costs %s but %s costs %s", a, amountA, b, amountB)
	})
}

func TestGraduatedTotalIsTheSumOfItsLines(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		pricing := graduatedGen().Draw(t, "pricing")
		price := newPrice(t, money.EUR, pricing)
		q := decimalGen(2_000_000, 2).Draw(t, "quantity")
		ev, err := price.Evaluate(q)
		require.NoError(t, err)

		var total, units decimal.Decimal
		for i, l := range ev.Lines() {
			require.Equal(t, i+1, l.Tier)
			require.True(t, l.From.Equal(units), "line %d starts at %s after %s units", i, l.From, units)
			require.True(t, l.Amount.Number().Equal(l.Quantity.Mul(l.UnitPrice).Add(l.FlatFee)), "line %d", i)
			total = total.Add(l.Amount.Number())
			units = units.Add(l.Quantity)
		}
		require.True(t, units.Equal(q), "lines price %s units of %s", units, q)
		require.True(t, total.Equal(ev.Subtotal.Number()), "lines sum to %s, subtotal %s", total, ev.Subtotal)
		if !pricing.MinCharge.Valid {
			require.True(t, ev.Amount.Equal(ev.Subtotal), "no limit: amount %s, subtotal %s", ev.Amount, ev.Subtotal)
		}
		amount, err := price.Amount(q)
		require.NoError(t, err)
		require.True(t, amount.Equal(ev.Amount), "Amount %s, Evaluate %s", amount, ev.Amount)
	})
}

func TestVolumeChargesEveryUnitAtOneTier(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		tiers := tiersGen().Draw(t, "tiers")
		price := newPrice(t, money.EUR, catalog.Pricing{Model: catalog.ModelVolume, Tiers: tiers})
		q := decimalGen(2_000_000, 2).Draw(t, "quantity")
		ev, err := price.Evaluate(q)
		require.NoError(t, err)
		if q.IsZero() {
			require.Empty(t, ev.Lines())
			require.True(t, ev.Amount.IsZero())
			return
		}
		require.Len(t, ev.Lines(), 1)
		tier := tiers[ev.Lines()[0].Tier-1]
		require.True(t, !tier.UpTo.Valid || q.LessThanOrEqual(tier.UpTo.Decimal), "%s above tier %d", q, ev.Lines()[0].Tier)
		if k := ev.Lines()[0].Tier; k > 1 {
			require.True(t, q.GreaterThan(tiers[k-2].UpTo.Decimal), "%s belongs to a lower tier than %d", q, k)
		}
		require.True(t, ev.Amount.Number().Equal(q.Mul(tier.UnitPrice).Add(tier.FlatFee)))
	})
}
