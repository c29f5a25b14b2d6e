package sqlite_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/store/memory"
)

// TestRoundTrip stores in SQLite every value that a quote-to-cash flow
// leaves in the reference memory store, reads each back, and checks that
// it is deeply equal to what was written: not only equal as JSON, which
// would hide a lost decimal exponent, a changed time zone or a nil slice
// that became empty.
func TestRoundTrip(t *testing.T) {
	ctx := context.Background()
	mem := memory.NewStore()
	quoteToCash(t, mem)
	s := openMemory(t)

	counts := map[string]int{
		"quotes":    roundTrip(t, mem, s, billing.Tx.Quotes),
		"contracts": roundTrip(t, mem, s, billing.Tx.Contracts),
		"invoices":  roundTrip(t, mem, s, billing.Tx.Invoices),
		"ledgers":   roundTrip(t, mem, s, billing.Tx.Ledgers),
		"approvals": roundTrip(t, mem, s, billing.Tx.Approvals),
	}
	assert.Equal(t, map[string]int{"quotes": 1, "contracts": 1, "invoices": 2, "ledgers": 1, "approvals": 2}, counts)

	var events []billing.Event
	require.NoError(t, mem.View(ctx, func(tx billing.Tx) error {
		var err error
		events, err = tx.Events().Range(ctx, billing.EventQuery{})
		return err
	}))
	require.NotEmpty(t, events)
	require.NoError(t, s.Update(ctx, func(tx billing.Tx) error { return tx.Events().Append(ctx, events...) }))
	require.NoError(t, s.View(ctx, func(tx billing.Tx) error {
		got, err := tx.Events().Range(ctx, billing.EventQuery{})
		require.NoError(t, err)
		assert.Empty(t, differences(events, got), "events read back as appended")
		return nil
	}))
}

// roundTrip copies every record of one collection from src to dst and
// checks that each reads back deeply equal. It returns how many it
// copied.
func roundTrip[T any](t *testing.T, src, dst billing.Store, of func(billing.Tx) billing.Collection[T]) int {
	t.Helper()
	ctx := context.Background()
	var all []billing.Record[T]
	require.NoError(t, src.View(ctx, func(tx billing.Tx) error {
		var err error
		all, err = of(tx).Scan(ctx, "", 0)
		return err
	}))
	for _, r := range all {
		require.NoError(t, dst.Update(ctx, func(tx billing.Tx) error {
			_, err := of(tx).Put(ctx, billing.Record[T]{ID: r.ID, Value: r.Value})
			return err
		}))
		require.NoError(t, dst.View(ctx, func(tx billing.Tx) error {
			got, err := of(tx).Get(ctx, r.ID)
			require.NoError(t, err)
			assert.Empty(t, differences(r.Value, got.Value), "%T %s reads back as written", r.Value, r.ID)
			return nil
		}))
	}
	return len(all)
}

// TestRoundTripLosses pins down what JSON does not keep, which the Store
// documents: an empty slice or map in a field tagged omitempty reads back
// as nil, and a time keeps its instant and offset but not its named
// location. Decimals keep their value, whatever their exponent.
func TestRoundTripLosses(t *testing.T) {
	ctx := context.Background()
	s := openMemory(t)
	paris, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)
	req := billing.ApprovalRequest{ID: "a-1", Kind: billing.ApprovalInvoice, Summary: "Invoice",
		Amount:      money.MustParse("1234.567890123456789 EUR"),
		RequestedAt: time.Date(2026, 3, 2, 10, 0, 0, 123456789, paris), Status: billing.ApprovalPending,
		Steps: []billing.ApprovalStep{}, Data: map[string]string{}}
	ev := billing.Event{ID: "e-1", At: time.Date(2026, 3, 2, 9, 0, 0, 1, time.UTC), Changes: []billing.Change{},
		Object: collab.Ref{Kind: collab.KindInvoice, ID: "i-1"}}
	require.NoError(t, s.Update(ctx, func(tx billing.Tx) error {
		if _, err := tx.Approvals().Put(ctx, billing.Record[billing.ApprovalRequest]{ID: req.ID, Value: req}); err != nil {
			return err
		}
		return tx.Events().Append(ctx, ev)
	}))
	require.NoError(t, s.View(ctx, func(tx billing.Tx) error {
		got, err := tx.Approvals().Get(ctx, req.ID)
		require.NoError(t, err)
		diffs := differences(req, got.Value)
		require.Len(t, diffs, 2, "Steps is not omitempty: [] stays []")
		assert.True(t, strings.HasPrefix(diffs[0], ".RequestedAt: location Europe/Paris read back as "), diffs[0])
		assert.Equal(t, ".Data: nil false (len 0) read back as nil true (len 0)", diffs[1])
		assert.True(t, got.Value.RequestedAt.Equal(req.RequestedAt), "the instant is kept to the nanosecond")
		assert.True(t, got.Value.Amount.Equal(req.Amount), "every digit of an amount is kept")
		events, err := tx.Events().Range(ctx, billing.EventQuery{})
		require.NoError(t, err)
		require.Len(t, events, 1)
		assert.Equal(t, []string{"[0].Changes: nil false (len 0) read back as nil true (len 0)"},
			differences([]billing.Event{ev}, events))
		return nil
	}))
}
