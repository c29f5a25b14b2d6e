package storetest

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
)

// RunFeed runs the conformance suite of billing.EventFeed against pairs
// of stores made by openPair, which must implement it: Follow on one
// store delivers, in commit order and whole, the events that the other
// store commits, however large; never the events of its own store nor
// those of transactions that failed; and it returns ctx's error when ctx
// ends.
func RunFeed(t *testing.T, openPair OpenPair) {
	t.Helper()
	tests := []struct {
		name string
		run  func(t *testing.T, a, b billing.Store, got <-chan billing.Event)
	}{
		{"other stores' events arrive in commit order, own ones never", testFeedOthers},
		{"a large event arrives whole", testFeedLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := openPair(t)
			got := follow(t, a, b)
			tt.run(t, a, b, got)
		})
	}
	t.Run("follow returns when its context ends", func(t *testing.T) {
		a, _ := openPair(t)
		feed, ok := a.(billing.EventFeed)
		require.True(t, ok, "%T does not implement billing.EventFeed", a)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- feed.Follow(ctx, func(billing.Event) {}) }()
		time.Sleep(50 * time.Millisecond)
		cancel()
		select {
		case err := <-done:
			assert.ErrorIs(t, err, context.Canceled)
		case <-time.After(10 * time.Second):
			t.Fatal("Follow did not return after its context ended")
		}
	})
}

// feedProbe numbers the events that follow appends to find out when the
// feed is listening; the tests' own events are numbered below it.
const feedProbe = 900_000

// follow starts a's Follow in a goroutine, stopped when the test ends,
// and returns the channel of the events it delivers, once the feed is
// seen to deliver what b commits.
func follow(t *testing.T, a, b billing.Store) <-chan billing.Event {
	t.Helper()
	feed, ok := a.(billing.EventFeed)
	require.True(t, ok, "%T does not implement billing.EventFeed", a)
	got := make(chan billing.Event, 1024)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- feed.Follow(ctx, func(ev billing.Event) {
			select {
			case got <- ev:
			case <-ctx.Done():
			}
		})
	}()
	t.Cleanup(func() {
		cancel()
		assert.ErrorIs(t, <-done, context.Canceled, "Follow returns ctx's error")
	})

	// Follow listens from some moment on: append probes through b until
	// one arrives, then skip the probes sent before it.
	ref := collab.Ref{Kind: collab.KindDashboard, ID: "feed-probe"}
	for n := feedProbe; n < feedProbe+200; n++ {
		appendEvents(t, b, []billing.Event{event(n, ref, time.Duration(n-feedProbe)*time.Millisecond)})
		deadline := time.After(100 * time.Millisecond)
	wait:
		for {
			select {
			case ev := <-got:
				if ev.ID == id(n) {
					return got
				}
			case err := <-done:
				t.Fatalf("Follow stopped: %v", err)
			case <-deadline:
				break wait
			}
		}
	}
	t.Fatal("the feed delivered none of 200 events")
	return nil
}

// receive returns the next n events of got, failing the test if they do
// not arrive within 10 seconds.
func receive(t *testing.T, got <-chan billing.Event, n int) []billing.Event {
	t.Helper()
	var out []billing.Event
	deadline := time.After(10 * time.Second)
	for len(out) < n {
		select {
		case ev := <-got:
			out = append(out, ev)
		case <-deadline:
			t.Fatalf("received %d events of %d: %v", len(out), n, eventIDs(out))
		}
	}
	return out
}

func testFeedOthers(t *testing.T, a, b billing.Store, got <-chan billing.Event) {
	ref := collab.Ref{Kind: collab.KindInvoice, ID: id(1)}
	e := func(n int) billing.Event { return event(n, ref, time.Duration(n)*time.Second) }
	appendEvents(t, b, []billing.Event{e(1), e(2)}, []billing.Event{e(3)})
	appendEvents(t, a, []billing.Event{e(4)}) // its own: never delivered
	err := b.Update(context.Background(), func(tx billing.Tx) error {
		require.NoError(t, tx.Events().Append(context.Background(), e(5)))
		return errBoom
	})
	require.ErrorIs(t, err, errBoom)
	appendEvents(t, b, []billing.Event{e(6)}) // the last: once it is in, all are

	events := receive(t, got, 4)
	assert.Equal(t, ids(1, 2, 3, 6), eventIDs(events), "in commit order")
	assertSame(t, []billing.Event{e(1), e(2), e(3), e(6)}, events, "events arrive as appended")
	select {
	case ev := <-got:
		t.Errorf("unexpected event %s", ev.ID)
	case <-time.After(200 * time.Millisecond):
	}
}

func testFeedLarge(t *testing.T, a, b billing.Store, got <-chan billing.Event) {
	big := event(1, collab.Ref{Kind: collab.KindInvoice, ID: id(1)}, 0)
	big.Changes = nil
	for i := range 2000 { // about 300 kB, far beyond a notification's 8,000 bytes
		big.Changes = append(big.Changes, billing.Change{Field: "lines[" + strconv.Itoa(i) + "].name",
			Before: strings.Repeat("b", 70), After: strings.Repeat("a", 70)})
	}
	many := make([]billing.Event, 300) // more events in one commit than one notification could name
	for i := range many {
		many[i] = event(10+i, collab.Ref{Kind: collab.KindInvoice, ID: id(2)}, time.Duration(i)*time.Second)
	}
	appendEvents(t, b, []billing.Event{big}, many)
	events := receive(t, got, 1+len(many))
	assertSame(t, big, events[0])
	assertSame(t, many, events[1:])
}
