package catalog_test

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/money"
)

func TestEvaluationString(t *testing.T) {
	nd := func(s string) decimal.NullDecimal { return decimal.NewNullDecimal(d(s)) }
	tests := []struct {
		name     string
		cur      money.Currency
		pricing  catalog.Pricing
		quantity string
		want     string
	}{
		{"flat", money.EUR, catalog.Pricing{Model: catalog.ModelFlat, FlatAmount: d("99")}, "3",
			"flat 99.00 = 99.00 EUR"},
		{"per unit", money.EUR, catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: d("4")}, "25",
			"25 × 4.00 = 100.00 EUR"},
		{"per unit zero", money.EUR, catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: d("4")}, "0",
			"0 × 4.00 = 0.00 EUR"},
		{"per unit sub-cent", money.EUR, catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: d("0.0015")}, "3",
			"3 × 0.0015 = 0.0045 EUR"},
		{"graduated", money.EUR, catalog.Pricing{Model: catalog.ModelGraduated, Tiers: threeTiers()}, "25",
			"0–10 × 5.00 + 11–25 × 4.00 = 110.00 EUR"},
		{"graduated into the open tier", money.EUR, catalog.Pricing{Model: catalog.ModelGraduated, Tiers: threeTiers()}, "30",
			"0–10 × 5.00 + 11–25 × 4.00 + 26–30 × 3.00 = 125.00 EUR"},
		{"graduated first tier", money.EUR, catalog.Pricing{Model: catalog.ModelGraduated, Tiers: threeTiers()}, "4",
			"0–4 × 5.00 = 20.00 EUR"},
		{"graduated fractional", money.EUR, catalog.Pricing{Model: catalog.ModelGraduated, Tiers: threeTiers()}, "12.5",
			"0–10 × 5.00 + 10–12.5 × 4.00 = 60.00 EUR"},
		{"graduated zero", money.EUR, catalog.Pricing{Model: catalog.ModelGraduated, Tiers: threeTiers()}, "0",
			"quantity 0 = 0.00 EUR"},
		{"graduated with fees", money.EUR, catalog.Pricing{Model: catalog.ModelGraduated, Tiers: []catalog.Tier{
			{UpTo: upTo("10"), UnitPrice: d("5"), FlatFee: d("2")}, {UnitPrice: d("4"), FlatFee: d("3")}}}, "11",
			"0–10 × 5.00 + flat 2.00 + 11–11 × 4.00 + flat 3.00 = 59.00 EUR"},
		{"volume", money.EUR, catalog.Pricing{Model: catalog.ModelVolume, Tiers: threeTiers()}, "25",
			"25 × 4.00 (tier 2) = 100.00 EUR"},
		{"volume with fee", money.EUR, catalog.Pricing{Model: catalog.ModelVolume, Tiers: []catalog.Tier{
			{UpTo: upTo("10"), UnitPrice: d("5")}, {UnitPrice: d("4"), FlatFee: d("20")}}}, "11",
			"11 × 4.00 (tier 2) + flat 20.00 = 64.00 EUR"},
		{"package", money.EUR, catalog.Pricing{Model: catalog.ModelPackage, PackageSize: d("100"), PackagePrice: d("10")}, "250",
			"3 packs × 10.00 (250 in packs of 100) = 30.00 EUR"},
		{"one package", money.EUR, catalog.Pricing{Model: catalog.ModelPackage, PackageSize: d("100"), PackagePrice: d("10")}, "1",
			"1 pack × 10.00 (1 in packs of 100) = 10.00 EUR"},
		{"minimum charge", money.EUR, catalog.Pricing{Model: catalog.ModelGraduated, Tiers: threeTiers(), MinCharge: nd("100")}, "10",
			"0–10 × 5.00 = 50.00, minimum charge 100.00 EUR"},
		{"maximum charge", money.EUR, catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: d("4"), MaxCharge: nd("50")}, "25",
			"25 × 4.00 = 100.00, maximum charge 50.00 EUR"},
		{"minimum on nothing", money.EUR, catalog.Pricing{Model: catalog.ModelVolume, Tiers: threeTiers(), MinCharge: nd("20")}, "0",
			"quantity 0 = 0.00, minimum charge 20.00 EUR"},
		{"yen", money.JPY, catalog.Pricing{Model: catalog.ModelGraduated, Tiers: []catalog.Tier{
			{UpTo: upTo("100"), UnitPrice: d("15")}, {UnitPrice: d("9")}}}, "101",
			"0–100 × 15 + 101–101 × 9 = 1509 JPY"},
		{"dinar", money.KWD, catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: d("1.25")}, "3",
			"3 × 1.250 = 3.750 KWD"},
		{"huge", money.EUR, catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: d("1000")}, "1000000000000000",
			"1000000000000000 × 1000.00 = 1000000000000000000.00 EUR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev, err := newPrice(t, tt.cur, tt.pricing).Evaluate(d(tt.quantity))
			require.NoError(t, err)
			assert.Equal(t, tt.want, ev.String())
		})
	}
}

func TestEvaluationStringPercentage(t *testing.T) {
	nd := func(s string) decimal.NullDecimal { return decimal.NewNullDecimal(d(s)) }
	p := newPrice(t, money.EUR, catalog.Pricing{Model: catalog.ModelPercentage, Percent: d("2.9"),
		MinFee: nd("0.30"), MaxFee: nd("10")})
	tests := []struct {
		name  string
		bases []money.Amount
		want  string
	}{
		{"one", []money.Amount{money.MustParse("100 EUR")}, "2.9% of 100.00 = 2.90 EUR"},
		{"minimum fee", []money.Amount{money.MustParse("5 EUR")}, "2.9% of 5.00 (minimum fee 0.30) = 0.30 EUR"},
		{"several", []money.Amount{money.MustParse("100 EUR"), money.MustParse("1000 EUR")},
			"2.9% of 100.00 + 2.9% of 1000.00 (maximum fee 10.00) = 12.90 EUR"},
		{"none", nil, "no base amount = 0.00 EUR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev, err := p.EvaluateBase(tt.bases...)
			require.NoError(t, err)
			assert.Equal(t, tt.want, ev.String())
		})
	}
}

func TestEvaluationLines(t *testing.T) {
	p := newPrice(t, money.EUR, catalog.Pricing{Model: catalog.ModelGraduated, Tiers: threeTiers()})
	ev, err := p.Evaluate(d("30"))
	require.NoError(t, err)
	require.Len(t, ev.Lines(), 3)
	wants := []struct{ tier, from, quantity, price, amount string }{
		{"1", "0", "10", "5", "50"},
		{"2", "10", "15", "4", "60"},
		{"3", "25", "5", "3", "15"},
	}
	for i, w := range wants {
		t.Run("tier "+w.tier, func(t *testing.T) {
			l := ev.Lines()[i]
			assert.Equal(t, i+1, l.Tier)
			assert.True(t, l.From.Equal(d(w.from)), "from %s", l.From)
			assert.True(t, l.Quantity.Equal(d(w.quantity)), "quantity %s", l.Quantity)
			assert.True(t, l.UnitPrice.Equal(d(w.price)), "unit price %s", l.UnitPrice)
			assert.True(t, l.Amount.Equal(money.New(d(w.amount), money.EUR)), "amount %s", l.Amount)
		})
	}
	assert.Equal(t, "125.00 EUR", ev.Subtotal.String())
	assert.Equal(t, "125.00 EUR", ev.Amount.String())
}

func TestEvaluationJSON(t *testing.T) {
	p := newPrice(t, money.EUR, catalog.Pricing{Model: catalog.ModelPackage, PackageSize: d("100"), PackagePrice: d("10"),
		MinCharge: decimal.NewNullDecimal(d("50"))})
	ev, err := p.Evaluate(d("250"))
	require.NoError(t, err)
	data, err := json.Marshal(ev)
	require.NoError(t, err)
	assert.JSONEq(t, `{
		"model": "package", "quantity": "250", "package_size": "100",
		"lines": [{"quantity": "3", "unit_price": "10", "amount": {"amount": "30.00", "currency": "EUR"}}],
		"subtotal": {"amount": "30.00", "currency": "EUR"},
		"limit": "minimum",
		"amount": {"amount": "50.00", "currency": "EUR"}
	}`, string(data))

	var back catalog.Evaluation
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, ev.String(), back.String())
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(data), string(again))
	assert.Error(t, json.Unmarshal([]byte(`{"lines": 3}`), &back))
}

func TestEvaluationLinesAreACopy(t *testing.T) {
	p := newPrice(t, money.EUR, catalog.Pricing{Model: catalog.ModelGraduated, Tiers: threeTiers()})
	ev, err := p.Evaluate(d("30"))
	require.NoError(t, err)
	lines := ev.Lines()
	lines[0].UnitPrice = d("999")
	_ = append(lines[:1], catalog.Line{Tier: 42})

	again, err := p.Evaluate(d("30"))
	require.NoError(t, err)
	assert.Equal(t, "0–10 × 5.00 + 11–25 × 4.00 + 26–30 × 3.00 = 125.00 EUR", again.String())
	assert.Equal(t, "0–10 × 5.00 + 11–25 × 4.00 + 26–30 × 3.00 = 125.00 EUR", ev.String())
	assert.Empty(t, catalog.Evaluation{}.Lines())
}
