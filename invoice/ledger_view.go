package invoice

import (
	"github.com/google/uuid"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
)

// Receivable is what a customer owes on one invoice, as its ledger sees it.
// It is a plain value: reading it does not lock anything, and dunning runs
// work on lists of them.
type Receivable struct {
	InvoiceID uuid.UUID `json:"invoice_id"`
	Number    string    `json:"number"`
	// Customer is the key of the ledger's customer.
	Customer  string    `json:"customer"`
	IssueDate date.Date `json:"issue_date"`
	DueDate   date.Date `json:"due_date,omitzero"`
	Status    Status    `json:"status"`
	// Due is the amount due for payment (BT-115).
	Due money.Amount `json:"due"`
	// Credited is the sum of the amounts due (BT-115) of the credit notes
	// issued against the invoice.
	Credited money.Amount `json:"credited"`
	// Paid is what payments allocated to the invoice, net of what was taken
	// back.
	Paid money.Amount `json:"paid"`
	// Balance is Due − Credited − Paid: what the customer still owes.
	Balance money.Amount `json:"balance"`
	// Dispute is set while the customer disputes the invoice.
	Dispute Dispute `json:"dispute,omitzero"`
}

// IsOpen reports whether the customer still owes something on the invoice
// and may be asked to pay it: it awaits payment and its balance is positive.
func (r Receivable) IsOpen() bool { return r.Status.AwaitsPayment() && r.Balance.IsPositive() }

// DaysOverdue returns the number of days since the due date on the given
// day when the invoice is open and overdue, and 0 otherwise.
func (r Receivable) DaysOverdue(on date.Date) int {
	if !r.IsOpen() || r.DueDate.IsZero() || !on.After(r.DueDate) {
		return 0
	}
	return on.DaysSince(r.DueDate)
}

// Dispute records that a customer contests an invoice: dunning leaves it
// alone and automatic allocation skips it until the dispute is resolved.
type Dispute struct {
	Reason string    `json:"reason"` // what the customer contests
	Since  date.Date `json:"since"`  // the day the dispute was raised
}

// IsZero reports whether there is no dispute.
func (d Dispute) IsZero() bool { return d == Dispute{} }

// CreditRecord is a credit note issued against an invoice of a ledger.
type CreditRecord struct {
	// CreditNoteID and Number identify the credit note; both are empty for
	// the credit notes issued before the invoice was added to the ledger,
	// which are recorded together, on the invoice's issue date.
	CreditNoteID uuid.UUID `json:"credit_note_id,omitzero"`
	Number       string    `json:"number,omitempty"`
	// Date is the credit note's issue date.
	Date date.Date `json:"date"`
	// Amount is its amount due (BT-115): what it gives back.
	Amount money.Amount `json:"amount"`
}

// PaymentRecord is a payment with what became of it.
type PaymentRecord struct {
	Payment
	// Allocated is what the payment allocated to invoices, net of what was
	// taken back.
	Allocated money.Amount `json:"allocated"`
	// Refunded is what was refunded out of it.
	Refunded money.Amount `json:"refunded"`
	// Unallocated is its part of the customer's credit balance.
	Unallocated money.Amount `json:"unallocated"`
	// ReversedOn and ReversalReason are set when the payment was reversed.
	ReversedOn     date.Date `json:"reversed_on,omitzero"`
	ReversalReason string    `json:"reversal_reason,omitempty"`
}

// IsReversed reports whether the payment was reversed.
func (p PaymentRecord) IsReversed() bool { return !p.ReversedOn.IsZero() }

// Receivable returns what the customer owes on the invoice with the given ID.
func (l *Ledger) Receivable(id uuid.UUID) (Receivable, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	r, ok := l.byID[id]
	if !ok {
		return Receivable{}, &NotFoundError{Kind: "invoice", ID: id}
	}
	return l.view(r), nil
}

// Receivables returns every invoice of the ledger, in the order they were
// added.
func (l *Ledger) Receivables() []Receivable {
	l.mu.RLock()
	defer l.mu.RUnlock()
	out := make([]Receivable, len(l.invoices))
	for i, r := range l.invoices {
		out[i] = l.view(r)
	}
	return out
}

func (l *Ledger) view(r *receivable) Receivable {
	d := &r.inv.doc
	return Receivable{
		InvoiceID: r.inv.id, Number: d.Number, Customer: l.customer,
		IssueDate: d.IssueDate, DueDate: d.DueDate, Status: r.inv.status,
		Due: money.New(d.Totals.Due.Number(), l.currency), Credited: money.New(r.inv.creditedDue(), l.currency),
		Paid: money.New(r.paid, l.currency), Balance: money.New(r.balance(), l.currency),
		Dispute: r.dispute,
	}
}

// Credits returns the credit notes recorded against the invoice with the
// given ID, in issue order.
func (l *Ledger) Credits(id uuid.UUID) ([]CreditRecord, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	r, ok := l.byID[id]
	if !ok {
		return nil, &NotFoundError{Kind: "invoice", ID: id}
	}
	return append([]CreditRecord(nil), r.credits...), nil
}

// Payment returns the payment with the given ID and what became of it.
func (l *Ledger) Payment(id uuid.UUID) (PaymentRecord, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	p, ok := l.payByID[id]
	if !ok {
		return PaymentRecord{}, &NotFoundError{Kind: "payment", ID: id}
	}
	return l.paymentView(p), nil
}

// Payments returns every payment, in the order they were recorded.
func (l *Ledger) Payments() []PaymentRecord {
	l.mu.RLock()
	defer l.mu.RUnlock()
	out := make([]PaymentRecord, len(l.payments))
	for i, p := range l.payments {
		out[i] = l.paymentView(p)
	}
	return out
}

func (l *Ledger) paymentView(p *paymentState) PaymentRecord {
	allocated := p.p.Amount.Number().Sub(p.unallocated).Sub(p.refunded)
	if p.reversed() {
		allocated = allocated.Sub(p.p.Amount.Number()) // cancelled, not allocated
	}
	return PaymentRecord{Payment: p.p, Allocated: money.New(allocated, l.currency),
		Refunded: money.New(p.refunded, l.currency), Unallocated: money.New(p.unallocated, l.currency),
		ReversedOn: p.reversedOn, ReversalReason: p.reversalReason}
}

func (p *paymentState) reversed() bool { return !p.reversedOn.IsZero() }

// Refunds returns every refund, in the order they were made.
func (l *Ledger) Refunds() []Refund {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return append([]Refund(nil), l.refunds...)
}

// Entries returns the journal of the ledger: every movement of money, in
// the order it was posted.
func (l *Ledger) Entries() []Entry {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return append([]Entry(nil), l.entries...)
}
