// Package testdocs builds the documents that the tests of the e-invoice
// exports share: calculated, numbered and dated, with pinned identifiers,
// so that golden files stay the same from run to run.
package testdocs

import (
	"context"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/einvoice"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/tax"
)

// T is what the builders need of *testing.T, *testing.B and *rapid.T.
type T interface {
	Helper()
	Errorf(format string, args ...any)
	FailNow()
}

// Case is a named document with the options to export it with.
type Case struct {
	Name string
	Doc  invoice.Document
	Opts []einvoice.Option
}

// Pinned dates.
var (
	IssueDate = date.MustParse("2026-03-02")
	DueDate   = date.MustParse("2026-04-01")
	February  = date.Range{Start: date.MustParse("2026-02-01"), End: date.MustParse("2026-03-01")}
)

// Dec parses a decimal.
func Dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// VAT returns a VAT category and rate.
func VAT(c tax.Category, rate string) invoice.VAT { return invoice.VAT{Category: c, Rate: Dec(rate)} }

// Item returns a line.
func Item(id, name, qty, unit, price string, v invoice.VAT) invoice.Line {
	return invoice.Line{ID: id, Name: name, Quantity: Dec(qty), UnitCode: unit, UnitPrice: money.MustParse(price), VAT: v}
}

// FrenchSeller is a French company with valid SIREN and VAT identifier.
func FrenchSeller() invoice.Party {
	return invoice.Party{
		Name: "Atelier Numérique SAS", TradingName: "Atelier Numérique", LegalID: "732829320", VATID: "FR44732829320",
		AdditionalLegalInfo: "SAS au capital de 10 000 € - RCS Paris 732 829 320",
		Address:             invoice.Address{Line1: "12 rue de la Paix", Line2: "Bâtiment B", City: "Paris", PostalCode: "75002", Country: "FR"},
		ElectronicAddress:   invoice.ElectronicAddress{Scheme: "0225", Value: "732829320"},
	}
}

// FrenchBuyer is a French business customer.
func FrenchBuyer() invoice.Party {
	return invoice.Party{
		Name: "Boulangerie Martin SARL", LegalID: "55210055400013", VATID: "FR22552100554", Business: true,
		Address:           invoice.Address{Line1: "3 place Bellecour", City: "Lyon", PostalCode: "69002", Subdivision: "Rhône", Country: "FR"},
		ElectronicAddress: invoice.ElectronicAddress{Scheme: "EM", Value: "factures@boulangerie-martin.example"},
	}
}

// GermanBuyer is a German business customer with a VAT identifier.
func GermanBuyer() invoice.Party {
	return invoice.Party{Name: "Müller Maschinenbau GmbH", VATID: "DE123456789", Business: true,
		Address: invoice.Address{Line1: "Hauptstraße 1", City: "Stuttgart", PostalCode: "70173", Country: "DE"}}
}

// FrenchInvoice returns a French B2B invoice, numbered and dated, with the
// given lines, not yet calculated.
func FrenchInvoice(lines ...invoice.Line) invoice.Document {
	return invoice.Document{
		Type: invoice.TypeCommercialInvoice, Number: "F2026-000042", IssueDate: IssueDate, DueDate: DueDate,
		Currency: money.EUR, Seller: FrenchSeller(), Buyer: FrenchBuyer(), Period: February,
		PaymentTerms: "30 jours net", PurchaseOrderRef: "PO-7781", BuyerReference: "SERVICE-ACHATS",
		Legal: invoice.FrenchB2BMentions(Dec("12.15")), Lines: lines,
	}
}

// Calculated calculates doc and fails the test on error.
func Calculated(t T, doc invoice.Document) invoice.Document {
	t.Helper()
	require.NoError(t, doc.Calculate())
	return doc
}

// SEPA is a SEPA credit transfer to the seller's account.
var SEPA = einvoice.PaymentMeans{
	Code: einvoice.MeansSEPACreditTransfer, Text: "Virement SEPA", RemittanceInfo: "F2026-000042",
	Account: "FR7630006000011234567890189", AccountName: "Atelier Numérique SAS", BIC: "AGRIFRPP",
}

// Cases returns the golden documents: a standard invoice, several VAT
// rates, reverse charge, an exempt invoice, a document level allowance and
// charge, prices including VAT, a currency of three decimals and a credit
// note.
func Cases(t T) []Case {
	t.Helper()
	return []Case{
		Standard(t), MultipleRates(t), ReverseCharge(t), Exempt(t),
		DocumentAllowance(t), PricesIncludeVAT(t), ThreeDecimals(t), CreditNote(t),
	}
}

// Standard is a one-line invoice with a line period, item identifiers,
// notes, a contract reference, a delivery and SEPA payment means.
func Standard(t T) Case {
	t.Helper()
	l := Item("1", "Développement logiciel", "5", "DAY", "650.00 EUR", VAT(tax.StandardRate, "20"))
	l.Description = "Sprint 12 : module de facturation"
	l.Period = February
	doc := FrenchInvoice(l)
	doc.ContractRef = "CT-2025-118"
	doc.Notes = []invoice.Note{{Text: "Merci de votre confiance."}}
	doc.DeliveryDate = date.MustParse("2026-02-27")
	doc.DeliverTo = invoice.Address{Line1: "5 quai Saint-Antoine", City: "Lyon", PostalCode: "69002", Country: "FR"}
	return Case{Name: "standard", Doc: Calculated(t, doc), Opts: []einvoice.Option{
		einvoice.WithPaymentMeans(SEPA),
		einvoice.WithItemIDs("1", einvoice.ItemIDs{Seller: "DEV-DAY", Buyer: "ACH-0042", Standard: "03456789012345", StandardScheme: "0160"}),
	}}
}

// MultipleRates has lines at 20 %, 10 % and 5.5 %, a line allowance in
// percent, a line charge and a price per hundred units.
func MultipleRates(t T) Case {
	t.Helper()
	s20 := VAT(tax.StandardRate, "20")
	laptop := Item("1", "Ordinateur portable", "2", "C62", "1250.00 EUR", s20)
	laptop.Allowances = []invoice.LineAllowanceCharge{{Percent: Dec("10"), Reason: "Remise volume", ReasonCode: "95"}}
	laptop.Charges = []invoice.LineAllowanceCharge{{Amount: money.MustParse("15.00 EUR"), Reason: "Mise en service", ReasonCode: "AAC"}}
	meal := Item("2", "Repas d'équipe", "2", "C62", "45.50 EUR", VAT(tax.StandardRate, "10"))
	screws := Item("3", "Vis inox", "2500", "C62", "4.90 EUR", VAT(tax.StandardRate, "5.5"))
	screws.BaseQuantity = decimal.NewNullDecimal(Dec("100"))
	doc := FrenchInvoice(laptop, meal, screws)
	return Case{Name: "multiple-rates", Doc: Calculated(t, doc), Opts: []einvoice.Option{einvoice.WithPaymentMeans(SEPA)}}
}

// ReverseCharge is a service to a German business under reverse charge
// (category AE) with its exemption reason.
func ReverseCharge(t T) Case {
	t.Helper()
	l := Item("1", "Audit de sécurité", "10", "DAY", "800.00 EUR", VAT(tax.ReverseCharge, "0"))
	l.ExemptionReason = tax.ExemptionReverseCharge
	doc := FrenchInvoice(l)
	doc.Buyer = GermanBuyer()
	return Case{Name: "reverse-charge", Doc: Calculated(t, doc), Opts: []einvoice.Option{einvoice.WithPaymentMeans(SEPA)}}
}

// Exempt is an invoice of a small business under the French franchise
// (category E with its reason), whose seller has a tax registration
// identifier and no VAT identifier.
func Exempt(t T) Case {
	t.Helper()
	e := VAT(tax.Exempt, "0")
	course := Item("1", "Formation", "2", "DAY", "400.00 EUR", e)
	books := Item("2", "Supports de cours", "5", "C62", "18.00 EUR", e)
	course.ExemptionReason, books.ExemptionReason = tax.ExemptionFRFranchise, tax.ExemptionFRFranchise
	doc := FrenchInvoice(course, books)
	doc.Seller.VATID, doc.Seller.TaxRegistrationID = "", "732829320"
	return Case{Name: "exempt", Doc: Calculated(t, doc)}
}

// DocumentAllowance has a document level allowance in percent per VAT rate
// and a delivery charge, and a deposit paid.
func DocumentAllowance(t T) Case {
	t.Helper()
	s20, s55 := VAT(tax.StandardRate, "20"), VAT(tax.StandardRate, "5.5")
	doc := FrenchInvoice(
		Item("1", "Vin", "6", "C62", "15.00 EUR", s20),
		Item("2", "Fromage", "3", "KGM", "23.40 EUR", s55),
	)
	doc.Allowances = []invoice.AllowanceCharge{
		{Percent: Dec("10"), Reason: "Offre d'ouverture", ReasonCode: "95", VAT: s20},
		{Percent: Dec("10"), Reason: "Offre d'ouverture", ReasonCode: "95", VAT: s55},
	}
	doc.Charges = []invoice.AllowanceCharge{{Amount: money.MustParse("12.50 EUR"), Reason: "Livraison", ReasonCode: "DL", VAT: s20}}
	doc.PaidAmount = money.MustParse("50.00 EUR")
	return Case{Name: "document-allowance", Doc: Calculated(t, doc), Opts: []einvoice.Option{einvoice.WithPaymentMeans(SEPA)}}
}

// PricesIncludeVAT is an invoice to a consumer priced VAT included, with a
// voucher and an amount that needs a rounding amount (BT-114).
func PricesIncludeVAT(t T) Case {
	t.Helper()
	s20 := VAT(tax.StandardRate, "20")
	shirt := Item("1", "T-shirt", "2", "C62", "19.99 EUR", s20)
	shirt.Allowances = []invoice.LineAllowanceCharge{{Amount: money.MustParse("2.00 EUR"), Reason: "Soldes"}}
	pen := Item("2", "Stylo", "1", "C62", "1.23 EUR", s20)
	doc := FrenchInvoice(shirt, pen)
	doc.Buyer = invoice.Party{Name: "Marie Dupont", Address: invoice.Address{Line1: "8 rue Victor Hugo", City: "Lille", PostalCode: "59000", Country: "FR"}}
	doc.Legal, doc.PurchaseOrderRef, doc.BuyerReference = invoice.LegalMentions{}, "", ""
	doc.Pricing.PricesIncludeVAT = true
	doc.Allowances = []invoice.AllowanceCharge{{Amount: money.MustParse("5.00 EUR"), Reason: "Bon d'achat", VAT: s20}}
	return Case{Name: "prices-include-vat", Doc: Calculated(t, doc), Opts: []einvoice.Option{
		einvoice.WithPaymentMeans(einvoice.PaymentMeans{Code: einvoice.MeansBankCard, Text: "Carte bancaire"}),
	}}
}

// ThreeDecimals is a Kuwaiti invoice in KWD, whose amounts have three decimals.
func ThreeDecimals(t T) Case {
	t.Helper()
	s5 := VAT(tax.StandardRate, "5")
	doc := invoice.Document{
		Type: invoice.TypeCommercialInvoice, Number: "KW-2026-7", IssueDate: IssueDate, DueDate: DueDate, Currency: money.KWD,
		Seller: invoice.Party{Name: "Gulf Networks WLL", VATID: "KW300012345", Address: invoice.Address{City: "Kuwait City", Country: "KW"}},
		Buyer:  invoice.Party{Name: "Salmiya Stores", Address: invoice.Address{City: "Salmiya", Country: "KW"}},
		Lines: []invoice.Line{
			Item("1", "Router", "3", "C62", "12.345 KWD", s5),
			Item("2", "Installation", "7", "HUR", "1.2345 KWD", s5),
		},
	}
	return Case{Name: "three-decimals", Doc: Calculated(t, doc)}
}

// Issued issues an invoice of two lines, then a credit note of four of its
// ten licences, and returns both.
func Issued(t T) (inv, credit *invoice.Invoice) {
	t.Helper()
	var seq invoice.MemorySequence
	ctx := context.Background()
	licence := Item("1", "Licence annuelle", "10", "C62", "99.00 EUR", VAT(tax.StandardRate, "20"))
	licence.Allowances = []invoice.LineAllowanceCharge{{Percent: Dec("5"), Reason: "Remise"}}
	onboarding := Item("2", "Mise en route", "1", "C62", "500.00 EUR", VAT(tax.StandardRate, "20"))
	doc := FrenchInvoice(licence, onboarding)
	doc.Number, doc.IssueDate = "", date.Date{}
	inv, err := invoice.NewDraft(uuid.MustParse("019cb000-0000-7000-8000-000000000001"), doc)
	require.NoError(t, err)
	require.NoError(t, inv.Submit(invoice.ApprovalPolicy{}))
	require.NoError(t, inv.Issue(ctx, &seq, invoice.Series{ID: "atelier/invoice", Prefix: "F", Yearly: true, Separator: "-"}, date.MustParse("2026-02-27")))
	credit, err = invoice.NewCreditNote(uuid.MustParse("019cb000-0000-7000-8000-000000000002"), inv, invoice.CreditRequest{
		Reason: "Licences non utilisées", Lines: []invoice.LineCredit{{LineID: "1", Quantity: Dec("4")}},
	})
	require.NoError(t, err)
	require.NoError(t, credit.Submit(invoice.ApprovalPolicy{}))
	require.NoError(t, credit.IssueCredit(ctx, inv, &seq, invoice.Series{ID: "atelier/credit", Prefix: "AV", Yearly: true, Separator: "-"}, IssueDate))
	return inv, credit
}

// CreditNote is the credit note of Issued, which references its invoice.
func CreditNote(t T) Case {
	t.Helper()
	_, cn := Issued(t)
	return Case{Name: "credit-note", Doc: cn.Document(), Opts: []einvoice.Option{
		einvoice.WithPaymentMeans(einvoice.PaymentMeans{Code: einvoice.MeansSEPACreditTransfer, Account: "FR7630006000011234567890189"}),
	}}
}
