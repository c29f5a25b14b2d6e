package invoice

import (
	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
)

// EntryKind says what an Entry of a ledger's journal does. It is serialised
// as its string value.
type EntryKind string

// The kinds of ledger entries. Every entry moves an amount of one payment:
// to an invoice, back from an invoice to the customer's credit balance, or
// out of the ledger.
const (
	// EntryApply allocates part of a payment to an invoice.
	EntryApply EntryKind = "apply"
	// EntryUnapply takes an allocation back from an invoice into the credit
	// balance, to correct a misapplied payment.
	EntryUnapply EntryKind = "unapply"
	// EntryCreditNote takes back, into the credit balance, what a credit
	// note left paid beyond what the invoice still asks (CreditNoteID).
	EntryCreditNote EntryKind = "credit_note"
	// EntryReverse undoes a reversed payment: with an InvoiceID it takes the
	// payment's allocation back from that invoice; without, it cancels the
	// whole payment, which leaves the credit balance.
	EntryReverse EntryKind = "reverse"
	// EntryRefund pays part of the credit balance back to the customer
	// (RefundID, and CreditNoteID when the refund pays a credit note back).
	EntryRefund EntryKind = "refund"
)

// Valid reports whether k is one of the entry kinds above.
func (k EntryKind) Valid() bool {
	switch k {
	case EntryApply, EntryUnapply, EntryCreditNote, EntryReverse, EntryRefund:
		return true
	}
	return false
}

// takesBack reports whether an entry of kind k moves money from an invoice
// back to its payment.
func (k EntryKind) takesBack() bool {
	return k == EntryUnapply || k == EntryCreditNote || k == EntryReverse
}

// Entry is one line of a ledger's journal. Entries are never changed or
// removed: a correction is a new entry. Replaying the journal from the
// payments gives every balance of the ledger back, which is how
// RestoreLedger rebuilds it and how a store can audit it.
type Entry struct {
	// Kind says what the entry does, and so the direction of Amount.
	Kind EntryKind `json:"kind"`
	// Date is the day the entry takes effect.
	Date date.Date `json:"date"`
	// PaymentID is the payment whose money moves.
	PaymentID uuid.UUID `json:"payment_id"`
	// InvoiceID is the invoice it moves to or from, if any.
	InvoiceID uuid.UUID `json:"invoice_id,omitzero"`
	// CreditNoteID is the credit note that released the amount, or that a
	// refund pays back.
	CreditNoteID uuid.UUID `json:"credit_note_id,omitzero"`
	// RefundID is the refund of an EntryRefund.
	RefundID uuid.UUID `json:"refund_id,omitzero"`
	// Amount is the amount moved, always positive; Kind gives the direction.
	Amount money.Amount `json:"amount"`
	// Reason explains an unapplication or a reversal.
	Reason string `json:"reason,omitempty"`
}

// post applies e to the state of the ledger. The entry has been checked:
// post cannot fail.
func (l *Ledger) post(e *Entry) {
	p := l.payByID[e.PaymentID]
	a := e.Amount.Number()
	if e.Kind.takesBack() && e.InvoiceID != uuid.Nil {
		l.credit = l.credit.Add(a)
	} else {
		l.credit = l.credit.Sub(a)
	}
	switch {
	case e.Kind == EntryApply:
		r := l.byID[e.InvoiceID]
		p.unallocated = p.unallocated.Sub(a)
		r.addPart(p, a)
	case e.Kind.takesBack() && e.InvoiceID != uuid.Nil:
		r := l.byID[e.InvoiceID]
		r.addPart(p, a.Neg())
		p.unallocated = p.unallocated.Add(a)
	case e.Kind == EntryReverse:
		p.unallocated = p.unallocated.Sub(a)
		p.reversedOn, p.reversalReason = e.Date, e.Reason
	case e.Kind == EntryRefund:
		p.unallocated = p.unallocated.Sub(a)
		p.refunded = p.refunded.Add(a)
	}
	l.entries = append(l.entries, *e)
}

// appliedPart is what one payment has allocated to one invoice, net of
// what was taken back.
type appliedPart struct {
	pay    *paymentState
	amount decimal.Decimal
}

// addPart adds a (negative to take back) to what p allocated to r.
func (r *receivable) addPart(p *paymentState, a decimal.Decimal) {
	r.paid = r.paid.Add(a)
	for i := range r.parts {
		if r.parts[i].pay == p {
			r.parts[i].amount = r.parts[i].amount.Add(a)
			return
		}
	}
	r.parts = append(r.parts, appliedPart{pay: p, amount: a})
}

// partOf returns what p allocated to r.
func (r *receivable) partOf(p *paymentState) decimal.Decimal {
	for _, part := range r.parts {
		if part.pay == p {
			return part.amount
		}
	}
	return decimal.Decimal{}
}

// takeBack returns the entries that take amount back from r, from the
// payments that allocated to it most recently first.
func (l *Ledger) takeBack(r *receivable, amount decimal.Decimal, kind EntryKind, on date.Date, cn uuid.UUID, reason string) []Entry {
	var out []Entry
	for i := len(r.parts) - 1; i >= 0 && amount.Sign() > 0; i-- {
		part := r.parts[i]
		if part.amount.Sign() <= 0 {
			continue
		}
		take := decimal.Min(part.amount, amount)
		amount = amount.Sub(take)
		out = append(out, Entry{Kind: kind, Date: on, PaymentID: part.pay.p.ID, InvoiceID: r.inv.id,
			CreditNoteID: cn, Amount: money.New(take, l.currency), Reason: reason})
	}
	return out
}
