package einvoice

import (
	"errors"
	"strings"

	"github.com/billkit/billkit/validation"
)

// ErrNotExportable is wrapped by every *ExportError: the document breaks a
// rule of EN 16931 and no file is written for it.
var ErrNotExportable = errors.New("einvoice: document cannot be exported")

// Fault codes of this package, for what the rules of EN 16931 do not name.
const (
	// CodeXMLText: a text holds characters that XML 1.0 cannot carry
	// (control characters, invalid UTF-8). Writing it would change it.
	CodeXMLText = "BK-XML-TEXT"
)

// ExportError reports a document that cannot be written in an EN 16931
// syntax. It lists every fault found, each with its field path and its code:
// the EN 16931 rule identifier where there is one ("BR-06", "BR-CO-10",
// "BR-AE-10", ...). It wraps ErrNotExportable and the *validation.Error
// that holds the faults, so errors.Is(err, validation.ErrInvalid) holds too.
type ExportError struct {
	// Syntax is the syntax the document was to be written in, "UBL" or
	// "CII", or "" when only checked.
	Syntax string
	// Faults are the faults found, in the order of the document.
	Faults []validation.Fault
}

// Error implements the error interface.
func (e *ExportError) Error() string {
	var b strings.Builder
	b.WriteString("einvoice: ")
	if e.Syntax != "" {
		b.WriteString(e.Syntax + " ")
	}
	b.WriteString("export refused: ")
	for i, f := range e.Faults {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(f.String())
	}
	return b.String()
}

// Unwrap returns ErrNotExportable and the *validation.Error of the faults.
func (e *ExportError) Unwrap() []error {
	return []error{ErrNotExportable, &validation.Error{Faults: e.Faults}}
}

// Codes returns the codes of the faults, each once, in the order they were
// first found, such as [BR-06 BR-CO-26].
func (e *ExportError) Codes() []string {
	seen := make(map[string]bool, len(e.Faults))
	var out []string
	for _, f := range e.Faults {
		if !seen[f.Code] {
			seen[f.Code] = true
			out = append(out, f.Code)
		}
	}
	return out
}

// Has reports whether one of the faults has the given code.
func (e *ExportError) Has(code string) bool {
	for _, f := range e.Faults {
		if f.Code == code {
			return true
		}
	}
	return false
}
