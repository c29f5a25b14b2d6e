package postgres_test

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/collab/collabtest"
)

func TestCollabStore(t *testing.T) {
	// The suite's tests run one at a time, each on an empty store: one
	// schema, emptied before each, spares a migration per test.
	st := openStore(t)
	var tables []string
	for _, name := range []string{"threads", "messages", "reactions", "follows", "preferences", "digests", "polls",
		"ballots", "tasks", "attachments"} {
		tables = append(tables, pgx.Identifier{st.Schema(), "collab_" + name}.Sanitize())
	}
	empty := "TRUNCATE " + strings.Join(tables, ", ")
	collabtest.RunStoreTests(t, func(t *testing.T) collab.Store {
		_, err := admin.Exec(context.Background(), empty)
		require.NoError(t, err)
		return st.Collab()
	})
}
