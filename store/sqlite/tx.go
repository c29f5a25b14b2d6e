package sqlite

import (
	"context"
	"database/sql"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/quote"
)

// tx is one transaction of a Store: a database transaction and the
// statements bound to it so far.
type tx struct {
	s        *Store
	sqlTx    *sql.Tx
	writable bool
	done     bool
	bound    [numStmts]*sql.Stmt

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

// newTx returns a transaction of s over sqlTx.
func newTx(s *Store, sqlTx *sql.Tx, writable bool) *tx {
	t := &tx{s: s, sqlTx: sqlTx, writable: writable}
	t.quotes = collection[quote.Snapshot]{tx: t, kind: "quote", first: 0 * opsPerTable}
	t.contracts = collection[billing.Contract]{tx: t, kind: "contract", first: 1 * opsPerTable}
	t.invoices = collection[invoice.Snapshot]{tx: t, kind: "invoice", first: 2 * opsPerTable}
	t.ledgers = collection[invoice.LedgerSnapshot]{tx: t, kind: "ledger", first: 3 * opsPerTable}
	t.approvals = collection[billing.ApprovalRequest]{tx: t, kind: "approval", first: 4 * opsPerTable}
	t.events = eventLog{tx: t}
	t.marks = marks{tx: t}
	t.sequence = sequence{tx: t}
	return t
}

// check returns the error that refuses an operation: the transaction has
// ended, ctx is done, or a write is attempted in a View.
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

// stmt returns the prepared statement id bound to the transaction.
// database/sql keeps the statement prepared on each connection, so
// binding it again in the next transaction costs no new prepare.
func (t *tx) stmt(ctx context.Context, id stmt) *sql.Stmt {
	if st := t.bound[id]; st != nil {
		return st
	}
	st := t.sqlTx.StmtContext(ctx, t.s.stmts[id])
	t.bound[id] = st
	return st
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
