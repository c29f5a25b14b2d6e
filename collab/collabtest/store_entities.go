package collabtest

import (
	"context"
	"testing"
	"time"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func testPolls(t *testing.T, s collab.Store) {
	ctx := context.Background()
	m := message(t, "poll-1", invoice, 0)
	m.Kind = collab.MessagePoll
	p := collab.Poll{ID: "poll-1", Object: invoice, Question: "Which date?",
		Choices: []collab.Choice{{ID: "1", Label: "March"}, {ID: "2", Label: "April"}}, CreatedBy: "u-a", CreatedAt: t0}
	require.NoError(t, s.InsertPoll(ctx, p, m))
	_, err := s.Message(ctx, "poll-1")
	require.NoError(t, err, "the message is stored with the poll")
	assert.ErrorIs(t, s.InsertPoll(ctx, p, m), collab.ErrConflict)

	_, err = s.CastVote(ctx, "poll-1", "u-a", "1")
	require.NoError(t, err)
	_, err = s.CastVote(ctx, "poll-1", "u-b", "1")
	require.NoError(t, err)
	got, err := s.CastVote(ctx, "poll-1", "u-a", "2")
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"u-a": "2", "u-b": "1"}, got.Ballots, "a vote replaces the earlier one")

	_, err = s.CastVote(ctx, "poll-1", "u-c", "9")
	assert.ErrorIs(t, err, collab.ErrNotFound, "unknown choice")
	_, err = s.CastVote(ctx, "missing", "u-c", "1")
	assert.ErrorIs(t, err, collab.ErrNotFound)

	closed, err := s.ClosePoll(ctx, "poll-1", "u-a", t0.Add(time.Hour))
	require.NoError(t, err)
	assert.True(t, closed.Closed())
	_, err = s.CastVote(ctx, "poll-1", "u-c", "1")
	assert.ErrorIs(t, err, collab.ErrClosed)
	_, err = s.ClosePoll(ctx, "poll-1", "u-a", t0.Add(time.Hour))
	assert.ErrorIs(t, err, collab.ErrClosed)

	stored, err := s.Poll(ctx, "poll-1")
	require.NoError(t, err)
	stored.Ballots["u-z"] = "1"
	again, _ := s.Poll(ctx, "poll-1")
	assert.Len(t, again.Ballots, 2, "returned polls are copies")
}

func testTasks(t *testing.T, s collab.Store) {
	ctx := context.Background()
	newTask := func(id, assignee string, ref collab.Ref, offset time.Duration) collab.Task {
		m := message(t, "m-"+id, ref, offset)
		m.Kind, m.TaskID = collab.MessageTask, id
		task := collab.Task{ID: id, Object: ref, MessageID: m.ID, Title: "Call " + id, Assignee: assignee,
			Due: date.MustNew(2026, 3, 31), Status: collab.TaskOpen, CreatedBy: "u-a", CreatedAt: t0.Add(offset), Version: 1}
		require.NoError(t, s.InsertTask(ctx, task, m))
		return task
	}
	t1 := newTask("task-1", "u-b", invoice, time.Minute)
	newTask("task-2", "u-c", invoice, 0)
	newTask("task-3", "u-b", quote, 2*time.Minute)

	_, err := s.Message(ctx, "m-task-1")
	require.NoError(t, err, "the message is stored with the task")

	t1.Status = collab.TaskDone
	updated, err := s.UpdateTask(ctx, t1)
	require.NoError(t, err)
	assert.Equal(t, int64(2), updated.Version)
	_, err = s.UpdateTask(ctx, t1)
	assert.ErrorIs(t, err, collab.ErrConflict)

	byObject, err := s.ListTasks(ctx, collab.TaskQuery{Object: invoice})
	require.NoError(t, err)
	require.Len(t, byObject, 2)
	assert.Equal(t, "task-2", byObject[0].ID, "ordered by creation time")

	open, err := s.ListTasks(ctx, collab.TaskQuery{Assignee: "u-b", Statuses: []collab.TaskStatus{collab.TaskOpen}})
	require.NoError(t, err)
	require.Len(t, open, 1)
	assert.Equal(t, "task-3", open[0].ID)

	_, err = s.Task(ctx, "missing")
	assert.ErrorIs(t, err, collab.ErrNotFound)
}

func testAttachments(t *testing.T, s collab.Store) {
	ctx := context.Background()
	for i, id := range []string{"a-2", "a-1"} {
		require.NoError(t, s.InsertAttachment(ctx, collab.Attachment{
			ID: id, Object: invoice, Name: id + ".pdf", MediaType: "application/pdf", Size: 3,
			UploadedAt: t0.Add(time.Duration(i) * time.Second), SharedWithUsers: []string{"u-b"},
		}))
	}
	assert.ErrorIs(t, s.InsertAttachment(ctx, collab.Attachment{ID: "a-1", Object: invoice}), collab.ErrConflict)

	list, err := s.ListAttachments(ctx, invoice)
	require.NoError(t, err)
	require.Len(t, list, 2)
	assert.Equal(t, "a-2", list[0].ID, "oldest first")

	a, err := s.Attachment(ctx, "a-1")
	require.NoError(t, err)
	a.SharedWithUsers[0] = "u-z"
	again, _ := s.Attachment(ctx, "a-1")
	assert.Equal(t, []string{"u-b"}, again.SharedWithUsers, "returned attachments are copies")

	_, err = s.Attachment(ctx, "missing")
	assert.ErrorIs(t, err, collab.ErrNotFound)
}
