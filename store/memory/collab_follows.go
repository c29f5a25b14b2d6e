package memory

import (
	"cmp"
	"context"
	"maps"
	"slices"
	"time"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/notify"
)

// Follow implements collab.FollowStore.
func (s *CollabStore) Follow(ctx context.Context, userID string, ref collab.Ref) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.followers[ref][userID]; ok {
		return false, nil
	}
	if s.followers[ref] == nil {
		s.followers[ref] = map[string]struct{}{}
	}
	if s.followed[userID] == nil {
		s.followed[userID] = map[collab.Ref]struct{}{}
	}
	s.followers[ref][userID] = struct{}{}
	s.followed[userID][ref] = struct{}{}
	return true, nil
}

// Unfollow implements collab.FollowStore.
func (s *CollabStore) Unfollow(ctx context.Context, userID string, ref collab.Ref) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.followers[ref][userID]; !ok {
		return false, nil
	}
	delete(s.followers[ref], userID)
	delete(s.followed[userID], ref)
	return true, nil
}

// Followers implements collab.FollowStore.
func (s *CollabStore) Followers(ctx context.Context, ref collab.Ref) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return slices.Sorted(maps.Keys(s.followers[ref])), nil
}

// Followed implements collab.FollowStore.
func (s *CollabStore) Followed(ctx context.Context, userID string) ([]collab.Ref, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return slices.SortedFunc(maps.Keys(s.followed[userID]), func(a, b collab.Ref) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.ID, b.ID))
	}), nil
}

// Preference implements collab.NotificationStore.
func (s *CollabStore) Preference(ctx context.Context, userID string) (collab.Preference, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.prefs[userID], nil
}

// SetPreference implements collab.NotificationStore.
func (s *CollabStore) SetPreference(ctx context.Context, userID string, p collab.Preference) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.prefs[userID] = p
	return nil
}

// QueueDigest implements collab.NotificationStore.
func (s *CollabStore) QueueDigest(ctx context.Context, n notify.Notification) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.digests[n.Recipient]
	i, _ := slices.BinarySearchFunc(q, n, func(a, b notify.Notification) int {
		return cmp.Or(a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.ID, b.ID))
	})
	s.digests[n.Recipient] = slices.Insert(q, i, n.Clone())
	return nil
}

// TakeDigest implements collab.NotificationStore.
func (s *CollabStore) TakeDigest(ctx context.Context, userID string, until time.Time) ([]notify.Notification, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.digests[userID]
	n, _ := slices.BinarySearchFunc(q, until, func(a notify.Notification, t time.Time) int {
		if a.CreatedAt.After(t) {
			return 1
		}
		return -1
	})
	taken := slices.Clone(q[:n])
	if rest := q[n:]; len(rest) > 0 {
		s.digests[userID] = slices.Clone(rest)
	} else {
		delete(s.digests, userID)
	}
	return taken, nil
}
