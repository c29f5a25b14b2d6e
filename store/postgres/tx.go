package postgres

import (
	"context"
	"time"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/quote"
)

// tx is one transaction of a Store. It holds a view of each part of the
// store, so that the accessors of billing.Tx return pointers into tx and
// allocate nothing.
type tx struct {
	s        *Store
	ptx      *lazyTx
	writable bool
	done     bool
	// failed is the error of a statement that aborted the transaction:
	// nothing after it can be committed.
	failed error
	// notified is set once the transaction has queued the notification
	// of its events.
	notified bool

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

// init points the views of t at t and at the store's tables.
func (t *tx) init() {
	q := &t.s.q
	t.quotes = collection[quote.Snapshot]{tx: t, t: &q.quotes}
	t.contracts = collection[billing.Contract]{tx: t, t: &q.contracts}
	t.invoices = collection[invoice.Snapshot]{tx: t, t: &q.invoices}
	t.ledgers = collection[invoice.LedgerSnapshot]{tx: t, t: &q.ledgers}
	t.approvals = collection[billing.ApprovalRequest]{tx: t, t: &q.approvals}
	t.events = eventLog{tx: t}
	t.marks = marks{tx: t}
	t.sequence = sequence{tx: t}
}

// check returns the error that refuses an operation: the transaction has
// ended or failed, ctx is cancelled, or a write is attempted in a View.
func (t *tx) check(ctx context.Context, write bool) error {
	if t.done {
		return errTxDone
	}
	if t.failed != nil {
		return t.failed
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if write && !t.writable {
		return billing.ErrReadOnly
	}
	return nil
}

// fail maps err, the error of a statement, and remembers it: PostgreSQL
// refuses every statement after a failed one until the rollback.
func (t *tx) fail(err error) error {
	err = mapErr(err)
	if t.failed == nil {
		t.failed = err
	}
	return err
}

// rollback ends the transaction without keeping anything. It runs even
// when ctx was cancelled, so that the connection goes back clean.
func (t *tx) rollback(ctx context.Context) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	_ = t.ptx.Rollback(ctx) // a broken connection is dropped by the pool
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
