package postgres

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5"
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
// billkit's errors; it returns the others unchanged. A server that cannot
// be reached or that dropped the connection is a
// *billing.UnavailableError, which keeps the driver's error.
func mapErr(err error) error {
	if errors.Is(err, billing.ErrUnavailable) {
		return err // mapped already
	}
	var pg *pgconn.PgError
	if !errors.As(err, &pg) {
		if lostConnection(err) {
			return &billing.UnavailableError{Err: err}
		}
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
	if unavailableCode(pg.Code) {
		return &billing.UnavailableError{Err: err}
	}
	return err
}

// unavailableCode reports whether a SQLSTATE code says the server is out
// of reach for now: a connection exception (class 08), the server
// shutting down or terminating the connection (57P01 admin_shutdown,
// 57P02 crash_shutdown), starting up (57P03 cannot_connect_now), or out
// of connection slots (53300 too_many_connections).
func unavailableCode(code string) bool {
	switch {
	case strings.HasPrefix(code, "08"):
		return true
	case code == "57P01", code == "57P02", code == "57P03", code == "53300":
		return true
	}
	return false
}

// lostConnection reports whether err, which is not a server's error,
// says the connection could not be made or was lost: refused or reset,
// timed out, closed, cut short (an unexpected EOF), or any failure pgx
// marks safe to retry because it happened before anything was sent. The
// end of the caller's context is not one: its error says so itself.
func lostConnection(err error) bool {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var netErr net.Error
	return pgconn.SafeToRetry(err) || pgconn.Timeout(err) || errors.Is(err, pgconn.ErrConnClosed) ||
		errors.As(err, &netErr) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE)
}

// commitErr maps the error of a COMMIT. A COMMIT that was never sent (the
// connection was closed before, the context had ended) kept nothing, nor
// did one that the server refused with an ERROR; but when the connection
// was lost after it was sent, or the server ended the session with a
// FATAL error before answering, the transaction may have been committed:
// that is a *billing.OutcomeUnknownError.
func commitErr(err error) error {
	var pg *pgconn.PgError
	switch {
	case pgconn.SafeToRetry(err), errors.Is(err, pgx.ErrTxCommitRollback):
		return mapErr(err)
	case errors.As(err, &pg):
		severity := pg.SeverityUnlocalized
		if severity == "" {
			severity = pg.Severity
		}
		if severity != "FATAL" && severity != "PANIC" {
			return mapErr(err)
		}
	}
	return &billing.OutcomeUnknownError{Err: err}
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
