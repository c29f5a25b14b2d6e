package quote

import (
	"errors"
	"fmt"
	"strings"

	"github.com/billkit/billkit/date"
)

// Sentinel errors of the package. The typed errors below wrap them, so
// callers test with errors.Is and read the details with errors.As. Faults in
// a quote's input are reported as a *validation.Error instead (errors.Is
// validation.ErrInvalid), each with a stable code and a field path.
var (
	// ErrInvalidTransition is wrapped by *TransitionError: the operation is
	// not possible from the quote's current status.
	ErrInvalidTransition = errors.New("quote: invalid status transition")
	// ErrImmutable is wrapped by *ImmutableError: only a draft can be
	// edited; a quote that was submitted or sent is changed by a revision.
	ErrImmutable = errors.New("quote: content cannot change")
	// ErrApprovalRequired is wrapped by *ApprovalRequiredError: the quote
	// grants discounts beyond what its author may grant alone, and cannot
	// be sent before they are approved.
	ErrApprovalRequired = errors.New("quote: approval required")
	// ErrExpired is wrapped by *ExpiredError: the quote's validity date
	// has passed, so it can be neither sent nor accepted.
	ErrExpired = errors.New("quote: validity has passed")
	// ErrSelfApproval is wrapped by *ApprovalError: nobody approves or
	// rejects the discounts of their own quote.
	ErrSelfApproval = errors.New("quote: an approver cannot decide on their own quote")
	// ErrLevelNotNeeded is wrapped by *ApprovalError: the approver's level
	// covers none of the levels the quote still needs.
	ErrLevelNotNeeded = errors.New("quote: approval level not needed")
)

// Fault codes of this package, beyond the generic codes of the validation
// package. They never change meaning.
const (
	// CodeNoPrice: the catalogue has no price for the product in the
	// quote's price book and currency on the quote date.
	CodeNoPrice = "BK-QUOTE-NO-PRICE"
	// CodeUnderFloor: the negotiated net unit price is below the floor the
	// policy sets for the product or price book. A floor is never
	// negotiable: the line is refused, not sent for approval.
	CodeUnderFloor = "BK-QUOTE-FLOOR"
	// CodeDiscountLimit: the discount is beyond what any approval level
	// may grant.
	CodeDiscountLimit = "BK-QUOTE-DISCOUNT-LIMIT"
	// CodeBilling: the line's billing plan does not bill the price the way
	// the catalogue charges it (a monthly price billed yearly, a recurring
	// price billed once).
	CodeBilling = "BK-QUOTE-BILLING"
)

// TransitionError reports a lifecycle operation that the quote's status does
// not allow. It wraps ErrInvalidTransition.
type TransitionError struct {
	Number   string // the quote number
	Revision int    // the quote revision
	Op       string // the operation, such as "submit" or "accept"
	From     Status // the status the quote is in
	To       Status // the status the operation leads to
	// Reason explains a transition refused for this quote although the
	// statuses allow it, such as submitting a quote that needs no approval.
	Reason string
}

// Error implements the error interface.
func (e *TransitionError) Error() string {
	msg := fmt.Sprintf("quote %s revision %d: cannot %s: %s -> %s is not allowed", e.Number, e.Revision, e.Op, e.From, e.To)
	if e.Reason != "" {
		msg += " (" + e.Reason + ")"
	}
	return msg
}

// Unwrap returns ErrInvalidTransition.
func (e *TransitionError) Unwrap() error { return ErrInvalidTransition }

// ImmutableError reports an attempt to edit a quote that is not a draft. It
// wraps ErrImmutable.
type ImmutableError struct {
	Number   string
	Revision int
	Status   Status
}

// Error implements the error interface.
func (e *ImmutableError) Error() string {
	return fmt.Sprintf("quote %s revision %d is %s: only drafts can be edited; revise it instead", e.Number, e.Revision, e.Status)
}

// Unwrap returns ErrImmutable.
func (e *ImmutableError) Unwrap() error { return ErrImmutable }

// ApprovalRequiredError reports a quote sent before the approvals its
// discounts need. It wraps ErrApprovalRequired.
type ApprovalRequiredError struct {
	Number   string
	Revision int
	// Pending are the approval levels still needed, lowest rank first.
	Pending []string
	// Requirements say, line by line, why.
	Requirements []Requirement
}

// Error implements the error interface.
func (e *ApprovalRequiredError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "quote %s revision %d needs approval by %s", e.Number, e.Revision, strings.Join(e.Pending, ", "))
	for i, r := range e.Requirements {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(r.String())
	}
	return b.String()
}

// Unwrap returns ErrApprovalRequired.
func (e *ApprovalRequiredError) Unwrap() error { return ErrApprovalRequired }

// ExpiredError reports an operation on a day after the quote's validity. It
// wraps ErrExpired.
type ExpiredError struct {
	Number     string
	Revision   int
	ValidUntil date.Date // the last day the quote is valid
	On         date.Date // the day of the refused operation
}

// Error implements the error interface.
func (e *ExpiredError) Error() string {
	return fmt.Sprintf("quote %s revision %d was valid until %s, not on %s", e.Number, e.Revision, e.ValidUntil, e.On)
}

// Unwrap returns ErrExpired.
func (e *ExpiredError) Unwrap() error { return ErrExpired }

// ApprovalError reports an approval or rejection that the approver may not
// give. It wraps ErrSelfApproval or ErrLevelNotNeeded.
type ApprovalError struct {
	Number   string
	Revision int
	Approver User
	// Pending are the levels the quote still needs, lowest rank first.
	Pending []string
	Err     error
}

// Error implements the error interface.
func (e *ApprovalError) Error() string {
	if errors.Is(e.Err, ErrSelfApproval) {
		return fmt.Sprintf("quote %s revision %d: %s wrote the quote and cannot decide on its approval", e.Number, e.Revision, e.Approver.ID)
	}
	return fmt.Sprintf("quote %s revision %d: level %s of %s covers none of the levels still needed (%s)",
		e.Number, e.Revision, e.Approver.Level, e.Approver.ID, strings.Join(e.Pending, ", "))
}

// Unwrap returns the sentinel error.
func (e *ApprovalError) Unwrap() error { return e.Err }
