package collab_test

import (
	"context"
	"testing"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/notify"
	"github.com/billkit/billkit/validation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func newTask(t *testing.T, e *env) collab.Task {
	t.Helper()
	task, err := e.svc.CreateTask(context.Background(), "system:dunning", inv, collab.TaskInput{
		Title: "Call ACME about the overdue invoice", Assignee: alice, Due: date.MustNew(2026, 3, 9),
	})
	require.NoError(t, err)
	return task
}

func TestCreateTask(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	e.follow(t, inv, claire)
	task := newTask(t, e)

	assert.Equal(t, collab.TaskOpen, task.Status)
	assert.Equal(t, int64(1), task.Version)
	assert.Equal(t, map[string][]notify.Kind{
		alice:  {notify.KindTaskAssigned},
		claire: {notify.KindFollowUpdate},
	}, e.received())
	n := e.rec.For(alice)[0]
	assert.Equal(t, "system:dunning assigned you a task on invoice INV-2026-0042", n.Subject)
	assert.Equal(t, task.ID, n.Data["task_id"])

	m, err := e.svc.Message(ctx, alice, task.MessageID)
	require.NoError(t, err)
	assert.Equal(t, collab.MessageTask, m.Kind)
	assert.Equal(t, task.ID, m.TaskID)
	followers, _ := e.svc.Followers(ctx, alice, inv)
	assert.Contains(t, followers, alice, "the assignee follows the object")

	mine, err := e.svc.Tasks(ctx, alice, collab.TaskQuery{Assignee: alice})
	require.NoError(t, err)
	require.Len(t, mine, 1)
	assert.True(t, mine[0].Overdue(date.MustNew(2026, 3, 10)))
	assert.False(t, mine[0].Overdue(date.MustNew(2026, 3, 9)))
}

func TestCreateTaskValidation(t *testing.T) {
	e := newEnv(t)
	e.policy.deny(bob, inv)
	tests := []struct {
		name        string
		in          collab.TaskInput
		field, code string
	}{
		{"no title", collab.TaskInput{Assignee: alice}, "title", validation.CodeRequired},
		{"no assignee", collab.TaskInput{Title: "x"}, "assignee", validation.CodeRequired},
		{"unknown assignee", collab.TaskInput{Title: "x", Assignee: "u-ghost"}, "assignee", validation.CodeUnknown},
		{"assignee who may not see the object", collab.TaskInput{Title: "x", Assignee: bob}, "assignee", validation.CodeForbidden},
		{"title on two lines", collab.TaskInput{Title: "a\nb", Assignee: alice}, "title", validation.CodeInvalid},
		{"NUL in the title", collab.TaskInput{Title: "call\x00", Assignee: alice}, "title", validation.CodeInvalid},
		{"invalid UTF-8 in the title", collab.TaskInput{Title: "appeler \xe9", Assignee: alice}, "title", validation.CodeInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := e.svc.CreateTask(context.Background(), claire, inv, tt.in)
			var ve *validation.Error
			require.ErrorAs(t, err, &ve)
			assert.True(t, ve.Has(tt.field, tt.code), "%v", ve)
		})
	}
}

func TestTaskLifecycle(t *testing.T) {
	tests := []struct {
		from, to collab.TaskStatus
		ok       bool
	}{
		{collab.TaskOpen, collab.TaskInProgress, true},
		{collab.TaskOpen, collab.TaskDone, true},
		{collab.TaskOpen, collab.TaskCancelled, true},
		{collab.TaskOpen, collab.TaskOpen, false},
		{collab.TaskInProgress, collab.TaskOpen, true},
		{collab.TaskInProgress, collab.TaskDone, true},
		{collab.TaskInProgress, collab.TaskCancelled, true},
		{collab.TaskDone, collab.TaskOpen, true},
		{collab.TaskDone, collab.TaskInProgress, false},
		{collab.TaskDone, collab.TaskCancelled, false},
		{collab.TaskCancelled, collab.TaskOpen, true},
		{collab.TaskCancelled, collab.TaskDone, false},
	}
	for _, tt := range tests {
		t.Run(string(tt.from)+"->"+string(tt.to), func(t *testing.T) {
			assert.Equal(t, tt.ok, tt.from.CanTransition(tt.to))
		})
	}
}

func TestSetTaskStatus(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	task := newTask(t, e)
	e.rec.Reset()

	started, err := e.svc.SetTaskStatus(ctx, alice, task.ID, task.Version, collab.TaskInProgress)
	require.NoError(t, err)
	assert.Equal(t, int64(2), started.Version)
	assert.Empty(t, e.rec.All(), "the creator is a system actor, the assignee acted: nobody to tell")

	_, err = e.svc.SetTaskStatus(ctx, alice, task.ID, task.Version, collab.TaskDone)
	assert.ErrorIs(t, err, collab.ErrConflict, "version 1 is stale")

	_, err = e.svc.SetTaskStatus(ctx, bob, task.ID, started.Version, collab.TaskDone)
	assert.ErrorIs(t, err, collab.ErrForbidden, "neither creator, assignee nor moderator")

	done, err := e.svc.SetTaskStatus(ctx, admin, task.ID, started.Version, collab.TaskDone)
	require.NoError(t, err, "a moderator may")
	n := e.rec.For(alice)
	require.Len(t, n, 1)
	assert.Equal(t, notify.KindTaskUpdated, n[0].Kind)
	assert.Equal(t, "Call ACME about the overdue invoice (done, due 2026-03-09)", n[0].Body)

	_, err = e.svc.SetTaskStatus(ctx, alice, task.ID, done.Version, collab.TaskCancelled)
	var te *collab.TransitionError
	require.ErrorAs(t, err, &te)
	assert.ErrorIs(t, err, collab.ErrInvalidTransition)
	assert.Equal(t, collab.TaskDone, te.From)

	_, err = e.svc.SetTaskStatus(ctx, alice, task.ID, done.Version, "archived")
	assert.ErrorIs(t, err, validation.ErrInvalid)

	_, err = e.svc.ReassignTask(ctx, alice, task.ID, done.Version, bob)
	assert.ErrorIs(t, err, collab.ErrInvalidTransition, "a done task is not reassigned")
}

func TestReassignAndRescheduleTask(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	task := newTask(t, e)
	e.rec.Reset()

	moved, err := e.svc.ReassignTask(ctx, alice, task.ID, task.Version, bob)
	require.NoError(t, err)
	assert.Equal(t, bob, moved.Assignee)
	assert.Equal(t, map[string][]notify.Kind{bob: {notify.KindTaskAssigned}}, e.received())

	e.policy.deny(dana, inv)
	_, err = e.svc.ReassignTask(ctx, bob, task.ID, moved.Version, dana)
	assert.ErrorIs(t, err, validation.ErrInvalid, "dana may not see the invoice")

	later, err := e.svc.RescheduleTask(ctx, bob, task.ID, moved.Version, date.MustNew(2026, 3, 16))
	require.NoError(t, err)
	assert.Equal(t, date.MustNew(2026, 3, 16), later.Due)
	assert.Equal(t, task.CreatedAt, later.CreatedAt)

	_, err = e.svc.Tasks(ctx, bob, collab.TaskQuery{})
	assert.ErrorIs(t, err, validation.ErrInvalid, "a query names an object or an assignee")
	e.policy.deny(bob, inv)
	mine, err := e.svc.Tasks(ctx, bob, collab.TaskQuery{Assignee: bob})
	require.NoError(t, err)
	assert.Empty(t, mine, "tasks on objects bob may no longer see are left out")
}
