package storetest

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
)

// marked returns what the store says of key.
func marked(t *testing.T, s billing.Store, key string) (string, bool) {
	t.Helper()
	var (
		invoiceID string
		ok        bool
	)
	view(t, s, func(tx billing.Tx) error {
		var err error
		invoiceID, ok, err = tx.Marks().Marked(context.Background(), key)
		return err
	})
	return invoiceID, ok
}

func testMarks(t *testing.T, s billing.Store) {
	const key, other = "contract-1/l1/2026-03", "contract-1/l1/2026-04"
	got, ok := marked(t, s, key)
	assert.False(t, ok)
	assert.Empty(t, got)

	update(t, s, func(tx billing.Tx) error { return tx.Marks().Mark(context.Background(), key, id(1)) })
	got, ok = marked(t, s, key)
	assert.True(t, ok)
	assert.Equal(t, id(1), got)

	update(t, s, func(tx billing.Tx) error {
		for _, invoiceID := range []string{id(1), id(2)} { // the same invoice again, or another
			err := tx.Marks().Mark(context.Background(), key, invoiceID)
			var conflict *billing.ConflictError
			require.ErrorAs(t, err, &conflict, "marking %s again", key)
			assert.ErrorIs(t, err, billing.ErrConflict)
			assert.Equal(t, key, conflict.ID)
		}
		return tx.Marks().Mark(context.Background(), other, id(3))
	})
	got, ok = marked(t, s, key)
	assert.True(t, ok)
	assert.Equal(t, id(1), got, "the first mark stands")
	got, ok = marked(t, s, other)
	assert.True(t, ok)
	assert.Equal(t, id(3), got)
}

func testMarksRollback(t *testing.T, s billing.Store) {
	const key = "contract-1/l1/2026-03"
	err := s.Update(context.Background(), func(tx billing.Tx) error {
		require.NoError(t, tx.Marks().Mark(context.Background(), key, id(1)))
		return errBoom
	})
	require.ErrorIs(t, err, errBoom)
	_, ok := marked(t, s, key)
	assert.False(t, ok)
	update(t, s, func(tx billing.Tx) error { return tx.Marks().Mark(context.Background(), key, id(2)) })
	got, ok := marked(t, s, key)
	assert.True(t, ok)
	assert.Equal(t, id(2), got, "the key can be marked again")
}

func testMarkAll(t *testing.T, s billing.Store) {
	ctx := context.Background()
	keys := []string{"c-1/l1/2026-03", "c-1/l1/2026-04", "c-2/l1/2026-03"}
	update(t, s, func(tx billing.Tx) error { return tx.Marks().Mark(ctx, keys[0], id(1)) })

	update(t, s, func(tx billing.Tx) error {
		// A key marked already, or given twice, refuses the whole call,
		// and the transaction goes on.
		for _, batch := range [][]billing.Mark{
			{{Key: keys[1], InvoiceID: id(2)}, {Key: keys[0], InvoiceID: id(2)}},
			{{Key: keys[1], InvoiceID: id(2)}, {Key: keys[1], InvoiceID: id(3)}},
		} {
			err := tx.Marks().MarkAll(ctx, batch)
			var conflict *billing.ConflictError
			require.ErrorAs(t, err, &conflict)
			assert.Equal(t, "mark", conflict.Kind)
			got, err := tx.Marks().MarkedAmong(ctx, keys)
			require.NoError(t, err)
			assert.Equal(t, map[string]string{keys[0]: id(1)}, got, "nothing of the refused call is marked")
		}
		return tx.Marks().MarkAll(ctx, []billing.Mark{{Key: keys[1], InvoiceID: id(2)}, {Key: keys[2], InvoiceID: id(3)}})
	})
	view(t, s, func(tx billing.Tx) error {
		got, err := tx.Marks().MarkedAmong(ctx, append(keys, "c-9/never"))
		require.NoError(t, err)
		assert.Equal(t, map[string]string{keys[0]: id(1), keys[1]: id(2), keys[2]: id(3)}, got)
		got, err = tx.Marks().MarkedAmong(ctx, nil)
		require.NoError(t, err)
		assert.Empty(t, got)
		return nil
	})

	// MarkAll rolls back with its transaction.
	err := s.Update(ctx, func(tx billing.Tx) error {
		require.NoError(t, tx.Marks().MarkAll(ctx, []billing.Mark{{Key: "c-3/l1/2026-03", InvoiceID: id(4)}}))
		return errBoom
	})
	require.ErrorIs(t, err, errBoom)
	_, ok := marked(t, s, "c-3/l1/2026-03")
	assert.False(t, ok)

	// A view refuses to mark.
	err = s.View(ctx, func(tx billing.Tx) error {
		return tx.Marks().MarkAll(ctx, []billing.Mark{{Key: "c-4/l1/2026-03", InvoiceID: id(5)}})
	})
	assert.ErrorIs(t, err, billing.ErrReadOnly)
}
