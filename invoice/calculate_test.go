package invoice

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/tax"
)

func TestCalculateRefusesWhatItCannotCompute(t *testing.T) {
	tests := []struct {
		name   string
		change func(d *Document)
		want   []string
	}{
		{"no currency", func(d *Document) { d.Currency = money.Currency{} }, []string{"currency BR-05"}},
		{"price in another currency", func(d *Document) { d.Lines[0].UnitPrice = amt("10.00 USD") },
			[]string{"lines[0].unit_price mismatch"}},
		{"zero base quantity", func(d *Document) { d.Lines[0].BaseQuantity = decimal.NewNullDecimal(decimal.Zero) },
			[]string{"lines[0].base_quantity " + CodeBaseQuantity}},
		{"negative base quantity", func(d *Document) { d.Lines[0].BaseQuantity = decimal.NewNullDecimal(dec("-1")) },
			[]string{"lines[0].base_quantity " + CodeBaseQuantity}},
		{"hostile quantity", func(d *Document) { d.Lines[0].Quantity = decimal.New(1, -1_000_000_000) },
			[]string{"lines[0].quantity out_of_range"}},
		{"huge price", func(d *Document) { d.Lines[0].UnitPrice = money.New(decimal.New(1, 20), money.EUR) },
			[]string{"lines[0].unit_price out_of_range"}},
		{"unknown rounding mode", func(d *Document) { d.Pricing.RoundingMode = "nearest" },
			[]string{"pricing.rounding_mode not_allowed"}},
		{"unknown rounding policy", func(d *Document) { d.Pricing.Rounding = "per_document" },
			[]string{"pricing.rounding not_allowed"}},
		{"rate of 100 % or more", func(d *Document) { d.Lines[0].VAT.Rate = dec("100") },
			[]string{"lines[0].vat.rate out_of_range"}},
		{"line allowance with too many decimals", func(d *Document) {
			d.Lines[0].Allowances = []LineAllowanceCharge{{Amount: amt("1.005 EUR"), Reason: "x"}}
		}, []string{"lines[0].allowances[0].amount BR-DEC-24"}},
		{"negative line charge", func(d *Document) {
			d.Lines[0].Charges = []LineAllowanceCharge{{Amount: amt("-1.00 EUR"), Reason: "x"}}
		}, []string{"lines[0].charges[0].amount out_of_range"}},
		{"percentage above 100", func(d *Document) {
			d.Allowances = []AllowanceCharge{{Percent: dec("120"), Reason: "x", VAT: s20}}
		}, []string{"allowances[0].percent out_of_range"}},
		{"paid amount in another currency", func(d *Document) { d.PaidAmount = amt("5.00 GBP") },
			[]string{"paid_amount mismatch"}},
		{"rounding amount with three decimals", func(d *Document) { d.RoundingAmount = amt("0.005 EUR") },
			[]string{"rounding_amount BR-DEC-17"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20))
			tt.change(&d)
			before := d.Clone()
			err := d.Calculate()
			assert.Equal(t, tt.want, faults(t, err))
			assert.Equal(t, before, d, "a refused calculation leaves the document unchanged")
			assert.Equal(t, tt.want, faults(t, d.Validate())[:len(tt.want)], "Validate reports the same faults first")
		})
	}
}

func TestCalculateIsRepeatable(t *testing.T) {
	d := calculated(t, tenLines())
	again := calculated(t, d.Clone())
	assert.Equal(t, d, again)
}

func TestCalculateRoundingModes(t *testing.T) {
	// 1 × 2.345 EUR at 20 %, then a VAT of 2.35 × 20 % = 0.47 or 2.34 × 20 % = 0.468.
	tests := []struct {
		mode      money.RoundingMode
		net, vat  string
		inclusive string
	}{
		{"", "2.35 EUR", "0.47 EUR", "2.82 EUR"},
		{money.RoundHalfEven, "2.34 EUR", "0.47 EUR", "2.81 EUR"},
		{money.RoundUp, "2.35 EUR", "0.47 EUR", "2.82 EUR"},
		{money.RoundDown, "2.34 EUR", "0.46 EUR", "2.80 EUR"},
		{money.RoundCeiling, "2.35 EUR", "0.47 EUR", "2.82 EUR"},
		{money.RoundFloor, "2.34 EUR", "0.46 EUR", "2.80 EUR"},
	}
	for _, tt := range tests {
		t.Run("mode "+string(tt.mode), func(t *testing.T) {
			d := frenchInvoice(item("1", "Vis", "1", "C62", "2.345 EUR", s20))
			d.Pricing.RoundingMode = tt.mode
			d = calculated(t, d)
			assert.Equal(t, tt.net, d.Lines[0].NetAmount.String())
			assert.Equal(t, tt.vat, d.Totals.VAT.String())
			assert.Equal(t, tt.inclusive, d.Totals.TaxInclusive.String())
		})
	}
}

func TestCalculateWithoutVAT(t *testing.T) {
	l := item("1", "Cotisation", "1", "ANN", "120.00 EUR", vat(tax.OutsideScope, "0"))
	l.ExemptionReason = tax.ExemptionNotSubject
	d := frenchInvoice(l)
	d.Seller.VATID = "" // BR-O-02
	d.Pricing.PricesIncludeVAT = true
	d = calculated(t, d)
	assert.Equal(t, "120.00 EUR", d.Lines[0].NetAmount.String())
	assert.Equal(t, []string{"O 0%: 120.00 EUR / 0.00 EUR VATEX-EU-O"}, breakdownStrings(d))
	require.NoError(t, d.Validate())
}
