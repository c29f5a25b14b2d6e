package memory_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/store/memory"
	"github.com/billkit/billkit/store/storetest"
	"github.com/billkit/billkit/validation"
)

func TestStore(t *testing.T) {
	storetest.Run(t, func(*testing.T) billing.Store { return memory.NewStore() })
}

func TestStoreRefusesEmptyKeys(t *testing.T) {
	ctx := context.Background()
	s := memory.NewStore()
	err := s.Update(ctx, func(tx billing.Tx) error {
		_, err := tx.Contracts().Put(ctx, billing.Record[billing.Contract]{})
		assert.ErrorIs(t, err, validation.ErrInvalid, "a record without an ID")
		err = tx.Events().Append(ctx, billing.Event{At: time.Now()})
		assert.ErrorIs(t, err, validation.ErrInvalid, "an event without an ID")
		assert.ErrorIs(t, tx.Marks().Mark(ctx, "", "inv-1"), validation.ErrInvalid, "a mark without a key")
		_, err = tx.Sequence().Next(ctx, "F", date.Date{})
		assert.ErrorIs(t, err, validation.ErrInvalid, "a number without a date")
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, 0, count(t, s), "nothing was written")
}

func TestStoreTxEndsWithItsFunction(t *testing.T) {
	ctx := context.Background()
	s := memory.NewStore()
	var kept billing.Tx
	require.NoError(t, s.Update(ctx, func(tx billing.Tx) error { kept = tx; return nil }))
	_, err := kept.Contracts().Put(ctx, billing.Record[billing.Contract]{ID: "c-1"})
	assert.Error(t, err, "a transaction cannot be used once its function returned")
	_, err = kept.Contracts().Get(ctx, "c-1")
	assert.Error(t, err)
	assert.NotErrorIs(t, err, billing.ErrNotFound)
}

func TestStoreCancelledInsideTransaction(t *testing.T) {
	s := memory.NewStore()
	ctx, cancel := context.WithCancel(context.Background())
	err := s.Update(ctx, func(tx billing.Tx) error {
		if _, err := tx.Contracts().Put(ctx, billing.Record[billing.Contract]{ID: "c-1"}); err != nil {
			return err
		}
		cancel()
		_, err := tx.Contracts().Put(ctx, billing.Record[billing.Contract]{ID: "c-2"})
		return err
	})
	require.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, 0, count(t, s), "the write before the cancellation was rolled back")
}

// count returns the number of contracts and events stored.
func count(t *testing.T, s *memory.Store) int {
	t.Helper()
	n := 0
	ctx := context.Background()
	require.NoError(t, s.View(ctx, func(tx billing.Tx) error {
		all, err := tx.Contracts().Scan(ctx, "", 0)
		n += len(all)
		events, err2 := tx.Events().Range(ctx, billing.EventQuery{})
		n += len(events)
		return errors.Join(err, err2)
	}))
	return n
}

var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func TestEngine(t *testing.T) {
	storetest.RunEngine(t, func(*testing.T) (billing.Store, billing.Store) {
		s := memory.NewStore()
		return s, s
	})
}
