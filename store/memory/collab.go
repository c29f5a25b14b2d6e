package memory

import (
	"context"
	"slices"
	"sync"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/notify"
)

// CollabStore implements collab.Store in memory. It suits tests, examples,
// demos and single-process hosts that can afford to lose their
// conversations on restart. It is safe for concurrent use: one lock
// serialises writes, so every operation is atomic.
//
//	svc, err := collab.NewService(memory.NewCollabStore(), dir, policy)
type CollabStore struct {
	mu sync.RWMutex

	threads  map[collab.Ref]collab.Thread
	messages map[string]*collabMessage
	byObject map[collab.Ref][]collab.Position // sorted
	byParent map[string][]collab.Position     // replies of a post, sorted

	followers map[collab.Ref]map[string]struct{}
	followed  map[string]map[collab.Ref]struct{}
	prefs     map[string]collab.Preference
	digests   map[string][]notify.Notification

	polls       map[string]collab.Poll
	tasks       map[string]collab.Task
	attachments map[string]collab.Attachment
	attByObject map[collab.Ref][]string // in upload order
}

// collabMessage is a stored message with its reactions by user.
type collabMessage struct {
	msg       collab.Message
	reactions map[string]collab.Reaction
}

var _ collab.Store = (*CollabStore)(nil)

// NewCollabStore returns an empty CollabStore.
func NewCollabStore() *CollabStore {
	return &CollabStore{
		threads:     map[collab.Ref]collab.Thread{},
		messages:    map[string]*collabMessage{},
		byObject:    map[collab.Ref][]collab.Position{},
		byParent:    map[string][]collab.Position{},
		followers:   map[collab.Ref]map[string]struct{}{},
		followed:    map[string]map[collab.Ref]struct{}{},
		prefs:       map[string]collab.Preference{},
		digests:     map[string][]notify.Notification{},
		polls:       map[string]collab.Poll{},
		tasks:       map[string]collab.Task{},
		attachments: map[string]collab.Attachment{},
		attByObject: map[collab.Ref][]string{},
	}
}

// CreateThread implements collab.ThreadStore.
func (s *CollabStore) CreateThread(ctx context.Context, t collab.Thread) (collab.Thread, error) {
	if err := ctx.Err(); err != nil {
		return collab.Thread{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if existing, ok := s.threads[t.Object]; ok {
		return existing.Clone(), nil
	}
	s.threads[t.Object] = t.Clone()
	return t.Clone(), nil
}

// ThreadByObject implements collab.ThreadStore.
func (s *CollabStore) ThreadByObject(ctx context.Context, ref collab.Ref) (collab.Thread, error) {
	if err := ctx.Err(); err != nil {
		return collab.Thread{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	t, ok := s.threads[ref]
	if !ok {
		return collab.Thread{}, &collab.NotFoundError{Entity: "thread", ID: ref.String()}
	}
	return t.Clone(), nil
}

// insertPosition adds p to the sorted index idx.
func insertPosition(idx []collab.Position, p collab.Position) []collab.Position {
	i, _ := slices.BinarySearchFunc(idx, p, collab.Position.Compare)
	return slices.Insert(idx, i, p)
}
