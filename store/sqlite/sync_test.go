package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
)

// Commits to a file wait for the disk unless the host says otherwise:
// SQLite's synchronous is FULL (2) by default, NORMAL (1) on request.
func TestSync(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		opts []Option
		want int
	}{{nil, 2}, {[]Option{WithSync(SyncFull)}, 2}, {[]Option{WithSync(SyncNormal)}, 1}} {
		s, err := Open(ctx, filepath.Join(t.TempDir(), "billing.db"), tc.opts...)
		require.NoError(t, err)
		var got int
		require.NoError(t, s.db.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&got))
		assert.Equal(t, tc.want, got)
		require.NoError(t, s.Close())
	}
	_, err := Open(ctx, Memory, WithSync(Sync(7)))
	assert.ErrorIs(t, err, billing.ErrConfig)
	assert.ErrorContains(t, err, "sync")
}
