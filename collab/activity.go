package collab

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/billkit/billkit/validation"
)

// Page sizes.
const (
	DefaultPageSize = 50
	MaxPageSize     = 200
)

// PageRequest asks for one page of a feed.
type PageRequest struct {
	// Cursor is the Next of the previous page; empty for the first page.
	Cursor string `json:"cursor,omitempty"`
	// Limit is the number of items wanted, at most MaxPageSize;
	// DefaultPageSize when zero.
	Limit int `json:"limit,omitempty"`
	// NewestFirst pages backwards in time. A cursor is only valid with
	// the order it was made for.
	NewestFirst bool `json:"newest_first,omitempty"`
}

func (p PageRequest) check() (cursor, int, error) {
	var errs validation.Errors
	limit := p.Limit
	if limit == 0 {
		limit = DefaultPageSize
	}
	if limit < 1 || limit > MaxPageSize {
		errs.Add("limit", validation.CodeOutOfRange, fmt.Sprintf("must be between 1 and %d", MaxPageSize))
	}
	var c cursor
	if p.Cursor != "" {
		var err error
		c, err = decodeCursor(p.Cursor, p.NewestFirst)
		errs.Merge(err)
	}
	return c, limit, errs.Err()
}

// ActivityType says what an activity item is.
type ActivityType string

// Activity types.
const (
	ActivityMessage ActivityType = "message" // a message of the thread
	ActivityHistory ActivityType = "history" // an event from the object's history
)

// Activity is one item of a feed: a message, or an event of the object's
// history. Items are ordered by time, then ID, then type (history first),
// a total order that stays stable across pages even when many items share
// a timestamp.
type Activity struct {
	// Type says which of Message and History is set.
	Type ActivityType `json:"type"`
	// Object is the object the item belongs to.
	Object Ref `json:"object"`
	// At is the item's time.
	At time.Time `json:"at"`
	// ID is the ID of the message or history entry.
	ID string `json:"id"`
	// Message is set for ActivityMessage; a deleted message has no body.
	Message *Message `json:"message,omitempty"`
	// History is set for ActivityHistory.
	History *HistoryEntry `json:"history,omitempty"`
}

// ActivityPage is one page of a feed.
type ActivityPage struct {
	// Items are the items of the page, in the order asked for.
	Items []Activity `json:"items"`
	// Next is the cursor of the next page, empty on the last page.
	Next string `json:"next,omitempty"`
}

// MessagePage is one page of replies.
type MessagePage struct {
	// Items are the messages of the page, in the order asked for.
	Items []Message `json:"items"`
	// Next is the cursor of the next page, empty on the last page.
	Next string `json:"next,omitempty"`
}

// Activity returns a page of the activity of ref: its messages, posts and
// replies, merged with its history from the HistorySource.
func (s *Service) Activity(ctx context.Context, actor string, ref Ref, page PageRequest) (ActivityPage, error) {
	var errs validation.Errors
	checkActor(&errs, actor)
	errs.MergeAt("object", ref.Validate())
	cur, limit, err := page.check()
	errs.Merge(err)
	if err := errs.Err(); err != nil {
		return ActivityPage{}, err
	}
	if err := s.authorize(ctx, actor, ref, nil); err != nil {
		return ActivityPage{}, err
	}
	return s.activityOf(ctx, actor, []Ref{ref}, cur, limit, page.NewestFirst)
}

// Feed returns a page of actor's feed: the activity of every object they
// follow and may still see, merged in one order.
func (s *Service) Feed(ctx context.Context, actor string, page PageRequest) (ActivityPage, error) {
	var errs validation.Errors
	checkActor(&errs, actor)
	cur, limit, err := page.check()
	errs.Merge(err)
	if err := errs.Err(); err != nil {
		return ActivityPage{}, err
	}
	refs, err := s.visibleFollowed(ctx, actor)
	if err != nil {
		return ActivityPage{}, err
	}
	if len(refs) == 0 {
		return ActivityPage{Items: []Activity{}}, nil
	}
	return s.activityOf(ctx, actor, refs, cur, limit, page.NewestFirst)
}

// activityOf merges the messages and history of refs after cur, as the
// viewer reads them. Each
// source is asked for limit+2 items from the cursor's position, inclusive:
// at most one of them is the cursor's own item, and one more tells whether
// a next page exists.
func (s *Service) activityOf(ctx context.Context, viewer string, refs []Ref, cur cursor, limit int, desc bool) (ActivityPage, error) {
	msgs, err := s.store.ListMessages(ctx, MessageQuery{Objects: refs, From: cur.pos, Descending: desc, Limit: limit + 2})
	if err != nil {
		return ActivityPage{}, err
	}
	items := make([]Activity, 0, len(msgs))
	for _, m := range msgs {
		m = m.redacted()
		items = append(items, Activity{Type: ActivityMessage, Object: m.Object, At: m.CreatedAt, ID: m.ID, Message: &m})
	}
	if s.history != nil {
		for _, ref := range refs {
			if ref.Kind.ownedByCollab() {
				continue
			}
			entries, err := s.history.History(ctx, ref, HistoryQuery{From: cur.pos, Descending: desc, Limit: limit + 2, Viewer: viewer})
			if err != nil {
				return ActivityPage{}, fmt.Errorf("collab: history of %s: %w", ref, err)
			}
			for _, e := range entries {
				if e.ID == "" || e.At.IsZero() {
					return ActivityPage{}, fmt.Errorf("collab: history of %s has an entry without ID or time", ref)
				}
				e.At, e.Data = e.At.UTC(), maps.Clone(e.Data)
				items = append(items, Activity{Type: ActivityHistory, Object: ref, At: e.At, ID: e.ID, History: &e})
			}
		}
	}
	page, next := paginate(items, cur, limit, desc, activityKey)
	return ActivityPage{Items: page, Next: next}, nil
}

func activityKey(a Activity) key {
	if a.Type == ActivityHistory {
		return key{pos: Position{At: a.At, ID: a.ID}, source: sourceHistory}
	}
	return key{pos: Position{At: a.At, ID: a.ID}, source: sourceMessage}
}

// Replies returns a page of the replies to post postID, oldest first
// unless asked otherwise.
func (s *Service) Replies(ctx context.Context, actor, postID string, page PageRequest) (MessagePage, error) {
	cur, limit, err := page.check()
	if err != nil {
		return MessagePage{}, err
	}
	post, err := s.visibleMessage(ctx, actor, "message_id", postID)
	if err != nil {
		return MessagePage{}, err
	}
	msgs, err := s.store.ListMessages(ctx, MessageQuery{
		Objects: []Ref{post.Object}, Parent: post.ID, From: cur.pos, Descending: page.NewestFirst, Limit: limit + 2,
	})
	if err != nil {
		return MessagePage{}, err
	}
	for i := range msgs {
		msgs[i] = msgs[i].redacted()
	}
	items, next := paginate(msgs, cur, limit, page.NewestFirst, func(m Message) key {
		return key{pos: m.Position(), source: sourceMessage}
	})
	return MessagePage{Items: items, Next: next}, nil
}

// paginate sorts items in the order asked, keeps those strictly after the
// cursor, and cuts the page; next is the cursor of the following page, if
// there is one.
func paginate[T any](items []T, cur cursor, limit int, desc bool, keyOf func(T) key) (page []T, next string) {
	slices.SortFunc(items, func(a, b T) int {
		c := keyOf(a).compare(keyOf(b))
		if desc {
			return -c
		}
		return c
	})
	if cur.pos.ID != "" {
		curKey := key{pos: cur.pos, source: cur.source}
		items = slices.DeleteFunc(items, func(it T) bool {
			c := keyOf(it).compare(curKey)
			return (!desc && c <= 0) || (desc && c >= 0)
		})
	}
	if len(items) > limit {
		last := keyOf(items[limit-1])
		items = items[:limit:limit]
		next = cursor{pos: last.pos, source: last.source, descending: desc}.encode()
	}
	if items == nil {
		items = []T{}
	}
	return items, next
}
