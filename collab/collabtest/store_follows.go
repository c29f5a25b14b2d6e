package collabtest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/notify"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func testFollows(t *testing.T, s collab.Store) {
	ctx := context.Background()
	added, err := s.Follow(ctx, "u-b", invoice)
	require.NoError(t, err)
	assert.True(t, added)
	added, err = s.Follow(ctx, "u-b", invoice)
	require.NoError(t, err)
	assert.False(t, added, "following twice changes nothing")
	_, _ = s.Follow(ctx, "u-a", invoice)
	_, _ = s.Follow(ctx, "u-b", quote)

	followers, err := s.Followers(ctx, invoice)
	require.NoError(t, err)
	assert.Equal(t, []string{"u-a", "u-b"}, followers)
	followed, err := s.Followed(ctx, "u-b")
	require.NoError(t, err)
	assert.Equal(t, []collab.Ref{invoice, quote}, followed)

	removed, err := s.Unfollow(ctx, "u-b", invoice)
	require.NoError(t, err)
	assert.True(t, removed)
	removed, _ = s.Unfollow(ctx, "u-b", invoice)
	assert.False(t, removed)
	followers, _ = s.Followers(ctx, invoice)
	assert.Equal(t, []string{"u-a"}, followers)
}

func testPreferences(t *testing.T, s collab.Store) {
	ctx := context.Background()
	p, err := s.Preference(ctx, "u-a")
	require.NoError(t, err)
	assert.Equal(t, collab.Preference(""), p)
	require.NoError(t, s.SetPreference(ctx, "u-a", collab.PreferenceDigest))
	p, _ = s.Preference(ctx, "u-a")
	assert.Equal(t, collab.PreferenceDigest, p)
}

func testDigest(t *testing.T, s collab.Store) {
	ctx := context.Background()
	for i, offset := range []time.Duration{2 * time.Hour, 0, time.Hour} {
		require.NoError(t, s.QueueDigest(ctx, notify.Notification{
			ID: fmt.Sprint("n-", i), Recipient: "u-a", CreatedAt: t0.Add(offset),
		}))
	}
	require.NoError(t, s.QueueDigest(ctx, notify.Notification{ID: "n-other", Recipient: "u-b", CreatedAt: t0}))

	got, err := s.TakeDigest(ctx, "u-a", t0.Add(time.Hour))
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, "n-1", got[0].ID, "oldest first")
	assert.Equal(t, "n-2", got[1].ID, "until is inclusive")

	got, _ = s.TakeDigest(ctx, "u-a", t0.Add(time.Hour))
	assert.Empty(t, got, "taken once")
	got, _ = s.TakeDigest(ctx, "u-a", t0.Add(3*time.Hour))
	require.Len(t, got, 1)
	assert.Equal(t, "n-0", got[0].ID)
}
