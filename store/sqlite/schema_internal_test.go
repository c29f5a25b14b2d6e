package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
)

// TestOpenMigratesOlderSchema makes a file with the first version of the
// schema only, as an older billkit left it, and checks that Open applies
// the later steps once and keeps the data.
func TestOpenMigratesOlderSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "billing.db")
	db, err := sql.Open("sqlite", "file:"+path+"?_txlock=immediate")
	require.NoError(t, err)
	require.NoError(t, migrate(ctx, db, migrations[:1], time.Second))
	_, err = db.Exec(`INSERT INTO contracts (id, version, value) VALUES ('c-1', 3, '{"customer":"id:552100554"}')`)
	require.NoError(t, err)
	require.NoError(t, db.Close())

	s, err := Open(ctx, path)
	require.NoError(t, err)
	defer s.Close()
	require.NoError(t, s.View(ctx, func(tx billing.Tx) error {
		r, err := tx.Contracts().Get(ctx, "c-1")
		require.NoError(t, err)
		assert.Equal(t, uint64(3), r.Version)
		assert.Equal(t, "id:552100554", r.Value.Customer)
		return nil
	}))
	_, err = s.Collab().Follow(ctx, "u-a", collab.Ref{Kind: collab.KindInvoice, ID: "i-1"})
	require.NoError(t, err, "the collab tables were created")

	var versions []int
	rows, err := s.db.QueryContext(ctx, `SELECT version FROM schema_migrations ORDER BY version`)
	require.NoError(t, err)
	defer rows.Close()
	for rows.Next() {
		var v int
		require.NoError(t, rows.Scan(&v))
		versions = append(versions, v)
	}
	assert.Equal(t, []int{1, 2, 3}, versions)
}
