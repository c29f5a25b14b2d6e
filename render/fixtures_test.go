package render_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/tax"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func s(rate string) invoice.VAT {
	return invoice.VAT{Category: tax.StandardRate, Rate: dec(rate)}
}

func seller() invoice.Party {
	return invoice.Party{
		Name: "Atelier Numérique SAS", TradingName: "Atelier N", LegalID: "732829320", VATID: "FR44732829320",
		AdditionalLegalInfo: "SAS au capital de 10 000 € - RCS Paris 732 829 320",
		Address:             invoice.Address{Line1: "12 rue de la Paix", City: "Paris", PostalCode: "75002", Country: "FR"},
	}
}

// frenchInvoice is a calculated French B2B invoice with two VAT rates, a
// line discount, an allowance, a charge and the payment mentions.
func frenchInvoice(t testing.TB) invoice.Document {
	t.Helper()
	eur := func(v string) money.Amount { return money.MustParse(v + " EUR") }
	doc := invoice.Document{
		Type: invoice.TypeCommercialInvoice, Number: "F2026-000042",
		IssueDate: date.MustParse("2026-11-30"), DueDate: date.MustParse("2026-12-30"),
		Currency: money.EUR, Seller: seller(),
		Buyer: invoice.Party{Name: "Boulangerie Martin SARL", LegalID: "55210055400013", VATID: "FR08552100554", Business: true,
			Address: invoice.Address{Line1: "3 place Bellecour", City: "Lyon", PostalCode: "69002", Country: "FR"}},
		Period:           date.Range{Start: date.MustParse("2026-11-01"), End: date.MustParse("2026-12-01")},
		PaymentTerms:     "30 jours net",
		PurchaseOrderRef: "BC-2026-118",
		Legal:            invoice.FrenchB2BMentions(dec("12.15")),
		Notes:            []invoice.Note{{Text: "Merci de rappeler le numéro de facture avec votre virement <IBAN FR76 3000 6000 0112 3456 7890 189>."}},
		Lines: []invoice.Line{
			{ID: "1", Name: "Développement", Description: "Module de facturation", Quantity: dec("12.5"), UnitCode: "DAY",
				UnitPrice: eur("650.00"), VAT: s("20"),
				Allowances: []invoice.LineAllowanceCharge{{Percent: dec("5"), Reason: "Remise volume"}}},
			{ID: "2", Name: "Hébergement", Quantity: dec("1"), UnitCode: "MON", UnitPrice: eur("49.99"), VAT: s("20"),
				Period: date.Range{Start: date.MustParse("2026-11-01"), End: date.MustParse("2026-12-01")}},
			{ID: "3", Name: "Manuel utilisateur", Quantity: dec("2"), UnitCode: "C62", UnitPrice: eur("24.90"), VAT: s("5.5")},
		},
		Allowances: []invoice.AllowanceCharge{{Amount: eur("100.00"), Reason: "Remise fidélité", VAT: s("20")}},
		Charges:    []invoice.AllowanceCharge{{Amount: eur("15.00"), Reason: "Frais de port", VAT: s("5.5")}},
	}
	require.NoError(t, doc.Calculate())
	return doc
}

// exportInvoice is a calculated invoice in USD to an American customer:
// an export, exempt from VAT.
func exportInvoice(t testing.TB) invoice.Document {
	t.Helper()
	usd := func(v string) money.Amount { return money.MustParse(v + " USD") }
	g := invoice.VAT{Category: tax.Export}
	doc := invoice.Document{
		Type: invoice.TypeCommercialInvoice, Number: "F2026-000043",
		IssueDate: date.MustParse("2026-11-30"), DueDate: date.MustParse("2026-12-30"),
		Currency: money.USD, Seller: seller(),
		Buyer: invoice.Party{Name: "Acme Robotics Inc.", TaxRegistrationID: "EIN 12-3456789", Business: true,
			Address: invoice.Address{Line1: "500 Market Street", City: "San Francisco", PostalCode: "94105", Subdivision: "CA", Country: "US"}},
		DeliveryDate: date.MustParse("2026-11-27"),
		PaymentTerms: "Net 30",
		Lines: []invoice.Line{
			{ID: "1", Name: "Integration services", Quantity: dec("40"), UnitCode: "HUR", UnitPrice: usd("185.00"), VAT: g, ExemptionReason: tax.ExemptionExport},
			{ID: "2", Name: "Annual licence", Quantity: dec("1"), UnitCode: "ANN", UnitPrice: usd("12000.00"), VAT: g, ExemptionReason: tax.ExemptionExport},
		},
		Allowances: []invoice.AllowanceCharge{{Percent: dec("10"), Reason: "Partner discount", VAT: g}},
	}
	require.NoError(t, doc.Calculate())
	return doc
}
