package storetest_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/store/memory"
	"github.com/billkit/billkit/store/storetest"
)

// mark writes one mark in an Update of st, and reports whether fn ran.
func mark(st billing.Store, key string) (ran bool, err error) {
	err = st.Update(context.Background(), func(tx billing.Tx) error {
		ran = true
		return tx.Marks().Mark(context.Background(), key, "invoice")
	})
	return ran, err
}

// isMarked reads key in st.
func isMarked(t *testing.T, st billing.Store, key string) bool {
	t.Helper()
	var ok bool
	require.NoError(t, st.View(context.Background(), func(tx billing.Tx) error {
		var err error
		_, ok, err = tx.Marks().Marked(context.Background(), key)
		return err
	}))
	return ok
}

func TestFaultKinds(t *testing.T) {
	for _, tt := range []struct {
		kind    storetest.Fault
		ran     bool
		unknown bool // an *OutcomeUnknownError, else an *UnavailableError
		kept    bool
	}{
		{storetest.FaultBegin, false, false, false},
		{storetest.FaultStatement, true, false, false},
		{storetest.FaultCommitLost, true, true, false},
		{storetest.FaultCommitKept, true, true, true},
	} {
		t.Run(tt.kind.String(), func(t *testing.T) {
			inner := memory.NewStore()
			faults := storetest.NewFaults(1, 7, tt.kind)
			ran, err := mark(faults.Wrap(inner), "k")
			assert.Equal(t, tt.ran, ran, "fn ran")
			require.ErrorIs(t, err, storetest.ErrInjected)
			require.ErrorIs(t, err, billing.ErrUnavailable)
			var unknown *billing.OutcomeUnknownError
			assert.Equal(t, tt.unknown, errors.As(err, &unknown), "%v", err)
			assert.Equal(t, tt.kept, isMarked(t, inner, "k"), "kept")
			assert.Equal(t, 1, faults.Injected(tt.kind))
		})
	}
}

// A failed call fails the transaction even when fn ignores it, as a
// database refuses to commit a transaction whose statement failed.
func TestFaultyStatementFailsTheTransaction(t *testing.T) {
	ctx := context.Background()
	inner := memory.NewStore()
	st := storetest.NewFaults(1, 1, storetest.FaultStatement).Wrap(inner)
	var calls []error
	err := st.Update(ctx, func(tx billing.Tx) error {
		for i := range 10 {
			calls = append(calls, tx.Marks().Mark(ctx, "k"+string(rune('0'+i)), "invoice"))
		}
		return nil // ignore them
	})
	require.ErrorIs(t, err, billing.ErrUnavailable)
	failed := 0
	for _, e := range calls {
		if e != nil {
			failed++
			assert.ErrorIs(t, e, storetest.ErrInjected)
		} else {
			assert.Zero(t, failed, "a call after a failed one succeeded")
		}
	}
	assert.Positive(t, failed)
	for i := range 10 {
		assert.False(t, isMarked(t, inner, "k"+string(rune('0'+i))), "nothing is kept")
	}
}

func TestFaultsRate(t *testing.T) {
	count := func(rate float64, seed uint64) int {
		st := storetest.Faulty(memory.NewStore(), rate, seed)
		failed := 0
		for range 200 {
			if _, err := mark(st, billing.NewID().String()); err != nil {
				failed++
			}
		}
		return failed
	}
	assert.Zero(t, count(0, 1), "rate 0 fails nothing")
	assert.Equal(t, 200, count(1, 1), "rate 1 fails everything")
	some := count(0.3, 1)
	assert.InDelta(t, 60, some, 25, "about a fraction rate of the transactions fail")
	assert.Equal(t, some, count(0.3, 1), "the same seed fails the same transactions")
}

func TestFaultsOutage(t *testing.T) {
	faults := storetest.NewFaults(0, 1)
	st := faults.Wrap(memory.NewStore())
	faults.Outage(100 * time.Millisecond)
	_, err := mark(st, "during")
	require.ErrorIs(t, err, billing.ErrUnavailable)
	time.Sleep(150 * time.Millisecond)
	_, err = mark(st, "after")
	require.NoError(t, err)
	assert.Equal(t, 1, faults.Injected(storetest.FaultBegin))
}

// claimer is a memory store that implements billing.Claimer, granting
// every claim but those of the key "held".
type claimer struct{ *memory.Store }

func (c claimer) Claim(ctx context.Context, key string, fn func(billing.Tx) error) (bool, error) {
	if key == "held" {
		return false, nil
	}
	return true, c.Update(ctx, fn)
}

func (c claimer) ClaimEach(ctx context.Context, keys []string, fn func(billing.Tx, []bool) error) error {
	return c.Update(ctx, func(tx billing.Tx) error {
		claimed := make([]bool, len(keys))
		for i, k := range keys {
			claimed[i] = k != "held"
		}
		return fn(tx, claimed)
	})
}

// The wrapped store offers what the store offers, so that the engine
// takes the same paths through it.
func TestFaultyStoreKeepsCapabilities(t *testing.T) {
	ctx := context.Background()
	plain := storetest.Faulty(memory.NewStore(), 0, 1)
	_, ok := plain.(billing.Claimer)
	assert.False(t, ok, "a store that does not claim")
	require.NoError(t, plain.View(ctx, func(tx billing.Tx) error {
		_, ok := tx.Invoices().(billing.BatchGetter[invoice.Snapshot])
		assert.True(t, ok)
		_, ok = tx.Contracts().(billing.SharedScanner[billing.Contract])
		assert.True(t, ok)
		_, ok = tx.Invoices().(billing.BatchInserter[invoice.Snapshot])
		assert.False(t, ok, "memory inserts one by one")
		return nil
	}))

	shared := storetest.Faulty(claimer{memory.NewStore()}, 0, 1)
	cl, ok := shared.(billing.Claimer)
	require.True(t, ok, "a store that claims")
	ran, err := cl.Claim(ctx, "held", func(billing.Tx) error { return nil })
	require.NoError(t, err)
	assert.False(t, ran)
	var got []bool
	require.NoError(t, cl.ClaimEach(ctx, []string{"a", "held", "b"}, func(tx billing.Tx, claimed []bool) error {
		got = claimed
		return tx.Marks().Mark(ctx, "a", "invoice")
	}))
	assert.Equal(t, []bool{true, false, true}, got)
}
