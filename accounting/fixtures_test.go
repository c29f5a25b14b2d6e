package accounting_test

import (
	"context"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/accounting"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/tax"
)

// testingT is what the fixtures need of *testing.T, *testing.B and *rapid.T.
type testingT interface {
	Helper()
	Errorf(format string, args ...any)
	FailNow()
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func eur(s string) money.Amount { return money.MustParse(s + " EUR") }

func vat(rate string) invoice.VAT {
	return invoice.VAT{Category: tax.StandardRate, Rate: dec(rate)}
}

var (
	issueDay = date.MustParse("2026-03-02")
	dueDay   = date.MustParse("2026-04-01")
	customer = accounting.Account{Number: "C0042", Label: "Boulangerie Martin SARL"}
	series   = invoice.Series{ID: "atelier/invoice", Prefix: "F", Yearly: true, Separator: "-"}
	credits  = invoice.Series{ID: "atelier/credit", Prefix: "AV", Yearly: true, Separator: "-"}
)

func seller() invoice.Party {
	return invoice.Party{
		Name: "Atelier Numérique SAS", LegalID: "732829320", VATID: "FR44732829320",
		AdditionalLegalInfo: "SAS au capital de 10 000 € - RCS Paris 732 829 320",
		Address:             invoice.Address{Line1: "12 rue de la Paix", City: "Paris", PostalCode: "75002", Country: "FR"},
	}
}

func buyer() invoice.Party {
	return invoice.Party{Name: "Boulangerie Martin SARL", LegalID: "552100554", Business: true,
		Address: invoice.Address{Line1: "3 place Bellecour", City: "Lyon", PostalCode: "69002", Country: "FR"}}
}

func line(id, name, qty, unit, price string, v invoice.VAT) invoice.Line {
	return invoice.Line{ID: id, Name: name, Quantity: dec(qty), UnitCode: unit, UnitPrice: eur(price), VAT: v}
}

// frenchDocument is a French B2B invoice with two VAT rates, an allowance
// and a charge, numbered and dated but not yet calculated:
//
//	1950.00 + 49.99 − 100.00 at 20 %  = 1899.99, VAT 380.00
//	  49.80 + 15.00          at 5.5 % =   64.80, VAT   3.56
//	total 1964.79 + 383.56 = 2348.35
func frenchDocument() invoice.Document {
	return invoice.Document{
		Type: invoice.TypeCommercialInvoice, Number: "F2026-000001", IssueDate: issueDay, DueDate: dueDay,
		Currency: money.EUR, Seller: seller(), Buyer: buyer(),
		Period:       date.Range{Start: date.MustParse("2026-02-01"), End: date.MustParse("2026-03-01")},
		PaymentTerms: "30 jours net", Legal: invoice.FrenchB2BMentions(dec("12.15")),
		Lines: []invoice.Line{
			line("1", "Développement", "3", "DAY", "650.00", vat("20")),
			line("2", "Hébergement", "1", "MON", "49.99", vat("20")),
			line("3", "Manuel utilisateur", "2", "C62", "24.90", vat("5.5")),
		},
		Allowances: []invoice.AllowanceCharge{{Amount: eur("100.00"), Reason: "Remise fidélité", VAT: vat("20")}},
		Charges:    []invoice.AllowanceCharge{{Amount: eur("15.00"), Reason: "Frais de port", VAT: vat("5.5")}},
	}
}

// calculated calculates doc and fails the test on error.
func calculated(t testingT, doc invoice.Document) invoice.Document {
	t.Helper()
	require.NoError(t, doc.Calculate())
	return doc
}

// issue issues doc as an invoice of seq on issueDay.
func issue(t testingT, seq invoice.Sequence, doc invoice.Document) *invoice.Invoice {
	t.Helper()
	doc.Number, doc.IssueDate = "", date.Date{}
	inv, err := invoice.NewDraft(uuid.Must(uuid.NewV7()), doc)
	require.NoError(t, err)
	require.NoError(t, inv.Submit(invoice.ApprovalPolicy{}))
	require.NoError(t, inv.Issue(context.Background(), seq, series, issueDay))
	return inv
}

// credit issues a credit note of orig.
func credit(t testingT, seq invoice.Sequence, orig *invoice.Invoice, req invoice.CreditRequest) *invoice.Invoice {
	t.Helper()
	cn, err := invoice.NewCreditNote(uuid.Must(uuid.NewV7()), orig, req)
	require.NoError(t, err)
	require.NoError(t, cn.Submit(invoice.ApprovalPolicy{}))
	require.NoError(t, cn.IssueCredit(context.Background(), orig, seq, credits, issueDay))
	return cn
}

// journaliser returns a Journaliser on the French chart.
func journaliser(t testingT) *accounting.Journaliser {
	t.Helper()
	j, err := accounting.New(accounting.Config{Chart: accounting.FrenchChart()})
	require.NoError(t, err)
	return j
}

// row is a line of an entry as text: "D 411000 C0042 2348.35".
func rows(e accounting.Entry) []string {
	out := make([]string, len(e.Lines))
	for i, l := range e.Lines {
		side, a := "C", l.Credit
		if !l.Debit.IsZero() {
			side, a = "D", l.Debit
		}
		s := side + " " + l.Account.Number
		if !l.Auxiliary.IsZero() {
			s += " " + l.Auxiliary.Number
		}
		out[i] = s + " " + a.Number().StringFixed(int32(a.Currency().Digits()))
	}
	return out
}

var paymentID = uuid.MustParse("01900000-0000-7000-8000-000000000042")
