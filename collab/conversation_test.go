package collab_test

import (
	"context"
	"testing"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/notify"
	"github.com/billkit/billkit/validation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPrivateConversation(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	first, err := e.svc.StartConversation(ctx, claire, []string{bob, alice}, "ACME renewal", "can we talk about the renewal price?")
	require.NoError(t, err)
	ref := first.Object
	assert.Equal(t, collab.KindConversation, ref.Kind)

	th, err := e.svc.Thread(ctx, bob, ref)
	require.NoError(t, err)
	assert.Equal(t, []string{alice, bob, claire}, th.Participants)
	assert.Equal(t, map[string][]notify.Kind{alice: {notify.KindFollowUpdate}, bob: {notify.KindFollowUpdate}}, e.received())
	assert.Equal(t, "Claire Dubois posted in ACME renewal", e.rec.For(bob)[0].Subject)

	_, err = e.svc.Post(ctx, bob, ref, "sure")
	require.NoError(t, err)

	// Not even an administrator whom the policy lets see everything may
	// read a private conversation.
	for _, outsider := range []string{admin, dana} {
		_, err = e.svc.Message(ctx, outsider, first.ID)
		assert.ErrorIs(t, err, collab.ErrForbidden, outsider)
		_, err = e.svc.Post(ctx, outsider, ref, "let me in")
		assert.ErrorIs(t, err, collab.ErrForbidden, outsider)
	}
	e.rec.Reset()
	_, err = e.svc.Post(ctx, alice, ref, "@dana what do you think?")
	require.NoError(t, err)
	assert.Empty(t, e.rec.For(dana), "mentioning a non-participant does not let them in")

	_, err = e.svc.Post(ctx, claire, collab.Ref{Kind: collab.KindConversation, ID: "never-started"}, "hi")
	assert.ErrorIs(t, err, collab.ErrForbidden)
}

func TestStartConversationValidation(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		name         string
		participants []string
		title        string
		field, code  string
	}{
		{"nobody else", []string{claire}, "", "participants", validation.CodeRequired},
		{"no one", nil, "", "participants", validation.CodeRequired},
		{"unknown user", []string{"u-ghost"}, "", "participants[0]", validation.CodeUnknown},
		{"a group is not a user", []string{financeTeam}, "", "participants[0]", validation.CodeUnknown},
		{"listed twice", []string{bob, bob}, "", "participants[1]", validation.CodeDuplicate},
		{"title on two lines", []string{bob}, "a\nb", "title", validation.CodeInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := e.svc.StartConversation(context.Background(), claire, tt.participants, tt.title, "hello")
			var ve *validation.Error
			require.ErrorAs(t, err, &ve)
			assert.True(t, ve.Has(tt.field, tt.code), "%v", ve)
		})
	}
}

func TestGroupConversations(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()

	public := collab.GroupRef(financeTeam)
	m, err := e.svc.Post(ctx, claire, public, "month-end close starts Monday")
	require.NoError(t, err)
	th, err := e.svc.Thread(ctx, alice, public)
	require.NoError(t, err)
	assert.Equal(t, "Finance team", th.Title)
	require.NoError(t, e.svc.Follow(ctx, alice, public), "anyone may follow a public group")
	_, err = e.svc.Message(ctx, alice, m.ID)
	assert.NoError(t, err)

	private := collab.GroupRef(board)
	_, err = e.svc.Post(ctx, erin, private, "board pack attached")
	require.NoError(t, err)
	for _, outsider := range []string{claire, admin} {
		_, err = e.svc.Activity(ctx, outsider, private, collab.PageRequest{})
		assert.ErrorIs(t, err, collab.ErrForbidden, outsider)
		assert.ErrorIs(t, e.svc.Follow(ctx, outsider, private), collab.ErrForbidden, outsider)
	}
	page, err := e.svc.Activity(ctx, bob, private, collab.PageRequest{})
	require.NoError(t, err)
	assert.Len(t, page.Items, 1)

	_, err = e.svc.Post(ctx, claire, collab.GroupRef("g-missing"), "hello")
	assert.ErrorIs(t, err, collab.ErrForbidden)
	_, err = e.svc.Post(ctx, claire, collab.GroupRef(alice), "a user is not a group")
	assert.ErrorIs(t, err, collab.ErrForbidden)
}
