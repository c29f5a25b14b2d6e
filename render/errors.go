package render

import (
	"errors"
	"fmt"
)

// ErrInvalid is wrapped by *FieldError: the document lacks what a
// rendering needs, or holds what it cannot show.
var ErrInvalid = errors.New("render: invalid input")

// FieldError reports a fault in one field of the document or of the
// options. Field is its path, such as "currency" or "lines[1].unit_price";
// Err is ErrInvalid or the cause.
type FieldError struct {
	Field  string
	Reason string
	Err    error
}

// Error implements the error interface.
func (e *FieldError) Error() string {
	return fmt.Sprintf("render: %s: %s", e.Field, e.Reason)
}

// Unwrap returns the wrapped error.
func (e *FieldError) Unwrap() error { return e.Err }

func invalid(field, reason string) error {
	return &FieldError{Field: field, Reason: reason, Err: ErrInvalid}
}
