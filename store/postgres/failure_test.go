package postgres_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/store/postgres"
)

// injecting opens a store whose marks table fails on the key "explode"
// and sleeps ten seconds on the key "slow", as a failing or hanging
// statement would.
func injecting(t *testing.T) (*postgres.Store, string) {
	t.Helper()
	schema := newSchema(t)
	st := openOn(t, schema)
	s := pgx.Identifier{schema}.Sanitize()
	_, err := admin.Exec(context.Background(), `
CREATE FUNCTION `+s+`.inject() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.key = 'explode' THEN RAISE EXCEPTION 'injected failure'; END IF;
	IF NEW.key = 'slow' THEN PERFORM pg_sleep(10); END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER inject BEFORE INSERT ON `+s+`.marks FOR EACH ROW EXECUTE FUNCTION `+s+`.inject();`)
	require.NoError(t, err)
	return st, schema
}

// writeAll writes to every part of the store in tx: an invoice, a
// ledger, two events, a mark and a number.
func writeAll(t *testing.T, ctx context.Context, tx billing.Tx) {
	t.Helper()
	inv, err := invoice.NewDraft(billing.NewID(), document(3))
	require.NoError(t, err)
	_, err = tx.Invoices().Put(ctx, billing.Record[invoice.Snapshot]{ID: inv.ID().String(), Value: inv.Snapshot()})
	require.NoError(t, err)
	_, err = tx.Ledgers().Put(ctx, billing.Record[invoice.LedgerSnapshot]{ID: "id:552100554/EUR",
		Value: invoice.LedgerSnapshot{Customer: "id:552100554"}})
	require.NoError(t, err)
	ref := collab.Ref{Kind: collab.KindInvoice, ID: inv.ID().String()}
	require.NoError(t, tx.Events().Append(ctx,
		billing.Event{ID: billing.NewID().String(), At: time.Now(), Actor: accountant, Object: ref, Action: billing.ActionInvoiceCreated, Version: 1},
		billing.Event{ID: billing.NewID().String(), At: time.Now(), Actor: accountant, Object: ref, Action: billing.ActionInvoiceIssued, Version: 2}))
	require.NoError(t, tx.Marks().Mark(ctx, "contract/l1/2026-03", inv.ID().String()))
	n, err := tx.Sequence().Next(ctx, "invoice/2026", date.MustParse("2026-03-02"))
	require.NoError(t, err)
	require.Equal(t, uint64(1), n)
}

// assertEmpty checks that no table of schema holds a row.
func assertEmpty(t *testing.T, schema string) {
	t.Helper()
	for _, table := range []string{"quotes", "contracts", "invoices", "ledgers", "approvals", "events", "marks", "sequences"} {
		var n int
		err := admin.QueryRow(context.Background(), "SELECT count(*) FROM "+pgx.Identifier{schema, table}.Sanitize()).Scan(&n)
		require.NoError(t, err)
		assert.Zero(t, n, "rows left in %s", table)
	}
}

func TestFailureInjection(t *testing.T) {
	needDB(t)
	t.Run("fn fails after writing everywhere", func(t *testing.T) {
		st, schema := injecting(t)
		errFn := errors.New("fn failed")
		err := st.Update(context.Background(), func(tx billing.Tx) error {
			writeAll(t, context.Background(), tx)
			return errFn
		})
		assert.ErrorIs(t, err, errFn)
		assertEmpty(t, schema)
	})

	t.Run("a failing statement fails the transaction even when ignored", func(t *testing.T) {
		st, schema := injecting(t)
		ctx := context.Background()
		var markErr error
		err := st.Update(ctx, func(tx billing.Tx) error {
			writeAll(t, ctx, tx)
			markErr = tx.Marks().Mark(ctx, "explode", billing.NewID().String())
			_, _, later := tx.Marks().Marked(ctx, "contract/l1/2026-03")
			assert.Error(t, later, "nothing runs after a failed statement")
			return nil // ignore the failure
		})
		var pg *pgconn.PgError
		require.ErrorAs(t, markErr, &pg)
		assert.Contains(t, pg.Message, "injected failure")
		assert.ErrorAs(t, err, &pg, "Update reports the failure instead of committing")
		assertEmpty(t, schema)
	})

	t.Run("a context cancelled during a statement", func(t *testing.T) {
		st, schema := injecting(t)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		start := time.Now()
		err := st.Update(ctx, func(tx billing.Tx) error {
			writeAll(t, ctx, tx)
			time.AfterFunc(200*time.Millisecond, cancel)
			return tx.Marks().Mark(ctx, "slow", billing.NewID().String())
		})
		assert.ErrorIs(t, err, context.Canceled)
		assert.Less(t, time.Since(start), 8*time.Second, "the statement was cancelled, not waited for")
		assertEmpty(t, schema)
		require.NoError(t, st.Update(context.Background(), func(tx billing.Tx) error {
			writeAll(t, context.Background(), tx)
			return nil
		}), "the store works on")
	})

	t.Run("a context cancelled between statements", func(t *testing.T) {
		st, schema := injecting(t)
		ctx, cancel := context.WithCancel(context.Background())
		err := st.Update(ctx, func(tx billing.Tx) error {
			writeAll(t, ctx, tx)
			cancel()
			return nil
		})
		assert.ErrorIs(t, err, context.Canceled)
		assertEmpty(t, schema)
	})

	t.Run("a connection lost during a transaction", func(t *testing.T) {
		st, schema := injecting(t)
		ctx := context.Background()
		go func() {
			// Terminate the backend sleeping in this schema's trigger.
			for range 100 {
				time.Sleep(50 * time.Millisecond)
				var n int
				err := admin.QueryRow(ctx, `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
					WHERE pid <> pg_backend_pid() AND state = 'active' AND query LIKE '%' || $1 || '%marks%'`, schema).Scan(&n)
				if err != nil || n > 0 {
					return
				}
			}
		}()
		err := st.Update(ctx, func(tx billing.Tx) error {
			writeAll(t, ctx, tx)
			return tx.Marks().Mark(ctx, "slow", billing.NewID().String())
		})
		assert.Error(t, err)
		assertEmpty(t, schema)
		require.NoError(t, st.Update(ctx, func(tx billing.Tx) error {
			writeAll(t, ctx, tx)
			return nil
		}), "the pool replaces the lost connection")
	})
}
