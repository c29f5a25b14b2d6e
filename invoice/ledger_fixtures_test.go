package invoice

import (
	"context"
	"fmt"
	"strconv"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/tax"
)

// Fixtures of the payment, ledger, dunning and late fee tests.

const testCustomer = "boulangerie-martin"

var zeroRated = vat(tax.ZeroRated, "0")

// testID returns a fixed UUID numbered n, so that failures are readable.
func testID(n int) uuid.UUID {
	return uuid.MustParse(fmt.Sprintf("01960000-0000-7000-8000-%012d", n))
}

func day(s string) date.Date { return date.MustParse(s) }

// receivableInvoice issues, in seq, an invoice whose amount due is total
// (one zero-rated line), due on the given day.
func receivableInvoice(t testingT, seq Sequence, total, due string) *Invoice {
	t.Helper()
	doc := frenchInvoice(item("1", "Prestation", "1", "C62", total, zeroRated))
	doc.Currency = amt(total).Currency()
	doc.DueDate = day(due)
	return issued(t, seq, doc)
}

// ledgerOf returns a ledger of testCustomer holding invoices of the given
// amounts due, due on March 15, April 1, April 15... of 2026, and the invoices.
func ledgerOf(t testingT, totals ...string) (*Ledger, []*Invoice, *MemorySequence) {
	t.Helper()
	seq := &MemorySequence{}
	cur := money.EUR
	if len(totals) > 0 {
		cur = amt(totals[0]).Currency()
	}
	l, err := NewLedger(testCustomer, cur)
	require.NoError(t, err)
	invoices := make([]*Invoice, len(totals))
	for i, total := range totals {
		invoices[i] = receivableInvoice(t, seq, total, dueOf(i))
		require.NoError(t, l.AddInvoice(invoices[i]))
	}
	return l, invoices, seq
}

// dueOf returns the due date of the i-th invoice of ledgerOf.
func dueOf(i int) string {
	return day("2026-03-15").AddDays(15 * i).String()
}

// payment returns a transfer of testCustomer numbered n.
func payment(n int, amount, on string) Payment {
	return Payment{ID: testID(n), Customer: testCustomer, Amount: amt(amount), Date: day(on),
		Method: MethodTransfer, Reference: "VIR " + strconv.Itoa(n)}
}

// part returns an allocation of amount to inv.
func part(inv *Invoice, amount string) InvoiceAmount {
	return InvoiceAmount{InvoiceID: inv.ID(), Amount: amt(amount)}
}

// balances returns the balance of each invoice of l as text.
func balances(t testingT, l *Ledger) []string {
	t.Helper()
	var out []string
	for _, r := range l.Receivables() {
		out = append(out, r.Balance.String())
	}
	return out
}

// statuses returns the status of each invoice of l.
func statuses(l *Ledger) []Status {
	var out []Status
	for _, r := range l.Receivables() {
		out = append(out, r.Status)
	}
	return out
}

// creditNoteOf draws up and approves a credit note of the ledger's invoice.
func creditNoteOf(t testingT, l *Ledger, n int, inv *Invoice, req CreditRequest) *Invoice {
	t.Helper()
	cn, err := l.NewCreditNote(testID(n), inv.ID(), req)
	require.NoError(t, err)
	require.NoError(t, cn.Submit(ApprovalPolicy{}))
	return cn
}

// issueCreditIn issues cn through l on the given day.
func issueCreditIn(t testingT, l *Ledger, seq Sequence, cn *Invoice, on string) Posting {
	t.Helper()
	p, err := l.IssueCreditNote(context.Background(), cn, seq, creditSeries, day(on))
	require.NoError(t, err)
	return p
}
