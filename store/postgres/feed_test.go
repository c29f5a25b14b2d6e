package postgres_test

import (
	"bytes"
	"context"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/store/postgres"
)

// feedEvent returns event n of a test: its ID is a UUID made of n.
func feedEvent(n int) billing.Event {
	id := uuid.UUID{}
	id[14], id[15] = byte(n>>8), byte(n)
	return billing.Event{
		ID: id.String(), At: time.Date(2026, 4, 1, 9, 0, n%60, 0, time.UTC), Actor: "carol",
		Object: collab.Ref{Kind: collab.KindInvoice, ID: uuid.NewString()}, Action: billing.ActionInvoiceCreated, Version: 1,
	}
}

// appendEach appends events n from..to-1 through st, one transaction each.
func appendEach(t *testing.T, st billing.Store, from, to int) {
	t.Helper()
	for n := from; n < to; n++ {
		require.NoError(t, st.Update(context.Background(), func(tx billing.Tx) error {
			return tx.Events().Append(context.Background(), feedEvent(n))
		}))
	}
}

// collector gathers what a Follow delivers.
type collector struct {
	mu   sync.Mutex
	seen map[string]int
}

func (c *collector) add(ev billing.Event) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seen[ev.ID]++
}

// waitFor waits until events from..to-1 have all arrived.
func (c *collector) waitFor(t *testing.T, from, to int) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		c.mu.Lock()
		missing := 0
		for n := from; n < to; n++ {
			if c.seen[feedEvent(n).ID] == 0 {
				missing++
			}
		}
		c.mu.Unlock()
		if missing == 0 {
			return
		}
		require.Truef(t, time.Now().Before(deadline), "%d of events %d to %d never arrived", missing, from, to-1)
		time.Sleep(20 * time.Millisecond)
	}
}

// follow runs a's Follow until the test ends, and returns what it
// delivers once it is seen to deliver what b commits.
func follow(t *testing.T, a *postgres.Store, b billing.Store) *collector {
	t.Helper()
	c := &collector{seen: map[string]int{}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Follow(ctx, c.add) }()
	t.Cleanup(func() {
		cancel()
		assert.ErrorIs(t, <-done, context.Canceled)
	})
	c.waitListening(t, b)
	return c
}

// waitListening appends events numbered from 4000 through b until one
// arrives: the Follow feeding c listens.
func (c *collector) waitListening(t *testing.T, b billing.Store) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for n := 4000; ; n++ {
		appendEach(t, b, n, n+1)
		c.mu.Lock()
		listening := len(c.seen) > 0
		c.mu.Unlock()
		if listening {
			return
		}
		require.True(t, time.Now().Before(deadline), "Follow never delivered")
		time.Sleep(20 * time.Millisecond)
	}
}

// terminateListener ends the backend that listens on schema's channel,
// as a server restart or a lost network link would.
func terminateListener(t *testing.T, schema string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		var n int
		err := admin.QueryRow(context.Background(), `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
			WHERE pid <> pg_backend_pid() AND application_name = 'billkit feed ' || $1`, schema).Scan(&n)
		require.NoError(t, err)
		if n > 0 {
			return
		}
		require.True(t, time.Now().Before(deadline), "no backend listens")
		time.Sleep(20 * time.Millisecond)
	}
}

// syncBuffer is a log destination safe for concurrent use.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestFollowCatchesUpAfterALostConnection(t *testing.T) {
	schema := newSchema(t)
	var logged syncBuffer
	a, err := postgres.Open(context.Background(), dsn, postgres.WithSchema(schema),
		postgres.WithLogger(slog.New(slog.NewTextHandler(&logged, nil))))
	require.NoError(t, err)
	t.Cleanup(a.Close)
	b := openOn(t, schema)

	// A transaction of b that starts before Follow and commits while
	// Follow has no connection: its events must not be lost.
	release, committed := make(chan struct{}), make(chan error, 1)
	started := make(chan struct{})
	var releaseOnce sync.Once
	let := func() { releaseOnce.Do(func() { close(release) }) }
	t.Cleanup(let) // before b is closed, which waits for the transaction
	go func() {
		committed <- b.Update(context.Background(), func(tx billing.Tx) error {
			if err := tx.Events().Append(context.Background(), feedEvent(1000)); err != nil {
				return err
			}
			close(started)
			<-release
			return nil
		})
	}()
	<-started

	c := follow(t, a, b)

	for round := range 3 {
		terminateListener(t, schema)
		// Committed while Follow may have no connection: b's arrive,
		// a's own never do.
		from := 100 * (round + 1)
		appendEach(t, b, from, from+20)
		appendEach(t, a, from+50, from+55)
		if round == 0 {
			let()
			require.NoError(t, <-committed)
		}
		c.waitFor(t, from, from+20)
	}
	c.waitFor(t, 1000, 1001)
	appendEach(t, b, 500, 510) // and the feed goes on
	c.waitFor(t, 500, 510)

	c.mu.Lock()
	defer c.mu.Unlock()
	for id, times := range c.seen {
		assert.Equalf(t, 1, times, "event %s delivered %d times", id, times)
	}
	for round := range 3 {
		for n := 100*(round+1) + 50; n < 100*(round+1)+55; n++ {
			assert.Zerof(t, c.seen[feedEvent(n).ID], "own event %d delivered", n)
		}
	}
	assert.Contains(t, logged.String(), "lost its connection")
}

func TestFollowForgetsWhatItDeliveredOnce(t *testing.T) {
	// More transactions than a follower remembers between catch-ups:
	// each is still delivered once.
	a, b := openPair(t)
	c := follow(t, a, b)
	appendEach(t, b, 1000, 2300)
	c.waitFor(t, 1000, 2300)
	c.mu.Lock()
	defer c.mu.Unlock()
	for id, times := range c.seen {
		assert.Equalf(t, 1, times, "event %s delivered %d times", id, times)
	}
}
