package collabtest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/billkit/billkit/collab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func testMessages(t *testing.T, s collab.Store) {
	ctx := context.Background()
	m := message(t, "m-1", invoice, 0)
	insert(t, s, m)
	assert.ErrorIs(t, s.InsertMessage(ctx, m), collab.ErrConflict, "an ID is inserted once")

	got, err := s.Message(ctx, "m-1")
	require.NoError(t, err)
	assert.Equal(t, m.Body, got.Body)
	assert.True(t, m.CreatedAt.Equal(got.CreatedAt))
	assert.Equal(t, m.Spans, got.Spans)
	assert.Equal(t, m.Mentions, got.Mentions)

	got.Spans[0].Target = "changed"
	got.Mentions[0].ID = "changed"
	again, _ := s.Message(ctx, "m-1")
	assert.Equal(t, "http://x", again.Spans[0].Target, "returned messages are copies")
	assert.Equal(t, "u-b", again.Mentions[0].ID)

	_, err = s.Message(ctx, "missing")
	assert.ErrorIs(t, err, collab.ErrNotFound)
}

func testMessageVersions(t *testing.T, s collab.Store) {
	ctx := context.Background()
	insert(t, s, message(t, "m-1", invoice, 0))
	m, err := s.Message(ctx, "m-1")
	require.NoError(t, err)

	m.Body = "edited"
	m.History = []collab.Revision{{Body: "body of m-1", WrittenAt: t0, ReplacedAt: t0.Add(time.Minute)}}
	updated, err := s.UpdateMessage(ctx, m)
	require.NoError(t, err)
	assert.Equal(t, int64(2), updated.Version)
	assert.Equal(t, "edited", updated.Body)

	m.Body = "stale edit"
	_, err = s.UpdateMessage(ctx, m)
	assert.ErrorIs(t, err, collab.ErrConflict, "version 1 is stale")
	stored, _ := s.Message(ctx, "m-1")
	assert.Equal(t, "edited", stored.Body)
	assert.Len(t, stored.History, 1)

	_, err = s.UpdateMessage(ctx, collab.Message{ID: "missing", Version: 1})
	assert.ErrorIs(t, err, collab.ErrNotFound)
}

func testListOrder(t *testing.T, s collab.Store) {
	ctx := context.Background()
	// Equal timestamps are ordered by ID; insertion order does not matter.
	insert(t, s,
		message(t, "m-c", invoice, time.Second),
		message(t, "m-a", invoice, time.Second),
		message(t, "m-b", invoice, time.Second),
		message(t, "m-0", invoice, 0),
		message(t, "q-1", quote, 500*time.Millisecond),
	)
	asc, err := s.ListMessages(ctx, collab.MessageQuery{Objects: []collab.Ref{invoice}, Limit: 10})
	require.NoError(t, err)
	assert.Equal(t, []string{"m-0", "m-a", "m-b", "m-c"}, ids(asc))

	desc, err := s.ListMessages(ctx, collab.MessageQuery{Objects: []collab.Ref{invoice}, Descending: true, Limit: 2})
	require.NoError(t, err)
	assert.Equal(t, []string{"m-c", "m-b"}, ids(desc))

	both, err := s.ListMessages(ctx, collab.MessageQuery{Objects: []collab.Ref{quote, invoice}, Limit: 3})
	require.NoError(t, err)
	assert.Equal(t, []string{"m-0", "q-1", "m-a"}, ids(both), "several objects merge in one order")
}

func testListFrom(t *testing.T, s collab.Store) {
	ctx := context.Background()
	for i := range 6 {
		insert(t, s, message(t, fmt.Sprint("m-", i), invoice, time.Duration(i/2)*time.Second))
	}
	from := collab.Position{At: t0.Add(time.Second), ID: "m-2"}
	got, err := s.ListMessages(ctx, collab.MessageQuery{Objects: []collab.Ref{invoice}, From: from, Limit: 3})
	require.NoError(t, err)
	assert.Equal(t, []string{"m-2", "m-3", "m-4"}, ids(got), "From is inclusive")

	got, err = s.ListMessages(ctx, collab.MessageQuery{Objects: []collab.Ref{invoice}, From: from, Descending: true, Limit: 5})
	require.NoError(t, err)
	assert.Equal(t, []string{"m-2", "m-1", "m-0"}, ids(got))

	between := collab.Position{At: t0.Add(time.Second), ID: "m-25"}
	got, err = s.ListMessages(ctx, collab.MessageQuery{Objects: []collab.Ref{invoice}, From: between, Limit: 2})
	require.NoError(t, err)
	assert.Equal(t, []string{"m-3", "m-4"}, ids(got), "a bound between two items")
}

func testReplies(t *testing.T, s collab.Store) {
	ctx := context.Background()
	post := message(t, "p-1", invoice, 0)
	r1 := message(t, "r-1", invoice, time.Second)
	r1.ParentID, r1.InReplyTo = "p-1", "p-1"
	r2 := message(t, "r-2", invoice, 2*time.Second)
	r2.ParentID, r2.InReplyTo = "p-1", "r-1"
	insert(t, s, post, r1, r2, message(t, "p-2", invoice, 3*time.Second))

	got, err := s.ListMessages(ctx, collab.MessageQuery{Objects: []collab.Ref{invoice}, Parent: "p-1", Limit: 10})
	require.NoError(t, err)
	assert.Equal(t, []string{"r-1", "r-2"}, ids(got))
	p, err := s.Message(ctx, "p-1")
	require.NoError(t, err)
	assert.Equal(t, 2, p.ReplyCount)

	got, err = s.ListMessages(ctx, collab.MessageQuery{Objects: []collab.Ref{quote}, Parent: "p-1", Limit: 10})
	require.NoError(t, err)
	assert.Empty(t, got, "the parent belongs to another object")
}

func testReactions(t *testing.T, s collab.Store) {
	ctx := context.Background()
	insert(t, s, message(t, "m-1", invoice, 0))
	steps := []struct {
		user string
		r    collab.Reaction
		want bool
	}{
		{"u-a", collab.ReactionLike, true},
		{"u-b", collab.ReactionLike, true},
		{"u-a", "thanks", true},             // replaces like
		{"u-b", collab.ReactionLike, false}, // toggles off
	}
	for _, st := range steps {
		got, err := s.ToggleReaction(ctx, "m-1", st.user, st.r)
		require.NoError(t, err)
		assert.Equal(t, st.want, got, "%s %s", st.user, st.r)
	}
	m, err := s.Message(ctx, "m-1")
	require.NoError(t, err)
	assert.Equal(t, []collab.ReactionCount{{Reaction: "thanks", Count: 1, Users: []string{"u-a"}}}, m.Reactions)

	_, err = s.ToggleReaction(ctx, "missing", "u-a", collab.ReactionLike)
	assert.ErrorIs(t, err, collab.ErrNotFound)
}

func testConcurrentReactions(t *testing.T, s collab.Store) {
	ctx := context.Background()
	insert(t, s, message(t, "m-1", invoice, 0))
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Go(func() {
			_, err := s.ToggleReaction(ctx, "m-1", fmt.Sprintf("u-%02d", i), collab.ReactionLike)
			assert.NoError(t, err)
		})
	}
	wg.Wait()
	m, err := s.Message(ctx, "m-1")
	require.NoError(t, err)
	require.Len(t, m.Reactions, 1)
	assert.Equal(t, 50, m.Reactions[0].Count)
}
