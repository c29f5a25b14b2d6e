package notify

import (
	"context"
	"maps"
	"time"
)

// Kind says what a notification reports. It is a typed string so that it
// serialises as is; hosts may define their own kinds beside the constants
// below, as long as they are lower-case identifiers (see [Kind.Valid]).
type Kind string

// Notification kinds produced by billkit.
const (
	KindMention           Kind = "mention"            // the recipient, or a group they belong to, was @mentioned
	KindReply             Kind = "reply"              // someone replied to the recipient's post
	KindFollowUpdate      Kind = "follow_update"      // new activity on an object the recipient follows
	KindTaskAssigned      Kind = "task_assigned"      // a task was assigned to the recipient
	KindTaskUpdated       Kind = "task_updated"       // a task the recipient created or holds changed
	KindApprovalRequested Kind = "approval_requested" // the recipient is asked to approve something
	KindReminder          Kind = "reminder"           // something the recipient must do is due
	KindDigest            Kind = "digest"             // a summary of queued notifications
)

// maxKindLength bounds a Kind so that it fits any reasonable column.
const maxKindLength = 64

// Valid reports whether k is a lower-case identifier: a letter a-z
// followed by up to 63 letters a-z, digits or underscores.
func (k Kind) Valid() bool {
	if len(k) == 0 || len(k) > maxKindLength || k[0] < 'a' || k[0] > 'z' {
		return false
	}
	for i := 1; i < len(k); i++ {
		c := k[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '_' {
			return false
		}
	}
	return true
}

// Object refers to the business object a notification is about, such as
// {Kind: "invoice", ID: "INV-2026-0042"}.
type Object struct {
	// Kind is the kind of object: "quote", "invoice", "payment", ...
	Kind string `json:"kind"`
	// ID identifies the object within its kind.
	ID string `json:"id"`
}

// IsZero reports whether o refers to nothing.
func (o Object) IsZero() bool { return o.Kind == "" && o.ID == "" }

// Notification is one message to one person.
type Notification struct {
	// ID identifies the notification. Receivers use it to discard
	// duplicates (a webhook retried after a timeout may arrive twice).
	ID string `json:"id"`
	// Recipient is the user ID of the person notified.
	Recipient string `json:"recipient"`
	// Kind says what the notification reports.
	Kind Kind `json:"kind"`
	// Subject is a one-line summary, in plain text.
	Subject string `json:"subject"`
	// Body is the content, in plain text; it may be empty.
	Body string `json:"body,omitempty"`
	// Object is the business object the notification is about, if any.
	Object Object `json:"object,omitzero"`
	// Actor is the user ID of the person whose action caused it, if any.
	Actor string `json:"actor,omitempty"`
	// CreatedAt is when the notification was created, in UTC.
	CreatedAt time.Time `json:"created_at"`
	// Data carries machine-readable details, such as "thread_id" and
	// "message_id", for links and templates.
	Data map[string]string `json:"data,omitempty"`
}

// Clone returns a copy of n that shares no map with it.
func (n Notification) Clone() Notification {
	n.Data = maps.Clone(n.Data)
	return n
}

// Notifier delivers notifications. Implementations must be safe for
// concurrent use and should honour ctx's cancellation and deadline.
type Notifier interface {
	// Notify delivers n, or returns why it could not.
	Notify(ctx context.Context, n Notification) error
}

// NotifierFunc adapts an ordinary function to the [Notifier] interface.
type NotifierFunc func(ctx context.Context, n Notification) error

// Notify calls f(ctx, n).
func (f NotifierFunc) Notify(ctx context.Context, n Notification) error { return f(ctx, n) }

// Discard is a Notifier that drops every notification and returns nil.
var Discard Notifier = NotifierFunc(func(context.Context, Notification) error { return nil })
