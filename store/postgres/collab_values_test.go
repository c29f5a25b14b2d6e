package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/notify"
	"github.com/billkit/billkit/validation"
)

var (
	collabInvoice = collab.Ref{Kind: collab.KindInvoice, ID: "INV-2026-0042"}
	// collabT0 has nanoseconds, which a timestamptz alone does not keep.
	collabT0 = time.Date(2026, 3, 2, 9, 0, 0, 123456789, time.UTC)
)

// fullMessage returns a message with every field set.
func fullMessage(id string) collab.Message {
	return collab.Message{
		ID: id, ThreadID: "t-1", Object: collabInvoice, Kind: collab.MessageQuestion,
		ParentID: "p-1", InReplyTo: "r-1", Author: "u-claire", Body: "Is the *12 %* discount right? @bob",
		Spans: []collab.Span{
			{Kind: collab.SpanBold, Start: 16, End: 22},
			{Kind: collab.SpanMention, Start: 31, End: 35, Target: "u-bob", Principal: collab.PrincipalUser},
		},
		Mentions:  []collab.Principal{{Type: collab.PrincipalUser, ID: "u-bob", Handle: "bob", Name: "Bob Stone"}},
		CreatedAt: collabT0, EditedAt: collabT0.Add(time.Minute),
		History: []collab.Revision{{Body: "first", WrittenAt: collabT0, ReplacedAt: collabT0.Add(time.Minute)}},
		Deleted: true, DeletedAt: collabT0.Add(time.Hour), DeletedBy: "u-admin",
		TaskID: "task-1", BestAnswerID: "r-2", Version: 3,
	}
}

func TestCollabValuesRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openStore(t).Collab()

	thread := collab.Thread{ID: "c-1", Object: collab.Ref{Kind: collab.KindConversation, ID: "c-1"}, Title: "Renewal",
		Participants: []string{"u-a", "u-b"}, CreatedBy: "u-a", CreatedAt: collabT0}
	_, err := s.CreateThread(ctx, thread)
	require.NoError(t, err)
	gotThread, err := s.ThreadByObject(ctx, thread.Object)
	require.NoError(t, err)
	assert.Equal(t, thread, gotThread)

	m := fullMessage("m-1")
	require.NoError(t, s.InsertMessage(ctx, m))
	got, err := s.Message(ctx, "m-1")
	require.NoError(t, err)
	assert.Equal(t, m, got, "every field comes back, times to the nanosecond")

	plain := collab.Message{ID: "m-2", Object: collabInvoice, Kind: collab.MessagePost, Author: "u-a", Body: "ok",
		CreatedAt: collabT0, Version: 1}
	require.NoError(t, s.InsertMessage(ctx, plain))
	got, err = s.Message(ctx, "m-2")
	require.NoError(t, err)
	assert.Equal(t, plain, got, "unset fields come back unset")

	p := collab.Poll{ID: "poll-1", Object: collabInvoice, Question: "Which date?",
		Choices:   []collab.Choice{{ID: "1", Label: "March"}, {ID: "2", Label: "April"}},
		CreatedBy: "u-a", CreatedAt: collabT0, Ballots: map[string]string{"u-a": "1", "u-b": "2"}}
	pm := plain
	pm.ID, pm.Kind = "poll-1", collab.MessagePoll
	require.NoError(t, s.InsertPoll(ctx, p, pm))
	closed, err := s.ClosePoll(ctx, "poll-1", "u-a", collabT0.Add(time.Hour))
	require.NoError(t, err)
	p.ClosedAt, p.ClosedBy = collabT0.Add(time.Hour), "u-a"
	assert.Equal(t, p, closed)

	task := collab.Task{ID: "task-1", Object: collabInvoice, MessageID: "m-task-1", Title: "Call ACME", Assignee: "u-b",
		Due: date.MustNew(2026, 3, 31), Status: collab.TaskOpen, CreatedBy: "u-a", CreatedAt: collabT0, Version: 1}
	tm := plain
	tm.ID, tm.Kind, tm.TaskID = "m-task-1", collab.MessageTask, "task-1"
	require.NoError(t, s.InsertTask(ctx, task, tm))
	task.Status, task.UpdatedAt, task.Due = collab.TaskDone, collabT0.Add(time.Hour), date.Date{}
	updated, err := s.UpdateTask(ctx, task)
	require.NoError(t, err)
	task.Version = 2
	assert.Equal(t, task, updated)
	stored, err := s.Task(ctx, "task-1")
	require.NoError(t, err)
	assert.Equal(t, task, stored)

	a := collab.Attachment{ID: "a-1", Object: collabInvoice, MessageID: "m-2", Name: "po.pdf", MediaType: "application/pdf",
		Size: 1234, SHA256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", UploadedBy: "u-a",
		UploadedAt: collabT0, SharedWithUsers: []string{"u-b"}, SharedWithGroups: []string{"g-finance"}}
	require.NoError(t, s.InsertAttachment(ctx, a))
	gotA, err := s.Attachment(ctx, "a-1")
	require.NoError(t, err)
	assert.Equal(t, a, gotA)

	n := notify.Notification{ID: "n-1", Recipient: "u-b", Kind: notify.KindMention, Subject: "Claire mentioned you",
		Body: "Is the discount right?", Object: notify.Object{Kind: "invoice", ID: "INV-2026-0042"}, Actor: "u-claire",
		CreatedAt: collabT0, Data: map[string]string{"message_id": "m-1"}}
	require.NoError(t, s.QueueDigest(ctx, n))
	taken, err := s.TakeDigest(ctx, "u-b", collabT0)
	require.NoError(t, err)
	assert.Equal(t, []notify.Notification{n}, taken, "until is inclusive to the nanosecond")

	quote := collab.Ref{Kind: collab.KindQuote, ID: "Q-1"}
	list, err := s.ListMessages(ctx, collab.MessageQuery{Objects: []collab.Ref{collabInvoice, quote, collabInvoice}, Limit: 10})
	require.NoError(t, err)
	var ids []string
	for _, m := range list {
		ids = append(ids, m.ID)
	}
	assert.Equal(t, []string{"m-1", "m-2", "m-task-1", "poll-1"}, ids, "an object named twice is read once")
}

func TestCollabRefusesWhatPostgreSQLCannotStore(t *testing.T) {
	ctx := context.Background()
	s := openStore(t).Collab()
	nul, invalid := "a\x00b", "a\xffb"

	for _, c := range []struct {
		field  string
		change func(*collab.Message)
	}{
		{"message.body", func(m *collab.Message) { m.Body = nul }},
		{"message.author", func(m *collab.Message) { m.Author = invalid }},
		{"message.object.id", func(m *collab.Message) { m.Object.ID = nul }},
		{"message.spans[1].target", func(m *collab.Message) { m.Spans[1].Target = invalid }},
		{"message.mentions[0].name", func(m *collab.Message) { m.Mentions[0].Name = nul }},
		{"message.history[0].body", func(m *collab.Message) { m.History[0].Body = invalid }},
		{"message.history[0].written_at", func(m *collab.Message) { m.History[0].WrittenAt = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) }},
		{"message.created_at", func(m *collab.Message) { m.CreatedAt = time.Date(300000, 1, 1, 0, 0, 0, 0, time.UTC) }},
		{"message.id", func(m *collab.Message) { m.ID = "" }},
	} {
		t.Run(c.field, func(t *testing.T) {
			m := fullMessage("m-bad")
			c.change(&m)
			err := s.InsertMessage(ctx, m)
			var verr *validation.Error
			require.ErrorAs(t, err, &verr)
			assert.Equal(t, c.field, verr.Faults[0].Field)
			_, err = s.Message(ctx, "m-bad")
			assert.ErrorIs(t, err, collab.ErrNotFound, "nothing is stored")
		})
	}

	require.NoError(t, s.InsertMessage(ctx, fullMessage("m-1")))
	m := fullMessage("m-1")
	m.Body = nul
	_, err := s.UpdateMessage(ctx, m)
	assert.ErrorIs(t, err, validation.ErrInvalid)

	_, err = s.Message(ctx, nul)
	assert.ErrorIs(t, err, collab.ErrNotFound, "an ID that cannot be stored is not found")
	_, err = s.ToggleReaction(ctx, "m-1", invalid, collab.ReactionLike)
	assert.ErrorIs(t, err, validation.ErrInvalid)
	_, err = s.Follow(ctx, "u-a", collab.Ref{Kind: collab.KindInvoice, ID: nul})
	assert.ErrorIs(t, err, validation.ErrInvalid)
	followers, err := s.Followers(ctx, collab.Ref{Kind: collab.KindInvoice, ID: nul})
	require.NoError(t, err)
	assert.Empty(t, followers)
	_, err = s.ListMessages(ctx, collab.MessageQuery{Objects: []collab.Ref{collabInvoice}, From: collab.Position{ID: nul}, Limit: 1})
	assert.ErrorIs(t, err, validation.ErrInvalid)
	list, err := s.ListMessages(ctx, collab.MessageQuery{Objects: []collab.Ref{{Kind: "invoice", ID: nul}}, Limit: 1})
	require.NoError(t, err)
	assert.Empty(t, list)
	assert.ErrorIs(t, s.QueueDigest(ctx, notify.Notification{ID: "n", Recipient: "u-a", Data: map[string]string{"k": nul}}),
		validation.ErrInvalid)
	assert.ErrorIs(t, s.InsertAttachment(ctx, collab.Attachment{ID: "a", Object: collabInvoice, Name: invalid}),
		validation.ErrInvalid)
	_, err = s.Attachment(ctx, "a")
	assert.ErrorIs(t, err, collab.ErrNotFound)

	p := collab.Poll{ID: "poll-1", Object: collabInvoice, Choices: []collab.Choice{{ID: "1", Label: nul}}}
	assert.ErrorIs(t, s.InsertPoll(ctx, p, fullMessage("poll-1")), validation.ErrInvalid)
	_, err = s.Message(ctx, "poll-1")
	assert.ErrorIs(t, err, collab.ErrNotFound, "neither the poll nor its message is stored")
}

func TestCollabPollOrTaskWithATakenMessageIsNotStored(t *testing.T) {
	ctx := context.Background()
	s := openStore(t).Collab()
	m := fullMessage("m-1")
	require.NoError(t, s.InsertMessage(ctx, m))

	err := s.InsertPoll(ctx, collab.Poll{ID: "poll-1", Object: collabInvoice}, m)
	var conflict *collab.ConflictError
	require.ErrorAs(t, err, &conflict)
	assert.Equal(t, "message", conflict.Entity)
	_, err = s.Poll(ctx, "poll-1")
	assert.ErrorIs(t, err, collab.ErrNotFound, "the poll is rolled back with its message")

	err = s.InsertTask(ctx, collab.Task{ID: "task-1", Object: collabInvoice, Version: 1}, m)
	assert.ErrorIs(t, err, collab.ErrConflict)
	_, err = s.Task(ctx, "task-1")
	assert.ErrorIs(t, err, collab.ErrNotFound, "the task is rolled back with its message")
}
