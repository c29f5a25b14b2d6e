package collab_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/validation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPostCreatesThreadOnFirstPost(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	_, err := e.svc.Thread(ctx, claire, inv)
	assert.ErrorIs(t, err, collab.ErrNotFound, "no thread before the first post")

	first := e.post(t, claire, inv, "first")
	second := e.post(t, alice, inv, "second")
	assert.Equal(t, first.ThreadID, second.ThreadID, "one thread per object")

	th, err := e.svc.Thread(ctx, alice, inv)
	require.NoError(t, err)
	assert.Equal(t, first.ThreadID, th.ID)
	assert.Equal(t, claire, th.CreatedBy)
	assert.Equal(t, int64(1), first.Version)
	assert.Equal(t, collab.MessagePost, first.Kind)
	assert.Equal(t, t0.Add(time.Second), first.CreatedAt, "the clock was read for the thread, then the message")
}

func TestPostResolvesMentionsAndMarkup(t *testing.T) {
	e := newEnv(t)
	body := `@bob is the *12 %* on line 3 what @"Alice Martin" signed? cc @finance-team @nobody bob@example.com https://crm.example/deal/9`
	m := e.post(t, claire, inv, body)

	var mentioned []string
	for _, p := range m.Mentions {
		mentioned = append(mentioned, p.ID)
	}
	assert.Equal(t, []string{bob, alice, financeTeam}, mentioned, "unknown names and e-mail addresses stay text")

	type span struct {
		kind   collab.SpanKind
		text   string
		target string
	}
	var spans []span
	for _, s := range m.Spans {
		spans = append(spans, span{s.Kind, body[s.Start:s.End], s.Target})
	}
	assert.Equal(t, []span{
		{collab.SpanMention, "@bob", bob},
		{collab.SpanBold, "*12 %*", ""},
		{collab.SpanMention, `@"Alice Martin"`, alice},
		{collab.SpanMention, "@finance-team", financeTeam},
		{collab.SpanLink, "https://crm.example/deal/9", "https://crm.example/deal/9"},
	}, spans)
}

func TestPostPrivateGroupMentionNeedsMembership(t *testing.T) {
	e := newEnv(t)
	outsider := e.post(t, claire, inv, "@board FYI")
	assert.Empty(t, outsider.Mentions, "a private group is invisible to non-members")
	assert.Empty(t, e.rec.For(erin))

	member := e.post(t, bob, inv, "@board FYI")
	require.Len(t, member.Mentions, 1)
	assert.Equal(t, board, member.Mentions[0].ID)
	assert.Len(t, e.rec.For(erin), 1, "members of a mentioned group are notified")
}

func TestPostAutoFollows(t *testing.T) {
	e := newEnv(t)
	e.policy.deny(dana, inv)
	e.post(t, claire, inv, "@bob and @dana, a question")
	followers, err := e.svc.Followers(context.Background(), claire, inv)
	require.NoError(t, err)
	assert.Equal(t, []string{bob, claire}, followers, "author and visible mentioned users follow; dana may not see the invoice")
}

func TestPostValidation(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		name  string
		actor string
		ref   collab.Ref
		body  string
		field string
		code  string
	}{
		{"empty body", claire, inv, "", "body", validation.CodeRequired},
		{"blank body", claire, inv, " \n\t", "body", validation.CodeRequired},
		{"body too long", claire, inv, strings.Repeat("é", collab.MaxBodyLength+1), "body", validation.CodeOutOfRange},
		{"invalid UTF-8", claire, inv, "ok \xff", "body", validation.CodeInvalid},
		{"NUL byte", claire, inv, "a\x00b", "body", validation.CodeInvalid},
		{"no actor", "", inv, "hi", "actor", validation.CodeRequired},
		{"no kind", claire, collab.Ref{ID: "X"}, "hi", "object.kind", validation.CodeRequired},
		{"bad kind", claire, collab.Ref{Kind: "Invoice", ID: "X"}, "hi", "object.kind", validation.CodeInvalid},
		{"no id", claire, collab.Ref{Kind: collab.KindInvoice}, "hi", "object.id", validation.CodeRequired},
		{"id too long", claire, collab.Ref{Kind: collab.KindInvoice, ID: strings.Repeat("x", 201)}, "hi", "object.id", validation.CodeOutOfRange},
		{"control in id", claire, collab.Ref{Kind: collab.KindInvoice, ID: "a\nb"}, "hi", "object.id", validation.CodeInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := e.svc.Post(context.Background(), tt.actor, tt.ref, tt.body)
			var ve *validation.Error
			require.ErrorAs(t, err, &ve)
			assert.True(t, ve.Has(tt.field, tt.code), "%v", ve)
		})
	}
	_, err := e.store.ThreadByObject(context.Background(), inv)
	assert.ErrorIs(t, err, collab.ErrNotFound, "a refused post creates no thread")
	assert.Zero(t, e.rec.Len())
}

func TestPostAcceptsLongestBody(t *testing.T) {
	e := newEnv(t)
	m := e.post(t, claire, inv, strings.Repeat("é", collab.MaxBodyLength))
	assert.Len(t, []rune(m.Body), collab.MaxBodyLength)
}

// TestVisibilityPerObjectKind checks, for every kind of object, that a
// user the policy denies can neither read nor write the thread, while one
// it allows can.
func TestVisibilityPerObjectKind(t *testing.T) {
	kinds := []collab.Kind{
		collab.KindQuote, collab.KindContract, collab.KindInvoice, collab.KindCreditNote,
		collab.KindPayment, collab.KindCustomer, collab.KindDashboard, "project",
	}
	for _, kind := range kinds {
		t.Run(string(kind), func(t *testing.T) {
			e := newEnv(t)
			ctx := context.Background()
			ref := collab.Ref{Kind: kind, ID: "obj-1"}
			e.policy.deny(bob, ref)
			m := e.post(t, claire, ref, "numbers for @bob")
			assert.Empty(t, e.rec.For(bob), "a mentioned user who may not see the object is not notified")

			denied := map[string]error{}
			_, denied["post"] = e.svc.Post(ctx, bob, ref, "hello")
			_, denied["reply"] = e.svc.Reply(ctx, bob, m.ID, "hello")
			_, denied["read message"] = e.svc.Message(ctx, bob, m.ID)
			_, denied["thread"] = e.svc.Thread(ctx, bob, ref)
			_, denied["activity"] = e.svc.Activity(ctx, bob, ref, collab.PageRequest{})
			_, denied["react"] = e.svc.React(ctx, bob, m.ID, collab.ReactionLike)
			denied["follow"] = e.svc.Follow(ctx, bob, ref)
			_, denied["followers"] = e.svc.Followers(ctx, bob, ref)
			_, denied["attachments"] = e.svc.Attachments(ctx, bob, ref)
			_, denied["ask"] = e.svc.Ask(ctx, bob, ref, "why?")
			_, denied["poll"] = e.svc.CreatePoll(ctx, bob, ref, "when?", []string{"now", "later"})
			_, denied["task"] = e.svc.CreateTask(ctx, bob, ref, collab.TaskInput{Title: "call", Assignee: claire})
			for op, err := range denied {
				var ae *collab.AccessError
				if assert.ErrorAs(t, err, &ae, op) {
					assert.ErrorIs(t, err, collab.ErrForbidden, op)
					assert.Equal(t, ref, ae.Object, op)
					assert.Equal(t, bob, ae.User, op)
				}
			}

			_, err := e.svc.Message(ctx, alice, m.ID)
			assert.NoError(t, err, "an allowed user reads the thread")
			feed, err := e.svc.Feed(ctx, bob, collab.PageRequest{})
			require.NoError(t, err)
			assert.Empty(t, feed.Items, "nothing of the object reaches bob's feed")
		})
	}
}
