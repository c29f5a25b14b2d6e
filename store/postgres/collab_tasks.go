package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
)

// InsertTask implements collab.TaskStore: the task and its message are
// one transaction, both or neither.
func (c *CollabStore) InsertTask(ctx context.Context, t collab.Task, m collab.Message) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var f faults
	f.id("task.id", t.ID)
	f.ref("task.object", t.Object)
	f.text("task.message_id", t.MessageID)
	f.text("task.created_by", t.CreatedBy)
	f.time("task.created_at", t.CreatedAt)
	content := taskContent(&f, t)
	if err := f.err(); err != nil {
		return err
	}
	args, err := c.messageArgs(m)
	if err != nil {
		return err
	}
	at, ns := splitTime(t.CreatedAt)
	return c.inTx(ctx, "insert task", func(tx *lazyTx) error {
		tag, err := tx.Exec(ctx, c.q.insertTask, t.ID, string(t.Object.Kind), t.Object.ID, t.MessageID,
			content[0], content[1], content[2], content[3], t.CreatedBy, at, ns, content[4], content[5], t.Version)
		if err != nil {
			return dbErr(ctx, "insert task", err)
		}
		if tag.RowsAffected() == 0 {
			return &collab.ConflictError{Entity: "task", ID: t.ID}
		}
		return c.insertMessage(ctx, tx, args, m.ID)
	})
}

// taskContent checks what an update of t may change, with the faults
// found before in f, and returns it as the arguments of the update from
// title ($3) to updated_nanos ($8).
func taskContent(f *faults, t collab.Task) []any {
	f.text("task.title", t.Title)
	f.text("task.assignee", t.Assignee)
	f.text("task.status", string(t.Status))
	f.time("task.updated_at", t.UpdatedAt)
	var due any
	if !t.Due.IsZero() {
		due = t.Due.String()
	}
	at, ns := optTime(t.UpdatedAt)
	return []any{t.Title, t.Assignee, due, string(t.Status), at, ns}
}

// Task implements collab.TaskStore.
func (c *CollabStore) Task(ctx context.Context, id string) (collab.Task, error) {
	if err := ctx.Err(); err != nil {
		return collab.Task{}, err
	}
	if !storable(id) {
		return collab.Task{}, &collab.NotFoundError{Entity: "task", ID: id}
	}
	rows, err := c.s.pool.Query(ctx, c.q.task, id)
	if err != nil {
		return collab.Task{}, dbErr(ctx, "read task", err)
	}
	return oneTask(ctx, rows, id)
}

// oneTask reads the task of rows, closing them; no row is a
// *collab.NotFoundError for id.
func oneTask(ctx context.Context, rows pgx.Rows, id string) (collab.Task, error) {
	t, err := pgx.CollectExactlyOneRow(rows, scanTask)
	if errors.Is(err, pgx.ErrNoRows) {
		return collab.Task{}, &collab.NotFoundError{Entity: "task", ID: id}
	}
	if err != nil {
		return collab.Task{}, dbErr(ctx, "read task", err)
	}
	return t, nil
}

// scanTask reads a task from the columns of taskColumns.
func scanTask(row pgx.CollectableRow) (collab.Task, error) {
	var (
		t                 collab.Task
		kind, due, status string
		created           time.Time
		updated           *time.Time
		createdNs, updNs  int16
	)
	err := row.Scan(&t.ID, &kind, &t.Object.ID, &t.MessageID, &t.Title, &t.Assignee, &due, &status, &t.CreatedBy,
		&created, &createdNs, &updated, &updNs, &t.Version)
	if err != nil {
		return collab.Task{}, err
	}
	t.Object.Kind, t.Status = collab.Kind(kind), collab.TaskStatus(status)
	t.CreatedAt, t.UpdatedAt = joinTime(created, createdNs), joinOptTime(updated, updNs)
	if due != "" {
		if t.Due, err = date.Parse(due); err != nil {
			return collab.Task{}, fmt.Errorf("postgres: task %q: due date %q: %w", t.ID, due, err)
		}
	}
	return t, nil
}

// UpdateTask implements collab.TaskStore. A task's identity (ID, object,
// message, creator, creation time) cannot change. The version is compared
// in the UPDATE's WHERE clause: of two updates from one version (a task
// completed twice), the second waits for the first to commit, then finds
// another version and is a *collab.ConflictError.
func (c *CollabStore) UpdateTask(ctx context.Context, t collab.Task) (collab.Task, error) {
	if err := ctx.Err(); err != nil {
		return collab.Task{}, err
	}
	if !storable(t.ID) {
		return collab.Task{}, &collab.NotFoundError{Entity: "task", ID: t.ID}
	}
	var f faults
	content := taskContent(&f, t)
	if err := f.err(); err != nil {
		return collab.Task{}, err
	}
	rows, err := c.s.pool.Query(ctx, c.q.updateTask, append([]any{t.ID, t.Version}, content...)...)
	if err != nil {
		return collab.Task{}, dbErr(ctx, "update task", err)
	}
	updated, err := oneTask(ctx, rows, t.ID)
	if !errors.Is(err, collab.ErrNotFound) {
		return updated, err
	}
	return collab.Task{}, c.staleVersion(ctx, "task", c.q.taskVersion, t.ID, t.Version)
}

// ListTasks implements collab.TaskStore. A query by object or by assignee
// reads that index in creation order; one by neither reads every task.
func (c *CollabStore) ListTasks(ctx context.Context, q collab.TaskQuery) ([]collab.Task, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if (!q.Object.IsZero() && !storableRef(q.Object)) || !storable(q.Assignee) {
		return []collab.Task{}, nil
	}
	statuses := make([]string, 0, len(q.Statuses))
	for _, s := range q.Statuses {
		if storable(string(s)) { // no task is in another
			statuses = append(statuses, string(s))
		}
	}
	if len(statuses) == 0 && len(q.Statuses) > 0 {
		return []collab.Task{}, nil
	}
	shape := taskShape{object: !q.Object.IsZero(), assignee: q.Assignee != ""}
	var args []any
	if shape.object {
		args = append(args, string(q.Object.Kind), q.Object.ID)
	}
	if shape.assignee {
		args = append(args, q.Assignee)
	}
	rows, err := c.s.pool.Query(ctx, c.q.tasks[shape], append(args, statuses)...)
	if err != nil {
		return nil, dbErr(ctx, "list tasks", err)
	}
	tasks, err := pgx.CollectRows(rows, scanTask)
	if err != nil {
		return nil, dbErr(ctx, "list tasks", err)
	}
	if tasks == nil {
		tasks = []collab.Task{}
	}
	return tasks, nil
}
