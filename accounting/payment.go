package accounting

import (
	"github.com/google/uuid"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
)

// Payment draws up the entry of a payment received in the bank journal,
// dated on its value date:
//
//	debit   bank (by payment method)   amount
//	credit  receivable (customer)      amount
//
// customer is the customer's auxiliary account (see Invoice); its label
// defaults to the payment's customer key. The piece reference is the bank
// reference, or the payment ID when there is none.
func (j *Journaliser) Payment(p invoice.Payment, customer Account) (Entry, error) {
	return j.bankEntry(bankMove{
		id: p.ID, customer: p.Customer, amount: p.Amount, on: p.Date, method: p.Method,
		reference: p.Reference, kind: "Règlement", sign: 1,
	}, customer)
}

// Refund draws up the entry of money paid back to a customer in the bank
// journal: the payment's entry the other way round.
func (j *Journaliser) Refund(r invoice.Refund, customer Account) (Entry, error) {
	return j.bankEntry(bankMove{
		id: r.ID, amount: r.Amount, on: r.Date, method: r.Method,
		reference: r.Reference, kind: "Remboursement", sign: -1,
	}, customer)
}

// bankMove is what a payment and a refund have in common.
type bankMove struct {
	id        uuid.UUID
	customer  string
	amount    money.Amount
	on        date.Date
	method    invoice.PaymentMethod
	reference string
	kind      string
	sign      int // +1 money in, -1 money out
}

func (j *Journaliser) bankEntry(m bankMove, customer Account) (Entry, error) {
	switch {
	case m.amount.Currency().IsZero():
		return Entry{}, invalid("amount", "is required, with its currency")
	case !m.amount.IsPositive():
		return Entry{}, invalid("amount", "must be positive")
	case m.on.IsZero():
		return Entry{}, invalid("date", "is required")
	case m.method != "" && !m.method.Valid():
		return Entry{}, invalid("method", "is not a payment method")
	}
	piece := m.reference
	if piece == "" {
		if m.id == uuid.Nil {
			return Entry{}, invalid("reference", "a reference or an ID is required to identify the piece")
		}
		piece = m.id.String()
	}
	if !customer.IsZero() && customer.Label == "" {
		customer.Label = m.customer
	}
	who := customer.Label
	if who == "" {
		who = m.customer
	}
	label := m.kind
	if who != "" {
		label += " " + who
	}
	e := Entry{Journal: j.cfg.Bank, Date: m.on, PieceRef: piece, PieceDate: m.on, Label: label}
	d := newDraft(&j.cfg, m.amount.Currency(), m.sign)
	x := d.round(m.amount)
	d.add(j.cfg.Chart.bankFor(m.method), Account{}, "", x.Neg())
	d.add(j.cfg.Chart.Receivable, customer, "", x)
	d.terms = 1
	if err := d.finish(&e, m.on); err != nil {
		return Entry{}, err
	}
	return e, nil
}
