package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/billkit/billkit/billing"
)

func TestDBErrorMapsDuplicatesToConflict(t *testing.T) {
	ctx := context.Background()
	db, err := sql.Open("sqlite", ":memory:")
	require.NoError(t, err)
	defer db.Close()
	db.SetMaxOpenConns(1)
	_, err = db.Exec(`CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER UNIQUE, m INTEGER NOT NULL)`)
	require.NoError(t, err)
	_, err = db.Exec(`INSERT INTO t VALUES ('a', 1, 1)`)
	require.NoError(t, err)

	_, err = db.Exec(`INSERT INTO t VALUES ('a', 2, 1)`)
	assert.ErrorIs(t, dbError(ctx, "insert", err), billing.ErrConflict, "a primary key taken")
	_, err = db.Exec(`INSERT INTO t VALUES ('b', 1, 1)`)
	assert.ErrorIs(t, dbError(ctx, "insert", err), billing.ErrConflict, "a unique column taken")
	_, err = db.Exec(`INSERT INTO t VALUES ('c', 3, NULL)`)
	mapped := dbError(ctx, "insert", err)
	assert.NotErrorIs(t, mapped, billing.ErrConflict, "another constraint is no conflict")
	assert.ErrorContains(t, mapped, "sqlite: insert: ")

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	assert.ErrorIs(t, dbError(cancelled, "insert", err), context.Canceled, "an interrupted statement reports its context")
}

func TestUnavailableCodes(t *testing.T) {
	for _, tt := range []struct {
		name        string
		code        int
		unavailable bool
	}{
		{"disk I/O error", sqlite3.SQLITE_IOERR, true},
		{"fsync failed", sqlite3.SQLITE_IOERR_FSYNC, true},
		{"disk full", sqlite3.SQLITE_FULL, true},
		{"cannot open", sqlite3.SQLITE_CANTOPEN, true},
		{"locking protocol", sqlite3.SQLITE_PROTOCOL, true},
		{"busy", sqlite3.SQLITE_BUSY, false},
		{"constraint", sqlite3.SQLITE_CONSTRAINT_UNIQUE, false},
		{"corrupt", sqlite3.SQLITE_CORRUPT, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.unavailable, unavailableCode(tt.code))
		})
	}
}

// A database that cannot grow (here, beyond the largest size set for
// it, as a full disk) fails the transaction with a
// *billing.UnavailableError that keeps SQLite's error, and keeps nothing
// of it.
func TestFullDatabaseIsUnavailable(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "billing.db"), WithMaxConns(1))
	require.NoError(t, err)
	defer s.Close()
	var pages int
	require.NoError(t, s.db.QueryRowContext(ctx, "PRAGMA page_count").Scan(&pages))
	_, err = s.db.ExecContext(ctx, "PRAGMA max_page_count = "+strconv.Itoa(pages+2))
	require.NoError(t, err)

	err = s.Update(ctx, func(tx billing.Tx) error {
		for i := range 200 {
			if err := tx.Marks().Mark(ctx, fmt.Sprintf("contract/%03d/%s", i, strings.Repeat("x", 200)), "inv"); err != nil {
				return err
			}
		}
		return nil
	})
	require.ErrorIs(t, err, billing.ErrUnavailable)
	var u *billing.UnavailableError
	require.ErrorAs(t, err, &u)
	var e *sqlite.Error
	require.ErrorAs(t, err, &e, "SQLite's error stays reachable")
	assert.Equal(t, sqlite3.SQLITE_FULL, e.Code())
	require.NoError(t, s.View(ctx, func(tx billing.Tx) error {
		_, ok, err := tx.Marks().Marked(ctx, fmt.Sprintf("contract/000/%s", strings.Repeat("x", 200)))
		assert.False(t, ok, "nothing of the transaction was kept")
		return err
	}))
}
