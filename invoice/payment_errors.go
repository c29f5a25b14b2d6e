package invoice

import (
	"fmt"

	"github.com/google/uuid"

	"github.com/billkit/billkit/money"
)

// OverAllocationError reports an allocation that asks for more than is
// available: more than an invoice's balance, more than the payment being
// allocated, more than the customer's credit balance or more than a credit
// note released. Nothing was changed. It wraps ErrOverAllocation.
type OverAllocationError struct {
	// Field is the path of the refused value, such as "plan.parts[1].amount"
	// for one invoice, "plan" for the payment or credit as a whole, or
	// "amount" for a refund or an unallocation.
	Field string
	// InvoiceID and Number identify the invoice whose balance would be
	// exceeded, when the limit is an invoice's.
	InvoiceID uuid.UUID
	Number    string
	// Limit names what is exceeded, such as "balance" or "credit balance".
	Limit string
	// Requested is the amount asked for; Available is what there is.
	Requested, Available money.Amount
}

// Error implements the error interface.
func (e *OverAllocationError) Error() string {
	if e.Number != "" {
		return fmt.Sprintf("invoice: %s: cannot allocate %s to invoice %s, its %s is %s",
			e.Field, e.Requested, e.Number, e.Limit, e.Available)
	}
	return fmt.Sprintf("invoice: %s: cannot use %s, the %s is %s", e.Field, e.Requested, e.Limit, e.Available)
}

// Unwrap returns ErrOverAllocation.
func (e *OverAllocationError) Unwrap() error { return ErrOverAllocation }

// NotFoundError reports an invoice or a payment that a ledger does not
// hold. It wraps ErrNotFound.
type NotFoundError struct {
	Kind   string    // "invoice", "payment" or "credit note"
	ID     uuid.UUID // the identifier asked for, when given by ID
	Number string    // the document number asked for, when given by number
}

// Error implements the error interface.
func (e *NotFoundError) Error() string {
	if e.Number != "" {
		return fmt.Sprintf("invoice: %s %s not found in the ledger", e.Kind, e.Number)
	}
	return fmt.Sprintf("invoice: %s %s not found in the ledger", e.Kind, e.ID)
}

// Unwrap returns ErrNotFound.
func (e *NotFoundError) Unwrap() error { return ErrNotFound }

// PaymentError reports an operation that the state of a payment does not
// allow, such as reversing a payment twice. It wraps ErrPaymentReversed or
// ErrPaymentRefunded.
type PaymentError struct {
	Op        string    // the operation, such as "reverse" or "refund"
	PaymentID uuid.UUID // the payment
	Err       error     // the sentinel: why the operation is refused
}

// Error implements the error interface.
func (e *PaymentError) Error() string {
	return fmt.Sprintf("invoice: cannot %s payment %s: %v", e.Op, e.PaymentID, e.Err)
}

// Unwrap returns the sentinel error.
func (e *PaymentError) Unwrap() error { return e.Err }
