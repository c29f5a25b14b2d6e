package collab

import (
	"errors"
	"fmt"
)

var (
	// ErrNotFound is wrapped by errors that report a thread, message,
	// poll, task, attachment, user or group that does not exist.
	ErrNotFound = errors.New("collab: not found")

	// ErrConflict is wrapped by errors that report a stale version: the
	// thing changed since the caller read it, and the change was refused
	// rather than overwriting someone else's update.
	ErrConflict = errors.New("collab: conflict")

	// ErrForbidden is wrapped by every *AccessError: the acting user may
	// not see the object, or may not do this to it.
	ErrForbidden = errors.New("collab: forbidden")

	// ErrInvalidTransition is wrapped by every *TransitionError: a task
	// status change that its life cycle does not allow.
	ErrInvalidTransition = errors.New("collab: invalid transition")

	// ErrDeleted reports an operation on a deleted message: replying to
	// it, editing it, reacting to it, voting in its poll.
	ErrDeleted = errors.New("collab: message deleted")

	// ErrClosed reports a vote in, or the closing of, a closed poll.
	ErrClosed = errors.New("collab: poll closed")

	// ErrNoContent reports an attachment upload or download on a Service
	// configured without a Content store (see WithContent).
	ErrNoContent = errors.New("collab: no content store configured")

	// ErrCorrupt reports attachment content whose size or SHA-256 no
	// longer matches what was recorded at upload.
	ErrCorrupt = errors.New("collab: attachment content does not match its checksum")

	// ErrConfig reports a Service constructed without a required port.
	ErrConfig = errors.New("collab: invalid configuration")
)

// Actions named by an AccessError.
const (
	ActionView           = "view"
	ActionEdit           = "edit"
	ActionDelete         = "delete"
	ActionModerate       = "moderate"
	ActionReadAttachment = "read_attachment"
	ActionClosePoll      = "close_poll"
	ActionMarkBestAnswer = "mark_best_answer"
	ActionUpdateTask     = "update_task"
)

// AccessError reports that a user may not perform an action on an object.
// It wraps [ErrForbidden].
type AccessError struct {
	// User is the acting user.
	User string
	// Object is the object concerned.
	Object Ref
	// Action is what was refused: one of the Action constants.
	Action string
}

// Error implements the error interface.
func (e *AccessError) Error() string {
	return fmt.Sprintf("collab: user %q may not %s %s", e.User, e.Action, e.Object)
}

// Unwrap returns [ErrForbidden].
func (e *AccessError) Unwrap() error { return ErrForbidden }

// NotFoundError reports a missing entity. It wraps [ErrNotFound]. Stores
// return it too.
type NotFoundError struct {
	// Entity names what is missing: "thread", "message", "poll", ...
	Entity string
	// ID is the identifier looked up.
	ID string
}

// Error implements the error interface.
func (e *NotFoundError) Error() string {
	return fmt.Sprintf("collab: %s %q not found", e.Entity, e.ID)
}

// Unwrap returns [ErrNotFound].
func (e *NotFoundError) Unwrap() error { return ErrNotFound }

// ConflictError reports a write based on a stale version, or an insert of
// an ID that already exists. It wraps [ErrConflict]. Stores return it too.
type ConflictError struct {
	// Entity names what was written: "message", "task", ...
	Entity string
	// ID identifies it.
	ID string
	// Expected is the version the writer based its change on.
	Expected int64
	// Actual is the version found in the store.
	Actual int64
}

// Error implements the error interface.
func (e *ConflictError) Error() string {
	if e.Expected == 0 && e.Actual == 0 {
		return fmt.Sprintf("collab: %s %q already exists", e.Entity, e.ID)
	}
	return fmt.Sprintf("collab: %s %q is at version %d, not %d", e.Entity, e.ID, e.Actual, e.Expected)
}

// Unwrap returns [ErrConflict].
func (e *ConflictError) Unwrap() error { return ErrConflict }

// TransitionError reports a task status change that is not allowed. It
// wraps [ErrInvalidTransition].
type TransitionError struct {
	// TaskID identifies the task.
	TaskID string
	// From is the current status.
	From TaskStatus
	// To is the status asked for.
	To TaskStatus
}

// Error implements the error interface.
func (e *TransitionError) Error() string {
	return fmt.Sprintf("collab: task %q cannot go from %s to %s", e.TaskID, e.From, e.To)
}

// Unwrap returns [ErrInvalidTransition].
func (e *TransitionError) Unwrap() error { return ErrInvalidTransition }

func isNotFound(err error) bool { return errors.Is(err, ErrNotFound) }
