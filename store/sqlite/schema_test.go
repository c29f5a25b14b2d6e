package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/store/sqlite"
)

// migrations returns the versions recorded in the file at path, with the
// number of times each was recorded, and its journal mode.
func migrations(t *testing.T, path string) (map[int]int, string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	require.NoError(t, err)
	defer db.Close()
	rows, err := db.Query(`SELECT version, count(*) FROM schema_migrations GROUP BY version`)
	require.NoError(t, err)
	defer rows.Close()
	got := map[int]int{}
	for rows.Next() {
		var v, n int
		require.NoError(t, rows.Scan(&v, &n))
		got[v] = n
	}
	require.NoError(t, rows.Err())
	var mode string
	require.NoError(t, db.QueryRow(`PRAGMA journal_mode`).Scan(&mode))
	return got, mode
}

func TestOpenConcurrentlyMigratesOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "billing.db")
	const openers = 4
	stores := make([]*sqlite.Store, openers)
	errs := make([]error, openers)
	var wg sync.WaitGroup
	for i := range openers { // as several processes starting at once
		wg.Go(func() { stores[i], errs[i] = sqlite.Open(context.Background(), path) })
	}
	wg.Wait()
	for i, err := range errs {
		require.NoError(t, err, "opener %d", i)
		require.NoError(t, stores[i].Close())
	}
	got, mode := migrations(t, path)
	assert.Equal(t, map[int]int{1: 1, 2: 1, 3: 1}, got, "each migration recorded once")
	assert.Equal(t, "wal", mode)
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "billing.db")
	s, err := sqlite.Open(ctx, path)
	require.NoError(t, err)
	require.NoError(t, s.Update(ctx, func(tx billing.Tx) error {
		c := billing.Contract{Customer: "id:552100554", PurchaseOrder: "PO-1"}
		if _, err := tx.Contracts().Put(ctx, billing.Record[billing.Contract]{ID: "c-1", Value: c}); err != nil {
			return err
		}
		if err := tx.Marks().Mark(ctx, "c-1/l1/2026-03", "i-1"); err != nil {
			return err
		}
		_, err := tx.Sequence().Next(ctx, "F", date.MustParse("2026-03-31"))
		return err
	}))
	require.NoError(t, s.Close())
	assert.ErrorContains(t, s.View(ctx, func(billing.Tx) error { return nil }), "closed")

	s = openAt(t, path)
	require.NoError(t, s.View(ctx, func(tx billing.Tx) error {
		r, err := tx.Contracts().Get(ctx, "c-1")
		require.NoError(t, err)
		assert.Equal(t, uint64(1), r.Version)
		assert.Equal(t, "PO-1", r.Value.PurchaseOrder)
		inv, ok, err := tx.Marks().Marked(ctx, "c-1/l1/2026-03")
		require.NoError(t, err)
		assert.True(t, ok)
		assert.Equal(t, "i-1", inv)
		return nil
	}))
	require.NoError(t, s.Update(ctx, func(tx billing.Tx) error {
		_, err := tx.Sequence().Next(ctx, "F", date.MustParse("2026-03-30"))
		assert.ErrorContains(t, err, "2026-03-31", "the series' last date was kept")
		n, err := tx.Sequence().Next(ctx, "F", date.MustParse("2026-03-31"))
		assert.Equal(t, uint64(2), n, "the series' counter was kept")
		return err
	}))
	got, _ := migrations(t, path)
	assert.Equal(t, map[int]int{1: 1, 2: 1, 3: 1}, got, "reopening runs no migration again")
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "billing.db")
	require.NoError(t, openAt(t, path).Close())
	db, err := sql.Open("sqlite", path)
	require.NoError(t, err)
	_, err = db.Exec(`INSERT INTO schema_migrations (version, applied_at) VALUES (999, 'later')`)
	require.NoError(t, err)
	require.NoError(t, db.Close())
	_, err = sqlite.Open(context.Background(), path)
	assert.ErrorContains(t, err, "schema version 999 is newer")
}

func TestOpenRefusesBadInput(t *testing.T) {
	ctx := context.Background()
	_, err := sqlite.Open(ctx, "")
	assert.ErrorContains(t, err, "path")
	_, err = sqlite.Open(ctx, sqlite.Memory, sqlite.WithMaxConns(0))
	assert.ErrorIs(t, err, billing.ErrConfig)
	assert.ErrorContains(t, err, "max conns")
	_, err = sqlite.Open(ctx, sqlite.Memory, sqlite.WithBusyTimeout(-1))
	assert.ErrorIs(t, err, billing.ErrConfig)
	assert.ErrorContains(t, err, "busy timeout")
	_, err = sqlite.Open(ctx, filepath.Join(t.TempDir(), "missing", "billing.db"))
	assert.Error(t, err, "a directory that does not exist")
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	_, err = sqlite.Open(cancelled, sqlite.Memory)
	assert.ErrorIs(t, err, context.Canceled)
}

func TestMemoryDatabasesArePrivate(t *testing.T) {
	ctx := context.Background()
	a, b := openMemory(t), openMemory(t)
	require.NoError(t, a.Update(ctx, func(tx billing.Tx) error {
		_, err := tx.Contracts().Put(ctx, billing.Record[billing.Contract]{ID: "c-1"})
		return err
	}))
	require.NoError(t, b.View(ctx, func(tx billing.Tx) error {
		_, err := tx.Contracts().Get(ctx, "c-1")
		assert.ErrorIs(t, err, billing.ErrNotFound)
		return nil
	}))
}
