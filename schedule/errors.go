package schedule

import (
	"errors"
	"fmt"

	"github.com/billkit/billkit/date"
)

// Sentinel errors of the package. Bad input is reported as a
// *validation.Error (errors.Is(err, validation.ErrInvalid)) naming each
// faulty field; the errors below are for operations that cannot be done.
var (
	// ErrNoPeriods is returned when periods are asked of a plan that is not
	// billed by period: one-time, milestone and installment plans.
	ErrNoPeriods = errors.New("schedule: plan has no billing periods")
	// ErrNotRecurring is returned when a mid-period change is applied to a
	// plan that is not recurring.
	ErrNotRecurring = errors.New("schedule: changes apply to recurring plans only")
	// ErrOutOfRange is returned when a period boundary would fall outside
	// the supported calendar, 0001-01-01 to 9999-12-31.
	ErrOutOfRange = errors.New("schedule: period outside the supported calendar")
	// ErrUsage is returned when the usage of a period could not be measured
	// or priced.
	ErrUsage = errors.New("schedule: usage could not be priced")
)

// KindError reports an operation that a plan's kind does not support. It
// wraps ErrNoPeriods or ErrNotRecurring.
type KindError struct {
	// Op names the operation, such as "periods" or "prorate".
	Op string
	// Kind is the kind of the plan.
	Kind Kind
	// Err is the sentinel error.
	Err error
}

// Error implements the error interface.
func (e *KindError) Error() string {
	return fmt.Sprintf("%v (%s of a %s plan)", e.Err, e.Op, e.Kind)
}

// Unwrap returns the sentinel error.
func (e *KindError) Unwrap() error { return e.Err }

// BoundaryError reports a billing period that would extend outside the
// supported calendar. It wraps ErrOutOfRange.
type BoundaryError struct {
	// Near is the last representable date the computation reached.
	Near date.Date
}

// Error implements the error interface.
func (e *BoundaryError) Error() string {
	return fmt.Sprintf("%v (near %s)", ErrOutOfRange, e.Near)
}

// Unwrap returns ErrOutOfRange.
func (e *BoundaryError) Unwrap() error { return ErrOutOfRange }

// UsageError reports usage that could not be measured or priced for one
// period. It wraps ErrUsage and the cause, so both errors.Is(err, ErrUsage)
// and errors.Is(err, cause) hold.
type UsageError struct {
	// Period is the service period being priced.
	Period date.Range
	// Err is the cause: the meter's or the pricer's error, or a
	// *money.MismatchError when the price is in another currency.
	Err error
}

// Error implements the error interface.
func (e *UsageError) Error() string {
	return fmt.Sprintf("%v for %s: %v", ErrUsage, e.Period, e.Err)
}

// Unwrap returns ErrUsage and the cause.
func (e *UsageError) Unwrap() []error { return []error{ErrUsage, e.Err} }
