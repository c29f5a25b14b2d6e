package tax

import (
	"errors"
	"fmt"

	"github.com/billkit/billkit/date"
)

var (
	// ErrUnknownCategory is wrapped by errors about a VAT category code
	// that is not one of the EN 16931 codes.
	ErrUnknownCategory = errors.New("tax: unknown VAT category")

	// ErrInvalidRate is wrapped by errors about a rate that
	// [Rates.Register] refuses because one of its fields is invalid.
	ErrInvalidRate = errors.New("tax: invalid rate")

	// ErrDuplicateRate is wrapped by errors about a rate registered twice
	// for the same country, kind and start date.
	ErrDuplicateRate = errors.New("tax: duplicate rate")

	// ErrNoRate is wrapped by [NoRateError]: no rate is known for a
	// country and kind on a date.
	ErrNoRate = errors.New("tax: no rate")
)

// FieldError reports an invalid input and names the field at fault, so a
// host can show the message beside it. It wraps [ErrUnknownCategory],
// [ErrInvalidRate] or [ErrDuplicateRate]; test with errors.Is.
type FieldError struct {
	// Field is the name of the faulty argument: "category", "country",
	// "kind", "from" or "percent".
	Field string
	// Value is the rejected value as text.
	Value string
	// Reason says what was expected.
	Reason string

	err error // the sentinel returned by Unwrap
}

// Error implements the error interface.
func (e *FieldError) Error() string {
	return fmt.Sprintf("tax: invalid %s %q: %s", e.Field, e.Value, e.Reason)
}

// Unwrap returns the sentinel error that classifies e.
func (e *FieldError) Unwrap() error { return e.err }

// NoRateError reports that no rate of Kind is known for Country on Date:
// the country or kind has no rates at all, or the date is before the first
// one. It wraps [ErrNoRate].
type NoRateError struct {
	// Country is the country code that was looked up.
	Country string
	// Kind is the kind of rate that was looked up.
	Kind RateKind
	// Date is the date on which a rate was wanted.
	Date date.Date
}

// Error implements the error interface.
func (e *NoRateError) Error() string {
	on := e.Date.String()
	if on == "" {
		on = "no date"
	}
	return fmt.Sprintf("tax: no %s VAT rate known for %q on %s", e.Kind, e.Country, on)
}

// Unwrap returns [ErrNoRate].
func (e *NoRateError) Unwrap() error { return ErrNoRate }
