package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/notify"
	"github.com/billkit/billkit/store/postgres"
)

// collabPair returns the collab stores of two instances over one schema,
// and the schema.
func collabPair(t *testing.T) (*postgres.CollabStore, *postgres.CollabStore, string) {
	t.Helper()
	a, b := openPair(t)
	return a.Collab(), b.Collab(), a.Schema()
}

// race runs n calls of fn at once, each on one of stores in turn, and
// returns their errors.
func race(n int, stores []*postgres.CollabStore, fn func(i int, s *postgres.CollabStore) error) []error {
	errs := make([]error, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			<-start
			errs[i] = fn(i, stores[i%len(stores)])
		})
	}
	close(start)
	wg.Wait()
	return errs
}

// count returns how many of errs are nil and how many wrap target.
func count(t *testing.T, errs []error, target error) (ok, matched int) {
	t.Helper()
	for _, err := range errs {
		switch {
		case err == nil:
			ok++
		case errors.Is(err, target):
			matched++
		default:
			t.Errorf("unexpected error: %v", err)
		}
	}
	return ok, matched
}

func TestCollabConcurrentWritersOfOneVersionConflict(t *testing.T) {
	ctx := context.Background()
	a, b, _ := collabPair(t)
	stores := []*postgres.CollabStore{a, b}
	m := collab.Message{ID: "m-1", Object: collabInvoice, Kind: collab.MessagePost, Author: "u-a", Body: "draft",
		CreatedAt: collabT0, Version: 1}
	task := collab.Task{ID: "task-1", Object: collabInvoice, MessageID: "m-task", Title: "Call ACME", Assignee: "u-b",
		Status: collab.TaskOpen, CreatedAt: collabT0, Version: 1}
	require.NoError(t, a.InsertMessage(ctx, m))
	tm := m
	tm.ID, tm.Kind, tm.TaskID = "m-task", collab.MessageTask, "task-1"
	require.NoError(t, a.InsertTask(ctx, task, tm))

	t.Run("message edits", func(t *testing.T) {
		errs := race(8, stores, func(i int, s *postgres.CollabStore) error {
			edit := m
			edit.Body = fmt.Sprint("edit ", i)
			_, err := s.UpdateMessage(ctx, edit)
			return err
		})
		ok, conflicts := count(t, errs, collab.ErrConflict)
		assert.Equal(t, 1, ok, "one edit of version 1 wins")
		assert.Equal(t, 7, conflicts)
		stored, err := a.Message(ctx, "m-1")
		require.NoError(t, err)
		assert.Equal(t, int64(2), stored.Version)
	})
	t.Run("a task completed twice", func(t *testing.T) {
		errs := race(8, stores, func(_ int, s *postgres.CollabStore) error {
			done := task
			done.Status = collab.TaskDone
			_, err := s.UpdateTask(ctx, done)
			return err
		})
		ok, conflicts := count(t, errs, collab.ErrConflict)
		assert.Equal(t, 1, ok, "one completion of version 1 wins")
		assert.Equal(t, 7, conflicts)
	})
	t.Run("one message ID inserted twice", func(t *testing.T) {
		errs := race(8, stores, func(_ int, s *postgres.CollabStore) error {
			again := m
			again.ID = "m-2"
			return s.InsertMessage(ctx, again)
		})
		ok, conflicts := count(t, errs, collab.ErrConflict)
		assert.Equal(t, 1, ok)
		assert.Equal(t, 7, conflicts)
	})
}

func TestCollabConcurrentFollowsAndReactions(t *testing.T) {
	ctx := context.Background()
	a, b, _ := collabPair(t)
	stores := []*postgres.CollabStore{a, b}
	require.NoError(t, a.InsertMessage(ctx, collab.Message{ID: "m-1", Object: collabInvoice, Author: "u-a",
		CreatedAt: collabT0, Version: 1}))

	var mu sync.Mutex
	results := map[bool]int{}
	record := func(v bool, err error) error {
		mu.Lock()
		defer mu.Unlock()
		if err == nil {
			results[v]++
		}
		return err
	}

	errs := race(8, stores, func(_ int, s *postgres.CollabStore) error { return record(s.Follow(ctx, "u-b", collabInvoice)) })
	ok, _ := count(t, errs, nil)
	require.Equal(t, 8, ok)
	assert.Equal(t, map[bool]int{true: 1, false: 7}, results, "a follow added twice is new once")

	clear(results)
	errs = race(8, stores, func(_ int, s *postgres.CollabStore) error { return record(s.Unfollow(ctx, "u-b", collabInvoice)) })
	ok, _ = count(t, errs, nil)
	require.Equal(t, 8, ok)
	assert.Equal(t, map[bool]int{true: 1, false: 7}, results, "a follow removed twice is removed once")

	// One user toggling one reaction 9 times at once: each toggle reads
	// what the one before wrote, as if they had run one after the other.
	clear(results)
	errs = race(9, stores, func(_ int, s *postgres.CollabStore) error {
		return record(s.ToggleReaction(ctx, "m-1", "u-b", collab.ReactionLike))
	})
	ok, _ = count(t, errs, nil)
	require.Equal(t, 9, ok)
	assert.Equal(t, map[bool]int{true: 5, false: 4}, results)
	m, err := a.Message(ctx, "m-1")
	require.NoError(t, err)
	assert.Equal(t, []collab.ReactionCount{{Reaction: collab.ReactionLike, Count: 1, Users: []string{"u-b"}}}, m.Reactions)
}

func TestCollabConcurrentVotesAndCloses(t *testing.T) {
	ctx := context.Background()
	a, b, schema := collabPair(t)
	stores := []*postgres.CollabStore{a, b}
	p := collab.Poll{ID: "poll-1", Object: collabInvoice, Question: "Which date?",
		Choices: []collab.Choice{{ID: "1", Label: "March"}, {ID: "2", Label: "April"}}, CreatedBy: "u-a", CreatedAt: collabT0}
	require.NoError(t, a.InsertPoll(ctx, p, collab.Message{ID: "poll-1", Object: collabInvoice, Kind: collab.MessagePoll,
		Author: "u-a", CreatedAt: collabT0, Version: 1}))

	// Each of 24 voters votes once, u-twice votes twice at once, and two
	// closes race with them.
	const voters = 24
	var closedWith []collab.Poll
	var mu sync.Mutex
	errs := race(voters+4, stores, func(i int, s *postgres.CollabStore) error {
		switch {
		case i == 10 || i == 20:
			closed, err := s.ClosePoll(ctx, "poll-1", "u-a", collabT0.Add(time.Hour))
			if err == nil {
				mu.Lock()
				closedWith = append(closedWith, closed)
				mu.Unlock()
			}
			return err
		case i >= voters+2:
			_, err := s.CastVote(ctx, "poll-1", "u-twice", fmt.Sprint(i%2+1))
			return err
		}
		_, err := s.CastVote(ctx, "poll-1", fmt.Sprintf("u-%02d", i), "1")
		return err
	})
	_, closedErrs := count(t, errs, collab.ErrClosed)
	require.Len(t, closedWith, 1, "one close wins")
	assert.Positive(t, closedErrs, "the other close finds the poll closed")

	final, err := b.Poll(ctx, "poll-1")
	require.NoError(t, err)
	assert.Equal(t, closedWith[0].Ballots, final.Ballots, "the ballots a close returns are final")
	for i := range voters {
		if i == 10 || i == 20 {
			continue
		}
		_, counted := final.Ballots[fmt.Sprintf("u-%02d", i)]
		assert.Equal(t, errs[i] == nil, counted, "vote %d: accepted if and only if counted", i)
	}

	var rows int
	require.NoError(t, admin.QueryRow(ctx, "SELECT count(*) FROM "+pgx.Identifier{schema, "collab_ballots"}.Sanitize()+
		" WHERE poll_id = 'poll-1' AND user_id = 'u-twice'").Scan(&rows))
	assert.LessOrEqual(t, rows, 1, "two votes of one person leave at most one ballot")
}

func TestCollabConcurrentDigestsAreTakenOnce(t *testing.T) {
	ctx := context.Background()
	a, b, _ := collabPair(t)
	for i := range 40 {
		require.NoError(t, a.QueueDigest(ctx, notify.Notification{ID: fmt.Sprint("n-", i), Recipient: "u-a",
			CreatedAt: collabT0.Add(time.Duration(i) * time.Second)}))
	}
	var mu sync.Mutex
	seen := map[string]int{}
	errs := race(6, []*postgres.CollabStore{a, b}, func(_ int, s *postgres.CollabStore) error {
		taken, err := s.TakeDigest(ctx, "u-a", collabT0.Add(time.Hour))
		mu.Lock()
		defer mu.Unlock()
		for _, n := range taken {
			seen[n.ID]++
		}
		return err
	})
	ok, _ := count(t, errs, nil)
	require.Equal(t, 6, ok)
	assert.Len(t, seen, 40)
	for id, times := range seen {
		assert.Equalf(t, 1, times, "notification %s taken %d times", id, times)
	}
}
