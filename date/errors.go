package date

import (
	"errors"
	"fmt"
)

// ErrInvalid is wrapped by every error that reports text or numbers that do
// not make a valid date between 0001-01-01 and 9999-12-31.
var ErrInvalid = errors.New("date: invalid date")

// ErrInvalidRange is wrapped by every error that reports a [Range] whose
// bounds are missing or whose end is not after its start.
var ErrInvalidRange = errors.New("date: invalid range")

// Parts of a date named by [Error.Part].
const (
	PartYear   = "year"   // the year is outside 1..9999
	PartMonth  = "month"  // the month is outside 1..12
	PartDay    = "day"    // the day does not exist in that month
	PartFormat = "format" // the text is not of the form YYYY-MM-DD
)

// Error reports an invalid date. It wraps [ErrInvalid], so callers can test
// for it with errors.Is, and names the part that is wrong so that a form can
// show the fault beside the right field.
type Error struct {
	// Part is the faulty part: PartYear, PartMonth, PartDay or PartFormat.
	Part string
	// Input is the rejected value as text.
	Input string
	// Reason says what was expected.
	Reason string
}

// Error implements the error interface.
func (e *Error) Error() string {
	return fmt.Sprintf("date: invalid %s in %q: %s", e.Part, e.Input, e.Reason)
}

// Unwrap returns [ErrInvalid].
func (e *Error) Unwrap() error { return ErrInvalid }

// RangeError reports a [Range] that is not a valid period. It wraps
// [ErrInvalidRange].
type RangeError struct {
	// Range is the rejected range.
	Range Range
	// Reason says what is wrong with it.
	Reason string
}

// Error implements the error interface.
func (e *RangeError) Error() string {
	return fmt.Sprintf("date: invalid range [%s, %s): %s", e.Range.Start, e.Range.End, e.Reason)
}

// Unwrap returns [ErrInvalidRange].
func (e *RangeError) Unwrap() error { return ErrInvalidRange }
