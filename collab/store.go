package collab

import (
	"context"
	"strings"
	"time"

	"github.com/billkit/billkit/notify"
)

// Store is the storage port of collab: one small interface per concern.
// The memory package (github.com/billkit/billkit/store/memory) implements
// it; other stores implement the same contract, which the collabtest
// package checks.
//
// Every implementation must be safe for concurrent use, return
// *NotFoundError for missing entities and *ConflictError for stale
// versions and duplicate IDs, and never share slices or maps between what
// it holds and what it returns.
type Store interface {
	ThreadStore
	MessageStore
	FollowStore
	NotificationStore
	PollStore
	TaskStore
	AttachmentStore
}

// Position is a place in a time-ordered list: items are ordered by time,
// then by ID, which makes the order total and stable even when several
// items share a timestamp.
type Position struct {
	// At is the item's time.
	At time.Time `json:"at"`
	// ID is the item's ID.
	ID string `json:"id"`
}

// IsZero reports whether p is the zero Position, which stands for the
// start (or, descending, the end) of a list.
func (p Position) IsZero() bool { return p.At.IsZero() && p.ID == "" }

// Compare returns -1, 0 or +1 as p is before, at or after q.
func (p Position) Compare(q Position) int {
	if c := p.At.Compare(q.At); c != 0 {
		return c
	}
	return strings.Compare(p.ID, q.ID)
}

// ThreadStore stores threads.
type ThreadStore interface {
	// CreateThread stores t, unless a thread already exists for t.Object;
	// either way it returns the thread stored for t.Object. It must be
	// atomic: two concurrent calls for one object return the same thread.
	CreateThread(ctx context.Context, t Thread) (Thread, error)
	// ThreadByObject returns the thread of ref.
	ThreadByObject(ctx context.Context, ref Ref) (Thread, error)
}

// MessageQuery selects messages in time order.
type MessageQuery struct {
	// Objects are the objects whose threads are read; at least one.
	Objects []Ref
	// Parent, when set, selects only the replies to that post.
	Parent string
	// From is an inclusive bound: the first message returned is the first
	// at or after From (at or before it when Descending). The zero From
	// starts at the beginning (or the end).
	From Position
	// Descending returns the newest messages first.
	Descending bool
	// Limit is the maximum number of messages returned; at least 1.
	Limit int
}

// MessageStore stores messages and their reactions.
type MessageStore interface {
	// InsertMessage stores a new message.
	InsertMessage(ctx context.Context, m Message) error
	// Message returns a message, with Reactions and ReplyCount filled.
	Message(ctx context.Context, id string) (Message, error)
	// UpdateMessage replaces a message if m.Version is the stored version,
	// and stores it with Version+1, which it returns.
	UpdateMessage(ctx context.Context, m Message) (Message, error)
	// ListMessages returns the messages selected by q, ordered by
	// Position (descending if asked), with Reactions and ReplyCount
	// filled.
	ListMessages(ctx context.Context, q MessageQuery) ([]Message, error)
	// ToggleReaction sets userID's reaction to messageID: it adds r when
	// the user had no reaction, replaces a different one, and removes r
	// when the user had reacted with r already. It reports whether r is
	// set afterwards. It must be atomic.
	ToggleReaction(ctx context.Context, messageID, userID string, r Reaction) (bool, error)
}

// FollowStore stores who follows which object.
type FollowStore interface {
	// Follow makes userID follow ref; it reports whether that is new.
	Follow(ctx context.Context, userID string, ref Ref) (bool, error)
	// Unfollow stops userID following ref; it reports whether they did.
	Unfollow(ctx context.Context, userID string, ref Ref) (bool, error)
	// Followers returns the user IDs following ref, sorted.
	Followers(ctx context.Context, ref Ref) ([]string, error)
	// Followed returns the objects userID follows, sorted by kind then ID.
	Followed(ctx context.Context, userID string) ([]Ref, error)
}

// NotificationStore stores notification preferences and the queue of
// digest notifications.
type NotificationStore interface {
	// Preference returns userID's preference; the zero Preference when
	// none was set.
	Preference(ctx context.Context, userID string) (Preference, error)
	// SetPreference stores userID's preference.
	SetPreference(ctx context.Context, userID string, p Preference) error
	// QueueDigest queues n for its recipient's next digest.
	QueueDigest(ctx context.Context, n notify.Notification) error
	// TakeDigest removes and returns the notifications queued for userID
	// and created at or before until, oldest first. It must be atomic, so
	// that no notification is taken twice.
	TakeDigest(ctx context.Context, userID string, until time.Time) ([]notify.Notification, error)
}

// PollStore stores polls and their votes.
type PollStore interface {
	// InsertPoll stores a new poll and the message that carries it, both
	// or neither.
	InsertPoll(ctx context.Context, p Poll, m Message) error
	// Poll returns a poll with its ballots.
	Poll(ctx context.Context, id string) (Poll, error)
	// CastVote records userID's choice, replacing an earlier one, and
	// returns the poll. It fails with ErrClosed if the poll is closed; the
	// check and the write must be atomic.
	CastVote(ctx context.Context, pollID, userID, choiceID string) (Poll, error)
	// ClosePoll closes a poll and returns it; ErrClosed if it was closed.
	ClosePoll(ctx context.Context, pollID, by string, at time.Time) (Poll, error)
}

// TaskQuery selects tasks. Set Object, Assignee or both.
type TaskQuery struct {
	// Object selects the tasks of one object.
	Object Ref
	// Assignee selects the tasks assigned to one user.
	Assignee string
	// Statuses, when not empty, keeps only tasks in one of them.
	Statuses []TaskStatus
}

// TaskStore stores tasks.
type TaskStore interface {
	// InsertTask stores a new task and the message that announces it in
	// its object's thread, both or neither.
	InsertTask(ctx context.Context, t Task, m Message) error
	// Task returns a task.
	Task(ctx context.Context, id string) (Task, error)
	// UpdateTask replaces a task if t.Version is the stored version, and
	// stores it with Version+1, which it returns.
	UpdateTask(ctx context.Context, t Task) (Task, error)
	// ListTasks returns the tasks selected by q, ordered by creation time
	// then ID.
	ListTasks(ctx context.Context, q TaskQuery) ([]Task, error)
}

// AttachmentStore stores attachment metadata (the bytes go to Content).
type AttachmentStore interface {
	// InsertAttachment stores the metadata of a new attachment.
	InsertAttachment(ctx context.Context, a Attachment) error
	// Attachment returns an attachment's metadata.
	Attachment(ctx context.Context, id string) (Attachment, error)
	// ListAttachments returns the attachments of ref, oldest first.
	ListAttachments(ctx context.Context, ref Ref) ([]Attachment, error)
}
