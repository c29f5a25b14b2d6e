package invoice

import (
	"cmp"
	"fmt"
	"slices"
	"sync"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// Ledger is the accounts receivable of one customer in one currency: the
// invoices it owes, the payments it made, how each payment is allocated to
// the invoices, its credit balance (what it paid and was not allocated)
// and the refunds made to it. A customer billed in two currencies has two
// ledgers.
//
// For every invoice, always:
//
//	Balance = AmountDue (BT-115) − issued credit notes − allocated payments
//
// and for every payment, always:
//
//	Amount = allocated + refunded + cancelled by a reversal + unallocated
//
// where the unallocated parts of all payments make the credit balance. No
// operation creates or loses a cent, mixes currencies, or applies part of
// itself: each checks everything before changing anything, and returns the
// journal entries it added in a Posting.
//
// AddInvoice hands an issued invoice over to the ledger, which from then on
// drives its payment statuses (partially_paid, paid, and back when a payment
// is reversed or taken back) and issues its credit notes (IssueCreditNote).
// The host reads the invoice through the ledger (Receivable,
// InvoiceSnapshot) and changes it only through the ledger, so that the
// ledger's lock covers every access: a Ledger is safe for concurrent use.
//
// A store persists a ledger as plain values with Snapshot and loads it back
// with RestoreLedger; Version increases with every change, for optimistic
// locking.
type Ledger struct {
	mu       sync.RWMutex
	customer string
	currency money.Currency
	version  uint64

	invoices []*receivable
	byID     map[uuid.UUID]*receivable
	payments []*paymentState
	payByID  map[uuid.UUID]*paymentState
	refunds  []Refund
	entries  []Entry
	credit   decimal.Decimal // Σ unallocated of the payments
}

// receivable is an invoice held by a ledger.
type receivable struct {
	inv     *Invoice
	credits []CreditRecord
	dispute Dispute
	paid    decimal.Decimal // allocated, net of what was taken back
	parts   []appliedPart   // per payment, in order of first allocation
}

// paymentState is a payment held by a ledger.
type paymentState struct {
	p              Payment
	unallocated    decimal.Decimal
	refunded       decimal.Decimal
	reversedOn     date.Date
	reversalReason string
}

// NewLedger returns an empty ledger for the customer with the given key in
// currency cur.
func NewLedger(customer string, cur money.Currency) (*Ledger, error) {
	var errs validation.Errors
	switch {
	case customer == "":
		errs.Add("customer", validation.CodeRequired, "is required")
	case len(customer) > 200:
		errs.Add("customer", validation.CodeOutOfRange, "must have at most 200 characters")
	}
	if cur.IsZero() {
		errs.Add("currency", validation.CodeRequired, "is required")
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return &Ledger{customer: customer, currency: cur,
		byID: map[uuid.UUID]*receivable{}, payByID: map[uuid.UUID]*paymentState{}}, nil
}

// Customer returns the key of the ledger's customer.
func (l *Ledger) Customer() string { return l.customer }

// Currency returns the ledger's currency.
func (l *Ledger) Currency() money.Currency { return l.currency }

// Version returns the number of changes made to the ledger since it was
// created. A store saves a ledger only if the version it loaded is still
// the stored one.
func (l *Ledger) Version() uint64 {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.version
}

// AddInvoice hands an issued commercial invoice over to the ledger. The
// invoice must be in the ledger's currency, issued or sent and not yet paid
// (or written off, for money that may still come), and must not ask a
// negative amount; credit notes issued before are taken as credited on the
// invoice's issue date. From then on the host changes the invoice only
// through the ledger. A document that is not a receivable wraps
// ErrNotReceivable; another currency or an invoice already added is a
// *validation.Error.
func (l *Ledger) AddInvoice(inv *Invoice) error {
	if inv == nil {
		return validation.New("invoice", validation.CodeRequired, "is required")
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := l.checkNewInvoice(inv); err != nil {
		return err
	}
	r := &receivable{inv: inv}
	if c := inv.creditedDue(); !c.IsZero() {
		r.credits = []CreditRecord{{Date: inv.doc.IssueDate, Amount: money.New(c, l.currency)}}
	}
	l.invoices = append(l.invoices, r)
	l.byID[inv.id] = r
	l.version++
	return nil
}

func (l *Ledger) checkNewInvoice(inv *Invoice) error {
	switch {
	case inv.doc.Type != TypeCommercialInvoice || !inv.IsIssued():
		return fmt.Errorf("%w: only issued commercial invoices are receivables", ErrNotReceivable)
	case inv.status != StatusIssued && inv.status != StatusSent && inv.status != StatusUncollectible:
		return fmt.Errorf("%w: invoice %s is %s; a ledger takes invoices issued, sent or written off, before any payment",
			ErrNotReceivable, inv.doc.Number, inv.status)
	case inv.DueAfterCredits().IsNegative():
		return fmt.Errorf("%w: invoice %s asks a negative amount (%s), which is a credit, not a receivable",
			ErrNotReceivable, inv.doc.Number, inv.DueAfterCredits())
	case inv.doc.Currency != l.currency:
		return validation.New("invoice.currency", validation.CodeMismatch, "must be "+l.currency.Code()+", the ledger's currency")
	case l.byID[inv.id] != nil:
		return validation.New("invoice.id", validation.CodeDuplicate, "invoice "+inv.doc.Number+" is already in the ledger")
	}
	for _, r := range l.invoices {
		if r.inv.doc.Number == inv.doc.Number {
			return validation.New("invoice.number", validation.CodeDuplicate, "invoice "+inv.doc.Number+" is already in the ledger")
		}
	}
	return nil
}

// CreditBalance returns the customer's credit balance: what it paid and
// was neither allocated to an invoice nor refunded.
func (l *Ledger) CreditBalance() money.Amount {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.creditBalance()
}

func (l *Ledger) creditBalance() money.Amount { return money.New(l.credit, l.currency) }

// addPayment adds a payment, all of it unallocated.
func (l *Ledger) addPayment(p Payment) *paymentState {
	ps := &paymentState{p: p, unallocated: p.Amount.Number()}
	l.payments = append(l.payments, ps)
	l.payByID[p.ID] = ps
	l.credit = l.credit.Add(ps.unallocated)
	return ps
}

// Outstanding returns the sum of the balances of the ledger's invoices:
// what the customer owes before its credit balance is used.
func (l *Ledger) Outstanding() money.Amount {
	l.mu.RLock()
	defer l.mu.RUnlock()
	var sum decimal.Decimal
	for _, r := range l.invoices {
		sum = sum.Add(r.balance())
	}
	return money.New(sum, l.currency)
}

// InvoiceSnapshot returns the snapshot of one of the ledger's invoices, for
// a store to save after a Posting lists a change of its status.
func (l *Ledger) InvoiceSnapshot(id uuid.UUID) (Snapshot, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	r, ok := l.byID[id]
	if !ok {
		return Snapshot{}, &NotFoundError{Kind: "invoice", ID: id}
	}
	return r.inv.Snapshot(), nil
}

// dueAfterCredits returns BT-115 less the issued credit notes' BT-115.
func (r *receivable) dueAfterCredits() decimal.Decimal {
	return r.inv.doc.Totals.Due.Number().Sub(r.inv.creditedDue())
}

// balance returns what the customer still owes on r.
func (r *receivable) balance() decimal.Decimal { return r.dueAfterCredits().Sub(r.paid) }

// payable reports whether payments can be allocated to r.
func (r *receivable) payable() bool {
	return r.inv.status.AwaitsPayment() || r.inv.status == StatusPaid || r.inv.status == StatusUncollectible
}

// dueKey returns the due date used to order invoices: the due date, or the
// issue date of an invoice without one.
func (r *receivable) dueKey() date.Date {
	if r.inv.doc.DueDate.IsZero() {
		return r.inv.doc.IssueDate
	}
	return r.inv.doc.DueDate
}

// oldestFirst orders invoices by due date, issue date, then number.
func oldestFirst(a, b *receivable) int {
	if c := a.dueKey().Compare(b.dueKey()); c != 0 {
		return c
	}
	if c := a.inv.doc.IssueDate.Compare(b.inv.doc.IssueDate); c != 0 {
		return c
	}
	return cmp.Compare(a.inv.doc.Number, b.inv.doc.Number)
}

// openInvoices returns the invoices with a positive balance that payments
// can be allocated to, oldest due date first.
func (l *Ledger) openInvoices(skipDisputed bool) []*receivable {
	out := make([]*receivable, 0, len(l.invoices))
	for _, r := range l.invoices {
		if r.payable() && r.balance().Sign() > 0 && !(skipDisputed && !r.dispute.IsZero()) {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, oldestFirst)
	return out
}
