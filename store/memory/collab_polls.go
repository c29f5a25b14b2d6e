package memory

import (
	"context"
	"errors"
	"time"

	"github.com/billkit/billkit/collab"
)

// InsertPoll implements collab.PollStore.
func (s *CollabStore) InsertPoll(ctx context.Context, p collab.Poll, m collab.Message) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if p.ID == "" {
		return errors.New("memory: poll without ID")
	}
	if _, exists := s.polls[p.ID]; exists {
		return &collab.ConflictError{Entity: "poll", ID: p.ID}
	}
	if err := s.checkNewMessageLocked(m); err != nil {
		return err
	}
	s.polls[p.ID] = p.Clone()
	s.insertMessageLocked(m)
	return nil
}

// Poll implements collab.PollStore.
func (s *CollabStore) Poll(ctx context.Context, id string) (collab.Poll, error) {
	if err := ctx.Err(); err != nil {
		return collab.Poll{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	p, ok := s.polls[id]
	if !ok {
		return collab.Poll{}, &collab.NotFoundError{Entity: "poll", ID: id}
	}
	return p.Clone(), nil
}

// CastVote implements collab.PollStore.
func (s *CollabStore) CastVote(ctx context.Context, pollID, userID, choiceID string) (collab.Poll, error) {
	if err := ctx.Err(); err != nil {
		return collab.Poll{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.polls[pollID]
	switch {
	case !ok:
		return collab.Poll{}, &collab.NotFoundError{Entity: "poll", ID: pollID}
	case p.Closed():
		return collab.Poll{}, collab.ErrClosed
	case !p.HasChoice(choiceID):
		return collab.Poll{}, &collab.NotFoundError{Entity: "choice", ID: choiceID}
	}
	if p.Ballots == nil {
		p.Ballots = map[string]string{}
	}
	p.Ballots[userID] = choiceID
	s.polls[pollID] = p
	return p.Clone(), nil
}

// ClosePoll implements collab.PollStore.
func (s *CollabStore) ClosePoll(ctx context.Context, pollID, by string, at time.Time) (collab.Poll, error) {
	if err := ctx.Err(); err != nil {
		return collab.Poll{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.polls[pollID]
	switch {
	case !ok:
		return collab.Poll{}, &collab.NotFoundError{Entity: "poll", ID: pollID}
	case p.Closed():
		return collab.Poll{}, collab.ErrClosed
	}
	p.ClosedAt, p.ClosedBy = at, by
	s.polls[pollID] = p
	return p.Clone(), nil
}
