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

// RunStoreTests runs the contract tests of collab.Store against stores
// made by newStore, which must return an empty store for each call.
func RunStoreTests(t *testing.T, newStore func(t *testing.T) collab.Store) {
	t.Helper()
	tests := []struct {
		name string
		run  func(t *testing.T, s collab.Store)
	}{
		{"threads are created once per object", testThreads},
		{"messages round-trip and copy", testMessages},
		{"message updates are versioned", testMessageVersions},
		{"messages list in stable time order", testListOrder},
		{"message lists page from an inclusive bound", testListFrom},
		{"replies are selected by parent and counted", testReplies},
		{"reactions toggle, one per user", testReactions},
		{"concurrent reactions are all kept", testConcurrentReactions},
		{"follows are idempotent and sorted", testFollows},
		{"preferences default to zero", testPreferences},
		{"digests are taken once, oldest first", testDigest},
		{"polls record one vote per user until closed", testPolls},
		{"tasks are versioned and filtered", testTasks},
		{"attachments round-trip and list in order", testAttachments},
		{"a cancelled context is refused", testCancelled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.run(t, newStore(t))
		})
	}
}

var (
	invoice = collab.Ref{Kind: collab.KindInvoice, ID: "INV-1"}
	quote   = collab.Ref{Kind: collab.KindQuote, ID: "Q-1"}
	t0      = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
)

// message returns a stored-shape message on ref at t0 plus offset.
func message(t *testing.T, id string, ref collab.Ref, offset time.Duration) collab.Message {
	t.Helper()
	return collab.Message{
		ID: id, ThreadID: "t-" + ref.ID, Object: ref, Kind: collab.MessagePost, Author: "u-a",
		Body: "body of " + id, CreatedAt: t0.Add(offset), Version: 1,
		Spans:    []collab.Span{{Kind: collab.SpanLink, Start: 0, End: 4, Target: "http://x"}},
		Mentions: []collab.Principal{{Type: collab.PrincipalUser, ID: "u-b"}},
	}
}

func insert(t *testing.T, s collab.Store, msgs ...collab.Message) {
	t.Helper()
	for _, m := range msgs {
		require.NoError(t, s.InsertMessage(context.Background(), m))
	}
}

func ids(msgs []collab.Message) []string {
	out := make([]string, len(msgs))
	for i, m := range msgs {
		out[i] = m.ID
	}
	return out
}

func testThreads(t *testing.T, s collab.Store) {
	ctx := context.Background()
	_, err := s.ThreadByObject(ctx, invoice)
	assert.ErrorIs(t, err, collab.ErrNotFound)

	var wg sync.WaitGroup
	got := make([]collab.Thread, 10)
	for i := range got {
		wg.Go(func() {
			th, err := s.CreateThread(ctx, collab.Thread{ID: fmt.Sprint("t-", i), Object: invoice, CreatedAt: t0})
			assert.NoError(t, err)
			got[i] = th
		})
	}
	wg.Wait()
	for _, th := range got {
		assert.Equal(t, got[0].ID, th.ID, "concurrent creations return the same thread")
	}
	stored, err := s.ThreadByObject(ctx, invoice)
	require.NoError(t, err)
	assert.Equal(t, got[0].ID, stored.ID)

	conv := collab.Ref{Kind: collab.KindConversation, ID: "c-1"}
	_, err = s.CreateThread(ctx, collab.Thread{ID: "c-1", Object: conv, Participants: []string{"u-a", "u-b"}})
	require.NoError(t, err)
	th, err := s.ThreadByObject(ctx, conv)
	require.NoError(t, err)
	th.Participants[0] = "u-z"
	again, _ := s.ThreadByObject(ctx, conv)
	assert.Equal(t, []string{"u-a", "u-b"}, again.Participants, "returned threads are copies")
}

func testCancelled(t *testing.T, s collab.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	assert.ErrorIs(t, s.InsertMessage(ctx, message(t, "m-1", invoice, 0)), context.Canceled)
	_, err := s.ListMessages(ctx, collab.MessageQuery{Objects: []collab.Ref{invoice}, Limit: 1})
	assert.ErrorIs(t, err, context.Canceled)
	_, err = s.Follow(ctx, "u-a", invoice)
	assert.ErrorIs(t, err, context.Canceled)
}
