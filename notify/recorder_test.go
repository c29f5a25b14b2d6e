package notify_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/billkit/billkit/notify"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRecorderListsAndFilters(t *testing.T) {
	rec := &notify.Recorder{}
	for _, who := range []string{"u-a", "u-b", "u-a"} {
		require.NoError(t, rec.Notify(t.Context(), fixture(who)))
	}
	assert.Equal(t, 3, rec.Len())
	assert.Len(t, rec.For("u-a"), 2)
	assert.Empty(t, rec.For("u-z"))
	mentions := rec.Filter(func(n notify.Notification) bool { return n.Kind == notify.KindMention })
	assert.Len(t, mentions, 3)

	all := rec.All()
	all[0].Data["thread_id"] = "tampered"
	assert.Equal(t, "t-1", rec.All()[0].Data["thread_id"], "callers get copies")

	rec.Reset()
	assert.Zero(t, rec.Len())
}

func TestRecorderWait(t *testing.T) {
	rec := &notify.Recorder{}
	go func() {
		for i := range 3 {
			_ = rec.Notify(context.Background(), fixture(fmt.Sprint("u-", i)))
		}
	}()
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	got, err := rec.Wait(ctx, 3)
	require.NoError(t, err)
	assert.Len(t, got, 3)
}

func TestRecorderWaitHonoursContext(t *testing.T) {
	rec := &notify.Recorder{}
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Millisecond)
	defer cancel()
	_, err := rec.Wait(ctx, 1)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}

func TestRecorderConcurrentUse(t *testing.T) {
	rec := &notify.Recorder{}
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			_ = rec.Notify(context.Background(), fixture(fmt.Sprint("u-", i)))
			_ = rec.For("u-1")
		})
	}
	wg.Wait()
	assert.Equal(t, 20, rec.Len())
}
