package invoice

import (
	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// Unallocate takes amount back from what payments allocated to the invoice
// with the given ID, into the customer's credit balance, on the given day:
// the correction of a payment applied to the wrong invoice. The most recent
// payments are taken back first. The invoice goes back to partially paid,
// or to issued or sent when nothing remains paid.
func (l *Ledger) Unallocate(id uuid.UUID, amount money.Amount, on date.Date, reason string) (Posting, error) {
	var errs validation.Errors
	checkPositive(&errs, "amount", amount, l.currency)
	if on.IsZero() {
		errs.Add("date", validation.CodeRequired, "is required")
	}
	if reason == "" {
		errs.Add("reason", validation.CodeRequired, "is required")
	}
	errs.Text("reason", reason, validation.MaxReasonLength)
	if err := errs.Err(); err != nil {
		return Posting{}, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	r, ok := l.byID[id]
	if !ok {
		return Posting{}, &NotFoundError{Kind: "invoice", ID: id}
	}
	if amount.Number().Cmp(r.paid) > 0 {
		return Posting{}, &OverAllocationError{Field: "amount", Limit: "amount paid on invoice " + r.inv.doc.Number,
			Requested: amount, Available: money.New(r.paid, l.currency)}
	}
	return l.commit(l.takeBack(r, amount.Number(), EntryUnapply, on, uuid.Nil, reason)), nil
}

// ReversePayment records that a payment was reversed on the given day: a
// returned cheque, a rejected direct debit, a card chargeback. Everything it
// allocated is taken back from the invoices, which owe it again, and the
// rest leaves the credit balance. A payment already reversed, or one from
// which a refund was made, cannot be reversed (a *PaymentError).
func (l *Ledger) ReversePayment(id uuid.UUID, on date.Date, reason string) (Posting, error) {
	var errs validation.Errors
	if on.IsZero() {
		errs.Add("date", validation.CodeRequired, "is required")
	}
	if reason == "" {
		errs.Add("reason", validation.CodeRequired, "is required")
	}
	errs.Text("reason", reason, validation.MaxReasonLength)
	if err := errs.Err(); err != nil {
		return Posting{}, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	p, ok := l.payByID[id]
	switch {
	case !ok:
		return Posting{}, &NotFoundError{Kind: "payment", ID: id}
	case p.reversed():
		return Posting{}, &PaymentError{Op: "reverse", PaymentID: id, Err: ErrPaymentReversed}
	case p.refunded.Sign() != 0:
		return Posting{}, &PaymentError{Op: "reverse", PaymentID: id, Err: ErrPaymentRefunded}
	case on.Before(p.p.Date):
		return Posting{}, validation.New("date", validation.CodeOutOfRange, "must not be before the payment date "+p.p.Date.String())
	}
	var entries []Entry
	for _, r := range l.invoices {
		if part := r.partOf(p); part.Sign() > 0 {
			entries = append(entries, Entry{Kind: EntryReverse, Date: on, PaymentID: id, InvoiceID: r.inv.id,
				Amount: money.New(part, l.currency), Reason: reason})
		}
	}
	entries = append(entries, Entry{Kind: EntryReverse, Date: on, PaymentID: id, Amount: p.p.Amount, Reason: reason})
	return l.commit(entries), nil
}

// Refund pays part of the customer's credit balance back. The money comes
// from the payments received on or before the refund's date, oldest first,
// or from refund.PaymentID only. A refund of a credit note
// (refund.CreditNoteID) cannot exceed what that credit note released of
// the invoice's payments, less what was already refunded for it. Beyond
// what is available, the refund is an *OverAllocationError.
func (l *Ledger) Refund(refund Refund) (Posting, error) {
	var errs validation.Errors
	errs.Merge(validation.Struct(refund))
	checkMethod(&errs, "method", refund.Method)
	checkPositive(&errs, "amount", refund.Amount, l.currency)
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, f := range l.refunds {
		if f.ID == refund.ID && refund.ID != uuid.Nil {
			errs.Add("id", validation.CodeDuplicate, "refund "+refund.ID.String()+" is already recorded")
		}
	}
	var only *paymentState
	if refund.PaymentID != uuid.Nil {
		if only = l.payByID[refund.PaymentID]; only == nil {
			errs.Add("payment_id", validation.CodeUnknown, "is not a payment of this ledger")
		} else if only.reversed() {
			return Posting{}, &PaymentError{Op: "refund", PaymentID: refund.PaymentID, Err: ErrPaymentReversed}
		}
	}
	released, refunded := l.creditNoteReleases(refund.CreditNoteID)
	if refund.CreditNoteID != uuid.Nil && released.IsZero() {
		errs.Add("credit_note_id", validation.CodeUnknown, "is not a credit note that released payments of this ledger")
	}
	if err := errs.Err(); err != nil {
		return Posting{}, err
	}
	want := refund.Amount.Number()
	if rest := released.Sub(refunded); refund.CreditNoteID != uuid.Nil && want.Cmp(rest) > 0 {
		return Posting{}, &OverAllocationError{Field: "amount", Limit: "amount the credit note released and was not refunded",
			Requested: refund.Amount, Available: money.New(rest, l.currency)}
	}
	sources := l.creditSources(refund.Date, only)
	var entries []Entry
	for _, s := range sources {
		if want.Sign() == 0 {
			break
		}
		take := decimal.Min(want, s.unallocated)
		want = want.Sub(take)
		entries = append(entries, Entry{Kind: EntryRefund, Date: refund.Date, PaymentID: s.p.ID,
			CreditNoteID: refund.CreditNoteID, RefundID: refund.ID, Amount: money.New(take, l.currency)})
	}
	if want.Sign() > 0 {
		var available decimal.Decimal
		for _, s := range sources {
			available = available.Add(s.unallocated)
		}
		return Posting{}, &OverAllocationError{Field: "amount", Limit: "credit balance",
			Requested: refund.Amount, Available: money.New(available, l.currency)}
	}
	l.refunds = append(l.refunds, refund)
	return l.commit(entries), nil
}

// creditNoteReleases returns what the credit note cn released of payments
// and what was refunded for it.
func (l *Ledger) creditNoteReleases(cn uuid.UUID) (released, refunded decimal.Decimal) {
	if cn == uuid.Nil {
		return released, refunded
	}
	for i := range l.entries {
		e := &l.entries[i]
		switch {
		case e.CreditNoteID != cn:
		case e.Kind == EntryCreditNote:
			released = released.Add(e.Amount.Number())
		case e.Kind == EntryRefund:
			refunded = refunded.Add(e.Amount.Number())
		}
	}
	return released, refunded
}
