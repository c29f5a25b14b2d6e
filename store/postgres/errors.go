package postgres

import (
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/billkit/billkit/billing"
)

// SQLSTATE codes the store maps to billkit's errors.
const (
	codeUniqueViolation      = "23505"
	codeReadOnlyTransaction  = "25006"
	codeSerializationFailure = "40001"
	codeDeadlockDetected     = "40P01"
	codeLockNotAvailable     = "55P03"
)

// RetryError reports a transaction that PostgreSQL aborted because it
// conflicted with a concurrent one (a serialisation failure, a deadlock, a
// lock it could not take). Nothing it wrote was kept; running it again
// may succeed. It wraps billing.ErrConflict and the *pgconn.PgError.
type RetryError struct {
	// Code is the SQLSTATE code of the failure.
	Code string
	// Err is the database's error.
	Err error
}

// Error implements the error interface.
func (e *RetryError) Error() string {
	return fmt.Sprintf("postgres: concurrent transactions conflicted (SQLSTATE %s), retry: %v", e.Code, e.Err)
}

// Unwrap returns billing.ErrConflict and the database's error.
func (e *RetryError) Unwrap() []error { return []error{billing.ErrConflict, e.Err} }

// mapErr turns the database errors that billkit has a name for into
// billkit's errors; it returns the others unchanged.
func mapErr(err error) error {
	var pg *pgconn.PgError
	if !errors.As(err, &pg) {
		return err
	}
	switch pg.Code {
	case codeReadOnlyTransaction:
		return fmt.Errorf("%w: %w", billing.ErrReadOnly, err)
	case codeSerializationFailure, codeDeadlockDetected, codeLockNotAvailable:
		return &RetryError{Code: pg.Code, Err: err}
	case codeUniqueViolation:
		return &billing.ConflictError{Kind: kindOfTable(pg.TableName), ID: keyOf(pg.Detail)}
	}
	return err
}

// keyOf returns the key a unique violation names in its detail, "Key
// (id)=(value) already exists.", or the detail itself.
func keyOf(detail string) string {
	_, rest, ok := strings.Cut(detail, ")=(")
	if i := strings.LastIndex(rest, ") already exists"); ok && i >= 0 {
		return rest[:i]
	}
	return detail
}

// kindOfTable returns the conflict Kind of a table's rows.
func kindOfTable(table string) string {
	switch table {
	case "quotes":
		return "quote"
	case "contracts":
		return "contract"
	case "invoices":
		return "invoice"
	case "ledgers":
		return "ledger"
	case "approvals":
		return "approval"
	case "events":
		return "event"
	case "marks":
		return "mark"
	}
	return table
}
