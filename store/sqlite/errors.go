package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/billkit/billkit/billing"
)

// dbError returns the error to report for err, which the database
// returned while doing what op names. The context's error stands for an
// interrupted statement; a database locked by another process beyond the
// busy timeout, or a constraint that refused a duplicate, wraps
// billing.ErrConflict (the writes were refused, and may succeed if tried
// again); any other error is returned with op for context.
func dbError(ctx context.Context, op string, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return ctxErr
	}
	var e *sqlite.Error
	if errors.As(err, &e) {
		switch e.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return fmt.Errorf("sqlite: %s: %w: database is locked by another connection: %w", op, billing.ErrConflict, err)
		case sqlite3.SQLITE_CONSTRAINT:
			if code := e.Code(); code == sqlite3.SQLITE_CONSTRAINT_UNIQUE || code == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY {
				return fmt.Errorf("sqlite: %s: %w: %w", op, billing.ErrConflict, err)
			}
		}
	}
	return fmt.Errorf("sqlite: %s: %w", op, err)
}

// busy reports whether err is SQLite's "database is locked".
func busy(err error) bool {
	var e *sqlite.Error
	if errors.As(err, &e) {
		switch e.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return true
		}
	}
	return false
}

// beginTx begins a transaction on db, trying again for up to wait while
// the database is locked. SQLite's busy timeout covers most waits, but
// not all: a BEGIN may be refused at once while another connection sets
// up the write-ahead log of a new file, or to avoid a deadlock.
func beginTx(ctx context.Context, db *sql.DB, opts *sql.TxOptions, wait time.Duration) (*sql.Tx, error) {
	deadline := time.Now().Add(wait)
	pause := time.Millisecond
	for {
		tx, err := db.BeginTx(ctx, opts)
		if err == nil || !busy(err) || time.Now().After(deadline) {
			return tx, err
		}
		select {
		case <-time.After(pause):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		pause = min(2*pause, 50*time.Millisecond)
	}
}
