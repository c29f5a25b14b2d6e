package invoice

import (
	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// Posting is what one operation changed in a ledger: the journal entries
// it added, the invoices whose status changed (a store saves their
// snapshots with the ledger), the credit balance after it and the ledger's
// new version.
type Posting struct {
	Entries       []Entry        `json:"entries,omitempty"` // added to the journal, in order
	Changes       []StatusChange `json:"changes,omitempty"` // invoices whose status changed
	CreditBalance money.Amount   `json:"credit_balance"`    // the customer's, after the operation
	Version       uint64         `json:"version"`           // the ledger's, after the operation
}

// StatusChange is a status transition that a ledger made on an invoice.
type StatusChange struct {
	InvoiceID uuid.UUID `json:"invoice_id"`
	Number    string    `json:"number"` // the invoice number (BT-1)
	From      Status    `json:"from"`   // the status before the operation
	To        Status    `json:"to"`     // the status after it
}

// settledStatus returns the status that an invoice should have when
// payments allocated paid to it and it still owes balance: paid when
// something was paid and nothing remains, partially paid when something
// remains, back to issued or sent when nothing is paid any more. A void
// invoice stays void; a written-off invoice stays written off unless
// money was just allocated to it (recovered).
func settledStatus(inv *Invoice, paid, balance decimal.Decimal, recovered bool) Status {
	cur := inv.status
	switch {
	case cur == StatusVoid || cur == StatusUncollectible && !recovered:
		return cur
	case paid.Sign() > 0 && balance.Sign() <= 0:
		return StatusPaid
	case paid.Sign() > 0:
		return StatusPartiallyPaid
	case cur == StatusPartiallyPaid || cur == StatusPaid:
		if inv.sentOn.IsZero() {
			return StatusIssued
		}
		return StatusSent
	}
	return cur
}

// settle moves the invoice of r to the status its balance calls for. The
// ledger only holds invoices whose statuses allow every such transition
// (issued, sent, partially paid, paid, written off, void), so it cannot fail.
func settle(r *receivable, recovered bool) (StatusChange, bool) {
	inv := r.inv
	to := settledStatus(inv, r.paid, r.balance(), recovered)
	if to == inv.status {
		return StatusChange{}, false
	}
	change := StatusChange{InvoiceID: inv.id, Number: inv.doc.Number, From: inv.status, To: to}
	inv.status = to
	return change, true
}

// commit posts entries, settles the invoices they touch, counts a new
// version and returns the Posting. Every entry has been checked.
func (l *Ledger) commit(entries []Entry, also ...*receivable) Posting {
	touched := also
	var recovered []*receivable
	for i := range entries {
		l.post(&entries[i])
		r := l.byID[entries[i].InvoiceID]
		if r != nil && !containsReceivable(touched, r) {
			touched = append(touched, r)
		}
		if r != nil && entries[i].Kind == EntryApply && !containsReceivable(recovered, r) {
			recovered = append(recovered, r)
		}
	}
	var changes []StatusChange
	for _, r := range touched {
		if c, ok := settle(r, containsReceivable(recovered, r)); ok {
			changes = append(changes, c)
		}
	}
	l.version++
	return Posting{Entries: entries, Changes: changes, CreditBalance: l.creditBalance(), Version: l.version}
}

func containsReceivable(list []*receivable, r *receivable) bool {
	for _, x := range list {
		if x == r {
			return true
		}
	}
	return false
}

// Dispute records that the customer disputes the invoice with the given
// ID, for the given reason, since the given day. Dunning skips a disputed
// invoice and automatic allocation leaves it aside until ResolveDispute.
// Disputing an invoice again replaces the reason.
func (l *Ledger) Dispute(id uuid.UUID, reason string, since date.Date) error {
	var errs validation.Errors
	if reason == "" {
		errs.Add("reason", validation.CodeRequired, "is required")
	}
	errs.Text("reason", reason, validation.MaxReasonLength)
	if since.IsZero() {
		errs.Add("since", validation.CodeRequired, "is required")
	}
	if err := errs.Err(); err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	r, ok := l.byID[id]
	if !ok {
		return &NotFoundError{Kind: "invoice", ID: id}
	}
	r.dispute = Dispute{Reason: reason, Since: since}
	l.version++
	return nil
}

// ResolveDispute lifts the dispute of the invoice with the given ID, if
// there is one.
func (l *Ledger) ResolveDispute(id uuid.UUID) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	r, ok := l.byID[id]
	if !ok {
		return &NotFoundError{Kind: "invoice", ID: id}
	}
	if !r.dispute.IsZero() {
		r.dispute = Dispute{}
		l.version++
	}
	return nil
}

// MarkSent records that the invoice with the given ID was sent to the
// customer on the given day (see Invoice.MarkSent).
func (l *Ledger) MarkSent(id uuid.UUID, on date.Date) error {
	return l.transition(id, func(inv *Invoice) error { return inv.MarkSent(on) })
}

// WriteOff writes the invoice with the given ID off as a bad debt (see
// Invoice.MarkUncollectible). Dunning stops; payments can still be
// allocated to it if money comes in after all.
func (l *Ledger) WriteOff(id uuid.UUID) error {
	return l.transition(id, (*Invoice).MarkUncollectible)
}

func (l *Ledger) transition(id uuid.UUID, fn func(*Invoice) error) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	r, ok := l.byID[id]
	if !ok {
		return &NotFoundError{Kind: "invoice", ID: id}
	}
	if err := fn(r.inv); err != nil {
		return err
	}
	l.version++
	return nil
}
