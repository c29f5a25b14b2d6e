package kpi

import (
	"slices"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/validation"
)

// SettlementsFromLedger returns a Settlement for every invoice of the
// ledger that is paid, in the order the ledger holds them, for
// PayerProfiles. Customer is the ledger's customer key, Amount what
// payments allocated to the invoice (Receivable.Paid), and DueDate the
// invoice's due date, or its issue date when it has none (payable on
// receipt, as the ledger orders it).
//
// PaidOn is read from the ledger's journal and credit notes: starting from
// the amount due (BT-115), each credit note (on its issue date) and each
// allocation (on its entry date) lowers the balance, and each allocation
// taken back (an unapplication, a credit note's release or a reversed
// payment) raises it again. PaidOn is the last day on which the balance,
// after all of that day's movements, went from owing something to owing
// nothing. A payment reversed and paid again is settled on the second
// payment.
//
// The ledger is read through its public accessors, each under its own
// lock; if it changes while it is read, the result is ErrLedgerChanged and
// the caller reads it again. A nil ledger is a *validation.Error.
func SettlementsFromLedger(l *invoice.Ledger) ([]Settlement, error) {
	if l == nil {
		return nil, validation.New("ledger", validation.CodeRequired, "is required")
	}
	version := l.Version()
	receivables := l.Receivables()
	byInvoice := map[uuid.UUID][]invoice.Entry{}
	for _, e := range l.Entries() {
		if e.InvoiceID != uuid.Nil {
			byInvoice[e.InvoiceID] = append(byInvoice[e.InvoiceID], e)
		}
	}
	out := []Settlement{}
	for _, r := range receivables {
		if r.Status != invoice.StatusPaid {
			continue
		}
		credits, err := l.Credits(r.InvoiceID)
		if err != nil {
			return nil, err
		}
		paidOn := settledOn(r.Due.Number(), credits, byInvoice[r.InvoiceID])
		if paidOn.IsZero() {
			continue // unreachable for a consistent ledger: a paid invoice owes nothing
		}
		due := r.DueDate
		if due.IsZero() {
			due = r.IssueDate
		}
		out = append(out, Settlement{Customer: l.Customer(), InvoiceID: r.InvoiceID, DueDate: due, PaidOn: paidOn, Amount: r.Paid})
	}
	if l.Version() != version {
		return nil, ErrLedgerChanged
	}
	return out, nil
}

// movement is a change of an invoice's balance on a day.
type movement struct {
	on    date.Date
	delta decimal.Decimal
}

// settledOn returns the last day on which the balance of an invoice, due
// amount due and moved by its credit notes and journal entries, fell from
// positive to zero or less and stayed there; the zero Date if it still
// owes something.
func settledOn(due decimal.Decimal, credits []invoice.CreditRecord, entries []invoice.Entry) date.Date {
	moves := make([]movement, 0, len(credits)+len(entries))
	for _, c := range credits {
		moves = append(moves, movement{on: c.Date, delta: c.Amount.Number().Neg()})
	}
	for _, e := range entries {
		switch e.Kind {
		case invoice.EntryApply:
			moves = append(moves, movement{on: e.Date, delta: e.Amount.Number().Neg()})
		case invoice.EntryUnapply, invoice.EntryCreditNote, invoice.EntryReverse:
			moves = append(moves, movement{on: e.Date, delta: e.Amount.Number()})
		}
	}
	slices.SortStableFunc(moves, func(a, b movement) int { return a.on.Compare(b.on) })
	balance := due
	var settled date.Date
	for i := 0; i < len(moves); {
		day := moves[i].on
		for ; i < len(moves) && moves[i].on == day; i++ {
			balance = balance.Add(moves[i].delta)
		}
		switch {
		case balance.Sign() > 0:
			settled = date.Date{}
		case settled.IsZero():
			settled = day
		}
	}
	return settled
}
