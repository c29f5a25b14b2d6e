package invoice

import (
	"slices"
	"strconv"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// LedgerSnapshot is the whole state of a Ledger as plain data, for a store
// to save (as JSON, or as rows: one per invoice, payment, refund and
// entry) and to load back with RestoreLedger. The invoices themselves are
// saved apart, as invoice Snapshots; balances are not saved but recomputed
// from the journal.
type LedgerSnapshot struct {
	Customer string          `json:"customer"`           // the key of the customer
	Currency money.Currency  `json:"currency"`           // the ledger's currency
	Version  uint64          `json:"version"`            // the number of changes made
	Invoices []LedgerInvoice `json:"invoices,omitempty"` // in the order they were added
	Payments []Payment       `json:"payments,omitempty"` // in the order they were recorded
	Refunds  []Refund        `json:"refunds,omitempty"`  // in the order they were made
	Entries  []Entry         `json:"entries,omitempty"`  // the journal, in order
}

// LedgerInvoice is what a ledger records of one of its invoices besides
// the invoice itself.
type LedgerInvoice struct {
	InvoiceID uuid.UUID      `json:"invoice_id"`
	Credits   []CreditRecord `json:"credits,omitempty"` // the credit notes recorded, in issue order
	Dispute   Dispute        `json:"dispute,omitzero"`  // the current dispute, if any
}

// Snapshot returns a copy of the state of l.
func (l *Ledger) Snapshot() LedgerSnapshot {
	l.mu.RLock()
	defer l.mu.RUnlock()
	s := LedgerSnapshot{Customer: l.customer, Currency: l.currency, Version: l.version,
		Invoices: make([]LedgerInvoice, len(l.invoices)), Payments: make([]Payment, len(l.payments)),
		Refunds: append([]Refund(nil), l.refunds...), Entries: append([]Entry(nil), l.entries...)}
	for i, r := range l.invoices {
		s.Invoices[i] = LedgerInvoice{InvoiceID: r.inv.id, Credits: append([]CreditRecord(nil), r.credits...), Dispute: r.dispute}
	}
	for i, p := range l.payments {
		s.Payments[i] = p.p
	}
	return s
}

// RestoreLedger rebuilds a Ledger from a snapshot and its invoices, as a
// store loads them: each invoice of the snapshot must be given, once, and
// no other. It replays the journal and checks that it adds up: every entry
// refers to a known payment, invoice and refund; no payment allocates or
// refunds more than it holds and no invoice gives back more than it was
// paid; the credit notes recorded match each invoice's; each invoice's
// status agrees with its balance. Any fault is a *validation.Error
// (validation.CodeInconsistent for figures that do not add up), and no
// ledger is returned.
func RestoreLedger(s LedgerSnapshot, invoices []*Invoice) (*Ledger, error) {
	l, err := NewLedger(s.Customer, s.Currency)
	if err != nil {
		return nil, err
	}
	var errs validation.Errors
	l.restoreInvoices(&errs, s.Invoices, invoices)
	for i, p := range s.Payments {
		at := "payments[" + strconv.Itoa(i) + "]"
		errs.MergeAt(at, p.Validate())
		switch {
		case !p.Amount.Currency().IsZero() && p.Amount.Currency() != l.currency:
			errs.Add(at+".amount", validation.CodeMismatch, "must be in "+l.currency.Code()+", the ledger's currency")
		case p.Customer != l.customer:
			errs.Add(at+".customer", validation.CodeMismatch, "must be "+l.customer+", the ledger's customer")
		case l.payByID[p.ID] != nil:
			errs.Add(at+".id", validation.CodeDuplicate, "payment "+p.ID.String()+" is recorded twice")
		}
		l.addPayment(p)
	}
	for i, f := range s.Refunds {
		at := "refunds[" + strconv.Itoa(i) + "]"
		errs.MergeAt(at, f.Validate())
		switch {
		case !f.Amount.Currency().IsZero() && f.Amount.Currency() != l.currency:
			errs.Add(at+".amount", validation.CodeMismatch, "must be in "+l.currency.Code()+", the ledger's currency")
		case slices.ContainsFunc(s.Refunds[:i], func(o Refund) bool { return o.ID == f.ID }):
			errs.Add(at+".id", validation.CodeDuplicate, "refund "+f.ID.String()+" is recorded twice")
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	refunds := map[uuid.UUID]decimal.Decimal{}
	for i := range s.Entries {
		e := s.Entries[i]
		if err := l.checkEntry(&e, s.Refunds); err != nil {
			errs.MergeAt("entries["+strconv.Itoa(i)+"]", err)
			return nil, errs.Err()
		}
		l.post(&e)
		if e.Kind == EntryRefund {
			refunds[e.RefundID] = refunds[e.RefundID].Add(e.Amount.Number())
		}
	}
	for i, f := range s.Refunds {
		if !refunds[f.ID].Equal(f.Amount.Number()) {
			errs.Add("refunds["+strconv.Itoa(i)+"].amount", validation.CodeInconsistent, "differs from the sum of its journal entries")
		}
	}
	for i, r := range l.invoices {
		l.checkSettled(&errs, "invoices["+strconv.Itoa(i)+"]", r)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	l.refunds = append([]Refund(nil), s.Refunds...)
	l.version = s.Version
	return l, nil
}

// restoreInvoices adds the snapshot's invoices to l, checking them.
func (l *Ledger) restoreInvoices(errs *validation.Errors, list []LedgerInvoice, invoices []*Invoice) {
	given := make(map[uuid.UUID]*Invoice, len(invoices))
	for _, inv := range invoices {
		if inv != nil {
			given[inv.id] = inv
		}
	}
	for i, li := range list {
		at := "invoices[" + strconv.Itoa(i) + "]"
		inv := given[li.InvoiceID]
		switch {
		case inv == nil:
			errs.Add(at+".invoice_id", validation.CodeUnknown, "invoice "+li.InvoiceID.String()+" is not among the invoices given")
			continue
		case l.byID[inv.id] != nil:
			errs.Add(at+".invoice_id", validation.CodeDuplicate, "invoice "+inv.doc.Number+" is listed twice")
			continue
		case inv.doc.Type != TypeCommercialInvoice || !inv.IsIssued() || inv.doc.Currency != l.currency:
			errs.Add(at+".invoice_id", validation.CodeNotAllowed, "must be an issued commercial invoice in "+l.currency.Code())
			continue
		}
		var credited decimal.Decimal
		for _, c := range li.Credits {
			credited = credited.Add(c.Amount.Number())
		}
		if !credited.Equal(inv.creditedDue()) {
			errs.Add(at+".credits", validation.CodeInconsistent, "do not add up to what invoice "+inv.doc.Number+
				" was credited ("+money.New(inv.creditedDue(), l.currency).String()+"): a credit note was issued outside the ledger")
		}
		r := &receivable{inv: inv, credits: append([]CreditRecord(nil), li.Credits...), dispute: li.Dispute}
		l.invoices = append(l.invoices, r)
		l.byID[inv.id] = r
	}
	if len(given) != len(l.byID) {
		for _, inv := range invoices {
			if inv != nil && l.byID[inv.id] == nil {
				errs.Add("invoices", validation.CodeUnknown, "invoice "+inv.doc.Number+" is not in the snapshot")
			}
		}
	}
}

// checkEntry checks that e can be posted on the current state.
func (l *Ledger) checkEntry(e *Entry, refunds []Refund) error {
	var errs validation.Errors
	p := l.payByID[e.PaymentID]
	r := l.byID[e.InvoiceID]
	a := e.Amount.Number()
	switch {
	case !e.Kind.Valid():
		errs.Add("kind", validation.CodeNotAllowed, "is not a known entry kind")
	case e.Date.IsZero():
		errs.Add("date", validation.CodeRequired, "is required")
	case p == nil:
		errs.Add("payment_id", validation.CodeUnknown, "is not a payment of the ledger")
	case e.Amount.Currency() != l.currency || a.Sign() <= 0:
		errs.Add("amount", validation.CodeInconsistent, "must be positive, in "+l.currency.Code())
	case (e.Kind == EntryApply || e.Kind == EntryUnapply || e.Kind == EntryCreditNote) && r == nil:
		errs.Add("invoice_id", validation.CodeUnknown, "is not an invoice of the ledger")
	case e.InvoiceID != uuid.Nil && r == nil:
		errs.Add("invoice_id", validation.CodeUnknown, "is not an invoice of the ledger")
	case p.reversed():
		errs.Add("payment_id", validation.CodeInconsistent, "the payment was reversed before")
	case e.Kind == EntryApply || e.Kind == EntryRefund:
		if a.Cmp(p.unallocated) > 0 {
			errs.Add("amount", validation.CodeInconsistent, "exceeds what the payment had left")
		}
		if e.Kind == EntryRefund && !hasRefund(refunds, e.RefundID) {
			errs.Add("refund_id", validation.CodeUnknown, "is not a refund of the ledger")
		}
	case r != nil: // takes back from an invoice
		if a.Cmp(r.partOf(p)) > 0 {
			errs.Add("amount", validation.CodeInconsistent, "exceeds what the payment had allocated to the invoice")
		}
	default: // cancels a reversed payment
		if p.refunded.Sign() != 0 || !a.Equal(p.p.Amount.Number()) || !p.unallocated.Equal(a) {
			errs.Add("amount", validation.CodeInconsistent, "a reversal cancels the whole payment, once all its allocations are taken back")
		}
	}
	return errs.Err()
}

func hasRefund(refunds []Refund, id uuid.UUID) bool {
	for _, f := range refunds {
		if f.ID == id {
			return true
		}
	}
	return false
}

// checkSettled checks that an invoice is not paid beyond what it asks and
// that its status agrees with its balance.
func (l *Ledger) checkSettled(errs *validation.Errors, at string, r *receivable) {
	bal := r.balance()
	switch {
	case bal.Sign() < 0 && r.paid.Sign() > 0:
		errs.Add(at, validation.CodeInconsistent, "invoice "+r.inv.doc.Number+" is paid beyond its amount due less credit notes")
	case r.inv.status == StatusUncollectible:
	case settledStatus(r.inv, r.paid, bal, false) != r.inv.status:
		errs.Add(at, validation.CodeInconsistent, "invoice "+r.inv.doc.Number+" is "+string(r.inv.status)+
			" but its balance is "+money.New(bal, l.currency).String()+" with "+money.New(r.paid, l.currency).String()+" paid")
	}
}
