package billing

import (
	"errors"
	"fmt"
)

var (
	// ErrNotFound is wrapped by errors that report a missing object.
	ErrNotFound = errors.New("billing: not found")

	// ErrConflict is wrapped by errors that report a stale version or a
	// duplicate: the object changed since the caller read it, and the
	// change was refused rather than overwriting someone else's update.
	ErrConflict = errors.New("billing: conflict")

	// ErrForbidden is wrapped by every *ForbiddenError: the acting user
	// lacks the permission the action needs, or may not decide on their
	// own request.
	ErrForbidden = errors.New("billing: forbidden")

	// ErrReadOnly reports a write attempted in a read-only transaction.
	ErrReadOnly = errors.New("billing: read-only transaction")

	// ErrApprovalPending reports an action refused because an approval
	// request for it is still waiting for a decision.
	ErrApprovalPending = errors.New("billing: approval pending")

	// ErrRejected reports an action whose approval request was rejected.
	ErrRejected = errors.New("billing: approval rejected")

	// ErrDecided reports a decision on an approval request that is no
	// longer pending.
	ErrDecided = errors.New("billing: approval already decided")

	// ErrConfig reports an Engine or a store configured with invalid
	// options.
	ErrConfig = errors.New("billing: invalid configuration")

	// ErrIdempotencyMismatch is wrapped by every *IdempotencyError: an
	// idempotency key was used again for another call. Retrying does not
	// help: the caller must use a new key.
	ErrIdempotencyMismatch = errors.New("billing: idempotency key reused for another request")

	// ErrUnavailable is wrapped by errors that report a store that could
	// not be reached, or that lost its connection, its disk or its
	// server during a transaction: the database restarting, a refused or
	// broken connection, a pool that could not hand out one. Nothing is
	// wrong with the request, and trying it again once the store is back
	// may succeed. Unless the error is an *OutcomeUnknownError, nothing
	// of the transaction was kept. Stores return it wrapped in an
	// *UnavailableError or an *OutcomeUnknownError.
	ErrUnavailable = errors.New("billing: store unavailable")
)

// NotFoundError reports a missing object. It wraps [ErrNotFound]. Stores
// return it too.
type NotFoundError struct {
	// Kind is the kind of object: "quote", "contract", "invoice", ...
	Kind string
	// ID is the ID that was looked up.
	ID string
}

// Error implements the error interface.
func (e *NotFoundError) Error() string {
	return fmt.Sprintf("billing: %s %q not found", e.Kind, e.ID)
}

// Unwrap returns [ErrNotFound].
func (e *NotFoundError) Unwrap() error { return ErrNotFound }

// ConflictError reports a write refused because the stored version is not
// the one the writer read, or because the ID is already taken. It wraps
// [ErrConflict]. Stores return it too.
type ConflictError struct {
	// Kind is the kind of object.
	Kind string
	// ID is the object's ID.
	ID string
	// Expected is the version the writer read (0 for an insert).
	Expected uint64
	// Actual is the version stored (0 when there is none).
	Actual uint64
}

// Error implements the error interface.
func (e *ConflictError) Error() string {
	if e.Expected == 0 {
		return fmt.Sprintf("billing: %s %q already exists", e.Kind, e.ID)
	}
	return fmt.Sprintf("billing: %s %q changed: read version %d, stored version %d",
		e.Kind, e.ID, e.Expected, e.Actual)
}

// Unwrap returns [ErrConflict].
func (e *ConflictError) Unwrap() error { return ErrConflict }

// ForbiddenError reports an action refused to a user. It wraps
// [ErrForbidden]. Nothing was changed.
type ForbiddenError struct {
	// User is the acting user's ID.
	User string
	// Permission is the permission the action needs and the user lacks.
	Permission Permission
	// Reason, when set, explains a refusal that is not about a missing
	// permission, such as deciding on one's own request.
	Reason string
}

// Error implements the error interface.
func (e *ForbiddenError) Error() string {
	if e.Reason != "" {
		return fmt.Sprintf("billing: user %q may not %s: %s", e.User, e.Permission, e.Reason)
	}
	return fmt.Sprintf("billing: user %q lacks permission %s", e.User, e.Permission)
}

// Unwrap returns [ErrForbidden].
func (e *ForbiddenError) Unwrap() error { return ErrForbidden }

// DecidedError reports a decision on an approval request that is no
// longer pending. It wraps [ErrDecided].
type DecidedError struct {
	ID     string
	Status ApprovalStatus
}

// Error implements the error interface.
func (e *DecidedError) Error() string {
	return fmt.Sprintf("billing: approval request %s is already %s", e.ID, e.Status)
}

// Unwrap returns [ErrDecided].
func (e *DecidedError) Unwrap() error { return ErrDecided }

// IdempotencyError reports a call made with an idempotency key that the
// same user used, within its retention, for another operation or other
// arguments. Nothing was changed. It wraps [ErrIdempotencyMismatch]; it
// is not retryable: the same call with the same key fails the same way.
type IdempotencyError struct {
	// Key is the idempotency key.
	Key string
	// Operation is the call the key was first used for.
	Operation Operation
	// Attempted is the call refused.
	Attempted Operation
}

// Error implements the error interface.
func (e *IdempotencyError) Error() string {
	if e.Operation != e.Attempted {
		return fmt.Sprintf("billing: idempotency key %q was used for %s, not %s", e.Key, e.Operation, e.Attempted)
	}
	return fmt.Sprintf("billing: idempotency key %q was used for %s with other arguments", e.Key, e.Operation)
}

// Unwrap returns [ErrIdempotencyMismatch].
func (e *IdempotencyError) Unwrap() error { return ErrIdempotencyMismatch }

// UnavailableError reports a transaction that failed because the store
// could not be reached or lost its connection: nothing of it was kept,
// and trying again later may succeed. It wraps [ErrUnavailable] and the
// store's own error, which errors.As finds for a host that wants the
// driver's details.
type UnavailableError struct {
	// Err is the store's error.
	Err error
}

// Error implements the error interface.
func (e *UnavailableError) Error() string {
	return "billing: store unavailable: " + e.Err.Error()
}

// Unwrap returns [ErrUnavailable] and the store's error.
func (e *UnavailableError) Unwrap() []error { return []error{ErrUnavailable, e.Err} }

// OutcomeUnknownError reports a commit whose outcome is unknown: the
// connection was lost after the commit was sent and before the store
// answered, so the transaction may have been kept, or not. It wraps
// [ErrUnavailable] and the store's error.
//
// A host that gets it makes the call again with the same idempotency key
// (see WithIdempotencyKey): if the first was kept, the engine answers with
// its result and writes nothing; if not, the call runs. Without a key,
// the host reads back what the call would have written before doing it
// again: the object by its ID, or the customer's statement for a
// payment, whose ID is recorded once. Bill runs settle it themselves (see
// Engine.BillRun): a run that reports it can simply be run again, as
// every run can, and bills nothing twice. If the change was kept, its
// audit events are in the store, but the engine has not delivered them
// to subscribers, nor sent its notifications.
type OutcomeUnknownError struct {
	// Err is the store's error.
	Err error
}

// Error implements the error interface.
func (e *OutcomeUnknownError) Error() string {
	return "billing: commit outcome unknown, the transaction may or may not have been kept: " + e.Err.Error()
}

// Unwrap returns [ErrUnavailable] and the store's error.
func (e *OutcomeUnknownError) Unwrap() []error { return []error{ErrUnavailable, e.Err} }
