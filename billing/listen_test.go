package billing_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/store/memory"
)

// feedStore is a memory store whose feed delivers what is sent on in, as
// a database shared by several instances would deliver their events.
type feedStore struct {
	*memory.Store
	in chan billing.Event
}

func (s *feedStore) Follow(ctx context.Context, fn func(billing.Event)) error {
	for {
		select {
		case ev := <-s.in:
			fn(ev)
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

func TestListenRelaysOtherInstancesEvents(t *testing.T) {
	f := newFixture(t)
	st := &feedStore{Store: memory.NewStore(), in: make(chan billing.Event)}
	e, err := billing.New(st, f.engine.Desk(), billing.WithAccess(f.engine.Access()))
	require.NoError(t, err)
	sub, err := e.Subscribe(fred, billing.EventFilter{Kinds: []collab.Kind{collab.KindInvoice}}, 4)
	require.NoError(t, err)
	defer sub.Close()

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- e.Listen(ctx) }()
	ev := billing.Event{ID: "e1", At: time.Now(), Actor: carol, Object: collab.Ref{Kind: collab.KindInvoice, ID: "i1"}, Action: billing.ActionInvoiceIssued}
	st.in <- ev
	st.in <- billing.Event{ID: "e2", Object: collab.Ref{Kind: collab.KindQuote, ID: "q1"}}
	select {
	case got := <-sub.C:
		assert.Equal(t, ev.ID, got.ID)
		assert.Equal(t, ev.Action, got.Action)
	case <-time.After(5 * time.Second):
		t.Fatal("the relayed event never arrived")
	}
	cancel()
	assert.ErrorIs(t, <-done, context.Canceled)
	select {
	case got, ok := <-sub.C:
		assert.False(t, ok, "the filtered-out event was delivered: %+v", got)
	default:
	}
}

func TestListenNeedsAFeed(t *testing.T) {
	f := newFixture(t)
	err := f.engine.Listen(context.Background())
	assert.True(t, errors.Is(err, billing.ErrConfig), "got %v", err)
}
