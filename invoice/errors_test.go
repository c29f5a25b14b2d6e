package invoice

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestTypedErrors(t *testing.T) {
	tests := []struct {
		name     string
		err      error
		sentinel error
		message  string
	}{
		{"transition", &TransitionError{Op: "approve", From: StatusDraft, To: StatusApproved}, ErrInvalidTransition,
			"invoice: cannot approve: draft -> approved is not allowed"},
		{"immutable issued", &ImmutableError{Status: StatusPaid, Number: "F2026-000007"}, ErrImmutable,
			"invoice: F2026-000007 is paid; its content cannot change (issue a credit note instead)"},
		{"immutable approved", &ImmutableError{Status: StatusApproved}, ErrImmutable,
			"invoice: a approved invoice cannot be edited; reopen it as a draft first"},
		{"chronology", &ChronologyError{Series: "a/2026", Last: issD, Date: issD.AddDays(-1)}, ErrChronology,
			`invoice: series "a/2026": issue date 2026-03-01 is before 2026-03-02, the date of its last document`},
		{"over credit of a line", &OverCreditError{Field: "lines[0].quantity", LineID: "1", Requested: "3", Remaining: "2"}, ErrOverCredit,
			`invoice: lines[0].quantity: cannot credit 3 of line "1", only 2 remains`},
		{"over credit of the total", &OverCreditError{Field: "total", Requested: "10.00 EUR", Remaining: "5.00 EUR"}, ErrOverCredit,
			"invoice: total: cannot credit 10.00 EUR of the invoice, only 5.00 EUR remains"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.ErrorIs(t, tt.err, tt.sentinel)
			assert.EqualError(t, tt.err, tt.message)
			for _, other := range []error{ErrInvalidTransition, ErrImmutable, ErrChronology, ErrOverCredit} {
				if other != tt.sentinel {
					assert.False(t, errors.Is(tt.err, other), "must not match %v", other)
				}
			}
		})
	}
}
