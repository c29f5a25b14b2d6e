package memory

import (
	"cmp"
	"context"
	"errors"
	"slices"

	"github.com/billkit/billkit/collab"
)

// InsertTask implements collab.TaskStore.
func (s *CollabStore) InsertTask(ctx context.Context, t collab.Task, m collab.Message) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if t.ID == "" {
		return errors.New("memory: task without ID")
	}
	if _, exists := s.tasks[t.ID]; exists {
		return &collab.ConflictError{Entity: "task", ID: t.ID}
	}
	if err := s.checkNewMessageLocked(m); err != nil {
		return err
	}
	s.tasks[t.ID] = t
	s.insertMessageLocked(m)
	return nil
}

// Task implements collab.TaskStore.
func (s *CollabStore) Task(ctx context.Context, id string) (collab.Task, error) {
	if err := ctx.Err(); err != nil {
		return collab.Task{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	t, ok := s.tasks[id]
	if !ok {
		return collab.Task{}, &collab.NotFoundError{Entity: "task", ID: id}
	}
	return t, nil
}

// UpdateTask implements collab.TaskStore. A task's identity (ID, object,
// message, creator, creation time) cannot change.
func (s *CollabStore) UpdateTask(ctx context.Context, t collab.Task) (collab.Task, error) {
	if err := ctx.Err(); err != nil {
		return collab.Task{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old, ok := s.tasks[t.ID]
	if !ok {
		return collab.Task{}, &collab.NotFoundError{Entity: "task", ID: t.ID}
	}
	if old.Version != t.Version {
		return collab.Task{}, &collab.ConflictError{Entity: "task", ID: t.ID, Expected: t.Version, Actual: old.Version}
	}
	t.Object, t.MessageID, t.CreatedBy, t.CreatedAt = old.Object, old.MessageID, old.CreatedBy, old.CreatedAt
	t.Version = old.Version + 1
	s.tasks[t.ID] = t
	return t, nil
}

// ListTasks implements collab.TaskStore.
func (s *CollabStore) ListTasks(ctx context.Context, q collab.TaskQuery) ([]collab.Task, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := []collab.Task{}
	for _, t := range s.tasks {
		if (!q.Object.IsZero() && t.Object != q.Object) ||
			(q.Assignee != "" && t.Assignee != q.Assignee) ||
			(len(q.Statuses) > 0 && !slices.Contains(q.Statuses, t.Status)) {
			continue
		}
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b collab.Task) int {
		return cmp.Or(a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.ID, b.ID))
	})
	return out, nil
}
