package postgres_test

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/store/postgres"
)

// threads returns a collab.Service over st's collab store, where u-a, u-b
// and u-c see every object.
func threads(t testing.TB, st *postgres.Store) *collab.Service {
	t.Helper()
	dir := collab.NewMemoryDirectory()
	for _, u := range []string{"u-a", "u-b", "u-c"} {
		require.NoError(t, dir.AddUser(u, u[2:], "User "+u[2:]))
	}
	everyone := func(context.Context, string, collab.Ref) (bool, error) { return true, nil }
	svc, err := collab.NewService(st.Collab(), dir, collab.PolicyFuncs{View: everyone})
	require.NoError(t, err)
	return svc
}

// inbox gathers what a Listen relays, by message body.
type inbox struct {
	mu   sync.Mutex
	seen map[string]int
	msgs map[string]collab.Message
}

func (in *inbox) add(m collab.Message) {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.seen[m.Body]++
	in.msgs[m.Body] = m
}

func (in *inbox) message(body string) collab.Message {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.msgs[body]
}

func (in *inbox) count(body string) int {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.seen[body]
}

// waitFor waits until every one of bodies has arrived.
func (in *inbox) waitFor(t *testing.T, bodies ...string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		missing := 0
		for _, b := range bodies {
			if in.count(b) == 0 {
				missing++
			}
		}
		if missing == 0 {
			return
		}
		require.Truef(t, time.Now().Before(deadline), "%d of %d messages never arrived", missing, len(bodies))
		time.Sleep(20 * time.Millisecond)
	}
}

// listen runs svc.Listen until the test ends, and returns its inbox once
// it is seen to relay what other posts.
func listen(t *testing.T, svc, other *collab.Service) *inbox {
	t.Helper()
	in := &inbox{seen: map[string]int{}, msgs: map[string]collab.Message{}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- svc.Listen(ctx, in.add) }()
	t.Cleanup(func() {
		cancel()
		assert.ErrorIs(t, <-done, context.Canceled)
	})
	deadline := time.Now().Add(20 * time.Second)
	for n := 0; ; n++ {
		body := fmt.Sprint("are you listening? ", n)
		_, err := other.Post(context.Background(), "u-c", collab.Ref{Kind: collab.KindDashboard, ID: "probe"}, body)
		require.NoError(t, err)
		time.Sleep(20 * time.Millisecond)
		if in.count(body) > 0 {
			return in
		}
		require.True(t, time.Now().Before(deadline), "Listen never relayed")
	}
}

// bodies returns "prefix 0" to "prefix n-1".
func bodies(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprint(prefix, " ", i)
	}
	return out
}

func TestCollabListenRelaysMessagesBetweenInstances(t *testing.T) {
	ctx := context.Background()
	a, b := openPair(t)
	svcA, svcB := threads(t, a), threads(t, b)
	inA, inB := listen(t, svcA, svcB), listen(t, svcB, svcA)

	fromB := bodies("from b", 10)
	for _, body := range fromB {
		_, err := svcB.Post(ctx, "u-b", collabInvoice, body)
		require.NoError(t, err)
	}
	fromA := bodies("from a", 5)
	var first collab.Message
	for i, body := range fromA {
		m, err := svcA.Post(ctx, "u-a", collabInvoice, body)
		require.NoError(t, err)
		if i == 0 {
			first = m
		}
	}
	reply, err := svcB.Reply(ctx, "u-b", first.ID, "a reply from b")
	require.NoError(t, err)
	_, err = svcB.CreatePoll(ctx, "u-b", collabInvoice, "a poll from b", []string{"March", "April"})
	require.NoError(t, err)

	inA.waitFor(t, append(fromB, "a reply from b", "a poll from b")...)
	inB.waitFor(t, fromA...)
	assert.Equal(t, reply, inA.message("a reply from b"), "a message arrives as it was posted")

	inA.mu.Lock()
	defer inA.mu.Unlock()
	for body, times := range inA.seen {
		assert.Equalf(t, 1, times, "%q relayed %d times", body, times)
	}
	for _, body := range fromA {
		assert.Zerof(t, inA.seen[body], "%q relayed to the instance that posted it", body)
	}
}

func TestCollabListenCatchesUpAfterALostConnection(t *testing.T) {
	ctx := context.Background()
	schema := newSchema(t)
	var logged syncBuffer
	a, err := postgres.Open(ctx, dsn, postgres.WithSchema(schema),
		postgres.WithLogger(slog.New(slog.NewTextHandler(&logged, nil))))
	require.NoError(t, err)
	t.Cleanup(a.Close)
	svcA, svcB := threads(t, a), threads(t, openOn(t, schema))
	in := listen(t, svcA, svcB)

	for round := range 2 {
		// Posted while the feed may have no connection: they arrive
		// when it has one again, each once.
		terminateBackends(t, "billkit messages "+schema)
		posted := bodies(fmt.Sprint("round ", round), 10)
		for _, body := range posted {
			_, err := svcB.Post(ctx, "u-b", collabInvoice, body)
			require.NoError(t, err)
		}
		in.waitFor(t, posted...)
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	for body, times := range in.seen {
		assert.Equalf(t, 1, times, "%q relayed %d times", body, times)
	}
	assert.Contains(t, logged.String(), "message feed lost its connection")
}

// terminateBackends ends the backends of an application name, as a
// server restart or a lost network link would.
func terminateBackends(t *testing.T, app string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		var n int
		err := admin.QueryRow(context.Background(), `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
			WHERE pid <> pg_backend_pid() AND application_name = $1`, app).Scan(&n)
		require.NoError(t, err)
		if n > 0 {
			return
		}
		require.True(t, time.Now().Before(deadline), "no backend of %s", app)
		time.Sleep(20 * time.Millisecond)
	}
}
