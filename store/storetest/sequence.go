package storetest

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
)

// next takes the next number of series for a document issued on the
// given day, in its own Update.
func next(t *testing.T, s billing.Store, series string, on date.Date) (uint64, error) {
	t.Helper()
	var n uint64
	err := s.Update(context.Background(), func(tx billing.Tx) error {
		var err error
		n, err = tx.Sequence().Next(context.Background(), series, on)
		return err
	})
	return n, err
}

// mustNext is next when it must succeed.
func mustNext(t *testing.T, s billing.Store, series string, on date.Date) uint64 {
	t.Helper()
	n, err := next(t, s, series, on)
	require.NoError(t, err)
	return n
}

func testSequenceGapless(t *testing.T, s billing.Store) {
	var got []uint64
	update(t, s, func(tx billing.Tx) error {
		for range 3 {
			n, err := tx.Sequence().Next(context.Background(), "acme/invoice/2026", day)
			require.NoError(t, err)
			got = append(got, n)
		}
		return nil
	})
	assert.Equal(t, []uint64{1, 2, 3}, got)
	assert.Equal(t, uint64(4), mustNext(t, s, "acme/invoice/2026", day))
	assert.Equal(t, uint64(1), mustNext(t, s, "acme/credit/2026", day), "each series counts on its own")
	assert.Equal(t, uint64(5), mustNext(t, s, "acme/invoice/2026", day.AddDays(1)))
}

func testSequenceChronological(t *testing.T, s billing.Store) {
	const series = "acme/invoice"
	assert.Equal(t, uint64(1), mustNext(t, s, series, day))

	update(t, s, func(tx billing.Tx) error {
		_, err := tx.Sequence().Next(context.Background(), series, day.AddDays(-1))
		var chrono *invoice.ChronologyError
		require.ErrorAs(t, err, &chrono)
		assert.ErrorIs(t, err, invoice.ErrChronology)
		assert.Equal(t, invoice.ChronologyError{Series: series, Last: day, Date: day.AddDays(-1)}, *chrono)
		return nil // commit: the refused number was not consumed
	})
	assert.Equal(t, uint64(2), mustNext(t, s, series, day), "the same day is not earlier")
	assert.Equal(t, uint64(3), mustNext(t, s, series, day.AddDays(3)))
	_, err := next(t, s, series, day.AddDays(2))
	assert.ErrorIs(t, err, invoice.ErrChronology)
	assert.Equal(t, uint64(4), mustNext(t, s, series, day.AddDays(3)))
}

func testSequenceRollback(t *testing.T, s billing.Store) {
	const series = "acme/invoice"
	assert.Equal(t, uint64(1), mustNext(t, s, series, day))
	err := s.Update(context.Background(), func(tx billing.Tx) error {
		n, err := tx.Sequence().Next(context.Background(), series, day.AddDays(10))
		require.NoError(t, err)
		require.Equal(t, uint64(2), n)
		return errBoom // saving the issued invoice failed
	})
	require.ErrorIs(t, err, errBoom)
	assert.Equal(t, uint64(2), mustNext(t, s, series, day.AddDays(5)),
		"the number and the date of the rolled back transaction are handed back")
}
