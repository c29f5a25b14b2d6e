package collab_test

import (
	"context"
	"testing"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/validation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPreferenceValidation(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	p, err := e.svc.Preference(ctx, bob)
	require.NoError(t, err)
	assert.Equal(t, collab.PreferenceAll, p, "the default")
	for _, bad := range []collab.Preference{"", "sometimes"} {
		assert.Error(t, e.svc.SetPreference(ctx, bob, bad), string(bad))
	}
	_, err = e.svc.Digest(ctx, "", t0)
	assert.Error(t, err)
}

func TestVisibilityFollowsPolicyChanges(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	e.post(t, claire, inv, "hello")
	e.follow(t, inv, bob)
	e.policy.deny(bob, inv)

	following, err := e.svc.Following(ctx, bob)
	require.NoError(t, err)
	assert.Empty(t, following, "an object bob lost access to leaves his list")
	e.post(t, claire, inv, "second")
	assert.Empty(t, e.rec.For(bob), "and he is no longer notified")

	e.policy.allow(bob, inv)
	following, _ = e.svc.Following(ctx, bob)
	assert.Equal(t, []collab.Ref{inv}, following)
}

func TestFollowUnfollow(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	e.follow(t, inv, bob, bob)
	e.follow(t, quote, bob)
	following, err := e.svc.Following(ctx, bob)
	require.NoError(t, err)
	assert.Equal(t, []collab.Ref{inv, quote}, following)

	e.post(t, claire, inv, "update")
	assert.Len(t, e.rec.For(bob), 1)

	require.NoError(t, e.svc.Unfollow(ctx, bob, inv))
	require.NoError(t, e.svc.Unfollow(ctx, bob, inv), "unfollowing twice is harmless")
	e.post(t, claire, inv, "another update")
	assert.Len(t, e.rec.For(bob), 1, "no notification after unfollowing")

	assert.ErrorIs(t, e.svc.Follow(ctx, mallow, inv), collab.ErrForbidden)
	assert.ErrorIs(t, e.svc.Follow(ctx, bob, collab.Ref{}), validation.ErrInvalid)
	_, err = e.svc.Following(ctx, "")
	assert.ErrorIs(t, err, validation.ErrInvalid)
}
