package storetest

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/invoice"
)

// Goroutines report with assert, never require: FailNow must be called
// from the test's own goroutine.

func testConcurrentWriters(t *testing.T, s billing.Store) {
	const writers = 16
	ctx := context.Background()
	k := invoices()
	_, err := put(t, s, k, id(1), 0, invoiceSnapshot(t, id(1), 1))
	require.NoError(t, err)

	var readers, done sync.WaitGroup
	readers.Add(writers)
	done.Add(writers)
	start := make(chan struct{})
	results := make([]error, writers)
	for w := range writers {
		go func() {
			defer done.Done()
			var r billing.Record[invoice.Snapshot]
			err := s.View(ctx, func(tx billing.Tx) error {
				var err error
				r, err = tx.Invoices().Get(ctx, id(1))
				return err
			})
			readers.Done()
			if err != nil {
				results[w] = err
				return
			}
			<-start // everyone has read version 1
			r.Value.Document.Notes = append(r.Value.Document.Notes, invoice.Note{Text: "writer " + strconv.Itoa(w)})
			results[w] = s.Update(ctx, func(tx billing.Tx) error {
				_, err := tx.Invoices().Put(ctx, r)
				return err
			})
		}()
	}
	readers.Wait()
	close(start)
	done.Wait()

	winner := -1
	for w, err := range results {
		if err == nil {
			assert.Equal(t, -1, winner, "writers %d and %d both won", winner, w)
			winner = w
			continue
		}
		var conflict *billing.ConflictError
		if assert.ErrorAs(t, err, &conflict, "writer %d", w) {
			assert.Equal(t, billing.ConflictError{Kind: "invoice", ID: id(1), Expected: 1, Actual: 2}, *conflict)
		}
	}
	require.NotEqual(t, -1, winner, "one writer wins")
	r, err := get(t, s, k, id(1))
	require.NoError(t, err)
	assert.Equal(t, uint64(2), r.Version)
	assert.Equal(t, "writer "+strconv.Itoa(winner), r.Value.Document.Notes[len(r.Value.Document.Notes)-1].Text)
}

func testConcurrentIssuers(t *testing.T, s billing.Store) {
	const issuers = 64
	ctx := context.Background()
	drafts := make([]invoice.Snapshot, issuers)
	for i := range drafts {
		drafts[i] = invoiceSnapshot(t, id(i), 1)
	}
	numbers := make([]uint64, issuers)
	var wg sync.WaitGroup
	for i := range issuers {
		wg.Go(func() {
			err := s.Update(ctx, func(tx billing.Tx) error {
				n, err := tx.Sequence().Next(ctx, "acme/invoice/2026", day)
				if err != nil {
					return err
				}
				drafts[i].Document.Number = "F2026-" + strconv.FormatUint(n, 10)
				numbers[i] = n
				_, err = tx.Invoices().Put(ctx, billing.Record[invoice.Snapshot]{ID: id(i), Value: drafts[i]})
				return err
			})
			assert.NoError(t, err, "issuer %d", i)
		})
	}
	wg.Wait()
	slices.Sort(numbers)
	want := make([]uint64, issuers)
	for i := range want {
		want[i] = uint64(i + 1)
	}
	assert.Equal(t, want, numbers, "every number once, none skipped")
	assert.Equal(t, uint64(issuers+1), mustNext(t, s, "acme/invoice/2026", day))
}

func testConcurrentHalfFailing(t *testing.T, s billing.Store) {
	const workers = 32
	ctx := context.Background()
	drafts := make([]invoice.Snapshot, workers)
	for i := range drafts {
		drafts[i] = invoiceSnapshot(t, id(i), 1)
	}
	numbers := make([]uint64, workers)
	var wg sync.WaitGroup
	for i := range workers {
		wg.Go(func() {
			err := s.Update(ctx, func(tx billing.Tx) error {
				if _, err := tx.Invoices().Put(ctx, billing.Record[invoice.Snapshot]{ID: id(i), Value: drafts[i]}); err != nil {
					return err
				}
				ev := event(i, collab.Ref{Kind: collab.KindInvoice, ID: id(i)}, time.Duration(i)*time.Minute)
				if err := tx.Events().Append(ctx, ev); err != nil {
					return err
				}
				if err := tx.Marks().Mark(ctx, "charge-"+strconv.Itoa(i), id(i)); err != nil {
					return err
				}
				n, err := tx.Sequence().Next(ctx, "acme/invoice", day)
				if err != nil {
					return err
				}
				if i%2 == 1 {
					return errBoom
				}
				numbers[i] = n
				return nil
			})
			if i%2 == 1 {
				assert.ErrorIs(t, err, errBoom, "worker %d", i)
			} else {
				assert.NoError(t, err, "worker %d", i)
			}
		})
	}
	wg.Wait()

	var kept []string
	var taken []uint64
	for i := 0; i < workers; i += 2 {
		kept = append(kept, id(i))
		taken = append(taken, numbers[i])
	}
	view(t, s, func(tx billing.Tx) error {
		all, err := tx.Invoices().Scan(ctx, "", 0)
		require.NoError(t, err)
		got := make([]string, len(all))
		for i, r := range all {
			got[i] = r.ID
		}
		assert.Equal(t, kept, got, "only the invoices of successful updates")
		for i := range workers {
			_, ok, err := tx.Marks().Marked(ctx, "charge-"+strconv.Itoa(i))
			require.NoError(t, err)
			assert.Equal(t, i%2 == 0, ok, "mark of worker %d", i)
		}
		return nil
	})
	assert.Equal(t, kept, rangeEvents(t, s, billing.EventQuery{}), "only the events of successful updates")
	slices.Sort(taken)
	want := make([]uint64, workers/2)
	for i := range want {
		want[i] = uint64(i + 1)
	}
	assert.Equal(t, want, taken, "failed updates handed their numbers back")
	assert.Equal(t, uint64(workers/2+1), mustNext(t, s, "acme/invoice", day))
}

func testViewConsistent(t *testing.T, s billing.Store) {
	const rounds, readers = 200, 4
	ctx := context.Background()
	k := contracts()
	a, b := id(1), id(2)
	update(t, s, func(tx billing.Tx) error {
		for _, cid := range []string{a, b} {
			if _, err := tx.Contracts().Put(ctx, billing.Record[billing.Contract]{ID: cid, Value: k.value(t, cid, 0)}); err != nil {
				return err
			}
		}
		return nil
	})

	var stop atomic.Bool
	var reads atomic.Int64
	var wg sync.WaitGroup
	for range readers {
		wg.Go(func() {
			for !stop.Load() {
				err := s.View(ctx, func(tx billing.Tx) error {
					ra, err := tx.Contracts().Get(ctx, a)
					if err != nil {
						return err
					}
					both, err := tx.Contracts().Scan(ctx, "", 2)
					if err != nil {
						return err
					}
					if len(both) != 2 || ra.Version != both[1].Version || both[0].Version != both[1].Version ||
						ra.Value.PurchaseOrder != both[1].Value.PurchaseOrder {
						return errors.New("a view saw part of a transaction")
					}
					return nil
				})
				assert.NoError(t, err)
				reads.Add(1)
			}
		})
	}
	defer func() { stop.Store(true); wg.Wait() }() // also when the test fails
	// The readers read while the writer writes: wait until each has read
	// once, and write until they have read again, at least rounds times.
	waitFor(t, func() bool { return reads.Load() >= readers })
	before := reads.Load()
	deadline := time.Now().Add(10 * time.Second)
	for n := 1; n <= rounds || (reads.Load() < before+readers && time.Now().Before(deadline)); n++ {
		update(t, s, func(tx billing.Tx) error {
			for _, cid := range []string{a, b} {
				r, err := tx.Contracts().Get(ctx, cid)
				if err != nil {
					return err
				}
				r.Value.PurchaseOrder = "PO-" + strconv.Itoa(n)
				if _, err := tx.Contracts().Put(ctx, r); err != nil {
					return err
				}
			}
			return nil
		})
	}
	stop.Store(true)
	wg.Wait()
	assert.GreaterOrEqual(t, reads.Load(), before+readers, "the views read while the writer wrote")
}

// waitFor waits until cond holds, for at most 10 seconds.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out waiting")
		}
		time.Sleep(time.Millisecond)
	}
}
