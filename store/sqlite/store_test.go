package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/store/sqlite"
	"github.com/billkit/billkit/store/storetest"
)

func TestStoreFile(t *testing.T) {
	storetest.Run(t, func(t *testing.T) billing.Store { return openFile(t) })
}

func TestStoreMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T) billing.Store { return openMemory(t) })
}

// openFile opens a new database file in the test's temporary directory.
func openFile(t testing.TB) *sqlite.Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "billing.db"))
}

// openAt opens the database at path, closed when the test ends.
func openAt(t testing.TB, path string, opts ...sqlite.Option) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path, opts...)
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, s.Close()) })
	return s
}

// openMemory opens a new private in-memory database.
func openMemory(t testing.TB) *sqlite.Store {
	t.Helper()
	return openAt(t, sqlite.Memory)
}

// TestEngine runs the engine suite with two stores over one database
// file, as two processes sharing it.
func TestEngine(t *testing.T) {
	storetest.RunEngine(t, func(t *testing.T) (billing.Store, billing.Store) {
		path := filepath.Join(t.TempDir(), "billing.db")
		return openAt(t, path), openAt(t, path)
	})
}
