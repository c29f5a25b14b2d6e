package accounting

import (
	"errors"
	"fmt"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
)

// Sentinel errors of the package. The typed errors below wrap them, so
// callers test with errors.Is and read the details with errors.As.
var (
	// ErrInvalid is wrapped by *FieldError: a document, payment, entry or
	// setting lacks a value the journal needs, or holds one it cannot take.
	ErrInvalid = errors.New("accounting: invalid input")
	// ErrNoAccount is wrapped by *FieldError when the chart of accounts has
	// no account for an amount that must be posted.
	ErrNoAccount = errors.New("accounting: no account configured")
	// ErrUnbalanced is wrapped by *UnbalancedError: the debits and credits
	// of an entry differ by more than rounding can explain.
	ErrUnbalanced = errors.New("accounting: entry is not balanced")
	// ErrCurrency is wrapped by *FieldError when an amount is in another
	// currency than the book's and no exchange rate converts it.
	ErrCurrency = errors.New("accounting: currency cannot be booked")
	// ErrChronology is wrapped by *ChronologyError: entries of a journal
	// are numbered in the order of their dates.
	ErrChronology = errors.New("accounting: entry dated before the last one of its journal")
)

// FieldError reports a fault in one field. Field is its path, such as
// "number", "lines[2].vat" or "chart.prepayments"; Err is the sentinel it
// wraps (ErrInvalid, ErrNoAccount or ErrCurrency) or the cause.
type FieldError struct {
	Field  string
	Reason string
	Err    error
}

// Error implements the error interface.
func (e *FieldError) Error() string {
	return fmt.Sprintf("accounting: %s: %s", e.Field, e.Reason)
}

// Unwrap returns the wrapped error.
func (e *FieldError) Unwrap() error { return e.Err }

func invalid(field, reason string) error {
	return &FieldError{Field: field, Reason: reason, Err: ErrInvalid}
}

// UnbalancedError reports an entry whose debits and credits differ by more
// than the rounding tolerance of the journal (see Journaliser.Document), or
// differ at all when the entry is posted to a Book or exported. It wraps
// ErrUnbalanced.
type UnbalancedError struct {
	// Field is the path of the entry, such as "entries[3]", or the piece
	// reference when the entry is being drawn up.
	Field  string
	Debit  money.Amount
	Credit money.Amount
}

// Error implements the error interface.
func (e *UnbalancedError) Error() string {
	field := e.Field
	if field == "" {
		field = "entry"
	}
	return fmt.Sprintf("accounting: %s: debits %s and credits %s differ", field, e.Debit, e.Credit)
}

// Unwrap returns ErrUnbalanced.
func (e *UnbalancedError) Unwrap() error { return ErrUnbalanced }

// ChronologyError reports an entry posted to a Book with a date before the
// last entry of its journal. It wraps ErrChronology.
type ChronologyError struct {
	Journal string    // the journal code
	Last    date.Date // the date of the journal's last entry
	Date    date.Date // the refused date
}

// Error implements the error interface.
func (e *ChronologyError) Error() string {
	return fmt.Sprintf("accounting: journal %s: entry dated %s is before %s, the date of its last entry", e.Journal, e.Date, e.Last)
}

// Unwrap returns ErrChronology.
func (e *ChronologyError) Unwrap() error { return ErrChronology }
