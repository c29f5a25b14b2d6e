package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/quote"
)

// seedMark is the charge key that seed marks.
const seedMark = "contract-1/l1/2026-03"

// seed stores an invoice at version 1, an event, a mark and number 1 of
// series "F": what the rollback tests check a failed transaction left as
// it was.
func seed(t *testing.T, s billing.Store) {
	t.Helper()
	ctx := context.Background()
	update(t, s, func(tx billing.Tx) error {
		_, err := tx.Invoices().Put(ctx, billing.Record[invoice.Snapshot]{ID: id(1), Value: invoiceSnapshot(t, id(1), 1)})
		require.NoError(t, err)
		require.NoError(t, tx.Events().Append(ctx, event(1, collab.Ref{Kind: collab.KindInvoice, ID: id(1)}, 0)))
		require.NoError(t, tx.Marks().Mark(ctx, seedMark, id(1)))
		n, err := tx.Sequence().Next(ctx, "F", day)
		require.NoError(t, err)
		require.Equal(t, uint64(1), n)
		return nil
	})
}

// writeEverything writes to every part of the store in tx: a new record
// in each collection, an update of the seeded invoice, two events, a mark
// and a number. It checks that each write succeeds.
func writeEverything(t *testing.T, tx billing.Tx) {
	t.Helper()
	ctx := context.Background()
	_, err := tx.Quotes().Put(ctx, billing.Record[quote.Snapshot]{ID: id(2), Value: quotes().value(t, id(2), 1)})
	require.NoError(t, err)
	_, err = tx.Contracts().Put(ctx, billing.Record[billing.Contract]{ID: id(2), Value: contracts().value(t, id(2), 1)})
	require.NoError(t, err)
	_, err = tx.Invoices().Put(ctx, billing.Record[invoice.Snapshot]{ID: id(2), Value: invoiceSnapshot(t, id(2), 1)})
	require.NoError(t, err)
	_, err = tx.Invoices().Put(ctx, billing.Record[invoice.Snapshot]{ID: id(1), Version: 1, Value: invoiceSnapshot(t, id(1), 5)})
	require.NoError(t, err)
	_, err = tx.Ledgers().Put(ctx, billing.Record[invoice.LedgerSnapshot]{ID: ledgers().id(2), Value: ledgers().value(t, ledgers().id(2), 1)})
	require.NoError(t, err)
	_, err = tx.Approvals().Put(ctx, billing.Record[billing.ApprovalRequest]{ID: id(2), Value: approvals().value(t, id(2), 1)})
	require.NoError(t, err)
	ref := collab.Ref{Kind: collab.KindInvoice, ID: id(2)}
	require.NoError(t, tx.Events().Append(ctx, event(2, ref, -1), event(3, ref, 1)))
	require.NoError(t, tx.Marks().Mark(ctx, "contract-2/l1/2026-03", id(2)))
	n, err := tx.Sequence().Next(ctx, "F", day.AddDays(5))
	require.NoError(t, err)
	require.Equal(t, uint64(2), n)
}

// assertSeedOnly checks that the store holds what seed stored and nothing
// that writeEverything wrote.
func assertSeedOnly(t *testing.T, s billing.Store) {
	t.Helper()
	ctx := context.Background()
	view(t, s, func(tx billing.Tx) error {
		for name, get := range map[string]func() error{
			"quote":    func() error { _, err := tx.Quotes().Get(ctx, id(2)); return err },
			"contract": func() error { _, err := tx.Contracts().Get(ctx, id(2)); return err },
			"invoice":  func() error { _, err := tx.Invoices().Get(ctx, id(2)); return err },
			"ledger":   func() error { _, err := tx.Ledgers().Get(ctx, ledgers().id(2)); return err },
			"approval": func() error { _, err := tx.Approvals().Get(ctx, id(2)); return err },
		} {
			assert.ErrorIs(t, get(), billing.ErrNotFound, "the %s inserted was rolled back", name)
		}
		inv, err := tx.Invoices().Get(ctx, id(1))
		require.NoError(t, err)
		assert.Equal(t, uint64(1), inv.Version, "the update was rolled back")
		assertSame(t, invoiceSnapshot(t, id(1), 1), inv.Value)
		all, err := tx.Invoices().Scan(ctx, "", 0)
		require.NoError(t, err)
		assert.Len(t, all, 1)

		events, err := tx.Events().Range(ctx, billing.EventQuery{})
		require.NoError(t, err)
		assert.Equal(t, ids(1), eventIDs(events), "the events appended were rolled back")
		events, err = tx.Events().Object(ctx, collab.Ref{Kind: collab.KindInvoice, ID: id(2)}, billing.EventQuery{})
		require.NoError(t, err)
		assert.Empty(t, events)

		_, marked, err := tx.Marks().Marked(ctx, "contract-2/l1/2026-03")
		require.NoError(t, err)
		assert.False(t, marked, "the mark was rolled back")
		inv1, marked, err := tx.Marks().Marked(ctx, seedMark)
		require.NoError(t, err)
		assert.True(t, marked)
		assert.Equal(t, id(1), inv1)
		return nil
	})
	update(t, s, func(tx billing.Tx) error {
		n, err := tx.Sequence().Next(ctx, "F", day) // the rolled back date is not kept either
		require.NoError(t, err)
		assert.Equal(t, uint64(2), n, "the number taken was handed back")
		return nil
	})
}

func testRollbackOnError(t *testing.T, s billing.Store) {
	seed(t, s)
	err := s.Update(context.Background(), func(tx billing.Tx) error {
		writeEverything(t, tx)
		return fmt.Errorf("bill run: %w", errBoom)
	})
	require.ErrorIs(t, err, errBoom, "Update returns fn's error")
	assertSeedOnly(t, s)
}

func testRollbackOnPanic(t *testing.T, s billing.Store) {
	seed(t, s)
	require.PanicsWithValue(t, "boom", func() {
		_ = s.Update(context.Background(), func(tx billing.Tx) error {
			writeEverything(t, tx)
			panic("boom")
		})
	})
	assertSeedOnly(t, s) // also shows that the store is not left locked
}

func testReadOwnWrites(t *testing.T, s billing.Store) {
	seed(t, s)
	ctx := context.Background()
	update(t, s, func(tx billing.Tx) error {
		writeEverything(t, tx)
		inv, err := tx.Invoices().Get(ctx, id(1))
		require.NoError(t, err)
		assert.Equal(t, uint64(2), inv.Version)
		assertSame(t, invoiceSnapshot(t, id(1), 5), inv.Value)
		all, err := tx.Invoices().Scan(ctx, "", 10)
		require.NoError(t, err)
		assert.Len(t, all, 2)
		_, err = tx.Quotes().Get(ctx, id(2))
		assert.NoError(t, err)
		events, err := tx.Events().Object(ctx, collab.Ref{Kind: collab.KindInvoice, ID: id(2)}, billing.EventQuery{})
		require.NoError(t, err)
		assert.Equal(t, ids(2, 3), eventIDs(events))
		inv2, marked, err := tx.Marks().Marked(ctx, "contract-2/l1/2026-03")
		require.NoError(t, err)
		assert.True(t, marked)
		assert.Equal(t, id(2), inv2)
		return nil
	})
}

func testViewReadOnly(t *testing.T, s billing.Store) {
	seed(t, s)
	ctx := context.Background()
	view(t, s, func(tx billing.Tx) error {
		_, err := tx.Quotes().Put(ctx, billing.Record[quote.Snapshot]{ID: id(2), Value: quotes().value(t, id(2), 1)})
		assert.ErrorIs(t, err, billing.ErrReadOnly, "quotes")
		_, err = tx.Contracts().Put(ctx, billing.Record[billing.Contract]{ID: id(2), Value: contracts().value(t, id(2), 1)})
		assert.ErrorIs(t, err, billing.ErrReadOnly, "contracts")
		_, err = tx.Invoices().Put(ctx, billing.Record[invoice.Snapshot]{ID: id(1), Version: 1, Value: invoiceSnapshot(t, id(1), 5)})
		assert.ErrorIs(t, err, billing.ErrReadOnly, "invoices")
		_, err = tx.Ledgers().Put(ctx, billing.Record[invoice.LedgerSnapshot]{ID: ledgers().id(2), Value: ledgers().value(t, ledgers().id(2), 1)})
		assert.ErrorIs(t, err, billing.ErrReadOnly, "ledgers")
		_, err = tx.Approvals().Put(ctx, billing.Record[billing.ApprovalRequest]{ID: id(2), Value: approvals().value(t, id(2), 1)})
		assert.ErrorIs(t, err, billing.ErrReadOnly, "approvals")
		err = tx.Events().Append(ctx, event(2, collab.Ref{Kind: collab.KindInvoice, ID: id(2)}, 0))
		assert.ErrorIs(t, err, billing.ErrReadOnly, "events")
		assert.ErrorIs(t, tx.Marks().Mark(ctx, "contract-2/l1/2026-03", id(2)), billing.ErrReadOnly, "marks")
		_, err = tx.Sequence().Next(ctx, "F", day)
		assert.ErrorIs(t, err, billing.ErrReadOnly, "sequence")

		inv, err := tx.Invoices().Get(ctx, id(1))
		require.NoError(t, err, "reads work")
		assert.Equal(t, uint64(1), inv.Version)
		return nil
	})
	assertSeedOnly(t, s)
}

func testCancelled(t *testing.T, s billing.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	called := false
	err := s.Update(ctx, func(billing.Tx) error { called = true; return nil })
	assert.ErrorIs(t, err, context.Canceled)
	err = s.View(ctx, func(billing.Tx) error { called = true; return nil })
	assert.ErrorIs(t, err, context.Canceled)
	assert.False(t, called, "fn does not run under a cancelled context")
}
