package en16931_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/einvoice/internal/en16931"
	"github.com/billkit/billkit/einvoice/internal/testdocs"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
)

func TestFormats(t *testing.T) {
	cases := []struct{ name, got, want string }{
		{"EUR amount", en16931.Amount(money.MustParse("72 EUR"), money.EUR), "72.00"},
		{"JPY amount", en16931.Amount(money.MustParse("948 JPY"), money.JPY), "948"},
		{"KWD amount", en16931.Amount(money.MustParse("2.284 KWD"), money.KWD), "2.284"},
		{"negative amount", en16931.Amount(money.MustParse("-0.5 EUR"), money.EUR), "-0.50"},
		{"price at currency precision", en16931.Price(money.MustParse("650 EUR"), money.EUR), "650.00"},
		{"price with more decimals", en16931.Price(money.MustParse("7.3330 EUR"), money.EUR), "7.333"},
		{"rate", en16931.Decimal(decimal.RequireFromString("5.50")), "5.5"},
		{"ISO date", en16931.ISODate(date.MustParse("2026-03-02")), "2026-03-02"},
		{"format 102", en16931.Date102(date.MustParse("2026-03-02")), "20260302"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { assert.Equal(t, c.want, c.got) })
	}
}

func TestLegalIDScheme(t *testing.T) {
	cases := []struct {
		name, country, id, want string
	}{
		{"French SIREN", "FR", "732829320", "0002"},
		{"French SIRET", "FR", "73282932000074", "0009"},
		{"French other", "FR", "RCS 732", ""},
		{"German", "DE", "732829320", ""},
		{"none", "FR", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := invoice.Party{LegalID: c.id, Address: invoice.Address{Country: c.country}}
			assert.Equal(t, c.want, en16931.LegalIDScheme(p))
		})
	}
}

// TestPropertyLineStatesNetAmount checks on random invoices that what the
// XML states of each line gives back its net amount: quantity × price ÷
// base quantity, rounded, − allowances + charges = BT-131, with a price
// that is never negative.
func TestPropertyLineStatesNetAmount(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		doc := testdocs.Random(t)
		mode := doc.Pricing.RoundingMode
		digits := int32(doc.Currency.Digits())
		for i := range doc.Lines {
			l := &doc.Lines[i]
			s := en16931.LineOf(&doc, l)
			require.False(t, s.Price.IsNegative(), "line %s: negative price", l.ID)
			base := decimal.NewFromInt(1)
			if !s.BaseQuantity.IsZero() {
				base = s.BaseQuantity
			}
			net, err := money.QuoRound(l.Quantity.Mul(s.Price.Number()), base, digits, mode)
			require.NoError(t, err)
			for _, a := range s.Adjustments {
				if a.Charge {
					net = net.Add(a.Amount.Number())
				} else {
					net = net.Sub(a.Amount.Number())
				}
			}
			assert.True(t, net.Equal(l.NetAmount.Number()), "line %s: states %s, net amount %s", l.ID, net, l.NetAmount)
		}
	})
}

func TestLineFoldsWhenSignsDiffer(t *testing.T) {
	doc := invoice.Document{Currency: money.EUR, Pricing: invoice.Pricing{PricesIncludeVAT: true}}
	l := invoice.Line{Quantity: decimal.NewFromInt(2), NetAmount: money.MustParse("-3.00 EUR")}
	s := en16931.LineOf(&doc, &l)
	assert.True(t, s.Price.IsZero())
	assert.Equal(t, "2", s.BaseQuantity.String())
	require.Len(t, s.Adjustments, 1)
	assert.False(t, s.Adjustments[0].Charge)
	assert.Equal(t, "3.00 EUR", s.Adjustments[0].Amount.String())
	assert.Equal(t, en16931.FoldedReason, s.Adjustments[0].Reason)
}
