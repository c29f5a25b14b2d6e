// Package validation is billkit's structured validation error: every fault
// in an input, each with a stable code and the path of the field it concerns,
// so that a host can show each message beside its field.
//
// Packages validate their inputs in two steps: declarative rules on struct
// tags, checked by [Struct] with github.com/go-playground/validator/v10 and
// mapped into [Fault] values, then the rules no tag can say, added with
// [Errors.Add]:
//
//	var errs validation.Errors
//	errs.Merge(validation.Struct(input))
//	if input.To.Before(input.From) {
//		errs.Add("to", validation.CodeOutOfRange, "must not be before from")
//	}
//	if err := errs.Err(); err != nil {
//		return err // *validation.Error, errors.Is(err, validation.ErrInvalid)
//	}
//
// Every text a user gives is checked for its length and content: valid
// UTF-8 without control characters, so that it is stored and exported byte
// for byte as it was given. The limits per kind of field are the
// Max...Length constants (a table is in text.go); [TextFault],
// [Errors.Text] and [Errors.MultilineText] check a value, and the struct
// tags "text" and "multiline" check a field.
package validation

import (
	"errors"
	"strings"
)

// ErrInvalid is the sentinel wrapped by every *Error.
var ErrInvalid = errors.New("invalid input")

// Stable fault codes. Hosts may switch on them; they never change meaning.
const (
	CodeRequired     = "required"     // a value is missing
	CodeInvalid      = "invalid"      // a value is malformed
	CodeOutOfRange   = "out_of_range" // a number, length or date is outside its bounds
	CodeNotAllowed   = "not_allowed"  // a value is not one of those accepted
	CodeDuplicate    = "duplicate"    // a value that must be unique is repeated
	CodeOverlap      = "overlap"      // a period overlaps another one
	CodeMismatch     = "mismatch"     // values that must agree do not (such as currencies)
	CodeUnknown      = "unknown"      // a reference to something that does not exist
	CodeInactive     = "inactive"     // a reference to something archived or inactive
	CodeForbidden    = "forbidden"    // a value that must be absent in this context
	CodeInconsistent = "inconsistent" // a total or identity does not hold
)

// Fault is one problem with one field.
type Fault struct {
	// Field is the path of the field, with JSON names and indexes, such as
	// "lines[2].unit_code". Empty when the fault concerns the whole input.
	Field string `json:"field"`
	// Code is a stable, machine-readable code (see the Code constants, or a
	// rule identifier such as "BR-CO-10").
	Code string `json:"code"`
	// Message explains the fault in English.
	Message string `json:"message"`
}

func (f Fault) String() string {
	if f.Field == "" {
		return f.Message + " (" + f.Code + ")"
	}
	return f.Field + ": " + f.Message + " (" + f.Code + ")"
}

// Error is a validation failure listing every fault found. It wraps
// ErrInvalid.
type Error struct {
	Faults []Fault `json:"faults"`
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("invalid input: ")
	for i, f := range e.Faults {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(f.String())
	}
	return b.String()
}

// Unwrap returns ErrInvalid.
func (e *Error) Unwrap() error { return ErrInvalid }

// Has reports whether e holds a fault with the given field and code.
func (e *Error) Has(field, code string) bool {
	for _, f := range e.Faults {
		if f.Field == field && f.Code == code {
			return true
		}
	}
	return false
}

// Errors collects faults. Its zero value is ready to use.
type Errors struct {
	faults []Fault
}

// Add records a fault.
func (e *Errors) Add(field, code, message string) {
	e.faults = append(e.faults, Fault{Field: field, Code: code, Message: message})
}

// Merge records the faults of err if it is a *Error, under no prefix. Any
// other non-nil error is recorded as one fault with CodeInvalid.
func (e *Errors) Merge(err error) { e.MergeAt("", err) }

// MergeAt records the faults of err with their field paths prefixed by
// prefix ("lines[2]" + "." + "quantity").
func (e *Errors) MergeAt(prefix string, err error) {
	if err == nil {
		return
	}
	var ve *Error
	if !errors.As(err, &ve) {
		e.Add(prefix, CodeInvalid, err.Error())
		return
	}
	for _, f := range ve.Faults {
		f.Field = Join(prefix, f.Field)
		e.faults = append(e.faults, f)
	}
}

// Len returns the number of faults recorded.
func (e *Errors) Len() int { return len(e.faults) }

// Err returns nil when no fault was recorded, or a *Error holding them.
func (e *Errors) Err() error {
	if len(e.faults) == 0 {
		return nil
	}
	return &Error{Faults: append([]Fault(nil), e.faults...)}
}

// New returns a *Error with a single fault.
func New(field, code, message string) error {
	return &Error{Faults: []Fault{{Field: field, Code: code, Message: message}}}
}

// Join joins field path segments: Join("lines[2]", "quantity") is
// "lines[2].quantity"; empty segments are skipped.
func Join(prefix, field string) string {
	switch {
	case prefix == "":
		return field
	case field == "":
		return prefix
	case strings.HasPrefix(field, "["):
		return prefix + field
	}
	return prefix + "." + field
}
