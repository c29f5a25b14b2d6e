package postgres

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/stretchr/testify/assert"

	"github.com/billkit/billkit/billing"
)

// notSent is an error that pgx marks safe to retry: it happened before
// anything reached the server.
type notSent struct{}

func (notSent) Error() string     { return "conn closed" }
func (notSent) SafeToRetry() bool { return true }

func TestMapErrTellsUnavailableServers(t *testing.T) {
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	for _, tt := range []struct {
		name        string
		err         error
		unavailable bool
	}{
		{"connection refused", fmt.Errorf("failed to connect: %w", refused), true},
		{"connection reset", &net.OpError{Op: "read", Net: "tcp", Err: os.NewSyscallError("read", syscall.ECONNRESET)}, true},
		{"broken pipe", fmt.Errorf("write failed: %w", syscall.EPIPE), true},
		{"unexpected EOF", fmt.Errorf("receive message failed: %w", io.ErrUnexpectedEOF), true},
		{"a connection closed", fmt.Errorf("query: %w", pgconn.ErrConnClosed), true},
		{"nothing sent", notSent{}, true},
		{"admin shutdown", &pgconn.PgError{Severity: "FATAL", Code: "57P01"}, true},
		{"crash shutdown", &pgconn.PgError{Severity: "FATAL", Code: "57P02"}, true},
		{"starting up", &pgconn.PgError{Severity: "FATAL", Code: "57P03"}, true},
		{"too many connections", &pgconn.PgError{Severity: "FATAL", Code: "53300"}, true},
		{"connection failure", &pgconn.PgError{Severity: "FATAL", Code: "08006"}, true},
		{"a cancelled context", fmt.Errorf("query: %w", context.Canceled), false},
		{"a context past its deadline", fmt.Errorf("query: %w", context.DeadlineExceeded), false},
		{"a syntax error", &pgconn.PgError{Severity: "ERROR", Code: "42601"}, false},
		{"a wrong password", &pgconn.PgError{Severity: "FATAL", Code: "28P01"}, false},
		{"an unknown error", errors.New("something else"), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := mapErr(tt.err)
			assert.Equal(t, tt.unavailable, errors.Is(got, billing.ErrUnavailable), "%v", got)
			assert.ErrorIs(t, got, tt.err, "the driver's error stays reachable")
			if tt.unavailable {
				var u *billing.UnavailableError
				assert.ErrorAs(t, got, &u)
				assert.Same(t, got, mapErr(got), "mapping twice changes nothing")
			}
		})
	}
}

func TestCommitErrTellsAnUnknownOutcome(t *testing.T) {
	for _, tt := range []struct {
		name    string
		err     error
		unknown bool // else nothing was kept
	}{
		{"the connection was closed before", notSent{}, false},
		{"the server rolled back", pgx.ErrTxCommitRollback, false},
		{"the server refused", &pgconn.PgError{Severity: "ERROR", SeverityUnlocalized: "ERROR", Code: "23505"}, false},
		{"the answer was cut short", fmt.Errorf("receive message failed: %w", io.ErrUnexpectedEOF), true},
		{"the connection was reset", &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}, true},
		{"the session was terminated", &pgconn.PgError{Severity: "FATAL", SeverityUnlocalized: "FATAL", Code: "57P01"}, true},
		{"a localised fatal error", &pgconn.PgError{Severity: "FATAL", Code: "57P01"}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := commitErr(tt.err)
			var unknown *billing.OutcomeUnknownError
			assert.Equal(t, tt.unknown, errors.As(got, &unknown), "%v", got)
			if tt.unknown {
				assert.ErrorIs(t, got, billing.ErrUnavailable)
				assert.ErrorIs(t, got, tt.err)
			}
		})
	}
}
