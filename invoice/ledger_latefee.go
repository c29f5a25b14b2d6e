package invoice

import (
	"github.com/google/uuid"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
)

// Debt returns the debt of the invoice with the given ID, for late fees:
// its amount due, its due date, and as settlements the credit notes on
// their issue dates and the allocations on their dates (negative when
// taken back). The allocations of reversed payments are left out: money
// that never arrived settled nothing.
func (l *Ledger) Debt(id uuid.UUID) (Debt, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	r, ok := l.byID[id]
	if !ok {
		return Debt{}, &NotFoundError{Kind: "invoice", ID: id}
	}
	return l.debt(r), nil
}

func (l *Ledger) debt(r *receivable) Debt {
	d := Debt{DueDate: r.inv.doc.DueDate, Amount: money.New(r.inv.doc.Totals.Due.Number(), l.currency)}
	for _, c := range r.credits {
		d.Settlements = append(d.Settlements, Settlement{On: c.Date, Amount: c.Amount})
	}
	for i := range l.entries {
		e := &l.entries[i]
		if e.InvoiceID != r.inv.id || l.payByID[e.PaymentID].reversed() {
			continue
		}
		s := Settlement{On: e.Date, Amount: e.Amount}
		if e.Kind.takesBack() {
			s.Amount = s.Amount.Neg()
		}
		d.Settlements = append(d.Settlements, s)
	}
	return d
}

// LateFee returns the late fee of the invoice with the given ID as of the
// given day, under the terms the invoice states (see LateFeeTermsOf and
// LateFeeTerms.Compute).
func (l *Ledger) LateFee(id uuid.UUID, until date.Date) (LateFee, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	r, ok := l.byID[id]
	if !ok {
		return LateFee{}, &NotFoundError{Kind: "invoice", ID: id}
	}
	return LateFeeTermsOf(r.inv).Compute(l.debt(r), until)
}
