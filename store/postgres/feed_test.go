package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
)

func TestFollowReportsALostConnection(t *testing.T) {
	st := openStore(t)
	done := make(chan error, 1)
	go func() { done <- st.Follow(context.Background(), func(billing.Event) {}) }()

	// Terminate the backend that listens on the store's channel.
	deadline := time.Now().Add(10 * time.Second)
	for {
		var n int
		err := admin.QueryRow(context.Background(), `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
			WHERE pid <> pg_backend_pid() AND query LIKE 'LISTEN %' || $1 || '%'`, st.Schema()).Scan(&n)
		require.NoError(t, err)
		if n > 0 {
			break
		}
		require.True(t, time.Now().Before(deadline), "no backend listens")
		time.Sleep(20 * time.Millisecond)
	}
	select {
	case err := <-done:
		require.Error(t, err)
		assert.NotErrorIs(t, err, context.Canceled, "the connection's error, not a context's")
	case <-time.After(10 * time.Second):
		t.Fatal("Follow did not return when its connection was lost")
	}
}
