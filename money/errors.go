package money

import (
	"errors"
	"fmt"
)

// Sentinel errors of the package. Typed errors below wrap them, so callers
// can test with errors.Is and read the details with errors.As.
var (
	// ErrCurrencyMismatch is returned when two amounts in different
	// currencies meet in one operation.
	ErrCurrencyMismatch = errors.New("money: currency mismatch")
	// ErrUnknownCurrency is returned for a code that is not an ISO 4217 currency.
	ErrUnknownCurrency = errors.New("money: unknown currency")
	// ErrInvalidAmount is returned when text cannot be read as an amount.
	ErrInvalidAmount = errors.New("money: invalid amount")
	// ErrDivisionByZero is returned when an amount is divided by zero.
	ErrDivisionByZero = errors.New("money: division by zero")
	// ErrInvalidWeights is returned by Allocate for weights that cannot
	// share an amount (none, negative, or all zero).
	ErrInvalidWeights = errors.New("money: invalid allocation weights")
	// ErrOverflow is returned when an amount does not fit the requested
	// representation, such as minor units in an int64.
	ErrOverflow = errors.New("money: overflow")
)

// MismatchError reports two currencies that were mixed in one operation.
type MismatchError struct {
	Op   string   // the operation, such as "add" or "compare"
	A, B Currency // the currencies of the two operands
}

func (e *MismatchError) Error() string {
	return fmt.Sprintf("money: cannot %s %s and %s amounts", e.Op, e.A, e.B)
}

// Unwrap returns ErrCurrencyMismatch.
func (e *MismatchError) Unwrap() error { return ErrCurrencyMismatch }

// UnknownCurrencyError reports a currency code that is not in ISO 4217.
type UnknownCurrencyError struct {
	Code string
}

func (e *UnknownCurrencyError) Error() string {
	return fmt.Sprintf("money: unknown currency code %q", e.Code)
}

// Unwrap returns ErrUnknownCurrency.
func (e *UnknownCurrencyError) Unwrap() error { return ErrUnknownCurrency }

// ParseError reports text that could not be read as an amount.
type ParseError struct {
	Input  string
	Reason string
	Err    error // the underlying cause, if any
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("money: cannot parse %q as an amount: %s", e.Input, e.Reason)
}

// Unwrap returns the underlying cause, and ErrInvalidAmount.
func (e *ParseError) Unwrap() []error {
	if e.Err != nil {
		return []error{ErrInvalidAmount, e.Err}
	}
	return []error{ErrInvalidAmount}
}
