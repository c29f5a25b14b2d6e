package invoice

import (
	"context"
	"errors"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/tax"
	"github.com/billkit/billkit/validation"
)

// Test fixtures: parties with valid identifiers and a French B2B invoice
// that passes Validate once calculated.

// testingT is what the fixtures need of *testing.T, *testing.B and *rapid.T.
type testingT interface {
	Helper()
	Errorf(format string, args ...any)
	FailNow()
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func amt(s string) money.Amount { return money.MustParse(s) }

func vat(cat tax.Category, rate string) VAT { return VAT{Category: cat, Rate: dec(rate)} }

var (
	s20  = vat(tax.StandardRate, "20")
	s10  = vat(tax.StandardRate, "10")
	s55  = vat(tax.StandardRate, "5.5")
	s21  = vat(tax.StandardRate, "2.1")
	issD = date.MustParse("2026-03-02")
	dueD = date.MustParse("2026-04-01")
)

func frenchSeller() Party {
	return Party{
		Name: "Atelier Numérique SAS", LegalID: "732829320", VATID: "FR44732829320",
		AdditionalLegalInfo: "SAS au capital de 10 000 € - RCS Paris 732 829 320",
		Address:             Address{Line1: "12 rue de la Paix", City: "Paris", PostalCode: "75002", Country: "FR"},
		ElectronicAddress:   ElectronicAddress{Scheme: "0225", Value: "732829320"},
	}
}

func frenchBusiness() Party {
	return Party{Name: "Boulangerie Martin SARL", LegalID: "552100554", Business: true,
		Address: Address{Line1: "3 place Bellecour", City: "Lyon", PostalCode: "69002", Country: "FR"}}
}

func germanBusiness() Party {
	return Party{Name: "Müller Maschinenbau GmbH", VATID: "DE123456789", Business: true,
		Address: Address{Line1: "Hauptstraße 1", City: "Stuttgart", PostalCode: "70173", Country: "DE"}}
}

func consumer() Party {
	return Party{Name: "Marie Dupont", Address: Address{Line1: "8 rue Victor Hugo", City: "Lille", PostalCode: "59000", Country: "FR"}}
}

func item(id, name, qty, unit, price string, v VAT) Line {
	return Line{ID: id, Name: name, Quantity: dec(qty), UnitCode: unit, UnitPrice: amt(price), VAT: v}
}

// frenchInvoice returns a French B2B invoice, numbered and dated, with the
// given lines, not yet calculated.
func frenchInvoice(lines ...Line) Document {
	return Document{
		Type: TypeCommercialInvoice, Number: "F2026-000001", IssueDate: issD, DueDate: dueD,
		Currency: money.EUR, Seller: frenchSeller(), Buyer: frenchBusiness(),
		Period:       date.Range{Start: date.MustParse("2026-02-01"), End: date.MustParse("2026-03-01")},
		PaymentTerms: "30 jours net", Legal: FrenchB2BMentions(dec("12.15")),
		Lines: lines,
	}
}

// calculated calculates doc and fails the test on error.
func calculated(t testingT, doc Document) Document {
	t.Helper()
	require.NoError(t, doc.Calculate())
	return doc
}

// draftOf returns a draft invoice of doc (without number and issue date).
func draftOf(t testingT, doc Document) *Invoice {
	t.Helper()
	doc.Number, doc.IssueDate = "", date.Date{}
	inv, err := NewDraft(uuid.Must(uuid.NewV7()), doc)
	require.NoError(t, err)
	return inv
}

var testSeries = Series{ID: "atelier/invoice", Prefix: "F", Yearly: true, Separator: "-"}
var creditSeries = Series{ID: "atelier/credit", Prefix: "AV", Yearly: true, Separator: "-"}

// issued returns doc issued on issD in testSeries of seq.
func issued(t testingT, seq Sequence, doc Document) *Invoice {
	t.Helper()
	inv := draftOf(t, doc)
	require.NoError(t, inv.Submit(ApprovalPolicy{}))
	require.NoError(t, inv.Issue(context.Background(), seq, testSeries, issD))
	return inv
}

// issueCredit draws up, approves and issues a credit note of orig.
func issueCredit(t testingT, seq Sequence, orig *Invoice, req CreditRequest) (*Invoice, error) {
	t.Helper()
	cn, err := NewCreditNote(uuid.Must(uuid.NewV7()), orig, req)
	if err != nil {
		return nil, err
	}
	require.NoError(t, cn.Submit(ApprovalPolicy{}))
	return cn, cn.IssueCredit(context.Background(), orig, seq, creditSeries, issD)
}

// faults returns the faults of a *validation.Error as "field code" strings.
func faults(t testingT, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *validation.Error
	require.True(t, errors.As(err, &ve), "want a *validation.Error, got %v", err)
	out := make([]string, len(ve.Faults))
	for i, f := range ve.Faults {
		out[i] = f.Field + " " + f.Code
	}
	return out
}
