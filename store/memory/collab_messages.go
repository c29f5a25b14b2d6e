package memory

import (
	"context"
	"errors"
	"maps"
	"slices"

	"github.com/billkit/billkit/collab"
)

// InsertMessage implements collab.MessageStore.
func (s *CollabStore) InsertMessage(ctx context.Context, m collab.Message) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.checkNewMessageLocked(m); err != nil {
		return err
	}
	s.insertMessageLocked(m)
	return nil
}

func (s *CollabStore) checkNewMessageLocked(m collab.Message) error {
	if m.ID == "" {
		return errors.New("memory: message without ID")
	}
	if _, exists := s.messages[m.ID]; exists {
		return &collab.ConflictError{Entity: "message", ID: m.ID}
	}
	return nil
}

func (s *CollabStore) insertMessageLocked(m collab.Message) {
	m = m.Clone()
	m.Reactions, m.ReplyCount = nil, 0
	s.messages[m.ID] = &collabMessage{msg: m, reactions: map[string]collab.Reaction{}}
	s.byObject[m.Object] = insertPosition(s.byObject[m.Object], m.Position())
	if m.ParentID != "" {
		s.byParent[m.ParentID] = insertPosition(s.byParent[m.ParentID], m.Position())
	}
}

// Message implements collab.MessageStore.
func (s *CollabStore) Message(ctx context.Context, id string) (collab.Message, error) {
	if err := ctx.Err(); err != nil {
		return collab.Message{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	rec, ok := s.messages[id]
	if !ok {
		return collab.Message{}, &collab.NotFoundError{Entity: "message", ID: id}
	}
	return s.viewLocked(rec), nil
}

// UpdateMessage implements collab.MessageStore. The message's identity and
// place (ID, thread, object, parent, author, creation time) cannot change.
func (s *CollabStore) UpdateMessage(ctx context.Context, m collab.Message) (collab.Message, error) {
	if err := ctx.Err(); err != nil {
		return collab.Message{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, ok := s.messages[m.ID]
	if !ok {
		return collab.Message{}, &collab.NotFoundError{Entity: "message", ID: m.ID}
	}
	if rec.msg.Version != m.Version {
		return collab.Message{}, &collab.ConflictError{Entity: "message", ID: m.ID, Expected: m.Version, Actual: rec.msg.Version}
	}
	old := rec.msg
	m = m.Clone()
	m.ThreadID, m.Object, m.ParentID, m.InReplyTo = old.ThreadID, old.Object, old.ParentID, old.InReplyTo
	m.Author, m.CreatedAt, m.Kind = old.Author, old.CreatedAt, old.Kind
	m.Reactions, m.ReplyCount = nil, 0
	m.Version = old.Version + 1
	rec.msg = m
	return s.viewLocked(rec), nil
}

// ListMessages implements collab.MessageStore.
func (s *CollabStore) ListMessages(ctx context.Context, q collab.MessageQuery) ([]collab.Message, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(q.Objects) == 0 || q.Limit < 1 {
		return nil, errors.New("memory: a message query needs at least one object and a positive limit")
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	var candidates []collab.Position
	if q.Parent != "" {
		parent, ok := s.messages[q.Parent]
		if !ok || !slices.Contains(q.Objects, parent.msg.Object) {
			return []collab.Message{}, nil
		}
		candidates = window(s.byParent[q.Parent], q)
	} else {
		for _, ref := range q.Objects {
			candidates = append(candidates, window(s.byObject[ref], q)...)
		}
	}
	slices.SortFunc(candidates, func(a, b collab.Position) int {
		if q.Descending {
			return b.Compare(a)
		}
		return a.Compare(b)
	})
	candidates = candidates[:min(len(candidates), q.Limit)]
	out := make([]collab.Message, len(candidates))
	for i, p := range candidates {
		out[i] = s.viewLocked(s.messages[p.ID])
	}
	return out, nil
}

// window returns up to q.Limit positions of the sorted index idx, from
// q.From inclusive, in the direction q asks for.
func window(idx []collab.Position, q collab.MessageQuery) []collab.Position {
	if !q.Descending {
		start := 0
		if !q.From.IsZero() {
			start, _ = slices.BinarySearchFunc(idx, q.From, collab.Position.Compare)
		}
		return idx[start:min(len(idx), start+q.Limit)]
	}
	end := len(idx) // exclusive
	if !q.From.IsZero() {
		i, found := slices.BinarySearchFunc(idx, q.From, collab.Position.Compare)
		end = i
		if found {
			end = i + 1
		}
	}
	return idx[max(0, end-q.Limit):end]
}

// ToggleReaction implements collab.MessageStore.
func (s *CollabStore) ToggleReaction(ctx context.Context, messageID, userID string, r collab.Reaction) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, ok := s.messages[messageID]
	if !ok {
		return false, &collab.NotFoundError{Entity: "message", ID: messageID}
	}
	if rec.reactions[userID] == r {
		delete(rec.reactions, userID)
		return false, nil
	}
	rec.reactions[userID] = r
	return true, nil
}

// viewLocked returns a copy of a stored message with its reactions and
// reply count.
func (s *CollabStore) viewLocked(rec *collabMessage) collab.Message {
	m := rec.msg.Clone()
	m.ReplyCount = len(s.byParent[m.ID])
	if len(rec.reactions) == 0 {
		return m
	}
	byReaction := map[collab.Reaction][]string{}
	for user, r := range rec.reactions {
		byReaction[r] = append(byReaction[r], user)
	}
	for _, r := range slices.Sorted(maps.Keys(byReaction)) {
		users := byReaction[r]
		slices.Sort(users)
		m.Reactions = append(m.Reactions, collab.ReactionCount{Reaction: r, Count: len(users), Users: users})
	}
	return m
}
