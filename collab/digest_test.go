package collab_test

import (
	"context"
	"errors"
	"testing"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/notify"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDigest(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	require.NoError(t, e.svc.SetPreference(ctx, bob, collab.PreferenceDigest))
	e.follow(t, inv, bob)
	e.post(t, claire, inv, "first update")
	e.post(t, alice, inv, "@bob second, for you")
	assert.Empty(t, e.rec.For(bob), "queued, not delivered")

	items, err := e.svc.Digest(ctx, bob, t0.Add(-1))
	require.NoError(t, err)
	assert.Empty(t, items, "nothing was queued before now")

	items, err = e.svc.Digest(ctx, bob, t0.Add(1e12))
	require.NoError(t, err)
	require.Len(t, items, 2)
	assert.Equal(t, notify.KindFollowUpdate, items[0].Kind)
	assert.Equal(t, notify.KindMention, items[1].Kind)

	got := e.rec.For(bob)
	require.Len(t, got, 1)
	assert.Equal(t, notify.KindDigest, got[0].Kind)
	assert.Equal(t, "2 updates", got[0].Subject)
	assert.Equal(t, "- Claire Dubois posted on invoice INV-2026-0042: first update\n"+
		"- Alice Martin mentioned you on invoice INV-2026-0042: @bob second, for you\n", got[0].Body)

	items, err = e.svc.Digest(ctx, bob, t0.Add(1e12))
	require.NoError(t, err)
	assert.Empty(t, items, "each notification is delivered once")
}

func TestDigestRequeuesOnFailure(t *testing.T) {
	fail := true
	e := newEnv(t, withOptions(collab.WithNotifier(notify.NotifierFunc(func(context.Context, notify.Notification) error {
		if fail {
			return errors.New("push gateway down")
		}
		return nil
	}))))
	ctx := context.Background()
	require.NoError(t, e.svc.SetPreference(ctx, bob, collab.PreferenceDigest))
	e.post(t, claire, inv, "@bob hello")

	_, err := e.svc.Digest(ctx, bob, t0.Add(1e12))
	require.Error(t, err)
	fail = false
	items, err := e.svc.Digest(ctx, bob, t0.Add(1e12))
	require.NoError(t, err)
	assert.Len(t, items, 1, "the queue survived the failure")
}
