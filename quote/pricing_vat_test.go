package quote_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"

	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/tax"
	"github.com/billkit/billkit/validation"
)

func TestVAT(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(in *quote.Input)
		vat    invoice.VAT
		reason tax.ExemptionReason
	}{
		{"standard rate of the seller's country", func(in *quote.Input) {}, invoice.VAT{Category: tax.StandardRate, Rate: dec("20")}, tax.ExemptionReason{}},
		{"tax country", func(in *quote.Input) { in.TaxCountry = "DE" }, invoice.VAT{Category: tax.StandardRate, Rate: dec("19")}, tax.ExemptionReason{}},
		{"reverse charge with its default reason", func(in *quote.Input) { in.Lines[0].TaxCategory = tax.ReverseCharge },
			invoice.VAT{Category: tax.ReverseCharge, Rate: decimal.Zero}, tax.ExemptionReverseCharge},
		{"rate given", func(in *quote.Input) { in.Lines[0].VATRate = decimal.NewNullDecimal(dec("8.5")) },
			invoice.VAT{Category: tax.StandardRate, Rate: dec("8.5")}, tax.ExemptionReason{}},
		{"outside scope", func(in *quote.Input) { in.Lines[0].TaxCategory = tax.OutsideScope },
			invoice.VAT{Category: tax.OutsideScope, Rate: decimal.Zero}, tax.ExemptionNotSubject},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := baseInput()
			tt.edit(&in)
			l := newQuote(t, newDesk(t), alice, in).Lines()[0]
			assert.True(t, tt.vat.Rate.Equal(l.VAT.Rate), "rate %s", l.VAT.Rate)
			assert.Equal(t, tt.vat.Category, l.VAT.Category)
			assert.Equal(t, tt.reason, l.ExemptionReason)
		})
	}
}

func TestVATFaults(t *testing.T) {
	checkFaults(t, []faultCase{
		{"exempt without reason", alice, onLine(0, func(l *quote.LineInput) { l.ProductID = "course"; l.Plan = oneTime("2026-04-01") }),
			[][2]string{{"lines[0].exemption_reason", validation.CodeRequired}}},
		{"reason for a standard rate", alice, onLine(0, func(l *quote.LineInput) { l.ExemptionReason = tax.ExemptionEU132 }),
			[][2]string{{"lines[0].exemption_reason", validation.CodeForbidden}}},
		{"rate for a zero-rated category", alice, onLine(0, func(l *quote.LineInput) {
			l.TaxCategory, l.VATRate = tax.ReverseCharge, decimal.NewNullDecimal(dec("20"))
		}), [][2]string{{"lines[0].vat_rate", validation.CodeOutOfRange}}},
		{"unknown tax category", alice, onLine(0, func(l *quote.LineInput) { l.TaxCategory = "X" }),
			[][2]string{{"lines[0].tax_category", validation.CodeNotAllowed}}},
		{"no tax country", alice, func(in *quote.Input) { in.Seller = quote.Input{}.Seller },
			[][2]string{{"tax_country", validation.CodeRequired}}},
		{"no rate in the tax country", alice, func(in *quote.Input) { in.TaxCountry = "US" },
			[][2]string{{"lines[0].vat_rate", validation.CodeUnknown}, {"lines[1].vat_rate", validation.CodeUnknown}}},
	})
}

// A contract line whose rate the quote looked up says so, and its invoices
// take the rate in force on their billing date: a change of rate after the
// quote reaches them. A rate the line gave stays as it was.
func TestContractVATOn(t *testing.T) {
	rates := tax.NewRates()
	for _, r := range []struct {
		from, percent string
	}{{"2014-01-01", "20"}, {"2026-07-01", "21"}} { // a change of rate, for the test
		if err := rates.Register("FR", tax.Standard, day(r.from), dec(r.percent)); err != nil {
			t.Fatal(err)
		}
	}
	desk, err := quote.NewDesk(newCatalog(t), rates, testPolicy())
	if err != nil {
		t.Fatal(err)
	}
	assert.Same(t, rates, desk.Rates())
	in := baseInput()
	in.Lines[1].VATRate = decimal.NewNullDecimal(dec("8.5"))
	q := newQuote(t, desk, alice, in)
	if err := q.Send(quoteDay); err != nil {
		t.Fatal(err)
	}
	c, err := q.Accept(id(9), day("2026-03-10"))
	if err != nil {
		t.Fatal(err)
	}
	looked, given := c.Lines[0], c.Lines[1]
	assert.Equal(t, tax.Standard, looked.RateKind)
	assert.Equal(t, "FR", looked.TaxCountry)
	assert.Empty(t, given.RateKind)
	assert.Empty(t, given.TaxCountry)

	for _, tt := range []struct {
		line quote.ContractLine
		on   string
		want string
	}{
		{looked, "2026-04-01", "20"}, {looked, "2026-06-30", "20"}, {looked, "2026-07-01", "21"},
		{given, "2026-04-01", "8.5"}, {given, "2026-07-01", "8.5"},
	} {
		v, err := tt.line.VATOn(rates, day(tt.on))
		assert.NoError(t, err)
		assert.Equal(t, tax.StandardRate, v.Category)
		assert.True(t, dec(tt.want).Equal(v.Rate), "%s on %s: %s, want %s", tt.line.ID, tt.on, v.Rate, tt.want)
	}
	_, err = looked.VATOn(tax.NewRates(), day("2026-07-01"))
	requireFaults(t, err, [2]string{"vat.rate", validation.CodeUnknown})
}
