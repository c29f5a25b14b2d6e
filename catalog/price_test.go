package catalog_test

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

func TestNewPriceFaults(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(s *catalog.PriceSpec)
		faults [][2]string
	}{
		{"empty", func(s *catalog.PriceSpec) { *s = catalog.PriceSpec{} }, [][2]string{
			{"id", validation.CodeRequired}, {"product_id", validation.CodeRequired}, {"book_id", validation.CodeRequired},
			{"currency", validation.CodeRequired}, {"effective_from", validation.CodeRequired},
			{"pricing.model", validation.CodeRequired}, {"billing.kind", validation.CodeRequired},
		}},
		{"end before start", func(s *catalog.PriceSpec) { s.EffectiveTo = date.MustParse("2025-12-31") },
			[][2]string{{"effective_to", validation.CodeOutOfRange}}},
		{"end on start", func(s *catalog.PriceSpec) { s.EffectiveTo = s.EffectiveFrom },
			[][2]string{{"effective_to", validation.CodeOutOfRange}}},
		{"padded id", func(s *catalog.PriceSpec) { s.ID = "v1 " }, [][2]string{{"id", validation.CodeInvalid}}},
		{"nested faults", func(s *catalog.PriceSpec) {
			s.Pricing = catalog.Pricing{Model: catalog.ModelGraduated, Tiers: []catalog.Tier{{UpTo: upTo("5"), UnitPrice: d("1")}}}
			s.Billing = catalog.Billing{Kind: catalog.BillingRecurring}
		}, [][2]string{{"pricing.tiers[0].up_to", validation.CodeForbidden}, {"billing.interval", validation.CodeRequired}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := baseSpec()
			tt.edit(&spec)
			p, err := catalog.NewPrice(spec)
			requireFaults(t, err, tt.faults...)
			assert.True(t, p.IsZero())
		})
	}
}

func TestPriceAccessors(t *testing.T) {
	spec := baseSpec()
	spec.EffectiveTo = date.MustParse("2027-01-01")
	spec.Billing = catalog.Billing{Kind: catalog.BillingRecurring, Interval: catalog.Interval{Unit: catalog.IntervalMonth, Count: 1}}
	p, err := catalog.NewPrice(spec)
	require.NoError(t, err)

	assert.False(t, p.IsZero())
	assert.Equal(t, "v1", p.ID())
	assert.Equal(t, "p1", p.ProductID())
	assert.Equal(t, "std", p.BookID())
	assert.Equal(t, money.EUR, p.Currency())
	assert.Equal(t, date.MustParse("2026-01-01"), p.EffectiveFrom())
	assert.Equal(t, date.MustParse("2027-01-01"), p.EffectiveTo())
	assert.Equal(t, catalog.ModelPerUnit, p.Model())
	assert.Equal(t, spec.Pricing, p.Pricing())
	assert.Equal(t, spec.Billing, p.Billing())
	assert.Equal(t, spec, p.Spec())
	assert.Equal(t, "2026-01-01..2026-12-31", p.Period())
}

func TestPriceInForce(t *testing.T) {
	closed := baseSpec()
	closed.EffectiveTo = date.MustParse("2026-02-01")
	closedPrice, err := catalog.NewPrice(closed)
	require.NoError(t, err)
	openPrice, err := catalog.NewPrice(baseSpec())
	require.NoError(t, err)

	tests := []struct {
		on               string
		closed, openEnds bool
	}{
		{"2025-12-31", false, false},
		{"2026-01-01", true, true},
		{"2026-01-31", true, true},
		{"2026-02-01", false, true},
		{"9999-12-31", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.on, func(t *testing.T) {
			on := date.MustParse(tt.on)
			assert.Equal(t, tt.closed, closedPrice.InForce(on))
			assert.Equal(t, tt.openEnds, openPrice.InForce(on))
		})
	}
	assert.False(t, openPrice.InForce(date.Date{}))
	assert.False(t, catalog.Price{}.InForce(date.MustParse("2026-01-01")))
	assert.Equal(t, "from 2026-01-01", openPrice.Period())
}

func TestPriceIsImmutable(t *testing.T) {
	spec := baseSpec()
	spec.Pricing = catalog.Pricing{Model: catalog.ModelGraduated, Tiers: threeTiers()}
	p, err := catalog.NewPrice(spec)
	require.NoError(t, err)
	before, err := p.Amount(d("30"))
	require.NoError(t, err)

	// Neither the spec given nor the copies returned reach the price.
	spec.Pricing.Tiers[0].UnitPrice = d("500")
	p.Pricing().Tiers[1].UnitPrice = d("500")
	p.Spec().Pricing.Tiers[2].UnitPrice = d("500")

	after, err := p.Amount(d("30"))
	require.NoError(t, err)
	assert.True(t, before.Equal(after), "%s != %s", before, after)
	assert.Equal(t, "5", p.Pricing().Tiers[0].UnitPrice.String())
}

func TestPriceJSONRoundTrip(t *testing.T) {
	fee := func(s string) decimal.NullDecimal { return decimal.NewNullDecimal(d(s)) }
	pricings := map[string]catalog.Pricing{
		"flat":       {Model: catalog.ModelFlat, FlatAmount: d("99.00"), MinCharge: fee("0")},
		"per unit":   {Model: catalog.ModelPerUnit, UnitPrice: d("0.0015"), MaxCharge: fee("500")},
		"graduated":  {Model: catalog.ModelGraduated, Tiers: []catalog.Tier{{UpTo: upTo("10"), UnitPrice: d("5"), FlatFee: d("2")}, {UnitPrice: d("0")}}},
		"volume":     {Model: catalog.ModelVolume, Tiers: threeTiers(), MinCharge: fee("20")},
		"package":    {Model: catalog.ModelPackage, PackageSize: d("0.5"), PackagePrice: d("10")},
		"percentage": {Model: catalog.ModelPercentage, Percent: d("2.9"), MinFee: fee("0.30"), MaxFee: fee("15")},
	}
	for name, pricing := range pricings {
		t.Run(name, func(t *testing.T) {
			spec := baseSpec()
			spec.Currency = money.KWD
			spec.EffectiveTo = date.MustParse("2026-07-01")
			spec.Pricing = pricing
			p, err := catalog.NewPrice(spec)
			require.NoError(t, err)

			data, err := json.Marshal(p)
			require.NoError(t, err)
			var back catalog.Price
			require.NoError(t, json.Unmarshal(data, &back))
			again, err := json.Marshal(back)
			require.NoError(t, err)
			assert.JSONEq(t, string(data), string(again))
			assert.Equal(t, p.Currency(), back.Currency())
			assert.Equal(t, p.EffectiveTo(), back.EffectiveTo())

			if p.Model().QuantityBased() {
				for _, q := range []string{"0", "1", "10", "11", "1000"} {
					want, err := p.Amount(d(q))
					require.NoError(t, err)
					got, err := back.Amount(d(q))
					require.NoError(t, err)
					assert.True(t, want.Equal(got), "quantity %s: %s != %s", q, want, got)
				}
				return
			}
			want, err := p.EvaluateBase(money.MustParse("12.345 KWD"))
			require.NoError(t, err)
			got, err := back.EvaluateBase(money.MustParse("12.345 KWD"))
			require.NoError(t, err)
			assert.True(t, want.Amount.Equal(got.Amount))
		})
	}
}

func TestPriceJSONShape(t *testing.T) {
	spec := baseSpec()
	spec.Pricing = catalog.Pricing{Model: catalog.ModelGraduated, Tiers: []catalog.Tier{
		{UpTo: upTo("10"), UnitPrice: d("5")}, {UnitPrice: d("4")}}}
	p, err := catalog.NewPrice(spec)
	require.NoError(t, err)
	data, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, `{
		"id": "v1", "product_id": "p1", "book_id": "std", "currency": "EUR",
		"effective_from": "2026-01-01",
		"pricing": {"model": "graduated", "tiers": [
			{"up_to": "10", "unit_price": "5"},
			{"up_to": null, "unit_price": "4"}
		]},
		"billing": {"kind": "usage"}
	}`, string(data))
}

func TestPriceJSONInvalid(t *testing.T) {
	tests := []struct {
		name string
		json string
	}{
		{"not an object", `[1]`},
		{"unknown currency", `{"id":"v1","product_id":"p1","book_id":"std","currency":"XXY"}`},
		{"invalid spec", `{"id":"v1","product_id":"p1","book_id":"std","currency":"EUR","effective_from":"2026-01-01",
			"pricing":{"model":"per_unit","unit_price":"-1"},"billing":{"kind":"usage"}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p catalog.Price
			assert.Error(t, json.Unmarshal([]byte(tt.json), &p))
			assert.True(t, p.IsZero())
		})
	}
}

func TestZeroPriceJSON(t *testing.T) {
	data, err := json.Marshal(catalog.Price{})
	require.NoError(t, err)
	assert.Equal(t, "null", string(data))

	p := newPrice(t, money.EUR, catalog.Pricing{Model: catalog.ModelFlat, FlatAmount: d("1")})
	require.NoError(t, json.Unmarshal([]byte("null"), &p))
	assert.True(t, p.IsZero())
}
