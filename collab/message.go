package collab

import (
	"slices"
	"time"
)

// MessageKind says what a message carries besides its text.
type MessageKind string

// Message kinds.
const (
	MessagePost     MessageKind = "post"     // text, the ordinary case
	MessagePoll     MessageKind = "poll"     // a poll; the body is its question and the poll's ID is the message's
	MessageQuestion MessageKind = "question" // a question; its replies are answers, one of which may be marked best
	MessageTask     MessageKind = "task"     // a task was created; the body is its title, TaskID names it
)

// Reaction is a reaction to a message, such as "like". Each user has at
// most one reaction per message. Hosts may offer their own reactions as
// long as they are lower-case identifiers of at most 32 bytes.
type Reaction string

// ReactionLike is the reaction every host offers.
const ReactionLike Reaction = "like"

// Valid reports whether r is a lower-case identifier of at most 32 bytes.
func (r Reaction) Valid() bool { return len(r) <= 32 && Kind(r).Valid() }

// Message is a post in a thread, or a reply to one.
//
// Replies are one level deep: a reply to a reply is attached to the root
// post (ParentID) and remembers the message it answered (InReplyTo).
//
// A deleted message keeps its place in the thread with its author and
// times, but as seen through the Service its Body, Spans, Mentions and
// History are empty; the store keeps them for audit (see
// Service.MessageAudit).
type Message struct {
	// ID identifies the message (a UUIDv7 by default, so IDs sort by
	// creation time).
	ID string `json:"id"`
	// ThreadID identifies the thread.
	ThreadID string `json:"thread_id"`
	// Object is the object the thread belongs to.
	Object Ref `json:"object"`
	// Kind says what the message carries.
	Kind MessageKind `json:"kind"`
	// ParentID is the root post of a reply, empty for a post.
	ParentID string `json:"parent_id,omitempty"`
	// InReplyTo is the message a reply answered: the root post or another
	// reply.
	InReplyTo string `json:"in_reply_to,omitempty"`
	// Author is the user ID of the author.
	Author string `json:"author"`
	// Body is the text, plain with light markup (see ParseMarkup).
	Body string `json:"body"`
	// Spans marks the resolved mentions, links, bold and italic parts of
	// Body, ordered by offset.
	Spans []Span `json:"spans,omitempty"`
	// Mentions are the principals mentioned in Body, each once, in order
	// of first appearance.
	Mentions []Principal `json:"mentions,omitempty"`
	// CreatedAt is when the message was posted, in UTC.
	CreatedAt time.Time `json:"created_at"`
	// EditedAt is when the body was last changed, zero if never.
	EditedAt time.Time `json:"edited_at,omitzero"`
	// History holds every previous body, oldest first.
	History []Revision `json:"history,omitempty"`
	// Deleted is set once the message has been deleted.
	Deleted bool `json:"deleted,omitempty"`
	// DeletedAt is when it was deleted.
	DeletedAt time.Time `json:"deleted_at,omitzero"`
	// DeletedBy is who deleted it: the author or a moderator.
	DeletedBy string `json:"deleted_by,omitempty"`
	// TaskID names the task of a MessageTask.
	TaskID string `json:"task_id,omitempty"`
	// BestAnswerID names the reply that the author of a MessageQuestion
	// marked as the best answer.
	BestAnswerID string `json:"best_answer_id,omitempty"`
	// Reactions counts the reactions by kind, in kind order. Stores fill
	// it when reading and ignore it when writing.
	Reactions []ReactionCount `json:"reactions,omitempty"`
	// ReplyCount is the number of replies to a post. Stores fill it when
	// reading and ignore it when writing.
	ReplyCount int `json:"reply_count,omitempty"`
	// Version increases with every change; an update based on an older
	// version is refused with ErrConflict.
	Version int64 `json:"version"`
}

// Revision is a previous body of an edited message.
type Revision struct {
	// Body is the text as it was.
	Body string `json:"body"`
	// WrittenAt is when that text was posted or written by an edit.
	WrittenAt time.Time `json:"written_at"`
	// ReplacedAt is when the next edit replaced it.
	ReplacedAt time.Time `json:"replaced_at"`
}

// ReactionCount is the number of users who reacted to a message in one
// way.
type ReactionCount struct {
	// Reaction is the kind of reaction.
	Reaction Reaction `json:"reaction"`
	// Count is the number of users.
	Count int `json:"count"`
	// Users are their IDs, sorted.
	Users []string `json:"users"`
}

// IsReply reports whether m is a reply rather than a post.
func (m Message) IsReply() bool { return m.ParentID != "" }

// Position returns m's place in time order.
func (m Message) Position() Position { return Position{At: m.CreatedAt, ID: m.ID} }

// Clone returns a deep copy of m, sharing no slice with it. Stores use it
// to keep what they hold apart from what callers change.
func (m Message) Clone() Message {
	m.Spans = slices.Clone(m.Spans)
	m.Mentions = slices.Clone(m.Mentions)
	m.History = slices.Clone(m.History)
	m.Reactions = slices.Clone(m.Reactions)
	for i := range m.Reactions {
		m.Reactions[i].Users = slices.Clone(m.Reactions[i].Users)
	}
	return m
}

// redacted returns what readers see of a deleted message.
func (m Message) redacted() Message {
	if !m.Deleted {
		return m
	}
	m.Body, m.Spans, m.Mentions, m.History = "", nil, nil, nil
	return m
}

// Thread is the conversation attached to one object.
type Thread struct {
	// ID identifies the thread.
	ID string `json:"id"`
	// Object is the object the thread belongs to; at most one thread
	// exists per object.
	Object Ref `json:"object"`
	// Title names a private conversation or a group's conversation; empty
	// for an object's thread.
	Title string `json:"title,omitempty"`
	// Participants are the user IDs, sorted, of the people in a private
	// conversation; empty otherwise.
	Participants []string `json:"participants,omitempty"`
	// CreatedBy is the user who posted first.
	CreatedBy string `json:"created_by"`
	// CreatedAt is when the thread was created, in UTC.
	CreatedAt time.Time `json:"created_at"`
}

// Clone returns a copy of t sharing no slice with it.
func (t Thread) Clone() Thread {
	t.Participants = slices.Clone(t.Participants)
	return t
}
