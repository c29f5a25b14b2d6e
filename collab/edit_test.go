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

func TestEditKeepsHistory(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	m := e.post(t, claire, inv, "discount is 10 %")
	v2, err := e.svc.Edit(ctx, claire, m.ID, m.Version, "discount is 12 %")
	require.NoError(t, err)
	v3, err := e.svc.Edit(ctx, claire, m.ID, v2.Version, "discount is 12 % (signed)")
	require.NoError(t, err)

	assert.Equal(t, int64(3), v3.Version)
	assert.Equal(t, "discount is 12 % (signed)", v3.Body)
	require.Len(t, v3.History, 2)
	assert.Equal(t, collab.Revision{Body: "discount is 10 %", WrittenAt: m.CreatedAt, ReplacedAt: v2.EditedAt}, v3.History[0])
	assert.Equal(t, collab.Revision{Body: "discount is 12 %", WrittenAt: v2.EditedAt, ReplacedAt: v3.EditedAt}, v3.History[1])

	same, err := e.svc.Edit(ctx, claire, m.ID, v3.Version, v3.Body)
	require.NoError(t, err)
	assert.Equal(t, v3.Version, same.Version, "an edit that changes nothing is not a revision")
}

func TestEditRules(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	m := e.post(t, claire, inv, "draft")
	poll, err := e.svc.CreatePoll(ctx, claire, inv, "which?", []string{"a", "b"})
	require.NoError(t, err)

	_, err = e.svc.Edit(ctx, alice, m.ID, m.Version, "hijack")
	assert.ErrorIs(t, err, collab.ErrForbidden, "only the author edits")
	_, err = e.svc.Edit(ctx, admin, m.ID, m.Version, "even a moderator")
	assert.ErrorIs(t, err, collab.ErrForbidden)

	_, err = e.svc.Edit(ctx, claire, m.ID, m.Version, "from the laptop")
	require.NoError(t, err)
	_, err = e.svc.Edit(ctx, claire, m.ID, m.Version, "from the phone, based on the old version")
	var ce *collab.ConflictError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, int64(1), ce.Expected)
	assert.Equal(t, int64(2), ce.Actual)

	_, err = e.svc.Edit(ctx, claire, poll.PollID, 1, "another question")
	var ve *validation.Error
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("message_id", validation.CodeNotAllowed))

	_, err = e.svc.Edit(ctx, claire, m.ID, 0, "x")
	assert.ErrorIs(t, err, validation.ErrInvalid)
	_, err = e.svc.Edit(ctx, claire, "missing", 1, "x")
	assert.ErrorIs(t, err, collab.ErrNotFound)
}

func TestEditNotifiesNewMentionsOnly(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	e.follow(t, inv, dana)
	m := e.post(t, claire, inv, "@bob please check")
	e.rec.Reset()

	_, err := e.svc.Edit(ctx, claire, m.ID, m.Version, "@bob and @alice please check")
	require.NoError(t, err)
	assert.Equal(t, map[string][]notify.Kind{alice: {notify.KindMention}}, e.received(),
		"bob was notified already, followers are not told of edits")
	followers, _ := e.svc.Followers(ctx, claire, inv)
	assert.Contains(t, followers, alice, "a newly mentioned user follows")
}

func TestDeleteIsSoft(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	m := e.post(t, claire, inv, "wrong figures")
	m2, err := e.svc.Edit(ctx, claire, m.ID, m.Version, "wrong figures, corrected")
	require.NoError(t, err)
	require.NoError(t, e.svc.Delete(ctx, claire, m.ID))
	require.NoError(t, e.svc.Delete(ctx, claire, m.ID), "deleting twice is harmless")

	seen, err := e.svc.Message(ctx, alice, m.ID)
	require.NoError(t, err)
	assert.True(t, seen.Deleted)
	assert.Empty(t, seen.Body)
	assert.Empty(t, seen.History)
	assert.Empty(t, seen.Spans)
	assert.Equal(t, claire, seen.DeletedBy)

	page, err := e.svc.Activity(ctx, alice, inv, collab.PageRequest{})
	require.NoError(t, err)
	require.Len(t, page.Items, 1, "the message keeps its place")
	assert.Empty(t, page.Items[0].Message.Body)

	audit, err := e.svc.MessageAudit(ctx, admin, m.ID)
	require.NoError(t, err)
	assert.Equal(t, m2.Body, audit.Body, "kept for audit")
	assert.Len(t, audit.History, 1)
	_, err = e.svc.MessageAudit(ctx, alice, m.ID)
	assert.ErrorIs(t, err, collab.ErrForbidden, "audit is for moderators")

	for name, op := range map[string]func() error{
		"edit":  func() error { _, err := e.svc.Edit(ctx, claire, m.ID, 3, "again"); return err },
		"reply": func() error { _, err := e.svc.Reply(ctx, alice, m.ID, "to what?"); return err },
		"react": func() error { _, err := e.svc.React(ctx, alice, m.ID, collab.ReactionLike); return err },
	} {
		assert.ErrorIs(t, op(), collab.ErrDeleted, name)
	}
}

func TestDeletePermissions(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	m := e.post(t, claire, inv, "hello")
	assert.ErrorIs(t, e.svc.Delete(ctx, alice, m.ID), collab.ErrForbidden, "not the author, not a moderator")
	require.NoError(t, e.svc.Delete(ctx, admin, m.ID), "a moderator may")
	seen, err := e.svc.Message(ctx, claire, m.ID)
	require.NoError(t, err)
	assert.Equal(t, admin, seen.DeletedBy)
}

func TestReactionsToggle(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	m := e.post(t, claire, inv, "invoice sent")
	steps := []struct {
		user string
		r    collab.Reaction
		want bool
	}{
		{alice, collab.ReactionLike, true},
		{bob, collab.ReactionLike, true},
		{alice, collab.ReactionLike, false}, // toggled off
		{bob, "thanks", true},               // one reaction per user: replaces like
	}
	for _, st := range steps {
		set, err := e.svc.React(ctx, st.user, m.ID, st.r)
		require.NoError(t, err)
		assert.Equal(t, st.want, set, "%s %s", st.user, st.r)
	}
	got, err := e.svc.Message(ctx, claire, m.ID)
	require.NoError(t, err)
	assert.Equal(t, []collab.ReactionCount{{Reaction: "thanks", Count: 1, Users: []string{bob}}}, got.Reactions)

	_, err = e.svc.React(ctx, alice, m.ID, "Thumbs Up")
	assert.ErrorIs(t, err, validation.ErrInvalid)
}

func TestRepliesAreOneLevel(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	post := e.post(t, claire, inv, "root")
	r1, err := e.svc.Reply(ctx, alice, post.ID, "first reply")
	require.NoError(t, err)
	r2, err := e.svc.Reply(ctx, bob, r1.ID, "reply to the reply")
	require.NoError(t, err)

	assert.Equal(t, post.ID, r1.ParentID)
	assert.Equal(t, post.ID, r1.InReplyTo)
	assert.Equal(t, post.ID, r2.ParentID, "a reply to a reply attaches to the root post")
	assert.Equal(t, r1.ID, r2.InReplyTo)
	assert.True(t, r2.IsReply())

	root, err := e.svc.Message(ctx, claire, post.ID)
	require.NoError(t, err)
	assert.Equal(t, 2, root.ReplyCount)

	page, err := e.svc.Replies(ctx, claire, post.ID, collab.PageRequest{Limit: 1})
	require.NoError(t, err)
	require.Len(t, page.Items, 1)
	assert.Equal(t, r1.ID, page.Items[0].ID)
	page, err = e.svc.Replies(ctx, claire, post.ID, collab.PageRequest{Limit: 1, Cursor: page.Next})
	require.NoError(t, err)
	require.Len(t, page.Items, 1)
	assert.Equal(t, r2.ID, page.Items[0].ID)
	assert.Empty(t, page.Next)
}
