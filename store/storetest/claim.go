package storetest

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/invoice"
)

// OpenPair returns two stores over one new, empty database, as two
// application instances sharing it: what one commits, the other reads.
// It may register cleanups with t.
type OpenPair func(t *testing.T) (billing.Store, billing.Store)

// RunClaimer runs the conformance suite of billing.Claimer against pairs
// of stores made by openPair, which must implement it: a claim runs its
// function in a write transaction; a claim held by a transaction of
// either store is refused at once, without running the function, until
// that transaction ends, whether it commits, fails or panics; and
// claims on one key exclude each other under concurrent use.
func RunClaimer(t *testing.T, openPair OpenPair) {
	t.Helper()
	tests := []struct {
		name string
		run  func(t *testing.T, a, b billing.Claimer)
	}{
		{"a claim runs fn in a write transaction", testClaimRuns},
		{"a held claim is refused at once by every store", testClaimHeld},
		{"a failed claim writes nothing and frees its key", testClaimFails},
		{"a panicking claim writes nothing, frees its key and panics on", testClaimPanics},
		{"claims on one key exclude each other", testClaimExclusive},
		{"ClaimEach takes the free keys and tells which", testClaimEach},
		{"ClaimEach frees its keys when it ends, whatever the outcome", testClaimEachFrees},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sa, sb := openPair(t)
			a, ok := sa.(billing.Claimer)
			require.True(t, ok, "%T does not implement billing.Claimer", sa)
			b, ok := sb.(billing.Claimer)
			require.True(t, ok, "%T does not implement billing.Claimer", sb)
			tt.run(t, a, b)
		})
	}
}

// store returns the billing.Store of a Claimer or an EventFeed given by
// the pair.
func store(t *testing.T, v any) billing.Store {
	t.Helper()
	s, ok := v.(billing.Store)
	require.True(t, ok, "%T is not a billing.Store", v)
	return s
}

func testClaimRuns(t *testing.T, a, b billing.Claimer) {
	ctx := context.Background()
	ran, err := a.Claim(ctx, "billrun/id:1", func(tx billing.Tx) error {
		_, err := tx.Invoices().Put(ctx, billing.Record[invoice.Snapshot]{ID: id(1), Value: invoiceSnapshot(t, id(1), 1)})
		if err != nil {
			return err
		}
		got, err := tx.Invoices().Get(ctx, id(1))
		if err == nil {
			assert.Equal(t, uint64(1), got.Version, "the claim reads its own writes")
		}
		return err
	})
	require.NoError(t, err)
	assert.True(t, ran)
	mustGet(t, store(t, b), invoices(), id(1), 1, invoiceSnapshot(t, id(1), 1))

	ran, err = b.Claim(ctx, "billrun/id:1", func(billing.Tx) error { return nil })
	require.NoError(t, err)
	assert.True(t, ran, "a committed claim frees its key")

	cctx, cancel := context.WithCancel(ctx)
	cancel()
	called := false
	_, err = a.Claim(cctx, "billrun/id:2", func(billing.Tx) error { called = true; return nil })
	assert.ErrorIs(t, err, context.Canceled)
	assert.False(t, called, "fn does not run under a cancelled context")
}

// hold claims key through c in a goroutine and keeps the claim until
// release is closed. It returns once the claim is held, and a channel
// that yields Claim's results when it has ended.
func hold(t *testing.T, c billing.Claimer, key string, release <-chan struct{}) <-chan error {
	t.Helper()
	held := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		ran, err := c.Claim(context.Background(), key, func(tx billing.Tx) error {
			close(held)
			<-release
			return nil
		})
		if err == nil && !ran {
			err = errors.New("the claim to hold was refused")
		}
		done <- err
	}()
	select {
	case <-held:
	case err := <-done:
		t.Fatalf("claiming %s: %v", key, err)
	case <-time.After(10 * time.Second):
		t.Fatalf("claiming %s took more than 10s", key)
	}
	return done
}

func testClaimHeld(t *testing.T, a, b billing.Claimer) {
	const key = "billrun/id:552100554"
	ctx := context.Background()
	release := make(chan struct{})
	done := hold(t, a, key, release)

	for name, c := range map[string]billing.Claimer{"the other store": b, "the same store": a} {
		start := time.Now()
		called := false
		ran, err := c.Claim(ctx, key, func(billing.Tx) error { called = true; return nil })
		require.NoError(t, err, name)
		assert.False(t, ran, "%s is refused", name)
		assert.False(t, called, "%s does not run fn", name)
		assert.Less(t, time.Since(start), 5*time.Second, "%s is refused at once, without waiting", name)
	}
	ran, err := b.Claim(ctx, "billrun/id:732829320", func(billing.Tx) error { return nil })
	require.NoError(t, err)
	assert.True(t, ran, "another key is free")

	close(release)
	require.NoError(t, <-done)
	ran, err = b.Claim(ctx, key, func(billing.Tx) error { return nil })
	require.NoError(t, err)
	assert.True(t, ran, "the key is free once the holder committed")
}

func testClaimFails(t *testing.T, a, b billing.Claimer) {
	const key = "billrun/id:552100554"
	ctx := context.Background()
	seed(t, store(t, a))
	ran, err := a.Claim(ctx, key, func(tx billing.Tx) error {
		writeEverything(t, tx)
		return errBoom
	})
	assert.True(t, ran)
	require.ErrorIs(t, err, errBoom, "Claim returns fn's error")
	assertSeedOnly(t, store(t, b))
	assertFree(t, key, a, b)
}

func testClaimPanics(t *testing.T, a, b billing.Claimer) {
	const key = "billrun/id:552100554"
	seed(t, store(t, a))
	require.PanicsWithValue(t, "boom", func() {
		_, _ = b.Claim(context.Background(), key, func(tx billing.Tx) error {
			writeEverything(t, tx)
			panic("boom")
		})
	})
	assertSeedOnly(t, store(t, a))
	assertFree(t, key, a, b)
}

// assertFree checks that each store can claim key.
func assertFree(t *testing.T, key string, stores ...billing.Claimer) {
	t.Helper()
	for i, c := range stores {
		ran, err := c.Claim(context.Background(), key, func(billing.Tx) error { return nil })
		require.NoError(t, err)
		assert.True(t, ran, "store %d claims the key freed", i)
	}
}

func testClaimExclusive(t *testing.T, a, b billing.Claimer) {
	const workers, rounds, key = 8, 10, "billrun/counter"
	ctx := context.Background()
	k := contracts()
	_, err := put(t, store(t, a), k, id(1), 0, k.value(t, id(1), 0))
	require.NoError(t, err)

	var mu sync.Mutex
	won := 0
	var wg sync.WaitGroup
	for w := range workers {
		c := a
		if w%2 == 1 {
			c = b
		}
		wg.Go(func() {
			for range rounds {
				// Read, then write the version read: without the claim,
				// two holders would conflict.
				ran, err := c.Claim(ctx, key, func(tx billing.Tx) error {
					r, err := tx.Contracts().Get(ctx, id(1))
					if err != nil {
						return err
					}
					time.Sleep(time.Millisecond)
					r.Value.PurchaseOrder = "PO-" + time.Now().String()
					_, err = tx.Contracts().Put(ctx, r)
					return err
				})
				assert.NoError(t, err, "a claim holder never conflicts")
				if ran && err == nil {
					mu.Lock()
					won++
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	assert.Positive(t, won)
	r, err := get(t, store(t, b), k, id(1))
	require.NoError(t, err)
	assert.Equal(t, uint64(1+won), r.Version, "every claim that ran wrote once, none lost")
}

func testClaimEach(t *testing.T, a, b billing.Claimer) {
	ctx := context.Background()
	release := make(chan struct{})
	done := hold(t, a, "billrun/id:2", release)

	keys := []string{"billrun/id:1", "billrun/id:2", "billrun/id:3"}
	for n, tc := range []struct {
		name string
		c    billing.Claimer
	}{{"the other store", b}, {"the same store", a}} {
		name, c, inv := tc.name, tc.c, id(n+1)
		var got []bool
		start := time.Now()
		err := c.ClaimEach(ctx, keys, func(tx billing.Tx, claimed []bool) error {
			got = append([]bool(nil), claimed...)
			// The keys taken are held until the transaction ends.
			for _, k := range []string{keys[0], keys[2]} {
				ran, err := b.Claim(ctx, k, func(billing.Tx) error { return nil })
				require.NoError(t, err)
				assert.False(t, ran, "%s: %s is held by ClaimEach", name, k)
			}
			_, err := tx.Invoices().Put(ctx, billing.Record[invoice.Snapshot]{ID: inv, Value: invoiceSnapshot(t, inv, 1)})
			return err
		})
		require.NoError(t, err, name)
		assert.Equal(t, []bool{true, false, true}, got, "%s: the held key is not taken", name)
		assert.Less(t, time.Since(start), 5*time.Second, "%s does not wait for the held key", name)
		mustGet(t, store(t, a), invoices(), inv, 1, invoiceSnapshot(t, inv, 1))
	}
	close(release)
	require.NoError(t, <-done)

	var got []bool
	require.NoError(t, b.ClaimEach(ctx, nil, func(_ billing.Tx, claimed []bool) error {
		got = claimed
		return nil
	}))
	assert.Empty(t, got, "no keys, nothing claimed, fn still runs")
}

func testClaimEachFrees(t *testing.T, a, b billing.Claimer) {
	ctx := context.Background()
	keys := []string{"billrun/id:1", "billrun/id:2"}
	seed(t, store(t, a))
	err := a.ClaimEach(ctx, keys, func(tx billing.Tx, claimed []bool) error {
		assert.Equal(t, []bool{true, true}, claimed)
		writeEverything(t, tx)
		return errBoom
	})
	require.ErrorIs(t, err, errBoom, "ClaimEach returns fn's error")
	assertSeedOnly(t, store(t, b))
	assertFree(t, keys[0], a, b)
	assertFree(t, keys[1], a, b)

	require.NoError(t, b.ClaimEach(ctx, keys, func(billing.Tx, []bool) error { return nil }))
	assertFree(t, keys[0], a, b)
}
