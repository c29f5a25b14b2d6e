package catalog_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"

	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/validation"
)

func TestPricingValidate(t *testing.T) {
	none := decimal.NullDecimal{}
	tests := []struct {
		name    string
		pricing catalog.Pricing
		faults  [][2]string
	}{
		{"flat", catalog.Pricing{Model: catalog.ModelFlat, FlatAmount: d("99")}, nil},
		{"free flat", catalog.Pricing{Model: catalog.ModelFlat}, nil},
		{"per unit", catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: d("0.0015")}, nil},
		{"graduated", catalog.Pricing{Model: catalog.ModelGraduated, Tiers: threeTiers()}, nil},
		{"volume", catalog.Pricing{Model: catalog.ModelVolume, Tiers: threeTiers()}, nil},
		{"one open tier", catalog.Pricing{Model: catalog.ModelGraduated, Tiers: []catalog.Tier{{UnitPrice: d("1")}}}, nil},
		{"fractional tiers", catalog.Pricing{Model: catalog.ModelGraduated, Tiers: []catalog.Tier{
			{UpTo: upTo("0.5"), UnitPrice: d("1")}, {UpTo: upTo("1.5"), UnitPrice: d("0.5")}, {UnitPrice: d("0.25")}}}, nil},
		{"package", catalog.Pricing{Model: catalog.ModelPackage, PackageSize: d("100"), PackagePrice: d("10")}, nil},
		{"percentage", catalog.Pricing{Model: catalog.ModelPercentage, Percent: d("2.9"),
			MinFee: decimal.NewNullDecimal(d("0.30")), MaxFee: decimal.NewNullDecimal(d("10"))}, nil},
		{"hundred percent", catalog.Pricing{Model: catalog.ModelPercentage, Percent: d("100")}, nil},
		{"min and max charge", catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: d("1"),
			MinCharge: decimal.NewNullDecimal(d("10")), MaxCharge: decimal.NewNullDecimal(d("10"))}, nil},

		{"missing model", catalog.Pricing{}, [][2]string{{"model", validation.CodeRequired}}},
		{"unknown model", catalog.Pricing{Model: "auction"}, [][2]string{{"model", validation.CodeNotAllowed}}},
		{"negative flat", catalog.Pricing{Model: catalog.ModelFlat, FlatAmount: d("-1")},
			[][2]string{{"flat_amount", validation.CodeOutOfRange}}},
		{"negative unit price", catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: d("-0.01")},
			[][2]string{{"unit_price", validation.CodeOutOfRange}}},
		{"too precise unit price", catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: decimal.New(1, -19)},
			[][2]string{{"unit_price", validation.CodeOutOfRange}}},
		{"field of another model", catalog.Pricing{Model: catalog.ModelFlat, FlatAmount: d("1"), UnitPrice: d("2"),
			Tiers: threeTiers(), PackageSize: d("3"), PackagePrice: d("4"), Percent: d("5"),
			MinFee: decimal.NewNullDecimal(d("1")), MaxFee: decimal.NewNullDecimal(d("2"))}, [][2]string{
			{"unit_price", validation.CodeForbidden}, {"tiers", validation.CodeForbidden},
			{"package_size", validation.CodeForbidden}, {"package_price", validation.CodeForbidden},
			{"percent", validation.CodeForbidden}, {"min_fee", validation.CodeForbidden}, {"max_fee", validation.CodeForbidden},
		}},
		{"flat amount on per unit", catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: d("1"), FlatAmount: d("1")},
			[][2]string{{"flat_amount", validation.CodeForbidden}}},
		{"no tiers", catalog.Pricing{Model: catalog.ModelGraduated}, [][2]string{{"tiers", validation.CodeRequired}}},
		{"too many tiers", catalog.Pricing{Model: catalog.ModelVolume, Tiers: make([]catalog.Tier, catalog.MaxTiers+1)},
			[][2]string{{"tiers", validation.CodeOutOfRange}}},
		{"last tier bounded", catalog.Pricing{Model: catalog.ModelGraduated, Tiers: []catalog.Tier{
			{UpTo: upTo("10"), UnitPrice: d("1")}, {UpTo: upTo("20"), UnitPrice: d("1")}}},
			[][2]string{{"tiers[1].up_to", validation.CodeForbidden}}},
		{"middle tier open", catalog.Pricing{Model: catalog.ModelVolume, Tiers: []catalog.Tier{
			{UnitPrice: d("1")}, {UnitPrice: d("1")}}},
			[][2]string{{"tiers[0].up_to", validation.CodeRequired}}},
		{"bounds not increasing", catalog.Pricing{Model: catalog.ModelGraduated, Tiers: []catalog.Tier{
			{UpTo: upTo("10"), UnitPrice: d("1")}, {UpTo: upTo("10"), UnitPrice: d("1")},
			{UpTo: upTo("5"), UnitPrice: d("1")}, {UnitPrice: d("1")}}},
			[][2]string{{"tiers[1].up_to", validation.CodeOutOfRange}, {"tiers[2].up_to", validation.CodeOutOfRange}}},
		{"zero first bound", catalog.Pricing{Model: catalog.ModelGraduated, Tiers: []catalog.Tier{
			{UpTo: upTo("0"), UnitPrice: d("1")}, {UnitPrice: d("1")}}},
			[][2]string{{"tiers[0].up_to", validation.CodeOutOfRange}}},
		{"negative tier prices", catalog.Pricing{Model: catalog.ModelGraduated, Tiers: []catalog.Tier{
			{UpTo: upTo("-1"), UnitPrice: d("-1"), FlatFee: d("-1")}, {UnitPrice: d("1")}}},
			[][2]string{{"tiers[0].up_to", validation.CodeOutOfRange}, {"tiers[0].unit_price", validation.CodeOutOfRange},
				{"tiers[0].flat_fee", validation.CodeOutOfRange}}},
		{"zero package", catalog.Pricing{Model: catalog.ModelPackage, PackagePrice: d("1")},
			[][2]string{{"package_size", validation.CodeOutOfRange}}},
		{"negative package", catalog.Pricing{Model: catalog.ModelPackage, PackageSize: d("-5"), PackagePrice: d("-1")},
			[][2]string{{"package_size", validation.CodeOutOfRange}, {"package_price", validation.CodeOutOfRange}}},
		{"percent above 100", catalog.Pricing{Model: catalog.ModelPercentage, Percent: d("100.01")},
			[][2]string{{"percent", validation.CodeOutOfRange}}},
		{"negative percent", catalog.Pricing{Model: catalog.ModelPercentage, Percent: d("-1")},
			[][2]string{{"percent", validation.CodeOutOfRange}}},
		{"min fee above max fee", catalog.Pricing{Model: catalog.ModelPercentage, Percent: d("1"),
			MinFee: decimal.NewNullDecimal(d("5")), MaxFee: decimal.NewNullDecimal(d("1"))},
			[][2]string{{"min_fee", validation.CodeOutOfRange}}},
		{"negative fee", catalog.Pricing{Model: catalog.ModelPercentage, Percent: d("1"), MinFee: decimal.NewNullDecimal(d("-1")), MaxFee: none},
			[][2]string{{"min_fee", validation.CodeOutOfRange}}},
		{"min charge above max charge", catalog.Pricing{Model: catalog.ModelFlat, FlatAmount: d("1"),
			MinCharge: decimal.NewNullDecimal(d("20")), MaxCharge: decimal.NewNullDecimal(d("10"))},
			[][2]string{{"min_charge", validation.CodeOutOfRange}}},
		{"negative charges", catalog.Pricing{Model: catalog.ModelFlat, FlatAmount: d("1"),
			MinCharge: decimal.NewNullDecimal(d("-20")), MaxCharge: decimal.NewNullDecimal(d("-10"))},
			[][2]string{{"min_charge", validation.CodeOutOfRange}, {"max_charge", validation.CodeOutOfRange}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.pricing.Validate()
			if tt.faults == nil {
				assert.NoError(t, err)
				return
			}
			requireFaults(t, err, tt.faults...)
		})
	}
}

func TestModels(t *testing.T) {
	models := catalog.Models()
	assert.Len(t, models, 6)
	for _, m := range models {
		t.Run(string(m), func(t *testing.T) {
			assert.True(t, m.Valid())
			assert.Equal(t, m != catalog.ModelPercentage, m.QuantityBased())
		})
	}
	assert.False(t, catalog.Model("").Valid())
	assert.False(t, catalog.Model("").QuantityBased())
}
