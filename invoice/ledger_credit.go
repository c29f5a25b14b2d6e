package invoice

import (
	"context"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// NewCreditNote draws up a draft credit note of the ledger's invoice with
// the given ID, as NewCreditNote does, under the ledger's lock. The host
// submits it and issues it with IssueCreditNote.
func (l *Ledger) NewCreditNote(id, invoiceID uuid.UUID, req CreditRequest) (*Invoice, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	r, ok := l.byID[invoiceID]
	if !ok {
		return nil, &NotFoundError{Kind: "invoice", ID: invoiceID}
	}
	return NewCreditNote(id, r.inv, req)
}

// IssueCreditNote issues the approved credit note cn against the ledger's
// invoice that it corrects (see Invoice.IssueCredit) and records it: the
// invoice's balance decreases by the credit note's amount due (BT-115),
// dated on its issue date. When payments
// had already covered more than the invoice now asks, the excess is taken
// back from the most recent payments into the customer's credit balance,
// from which it can be refunded (Refund with CreditNoteID) or allocated to
// other invoices. An invoice credited in full becomes void.
func (l *Ledger) IssueCreditNote(ctx context.Context, cn *Invoice, seq Sequence, series Series, on date.Date) (Posting, error) {
	if cn == nil {
		return Posting{}, validation.New("credit_note", validation.CodeRequired, "is required")
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if cn.doc.Type != TypeCreditNote || len(cn.doc.Preceding) == 0 {
		return Posting{}, validation.New("credit_note.preceding", validation.CodeRequired, "must be a credit note that references its invoice")
	}
	number := cn.doc.Preceding[0].Number
	var r *receivable
	for _, x := range l.invoices {
		if x.inv.doc.Number == number {
			r = x
		}
	}
	if r == nil {
		return Posting{}, &NotFoundError{Kind: "invoice", Number: number}
	}
	if err := cn.IssueCredit(ctx, r.inv, seq, series, on); err != nil {
		return Posting{}, err
	}
	// From here on nothing can fail: the credit note is issued.
	r.credits = append(r.credits, CreditRecord{CreditNoteID: cn.id, Number: cn.doc.Number, Date: on,
		Amount: money.New(cn.doc.Totals.Due.Number(), l.currency)})
	var entries []Entry
	if excess := r.balance().Neg(); excess.Sign() > 0 {
		entries = l.takeBack(r, decimal.Min(excess, r.paid), EntryCreditNote, on, cn.id, "")
	}
	return l.commit(entries, r), nil
}
