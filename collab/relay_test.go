package collab_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/store/memory"
)

// relayStore is a memory store whose feed delivers what is sent on
// relayed, as another instance's messages.
type relayStore struct {
	*memory.CollabStore
	relayed chan collab.Message
}

func (s relayStore) FollowMessages(ctx context.Context, fn func(collab.Message)) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case m := <-s.relayed:
			fn(m)
		}
	}
}

func TestListenNeedsAMessageFeed(t *testing.T) {
	e := newEnv(t)
	err := e.svc.Listen(context.Background(), func(collab.Message) { t.Error("nothing to relay") })
	assert.ErrorIs(t, err, collab.ErrConfig)
}

func TestListenRelaysMessagesAsReadersSeeThem(t *testing.T) {
	store := relayStore{CollabStore: memory.NewCollabStore(), relayed: make(chan collab.Message)}
	svc, err := collab.NewService(store, newDirectory(t), newPolicy())
	require.NoError(t, err)

	ctx, cancel := context.WithCancel(context.Background())
	got := make(chan collab.Message)
	done := make(chan error, 1)
	go func() { done <- svc.Listen(ctx, func(m collab.Message) { got <- m }) }()

	posted := collab.Message{ID: "m-1", Object: inv, Author: alice, Body: "is line 3 right?", CreatedAt: t0, Version: 1,
		Mentions: []collab.Principal{{Type: collab.PrincipalUser, ID: bob}}}
	store.relayed <- posted
	assert.Equal(t, posted, <-got, "a message comes as it was posted")

	deleted := posted
	deleted.ID, deleted.Deleted, deleted.DeletedBy = "m-2", true, alice
	store.relayed <- deleted
	m := <-got
	assert.Equal(t, "m-2", m.ID)
	assert.True(t, m.Deleted)
	assert.Empty(t, m.Body, "a deleted message is relayed without its text")
	assert.Empty(t, m.Mentions)

	cancel()
	assert.ErrorIs(t, <-done, context.Canceled)
}
