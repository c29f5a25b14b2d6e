package kpi_test

import (
	"context"
	"fmt"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/schedule"
	"github.com/billkit/billkit/tax"
)

// Test fixtures: contracts of seven customers, receivables and ledgers.

// testingT is what the fixtures need of *testing.T, *testing.B and *rapid.T.
type testingT interface {
	require.TestingT
	Helper()
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func amt(s string) money.Amount { return money.MustParse(s) }

// day parses an ISO date; "" is the zero Date.
func day(s string) date.Date {
	if s == "" {
		return date.Date{}
	}
	return date.MustParse(s)
}

func period(start, end string) date.Range { return date.Range{Start: day(start), End: day(end)} }

// testID returns a fixed UUID numbered n, so that failures are readable.
func testID(n int) uuid.UUID {
	return uuid.MustParse(fmt.Sprintf("01960000-0000-7000-8000-%012d", n))
}

// every returns a recurring contract line billing amount every count units
// from start until end ("" for until further notice).
func every(amount string, unit schedule.Unit, count int, start, end string) quote.ContractLine {
	a := amt(amount)
	r := schedule.Recurring{Cycle: schedule.Cycle{Interval: schedule.Interval{Unit: unit, Count: count},
		Start: day(start), End: day(end)}, Amount: a}
	return quote.ContractLine{ID: "l-" + start + "-" + amount, NetAmount: a, Start: r.Start, End: r.End,
		Plan: schedule.RecurringPlan(r)}
}

// once returns a one-time contract line.
func once(amount, on string) quote.ContractLine {
	a := amt(amount)
	return quote.ContractLine{ID: "once-" + on, NetAmount: a, Start: day(on), End: day(on).AddDays(1),
		Plan: schedule.OneTimePlan(day(on), a)}
}

// contract returns a contract with the buyer named buyer, in the currency
// of its first line.
func contract(buyer string, lines ...quote.ContractLine) *quote.Contract {
	c := &quote.Contract{ID: uuid.New(), Buyer: invoice.Party{Name: buyer}, Lines: lines}
	if len(lines) > 0 {
		c.Currency = lines[0].NetAmount.Currency()
	}
	return c
}

// portfolio returns the contracts of the MRR, movement and retention
// tests, all in EUR:
//
//	Acme      100.00 a month from 2026-01-01; 1200.00 a year from 2026-02-01
//	Globex    300.00 a quarter 2026-01-01..2026-03-01; 10.00 a week from 2026-03-01
//	Initech   500.00 once on 2026-03-10; 50.00 a month from 2026-04-01
//	Umbrella  90.00 every 2 months from 2026-01-15
//	Hooli     1.00 a day from 2026-03-01
//	Stark     80.00 a month 2025-06-01..2026-02-01
//	Wayne     60.00 a month 2025-01-01..2025-07-01; 70.00 a month from 2026-03-01
func portfolio() []*quote.Contract {
	return []*quote.Contract{
		contract("Acme", every("100.00 EUR", schedule.Month, 0, "2026-01-01", ""),
			every("1200.00 EUR", schedule.Year, 1, "2026-02-01", "")),
		contract("Globex", every("300.00 EUR", schedule.Quarter, 1, "2026-01-01", "2026-03-01"),
			every("10.00 EUR", schedule.Week, 1, "2026-03-01", "")),
		contract("Initech", once("500.00 EUR", "2026-03-10"), every("50.00 EUR", schedule.Month, 1, "2026-04-01", "")),
		contract("Umbrella", every("90.00 EUR", schedule.Month, 2, "2026-01-15", "")),
		contract("Hooli", every("1.00 EUR", schedule.Day, 1, "2026-03-01", "")),
		contract("Stark", every("80.00 EUR", schedule.Month, 1, "2025-06-01", "2026-02-01")),
		contract("Wayne", every("60.00 EUR", schedule.Month, 1, "2025-01-01", "2025-07-01"),
			every("70.00 EUR", schedule.Month, 1, "2026-03-01", "")),
	}
}

// receivable returns an open receivable (status sent) of customer, in the
// currency of balance, issued on issued and due on due ("" for none).
func receivable(customer, issued, due, balance string) invoice.Receivable {
	b := amt(balance)
	return invoice.Receivable{InvoiceID: uuid.New(), Customer: customer, IssueDate: day(issued), DueDate: day(due),
		Status: invoice.StatusSent, Due: b, Credited: money.Zero(b.Currency()), Paid: money.Zero(b.Currency()), Balance: b}
}

// settled returns r with paid of it paid, its status following.
func settled(r invoice.Receivable, paid string) invoice.Receivable {
	r.Paid = amt(paid)
	r.Balance, _ = r.Due.Sub(r.Credited)
	r.Balance, _ = r.Balance.Sub(r.Paid)
	switch {
	case r.Balance.IsZero():
		r.Status = invoice.StatusPaid
	case r.Paid.IsPositive():
		r.Status = invoice.StatusPartiallyPaid
	}
	return r
}

// ledgerFixture is a ledger of one customer with issued invoices.
type ledgerFixture struct {
	ledger   *invoice.Ledger
	invoices []*invoice.Invoice
	seq      *invoice.MemorySequence
}

var creditSeries = invoice.Series{ID: "acme/credit", Prefix: "AV", Yearly: true, Separator: "-"}

// newLedger returns the ledger of customer "boulangerie-martin" holding
// one invoice of 120.00 EUR (100.00 + 20 % VAT) per due date, issued on
// 2026-03-02.
func newLedger(t testingT, dues ...string) *ledgerFixture {
	t.Helper()
	f := &ledgerFixture{seq: &invoice.MemorySequence{}}
	l, err := invoice.NewLedger("boulangerie-martin", money.EUR)
	require.NoError(t, err)
	f.ledger = l
	series := invoice.Series{ID: "acme/invoice", Prefix: "F", Yearly: true, Separator: "-"}
	for i, due := range dues {
		doc := invoice.Document{
			Type: invoice.TypeCommercialInvoice, Currency: money.EUR,
			Seller: invoice.Party{
				Name: "Atelier Numérique SAS", LegalID: "732829320", VATID: "FR44732829320",
				AdditionalLegalInfo: "SAS au capital de 10 000 € - RCS Paris 732 829 320",
				Address:             invoice.Address{Line1: "12 rue de la Paix", City: "Paris", PostalCode: "75002", Country: "FR"},
			},
			Buyer: invoice.Party{Name: "Boulangerie Martin SARL", Business: true,
				Address: invoice.Address{Line1: "3 place Bellecour", City: "Lyon", PostalCode: "69002", Country: "FR"}},
			Period:  period("2026-02-01", "2026-03-01"),
			DueDate: day(due),
			Legal:   invoice.FrenchB2BMentions(dec("12.15")),
			Lines: []invoice.Line{{ID: "1", Name: "Abonnement", Quantity: decimal.NewFromInt(1), UnitCode: "C62",
				UnitPrice: amt("100.00 EUR"), VAT: invoice.VAT{Category: tax.StandardRate, Rate: decimal.NewFromInt(20)}}},
		}
		inv, err := invoice.NewDraft(testID(100+i), doc)
		require.NoError(t, err)
		require.NoError(t, inv.Submit(invoice.ApprovalPolicy{}))
		require.NoError(t, inv.Issue(context.Background(), f.seq, series, day("2026-03-02")))
		require.NoError(t, l.AddInvoice(inv))
		f.invoices = append(f.invoices, inv)
	}
	return f
}

// pay records payment n of amount on day on, allocated to invoice i.
func (f *ledgerFixture) pay(t testingT, n int, amount, on string, i int) {
	t.Helper()
	_, err := f.ledger.RecordPayment(invoice.Payment{ID: testID(n), Customer: "boulangerie-martin", Amount: amt(amount),
		Date: day(on), Method: invoice.MethodTransfer},
		invoice.AllocateParts(invoice.InvoiceAmount{InvoiceID: f.invoices[i].ID(), Amount: amt(amount)}))
	require.NoError(t, err)
}

// credit issues on day on a credit note numbered n of amount (without VAT)
// on the line of invoice i.
func (f *ledgerFixture) credit(t testingT, n int, amount, on string, i int) {
	t.Helper()
	cn, err := f.ledger.NewCreditNote(testID(n), f.invoices[i].ID(), invoice.CreditRequest{
		Reason: "Remise commerciale", Lines: []invoice.LineCredit{{LineID: "1", Amount: amt(amount)}}})
	require.NoError(t, err)
	require.NoError(t, cn.Submit(invoice.ApprovalPolicy{}))
	_, err = f.ledger.IssueCreditNote(context.Background(), cn, f.seq, creditSeries, day(on))
	require.NoError(t, err)
}
