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

func TestFanOutWhoGetsWhat(t *testing.T) {
	tests := []struct {
		name      string
		followers []string
		prefs     map[string]collab.Preference
		author    string
		body      string
		want      map[string][]notify.Kind
	}{
		{
			name:      "followers get updates, the author nothing",
			followers: []string{alice, bob, claire},
			author:    claire, body: "figures updated",
			want: map[string][]notify.Kind{alice: {notify.KindFollowUpdate}, bob: {notify.KindFollowUpdate}},
		},
		{
			name:      "a mentioned follower gets the mention only",
			followers: []string{alice, bob},
			author:    claire, body: "@bob @bob @\"Bob Stone\" is this right?",
			want: map[string][]notify.Kind{alice: {notify.KindFollowUpdate}, bob: {notify.KindMention}},
		},
		{
			name:   "mentioning yourself notifies nobody",
			author: claire, body: "note to @claire",
			want: map[string][]notify.Kind{},
		},
		{
			name:      "a group mention reaches its members but not the author",
			followers: []string{dana},
			author:    claire, body: "@finance-team please check",
			want: map[string][]notify.Kind{dana: {notify.KindMention}},
		},
		{
			name:      "mentions only drops updates",
			followers: []string{alice, bob},
			prefs:     map[string]collab.Preference{alice: collab.PreferenceMentions, bob: collab.PreferenceMentions},
			author:    claire, body: "@bob only you",
			want: map[string][]notify.Kind{bob: {notify.KindMention}},
		},
		{
			name:      "none drops everything, digest queues",
			followers: []string{alice, bob, dana},
			prefs:     map[string]collab.Preference{alice: collab.PreferenceNone, bob: collab.PreferenceDigest},
			author:    claire, body: "@alice @bob @dana hello",
			want: map[string][]notify.Kind{dana: {notify.KindMention}},
		},
		{
			name:      "all is the default and explicit all behaves the same",
			followers: []string{alice, bob},
			prefs:     map[string]collab.Preference{alice: collab.PreferenceAll},
			author:    claire, body: "hello",
			want: map[string][]notify.Kind{alice: {notify.KindFollowUpdate}, bob: {notify.KindFollowUpdate}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			ctx := context.Background()
			e.follow(t, inv, tt.followers...)
			for u, p := range tt.prefs {
				require.NoError(t, e.svc.SetPreference(ctx, u, p))
			}
			e.post(t, tt.author, inv, tt.body)
			assert.Equal(t, tt.want, e.received())
		})
	}
}

func TestFanOutNotificationContent(t *testing.T) {
	e := newEnv(t)
	m := e.post(t, claire, inv, "@bob is the 12 % discount on line 3 agreed?")
	got := e.rec.For(bob)
	require.Len(t, got, 1)
	n := got[0]
	assert.Equal(t, notify.KindMention, n.Kind)
	assert.Equal(t, "Claire Dubois mentioned you on invoice INV-2026-0042", n.Subject)
	assert.Equal(t, m.Body, n.Body)
	assert.Equal(t, notify.Object{Kind: "invoice", ID: "INV-2026-0042"}, n.Object)
	assert.Equal(t, claire, n.Actor)
	assert.Equal(t, map[string]string{"thread_id": m.ThreadID, "message_id": m.ID, "message_kind": "post"}, n.Data)
	assert.NotEmpty(t, n.ID)
	assert.False(t, n.CreatedAt.IsZero())
}

func TestFanOutReplies(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	post := e.post(t, claire, inv, "question for sales")
	r1, err := e.svc.Reply(ctx, alice, post.ID, "answer")
	require.NoError(t, err)
	e.rec.Reset()

	_, err = e.svc.Reply(ctx, bob, r1.ID, "follow-up to alice")
	require.NoError(t, err)
	assert.Equal(t, map[string][]notify.Kind{
		claire: {notify.KindReply}, // author of the root post
		alice:  {notify.KindReply}, // author of the message answered, also a follower
	}, e.received())
	n := e.rec.For(claire)[0]
	assert.Equal(t, "Bob Stone replied to you on invoice INV-2026-0042", n.Subject)
	assert.Equal(t, post.ID, n.Data["parent_id"])
}

func TestFanOutFailuresDoNotFailThePost(t *testing.T) {
	boom := errors.New("smtp down")
	e := newEnv(t, withOptions(collab.WithNotifier(notify.NotifierFunc(func(context.Context, notify.Notification) error {
		return boom
	}))))
	e.follow(t, inv, alice)
	_, err := e.svc.Post(context.Background(), claire, inv, "hello")
	require.NoError(t, err)
	require.Len(t, e.errs.all(), 1)
	assert.ErrorIs(t, e.errs.all()[0], boom, "the failure goes to the error handler")
}
