package catalog_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// pricer is the interface the schedule package declares for usage billing.
type pricer interface {
	Amount(quantity decimal.Decimal) (money.Amount, error)
}

var _ pricer = catalog.Price{}

func TestEvaluate(t *testing.T) {
	nd := func(s string) decimal.NullDecimal { return decimal.NewNullDecimal(d(s)) }
	type point struct {
		quantity string
		amount   string // exact amount, in the price's currency
		limit    catalog.Limit
	}
	tests := []struct {
		name    string
		cur     money.Currency
		pricing catalog.Pricing
		points  []point
	}{
		{"flat", money.EUR, catalog.Pricing{Model: catalog.ModelFlat, FlatAmount: d("99")}, []point{
			{"0", "99", ""}, {"1", "99", ""}, {"1000000000000000", "99", ""},
		}},
		{"per unit", money.EUR, catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: d("2.50")}, []point{
			{"0", "0", ""}, {"1", "2.50", ""}, {"0.5", "1.25", ""},
			{"1000000000000000", "2500000000000000", ""},
		}},
		{"per unit sub-cent", money.EUR, catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: d("0.0015")}, []point{
			{"3", "0.0045", ""}, {"1000000", "1500", ""},
		}},
		{"per unit huge price", money.USD, catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: d("1000000000000000")}, []point{
			{"1000000000000000", "1000000000000000000000000000000", ""},
		}},
		{"graduated", money.EUR, catalog.Pricing{Model: catalog.ModelGraduated, Tiers: threeTiers()}, []point{
			{"0", "0", ""}, {"1", "5", ""}, {"9", "45", ""}, {"10", "50", ""}, {"11", "54", ""},
			{"24", "106", ""}, {"25", "110", ""}, {"26", "113", ""}, {"10.5", "52", ""},
			{"1000000000000000", "3000000000000035", ""},
		}},
		{"graduated with flat fees", money.EUR, catalog.Pricing{Model: catalog.ModelGraduated, Tiers: []catalog.Tier{
			{UpTo: upTo("10"), UnitPrice: d("5"), FlatFee: d("2")},
			{UpTo: upTo("25"), UnitPrice: d("4"), FlatFee: d("3")},
			{UnitPrice: d("3"), FlatFee: d("7")},
		}}, []point{
			{"0", "0", ""}, {"1", "7", ""}, {"10", "52", ""}, {"11", "59", ""}, {"25", "115", ""}, {"26", "125", ""},
		}},
		{"volume", money.EUR, catalog.Pricing{Model: catalog.ModelVolume, Tiers: threeTiers()}, []point{
			{"0", "0", ""}, {"1", "5", ""}, {"9", "45", ""}, {"10", "50", ""}, {"11", "44", ""},
			{"24", "96", ""}, {"25", "100", ""}, {"26", "78", ""},
			{"1000000000000000", "3000000000000000", ""},
		}},
		{"volume with flat fees", money.EUR, catalog.Pricing{Model: catalog.ModelVolume, Tiers: []catalog.Tier{
			{UpTo: upTo("10"), UnitPrice: d("5")},
			{UnitPrice: d("4"), FlatFee: d("20")},
		}}, []point{
			{"0", "0", ""}, {"10", "50", ""}, {"11", "64", ""},
		}},
		{"package", money.EUR, catalog.Pricing{Model: catalog.ModelPackage, PackageSize: d("100"), PackagePrice: d("10")}, []point{
			{"0", "0", ""}, {"1", "10", ""}, {"99", "10", ""}, {"100", "10", ""}, {"101", "20", ""},
			{"100.5", "20", ""}, {"1000000000000000", "100000000000000", ""},
		}},
		{"fractional package", money.EUR, catalog.Pricing{Model: catalog.ModelPackage, PackageSize: d("0.5"), PackagePrice: d("3")}, []point{
			{"0.4", "3", ""}, {"0.5", "3", ""}, {"1.2", "9", ""},
		}},
		{"per unit with min and max", money.EUR, catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: d("2.50"),
			MinCharge: nd("10"), MaxCharge: nd("100")}, []point{
			{"0", "10", catalog.LimitMinimum}, {"3", "10", catalog.LimitMinimum}, {"4", "10", ""},
			{"5", "12.50", ""}, {"39", "97.50", ""}, {"40", "100", ""}, {"41", "100", catalog.LimitMaximum},
			{"1000000000000000", "100", catalog.LimitMaximum},
		}},
		{"flat with min", money.EUR, catalog.Pricing{Model: catalog.ModelFlat, FlatAmount: d("5"), MinCharge: nd("8")}, []point{
			{"0", "8", catalog.LimitMinimum},
		}},
		{"graduated with max", money.EUR, catalog.Pricing{Model: catalog.ModelGraduated, Tiers: threeTiers(), MaxCharge: nd("100")}, []point{
			{"22", "98", ""}, {"23", "100", catalog.LimitMaximum}, // 23 units are 102.00 before the maximum
		}},
		{"yen per unit", money.JPY, catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: d("120")}, []point{
			{"0", "0", ""}, {"3", "360", ""}, {"0.5", "60", ""},
		}},
		{"yen graduated", money.JPY, catalog.Pricing{Model: catalog.ModelGraduated, Tiers: []catalog.Tier{
			{UpTo: upTo("100"), UnitPrice: d("15")}, {UnitPrice: d("9")},
		}}, []point{
			{"99", "1485", ""}, {"100", "1500", ""}, {"101", "1509", ""},
		}},
		{"dinar volume", money.KWD, catalog.Pricing{Model: catalog.ModelVolume, Tiers: []catalog.Tier{
			{UpTo: upTo("1000"), UnitPrice: d("0.005")}, {UnitPrice: d("0.004")},
		}}, []point{
			{"999", "4.995", ""}, {"1000", "5.000", ""}, {"1001", "4.004", ""},
		}},
		{"dinar package", money.KWD, catalog.Pricing{Model: catalog.ModelPackage, PackageSize: d("10"), PackagePrice: d("1.125"),
			MinCharge: nd("2.250")}, []point{
			{"0", "2.250", catalog.LimitMinimum}, {"10", "2.250", catalog.LimitMinimum}, {"21", "3.375", ""},
		}},
	}
	for _, tt := range tests {
		price := newPrice(t, tt.cur, tt.pricing)
		for _, pt := range tt.points {
			t.Run(tt.name+"/"+pt.quantity, func(t *testing.T) {
				want := money.New(d(pt.amount), tt.cur)
				ev, err := price.Evaluate(d(pt.quantity))
				require.NoError(t, err)
				assert.True(t, want.Equal(ev.Amount), "Evaluate: want %s, got %s", want, ev.Amount)
				assert.Equal(t, tt.cur, ev.Amount.Currency())
				assert.Equal(t, pt.limit, ev.Limit)
				assert.Equal(t, tt.pricing.Model, ev.Model)

				amount, err := price.Amount(d(pt.quantity))
				require.NoError(t, err)
				assert.True(t, want.Equal(amount), "Amount: want %s, got %s", want, amount)

				var lines decimal.Decimal
				for _, l := range ev.Lines() {
					lines = lines.Add(l.Amount.Number())
				}
				assert.True(t, lines.Equal(ev.Subtotal.Number()), "lines %s, subtotal %s", lines, ev.Subtotal)
			})
		}
	}
}

func TestEvaluateIsExact(t *testing.T) {
	// 7 units at 0.333 EUR are 2.331 EUR: no rounding to cents here.
	p := newPrice(t, money.EUR, catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: d("0.333")})
	amount, err := p.Amount(d("7"))
	require.NoError(t, err)
	assert.Equal(t, "2.331 EUR", amount.String())
}

func TestEvaluateRefusesBadQuantities(t *testing.T) {
	p := newPrice(t, money.EUR, catalog.Pricing{Model: catalog.ModelGraduated, Tiers: threeTiers()})
	tests := []struct {
		name     string
		quantity decimal.Decimal
	}{
		{"negative", d("-1")},
		{"tiny negative", d("-0.000001")},
		{"too large", decimal.New(1, 24)},
		{"huge exponent", decimal.New(1, 2_000_000_000)},
		{"too precise", decimal.New(1, -19)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev, err := p.Evaluate(tt.quantity)
			requireFaults(t, err, [2]string{"quantity", validation.CodeOutOfRange})
			assert.Empty(t, ev.Lines())
			amount, err := p.Amount(tt.quantity)
			requireFaults(t, err, [2]string{"quantity", validation.CodeOutOfRange})
			assert.True(t, amount.IsZero())
		})
	}
}

func TestEvaluateWrongModel(t *testing.T) {
	pct := newPrice(t, money.EUR, catalog.Pricing{Model: catalog.ModelPercentage, Percent: d("2")})
	unit := newPrice(t, money.EUR, catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: d("2")})
	tests := []struct {
		name string
		call func() error
	}{
		{"quantity of a percentage price", func() error { _, err := pct.Evaluate(d("1")); return err }},
		{"amount of a percentage price", func() error { _, err := pct.Amount(d("1")); return err }},
		{"base of a per-unit price", func() error { _, err := unit.EvaluateBase(money.MustParse("1 EUR")); return err }},
		{"quantity of the zero price", func() error { _, err := catalog.Price{}.Evaluate(d("1")); return err }},
		{"amount of the zero price", func() error { _, err := catalog.Price{}.Amount(d("1")); return err }},
		{"base of the zero price", func() error { _, err := catalog.Price{}.EvaluateBase(); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			require.ErrorIs(t, err, catalog.ErrWrongModel)
			var me *catalog.ModelError
			require.ErrorAs(t, err, &me)
			assert.NotEmpty(t, me.Error())
		})
	}
}

func TestEvaluateBase(t *testing.T) {
	nd := func(s string) decimal.NullDecimal { return decimal.NewNullDecimal(d(s)) }
	tests := []struct {
		name    string
		pricing catalog.Pricing
		bases   []money.Amount
		amount  string
		limits  []catalog.Limit // per base
		limit   catalog.Limit
	}{
		{"one payment", catalog.Pricing{Model: catalog.ModelPercentage, Percent: d("2.9")},
			[]money.Amount{money.MustParse("100.00 EUR")}, "2.9", []catalog.Limit{""}, ""},
		{"exact sub-cent fee", catalog.Pricing{Model: catalog.ModelPercentage, Percent: d("2.9")},
			[]money.Amount{money.MustParse("10.01 EUR")}, "0.29029", []catalog.Limit{""}, ""},
		{"minimum fee", catalog.Pricing{Model: catalog.ModelPercentage, Percent: d("2.9"), MinFee: nd("0.30")},
			[]money.Amount{money.MustParse("5.00 EUR")}, "0.30", []catalog.Limit{catalog.LimitMinimum}, ""},
		{"minimum fee on zero", catalog.Pricing{Model: catalog.ModelPercentage, Percent: d("2.9"), MinFee: nd("0.30")},
			[]money.Amount{money.Zero(money.EUR)}, "0.30", []catalog.Limit{catalog.LimitMinimum}, ""},
		{"maximum fee", catalog.Pricing{Model: catalog.ModelPercentage, Percent: d("1"), MaxFee: nd("5")},
			[]money.Amount{money.MustParse("1000000000000000 EUR")}, "5", []catalog.Limit{catalog.LimitMaximum}, ""},
		{"fee at its minimum exactly", catalog.Pricing{Model: catalog.ModelPercentage, Percent: d("3"), MinFee: nd("0.30")},
			[]money.Amount{money.MustParse("10.00 EUR")}, "0.30", []catalog.Limit{""}, ""},
		{"fee just below its minimum", catalog.Pricing{Model: catalog.ModelPercentage, Percent: d("3"), MinFee: nd("0.30"), MaxFee: nd("3")},
			[]money.Amount{money.MustParse("9.99 EUR")}, "0.30", []catalog.Limit{catalog.LimitMinimum}, ""},
		{"fee just above its minimum", catalog.Pricing{Model: catalog.ModelPercentage, Percent: d("3"), MinFee: nd("0.30"), MaxFee: nd("3")},
			[]money.Amount{money.MustParse("10.01 EUR")}, "0.3003", []catalog.Limit{""}, ""},
		{"fee just below its maximum", catalog.Pricing{Model: catalog.ModelPercentage, Percent: d("3"), MinFee: nd("0.30"), MaxFee: nd("3")},
			[]money.Amount{money.MustParse("99.99 EUR")}, "2.9997", []catalog.Limit{""}, ""},
		{"fee at its maximum exactly", catalog.Pricing{Model: catalog.ModelPercentage, Percent: d("3"), MinFee: nd("0.30"), MaxFee: nd("3")},
			[]money.Amount{money.MustParse("100.00 EUR")}, "3", []catalog.Limit{""}, ""},
		{"fee just above its maximum", catalog.Pricing{Model: catalog.ModelPercentage, Percent: d("3"), MinFee: nd("0.30"), MaxFee: nd("3")},
			[]money.Amount{money.MustParse("100.01 EUR")}, "3", []catalog.Limit{catalog.LimitMaximum}, ""},
		{"yen", catalog.Pricing{Model: catalog.ModelPercentage, Percent: d("3.6")},
			[]money.Amount{money.MustParse("1234 JPY")}, "44.424", []catalog.Limit{""}, ""},
		{"several payments", catalog.Pricing{Model: catalog.ModelPercentage, Percent: d("2.9"), MinFee: nd("0.30"), MaxFee: nd("10")},
			[]money.Amount{money.MustParse("100 EUR"), money.MustParse("5 EUR"), money.MustParse("1000 EUR")},
			"13.2", []catalog.Limit{"", catalog.LimitMinimum, catalog.LimitMaximum}, ""},
		{"no payment", catalog.Pricing{Model: catalog.ModelPercentage, Percent: d("2.9")}, nil, "0", nil, ""},
		{"no payment, minimum charge", catalog.Pricing{Model: catalog.ModelPercentage, Percent: d("2.9"), MinCharge: nd("1")},
			nil, "1", nil, catalog.LimitMinimum},
		{"maximum charge", catalog.Pricing{Model: catalog.ModelPercentage, Percent: d("50"), MaxCharge: nd("60")},
			[]money.Amount{money.MustParse("100 EUR"), money.MustParse("100 EUR")}, "60", []catalog.Limit{"", ""}, catalog.LimitMaximum},
		{"zero amount without currency", catalog.Pricing{Model: catalog.ModelPercentage, Percent: d("2.9")},
			[]money.Amount{{}}, "0", []catalog.Limit{""}, ""},
		{"hundred percent", catalog.Pricing{Model: catalog.ModelPercentage, Percent: d("100")},
			[]money.Amount{money.MustParse("12.34 EUR")}, "12.34", []catalog.Limit{""}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cur := money.EUR
			if len(tt.bases) > 0 && !tt.bases[0].Currency().IsZero() {
				cur = tt.bases[0].Currency()
			}
			p := newPrice(t, cur, tt.pricing)
			ev, err := p.EvaluateBase(tt.bases...)
			require.NoError(t, err)
			want := money.New(d(tt.amount), cur)
			assert.True(t, want.Equal(ev.Amount), "want %s, got %s", want, ev.Amount)
			assert.Equal(t, tt.limit, ev.Limit)
			require.Len(t, ev.Lines(), len(tt.bases))
			for i, l := range ev.Lines() {
				assert.Equal(t, tt.limits[i], l.FeeLimit, "line %d", i)
				assert.True(t, l.Base.Number().Equal(tt.bases[i].Number()))
				assert.Equal(t, cur, l.Base.Currency())
			}
		})
	}
}

func TestEvaluateBaseRefusesBadBases(t *testing.T) {
	p := newPrice(t, money.EUR, catalog.Pricing{Model: catalog.ModelPercentage, Percent: d("2.9")})
	tests := []struct {
		name   string
		bases  []money.Amount
		faults [][2]string
	}{
		{"negative", []money.Amount{money.MustParse("-1 EUR")}, [][2]string{{"bases[0]", validation.CodeOutOfRange}}},
		{"other currency", []money.Amount{money.MustParse("1 EUR"), money.MustParse("1 USD")},
			[][2]string{{"bases[1]", validation.CodeMismatch}}},
		{"every fault", []money.Amount{money.MustParse("1 JPY"), money.MustParse("-2 EUR")},
			[][2]string{{"bases[0]", validation.CodeMismatch}, {"bases[1]", validation.CodeOutOfRange}}},
		{"too large", []money.Amount{money.New(decimal.New(1, 30), money.EUR)}, [][2]string{{"bases[0]", validation.CodeOutOfRange}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := p.EvaluateBase(tt.bases...)
			requireFaults(t, err, tt.faults...)
		})
	}
}
