package invoice

import (
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// ApprovalPolicy says which invoices must be approved before they are
// issued. The zero policy requires no approval.
type ApprovalPolicy struct {
	// Always requires approval for every invoice.
	Always bool
	// Threshold, when set, requires approval for invoices whose total with
	// VAT (BT-112), in absolute value, is at least Threshold. It must be in
	// the invoice's currency.
	Threshold money.Amount
}

// Requires reports whether inv needs approval under p. A threshold in
// another currency is a *validation.Error.
func (p ApprovalPolicy) Requires(inv *Invoice) (bool, error) {
	if p.Always {
		return true, nil
	}
	if isUnset(p.Threshold) {
		return false, nil
	}
	if p.Threshold.Currency() != inv.doc.Currency {
		return false, validation.New("threshold", validation.CodeMismatch,
			"must be in "+inv.doc.Currency.Code()+", the invoice currency")
	}
	c, err := inv.doc.Totals.TaxInclusive.Abs().Cmp(p.Threshold)
	if err != nil {
		return false, err
	}
	return c >= 0, nil
}

// Submit ends the drafting of an invoice: it calculates and validates the
// document (all rules but the number and the issue date, which issuing
// sets), then moves it to pending_approval if policy requires approval, or
// straight to approved. On any fault it returns a *validation.Error and the
// invoice stays a draft.
func (inv *Invoice) Submit(policy ApprovalPolicy) error {
	if inv.status != StatusDraft {
		return &TransitionError{Op: "submit", From: inv.status, To: StatusApproved}
	}
	doc := inv.doc.Clone()
	if err := doc.calculateDraft(); err != nil {
		return err
	}
	next := &Invoice{doc: doc}
	needs, err := policy.Requires(next)
	if err != nil {
		return err
	}
	inv.doc = doc
	inv.status = StatusApproved
	if needs {
		inv.status = StatusPendingApproval
	}
	return nil
}

// Approve approves an invoice pending approval.
func (inv *Invoice) Approve() error {
	return inv.move("approve", StatusPendingApproval, StatusApproved)
}

// Reject sends an invoice pending approval back to draft.
func (inv *Invoice) Reject() error { return inv.move("reject", StatusPendingApproval, StatusDraft) }

// Reopen sends an approved invoice that was not issued back to draft, to
// change it.
func (inv *Invoice) Reopen() error { return inv.move("reopen", StatusApproved, StatusDraft) }

// Discard voids an invoice that was never issued: a draft, or one pending
// approval or approved. It had no number, so no gap is left. An issued
// invoice is voided only by crediting it in full.
func (inv *Invoice) Discard() error {
	switch inv.status {
	case StatusDraft, StatusPendingApproval, StatusApproved:
		inv.status = StatusVoid
		return nil
	}
	return &TransitionError{Op: "discard", From: inv.status, To: StatusVoid}
}

// MarkSent records that the issued document was sent to the buyer on the
// given day, which cannot be before its issue date.
func (inv *Invoice) MarkSent(on date.Date) error {
	if inv.status != StatusIssued {
		return &TransitionError{Op: "mark sent", From: inv.status, To: StatusSent}
	}
	if on.IsZero() || on.Before(inv.doc.IssueDate) {
		return validation.New("sent_on", validation.CodeOutOfRange, "must be a date on or after the issue date "+inv.doc.IssueDate.String())
	}
	inv.status, inv.sentOn = StatusSent, on
	return nil
}

// MarkPartiallyPaid records that part of the amount due was paid. Payments
// call it from issued, sent, partially_paid (a further partial payment),
// paid (a payment reversed in part) or uncollectible (money recovered).
func (inv *Invoice) MarkPartiallyPaid() error {
	return inv.transition("mark partially paid", StatusPartiallyPaid)
}

// MarkPaid records that the amount due was paid in full.
func (inv *Invoice) MarkPaid() error {
	if inv.status == StatusPaid {
		return &TransitionError{Op: "mark paid", From: inv.status, To: StatusPaid}
	}
	return inv.transition("mark paid", StatusPaid)
}

// MarkUnpaid records that every payment of a partially paid or paid invoice
// was reversed: it goes back to sent if it was sent, else to issued.
func (inv *Invoice) MarkUnpaid() error {
	to := StatusIssued
	if !inv.sentOn.IsZero() {
		to = StatusSent
	}
	if inv.status != StatusPartiallyPaid && inv.status != StatusPaid {
		return &TransitionError{Op: "mark unpaid", From: inv.status, To: to}
	}
	inv.status = to
	return nil
}

// MarkUncollectible writes an issued invoice off as a bad debt. It stays
// issued and numbered; the VAT on it is recovered with a credit note.
func (inv *Invoice) MarkUncollectible() error {
	return inv.transition("mark uncollectible", StatusUncollectible)
}

// move changes the status from exactly from to to.
func (inv *Invoice) move(op string, from, to Status) error {
	if inv.status != from {
		return &TransitionError{Op: op, From: inv.status, To: to}
	}
	inv.status = to
	return nil
}

// transition changes the status to to when the transition table allows it.
func (inv *Invoice) transition(op string, to Status) error {
	if !inv.status.CanTransition(to) || !inv.IsIssued() {
		return &TransitionError{Op: op, From: inv.status, To: to}
	}
	inv.status = to
	return nil
}
