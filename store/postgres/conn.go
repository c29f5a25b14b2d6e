package postgres

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Transaction statements. They are sent in the same round trip as the
// first statement of the transaction, not on their own.
const (
	beginWrite = "BEGIN ISOLATION LEVEL READ COMMITTED READ WRITE"
	beginRead  = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
)

// lazyTx is a transaction on a pooled connection that sends its BEGIN
// together with its first statement, saving a round trip per
// transaction (and two for a transaction that runs no statement). It
// offers the part of pgx.Tx the store uses.
type lazyTx struct {
	conn  *pgxpool.Conn
	begin string // the BEGIN still to send, "" once sent
}

// batch returns a batch that starts with the pending BEGIN, if any, and
// whether it does.
func (t *lazyTx) batch() (*pgx.Batch, bool) {
	b := &pgx.Batch{}
	if t.begin == "" {
		return b, false
	}
	b.Queue(t.begin)
	t.begin = ""
	return b, true
}

// Exec runs one statement.
func (t *lazyTx) Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error) {
	if t.begin == "" {
		return t.conn.Exec(ctx, sql, args...)
	}
	b, _ := t.batch()
	b.Queue(sql, args...)
	br := t.conn.SendBatch(ctx, b)
	_, err := br.Exec()
	var tag pgconn.CommandTag
	if err == nil {
		tag, err = br.Exec()
	}
	return tag, errors.Join(err, closeErr(err, br.Close()))
}

// QueryRow runs a query of at most one row.
func (t *lazyTx) QueryRow(ctx context.Context, sql string, args ...any) pgx.Row {
	if t.begin == "" {
		return t.conn.QueryRow(ctx, sql, args...)
	}
	b, _ := t.batch()
	b.Queue(sql, args...)
	br := t.conn.SendBatch(ctx, b)
	if _, err := br.Exec(); err != nil {
		return errRow{errors.Join(err, closeErr(err, br.Close()))}
	}
	return batchRow{row: br.QueryRow(), br: br}
}

// Query runs a query.
func (t *lazyTx) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) {
	if t.begin == "" {
		return t.conn.Query(ctx, sql, args...)
	}
	b, _ := t.batch()
	b.Queue(sql, args...)
	br := t.conn.SendBatch(ctx, b)
	if _, err := br.Exec(); err != nil {
		return nil, errors.Join(err, closeErr(err, br.Close()))
	}
	rows, err := br.Query()
	if err != nil {
		return nil, errors.Join(err, closeErr(err, br.Close()))
	}
	return &batchRows{Rows: rows, br: br}, nil
}

// SendBatch sends the queries of b in one round trip, after the pending
// BEGIN. When the BEGIN fails, it returns its error and the batch is
// closed.
func (t *lazyTx) SendBatch(ctx context.Context, b *pgx.Batch) (pgx.BatchResults, error) {
	nb, begins := t.batch()
	if !begins {
		return t.conn.SendBatch(ctx, b), nil
	}
	nb.QueuedQueries = append(nb.QueuedQueries, b.QueuedQueries...)
	br := t.conn.SendBatch(ctx, nb)
	if _, err := br.Exec(); err != nil {
		return nil, errors.Join(err, closeErr(err, br.Close()))
	}
	return br, nil
}

// Commit commits the transaction, if it began. A transaction that
// PostgreSQL aborted is rolled back by COMMIT: that is an error.
func (t *lazyTx) Commit(ctx context.Context) error {
	if t.begin != "" {
		return nil
	}
	tag, err := t.conn.Exec(ctx, "COMMIT")
	if err != nil {
		return err
	}
	if tag.String() == "ROLLBACK" {
		return pgx.ErrTxCommitRollback
	}
	return nil
}

// Rollback rolls the transaction back, if it began. If that fails the
// connection is left in a transaction, and the pool destroys it when it
// is released.
func (t *lazyTx) Rollback(ctx context.Context) error {
	if t.begin != "" {
		return nil
	}
	_, err := t.conn.Exec(ctx, "ROLLBACK")
	return err
}

// closeErr returns the error of closing a batch, unless it repeats the
// error already reported.
func closeErr(first, err error) error {
	if err == nil || (first != nil && err.Error() == first.Error()) {
		return nil
	}
	return err
}

// batchRow is a row of a batch: scanning it closes the batch.
type batchRow struct {
	row pgx.Row
	br  pgx.BatchResults
}

func (r batchRow) Scan(dest ...any) error {
	err := r.row.Scan(dest...)
	if cerr := closeErr(err, r.br.Close()); cerr != nil && !errors.Is(err, pgx.ErrNoRows) {
		return errors.Join(err, cerr)
	} else if cerr != nil {
		return cerr
	}
	return err
}

// errRow is a row that failed before it was read.
type errRow struct{ err error }

func (r errRow) Scan(...any) error { return r.err }

// batchRows are rows of a batch: closing them closes the batch.
type batchRows struct {
	pgx.Rows
	br  pgx.BatchResults
	err error
}

func (r *batchRows) Close() {
	if r.br == nil {
		return
	}
	r.Rows.Close()
	r.err = closeErr(r.Rows.Err(), r.br.Close())
	r.br = nil
}

func (r *batchRows) Err() error {
	if err := r.Rows.Err(); err != nil {
		return err
	}
	return r.err
}
