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
// interrupted statement. A database locked by another process beyond the
// busy timeout, or a constraint that refused a duplicate, wraps
// billing.ErrConflict: the writes were refused, and may succeed if tried
// again. A disk that fails or is full, or a file that cannot be opened,
// is a *billing.UnavailableError: nothing of the transaction is kept, and
// the same writes may succeed once the disk is back. Any other error is
// returned with op for context.
//
// A lock not obtained in time is a conflict rather than an unavailable
// store because it is one: the database answered, another writer held
// it, and nothing was written, as PostgreSQL reports a lock it could not
// take (lock_not_available) with a *postgres.RetryError that wraps
// billing.ErrConflict too. Bill runs try both again.
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
		if unavailableCode(e.Code()) {
			return &billing.UnavailableError{Err: fmt.Errorf("sqlite: %s: %w", op, err)}
		}
	}
	return fmt.Errorf("sqlite: %s: %w", op, err)
}

// unavailableCode reports whether a SQLite result code, primary or
// extended, says the database file could not be read or written for now:
// a disk I/O error (SQLITE_IOERR and its extended codes), a full disk
// (SQLITE_FULL), a file that cannot be opened (SQLITE_CANTOPEN) or a
// locking protocol error (SQLITE_PROTOCOL).
func unavailableCode(code int) bool {
	switch code & 0xff {
	case sqlite3.SQLITE_IOERR, sqlite3.SQLITE_FULL, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PROTOCOL:
		return true
	}
	return false
}

// commitError returns the error to report for err, which COMMIT returned.
// A disk I/O error during a commit may come after the write-ahead log
// received the transaction: whether it was kept is unknown, which is a
// *billing.OutcomeUnknownError. Any other failure kept nothing, and is
// reported as dbError does.
func commitError(ctx context.Context, err error) error {
	var e *sqlite.Error
	if ctx.Err() == nil && errors.As(err, &e) && e.Code()&0xff == sqlite3.SQLITE_IOERR {
		return &billing.OutcomeUnknownError{Err: fmt.Errorf("sqlite: commit: %w", err)}
	}
	return dbError(ctx, "commit", err)
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
