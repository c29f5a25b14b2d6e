package invoice

import (
	"errors"
	"fmt"

	"github.com/billkit/billkit/date"
)

// Sentinel errors of the package. The typed errors below wrap them, so
// callers test with errors.Is and read the details with errors.As. Faults in
// a document are reported as a *validation.Error instead (errors.Is
// validation.ErrInvalid), each with a stable code and a field path.
var (
	// ErrInvalidTransition is wrapped by *TransitionError: the operation is
	// not possible from the invoice's current status.
	ErrInvalidTransition = errors.New("invoice: invalid status transition")
	// ErrImmutable is wrapped by *ImmutableError: the content of an invoice
	// can only change while it is a draft, and never once it is issued.
	ErrImmutable = errors.New("invoice: content cannot change")
	// ErrChronology is wrapped by *ChronologyError: a document cannot be
	// dated before the last document issued in its numbering series.
	ErrChronology = errors.New("invoice: issue date before the last one of the series")
	// ErrOverCredit is wrapped by *OverCreditError: a credit note cannot
	// credit more than what remains uncredited of an invoice.
	ErrOverCredit = errors.New("invoice: credit exceeds what remains to be credited")
	// ErrNotCreditable is returned when a credit note is requested for a
	// document that cannot be credited: one that is not issued, is itself a
	// credit note, or is in another currency.
	ErrNotCreditable = errors.New("invoice: document cannot be credited")
	// ErrCreditOutdated is returned when a credit note is issued after
	// another credit note changed what remains to be credited of the same
	// invoice: draw the credit note up again from the invoice.
	ErrCreditOutdated = errors.New("invoice: credit note drawn up against an outdated credit balance")
	// ErrWrongType is returned when an operation does not apply to the
	// document type, such as issuing a credit note without its invoice.
	ErrWrongType = errors.New("invoice: operation not allowed for this document type")
	// ErrTampered is returned when the fingerprint of an issued document
	// does not match its content.
	ErrTampered = errors.New("invoice: issued document does not match its fingerprint")
)

// TransitionError reports a lifecycle operation that the current status does
// not allow. It wraps ErrInvalidTransition.
type TransitionError struct {
	Op   string // the operation, such as "approve" or "issue"
	From Status // the status the invoice is in
	To   Status // the status the operation leads to
}

// Error implements the error interface.
func (e *TransitionError) Error() string {
	return fmt.Sprintf("invoice: cannot %s: %s -> %s is not allowed", e.Op, e.From, e.To)
}

// Unwrap returns ErrInvalidTransition.
func (e *TransitionError) Unwrap() error { return ErrInvalidTransition }

// ImmutableError reports an attempt to change the content of an invoice
// outside the draft status. It wraps ErrImmutable.
type ImmutableError struct {
	Status Status // the status the invoice is in
	Number string // the invoice number, when it is issued
}

// Error implements the error interface.
func (e *ImmutableError) Error() string {
	if e.Number != "" {
		return fmt.Sprintf("invoice: %s is %s; its content cannot change (issue a credit note instead)", e.Number, e.Status)
	}
	return fmt.Sprintf("invoice: a %s invoice cannot be edited; reopen it as a draft first", e.Status)
}

// Unwrap returns ErrImmutable.
func (e *ImmutableError) Unwrap() error { return ErrImmutable }

// ChronologyError reports a document dated before the last document issued
// in its series. Sequence implementations return it; it wraps ErrChronology.
type ChronologyError struct {
	Series string    // the sequence key
	Last   date.Date // the issue date of the last document of the series
	Date   date.Date // the refused issue date
}

// Error implements the error interface.
func (e *ChronologyError) Error() string {
	return fmt.Sprintf("invoice: series %q: issue date %s is before %s, the date of its last document", e.Series, e.Date, e.Last)
}

// Unwrap returns ErrChronology.
func (e *ChronologyError) Unwrap() error { return ErrChronology }

// OverCreditError reports a credit that exceeds what remains uncredited of
// an invoice line or of the whole invoice. It wraps ErrOverCredit.
type OverCreditError struct {
	// Field is the path of the refused value in the credit request, such as
	// "lines[1].quantity", or "total" for the invoice as a whole.
	Field string
	// LineID is the identifier (BT-126) of the invoice line, if any.
	LineID string
	// Requested and Remaining are the amounts or quantities, as text.
	Requested, Remaining string
}

// Error implements the error interface.
func (e *OverCreditError) Error() string {
	what := "the invoice"
	if e.LineID != "" {
		what = fmt.Sprintf("line %q", e.LineID)
	}
	return fmt.Sprintf("invoice: %s: cannot credit %s of %s, only %s remains", e.Field, e.Requested, what, e.Remaining)
}

// Unwrap returns ErrOverCredit.
func (e *OverCreditError) Unwrap() error { return ErrOverCredit }

// Sentinel errors of payments, customer ledgers, dunning and late fees.
var (
	// ErrOverAllocation is wrapped by *OverAllocationError: an allocation
	// asks for more than an invoice's balance, a payment's amount or the
	// customer's credit balance.
	ErrOverAllocation = errors.New("invoice: allocation exceeds what is available")
	// ErrNotFound is wrapped by *NotFoundError: a ledger holds no invoice or
	// payment with the given identifier.
	ErrNotFound = errors.New("invoice: not found")
	// ErrNotReceivable is returned when a ledger is asked to track or settle
	// a document that does not await payment: a draft, a credit note, a
	// void or already paid invoice.
	ErrNotReceivable = errors.New("invoice: document is not a receivable")
	// ErrPaymentReversed is wrapped by *PaymentError: the payment was
	// reversed (a returned cheque, a direct debit or card chargeback) and
	// nothing more can be done with it.
	ErrPaymentReversed = errors.New("invoice: payment was reversed")
	// ErrPaymentRefunded is wrapped by *PaymentError: part of the payment
	// was refunded to the customer, so it can no longer be reversed.
	ErrPaymentRefunded = errors.New("invoice: payment was refunded in part")
)
