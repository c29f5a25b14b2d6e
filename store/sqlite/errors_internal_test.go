package sqlite

import (
	"context"
	"database/sql"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
