package memory

import (
	"context"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/quote"
)

// tx is one transaction of a Store. It holds a view of each part of the
// store, so that the accessors of billing.Tx return pointers into tx and
// allocate nothing.
type tx struct {
	s        *Store
	writable bool
	done     bool

	quotes    collection[quote.Snapshot]
	contracts collection[billing.Contract]
	invoices  collection[invoice.Snapshot]
	ledgers   collection[invoice.LedgerSnapshot]
	approvals collection[billing.ApprovalRequest]
	events    eventLog
	marks     marks
	sequence  sequence
}

var _ billing.Tx = (*tx)(nil)

// newTx returns a transaction over s; the caller holds s's lock.
func newTx(s *Store, writable bool) *tx {
	t := &tx{s: s, writable: writable}
	t.quotes = collection[quote.Snapshot]{tx: t, t: &s.quotes}
	t.contracts = collection[billing.Contract]{tx: t, t: &s.contracts}
	t.invoices = collection[invoice.Snapshot]{tx: t, t: &s.invoices}
	t.ledgers = collection[invoice.LedgerSnapshot]{tx: t, t: &s.ledgers}
	t.approvals = collection[billing.ApprovalRequest]{tx: t, t: &s.approvals}
	t.events = eventLog{tx: t, l: &s.events}
	t.marks = marks{tx: t, m: &s.marks}
	t.sequence = sequence{tx: t, q: &s.sequence}
	return t
}

// check returns the error that refuses an operation: the transaction has
// ended, ctx is cancelled, or a write is attempted in a View.
func (t *tx) check(ctx context.Context, write bool) error {
	if t.done {
		return errTxDone
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if write && !t.writable {
		return billing.ErrReadOnly
	}
	return nil
}

// Quotes implements billing.Tx.
func (t *tx) Quotes() billing.Collection[quote.Snapshot] { return &t.quotes }

// Contracts implements billing.Tx.
func (t *tx) Contracts() billing.Collection[billing.Contract] { return &t.contracts }

// Invoices implements billing.Tx.
func (t *tx) Invoices() billing.Collection[invoice.Snapshot] { return &t.invoices }

// Ledgers implements billing.Tx.
func (t *tx) Ledgers() billing.Collection[invoice.LedgerSnapshot] { return &t.ledgers }

// Approvals implements billing.Tx.
func (t *tx) Approvals() billing.Collection[billing.ApprovalRequest] { return &t.approvals }

// Events implements billing.Tx.
func (t *tx) Events() billing.EventLog { return &t.events }

// Marks implements billing.Tx.
func (t *tx) Marks() billing.Marks { return &t.marks }

// Sequence implements billing.Tx.
func (t *tx) Sequence() invoice.Sequence { return &t.sequence }
