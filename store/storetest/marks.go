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
