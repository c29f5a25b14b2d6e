package sqlite

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/validation"
)

// InsertPoll implements collab.PollStore: the poll and its message are
// stored in one write transaction, both or neither.
func (c *CollabStore) InsertPoll(ctx context.Context, p collab.Poll, m collab.Message) error {
	if p.ID == "" {
		return validation.New("poll.id", validation.CodeRequired, "is required to store a poll")
	}
	value, err := encode("poll", p.ID, p)
	if err != nil {
		return err
	}
	return c.s.inTx(ctx, true, func(tx *sql.Tx) error {
		n, err := exec(ctx, tx, "insert poll", `INSERT INTO collab_polls (id, value) VALUES (?, ?) ON CONFLICT DO NOTHING`,
			p.ID, value)
		if err != nil {
			return err
		}
		if n == 0 {
			return &collab.ConflictError{Entity: "poll", ID: p.ID}
		}
		return insertMessage(ctx, tx, m)
	})
}

// Poll implements collab.PollStore.
func (c *CollabStore) Poll(ctx context.Context, id string) (collab.Poll, error) {
	var p collab.Poll
	err := c.s.inTx(ctx, false, func(tx *sql.Tx) error { return poll(ctx, tx, id, &p) })
	return p, err
}

func poll(ctx context.Context, tx *sql.Tx, id string, p *collab.Poll) error {
	return getJSON(ctx, tx, "poll", id, p, `SELECT value FROM collab_polls WHERE id = ?`, id)
}

// CastVote implements collab.PollStore; the check that the poll is open
// and the vote are one write transaction.
func (c *CollabStore) CastVote(ctx context.Context, pollID, userID, choiceID string) (collab.Poll, error) {
	return c.changePoll(ctx, pollID, func(p *collab.Poll) error {
		if !p.HasChoice(choiceID) {
			return &collab.NotFoundError{Entity: "choice", ID: choiceID}
		}
		if p.Ballots == nil {
			p.Ballots = map[string]string{}
		}
		p.Ballots[userID] = choiceID
		return nil
	})
}

// ClosePoll implements collab.PollStore.
func (c *CollabStore) ClosePoll(ctx context.Context, pollID, by string, at time.Time) (collab.Poll, error) {
	return c.changePoll(ctx, pollID, func(p *collab.Poll) error {
		p.ClosedAt, p.ClosedBy = at, by
		return nil
	})
}

// changePoll applies change to an open poll and stores it, in one write
// transaction.
func (c *CollabStore) changePoll(ctx context.Context, pollID string, change func(*collab.Poll) error) (collab.Poll, error) {
	var p collab.Poll
	err := c.s.inTx(ctx, true, func(tx *sql.Tx) error {
		if err := poll(ctx, tx, pollID, &p); err != nil {
			return err
		}
		if p.Closed() {
			return collab.ErrClosed
		}
		if err := change(&p); err != nil {
			return err
		}
		value, err := encode("poll", p.ID, p)
		if err != nil {
			return err
		}
		_, err = exec(ctx, tx, "update poll", `UPDATE collab_polls SET value = ? WHERE id = ?`, value, pollID)
		return err
	})
	if err != nil {
		return collab.Poll{}, err
	}
	return p, nil
}

// InsertTask implements collab.TaskStore: the task and its message are
// stored in one write transaction, both or neither.
func (c *CollabStore) InsertTask(ctx context.Context, t collab.Task, m collab.Message) error {
	if t.ID == "" {
		return validation.New("task.id", validation.CodeRequired, "is required to store a task")
	}
	value, err := encode("task", t.ID, t)
	if err != nil {
		return err
	}
	return c.s.inTx(ctx, true, func(tx *sql.Tx) error {
		sec, nsec := instant(t.CreatedAt)
		n, err := exec(ctx, tx, "insert task", `INSERT INTO collab_tasks
			(id, object_kind, object_id, assignee, status, at_sec, at_nsec, version, value)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
			t.ID, string(t.Object.Kind), t.Object.ID, t.Assignee, string(t.Status), sec, nsec, t.Version, value)
		if err != nil {
			return err
		}
		if n == 0 {
			return &collab.ConflictError{Entity: "task", ID: t.ID}
		}
		return insertMessage(ctx, tx, m)
	})
}

// Task implements collab.TaskStore.
func (c *CollabStore) Task(ctx context.Context, id string) (collab.Task, error) {
	var t collab.Task
	err := c.s.inTx(ctx, false, func(tx *sql.Tx) error {
		return getJSON(ctx, tx, "task", id, &t, `SELECT value FROM collab_tasks WHERE id = ?`, id)
	})
	return t, err
}

// UpdateTask implements collab.TaskStore. A task's identity (ID, object,
// message, creator, creation time) cannot change.
func (c *CollabStore) UpdateTask(ctx context.Context, t collab.Task) (collab.Task, error) {
	err := c.s.inTx(ctx, true, func(tx *sql.Tx) error {
		var old collab.Task
		if err := getJSON(ctx, tx, "task", t.ID, &old, `SELECT value FROM collab_tasks WHERE id = ?`, t.ID); err != nil {
			return err
		}
		if old.Version != t.Version {
			return &collab.ConflictError{Entity: "task", ID: t.ID, Expected: t.Version, Actual: old.Version}
		}
		t.Object, t.MessageID, t.CreatedBy, t.CreatedAt = old.Object, old.MessageID, old.CreatedBy, old.CreatedAt
		t.Version = old.Version + 1
		value, err := encode("task", t.ID, t)
		if err != nil {
			return err
		}
		_, err = exec(ctx, tx, "update task", `UPDATE collab_tasks SET assignee = ?, status = ?, version = ?, value = ?
			WHERE id = ?`, t.Assignee, string(t.Status), t.Version, value, t.ID)
		return err
	})
	if err != nil {
		return collab.Task{}, err
	}
	return t, nil
}

// ListTasks implements collab.TaskStore.
func (c *CollabStore) ListTasks(ctx context.Context, q collab.TaskQuery) ([]collab.Task, error) {
	var out []collab.Task
	err := c.s.inTx(ctx, false, func(tx *sql.Tx) error {
		where := []string{"1"}
		var args []any
		if !q.Object.IsZero() {
			where = append(where, "object_kind = ? AND object_id = ?")
			args = append(args, string(q.Object.Kind), q.Object.ID)
		}
		if q.Assignee != "" {
			where = append(where, "assignee = ?")
			args = append(args, q.Assignee)
		}
		if len(q.Statuses) > 0 {
			where = append(where, "status IN (?"+strings.Repeat(", ?", len(q.Statuses)-1)+")")
			for _, st := range q.Statuses {
				args = append(args, string(st))
			}
		}
		var err error
		out, err = listJSON(ctx, tx, "tasks", []collab.Task{}, `SELECT value FROM collab_tasks WHERE `+
			strings.Join(where, " AND ")+` ORDER BY at_sec, at_nsec, id`, args...)
		return err
	})
	return out, err
}

// InsertAttachment implements collab.AttachmentStore.
func (c *CollabStore) InsertAttachment(ctx context.Context, a collab.Attachment) error {
	if a.ID == "" {
		return validation.New("attachment.id", validation.CodeRequired, "is required to store an attachment")
	}
	value, err := encode("attachment", a.ID, a)
	if err != nil {
		return err
	}
	return c.s.inTx(ctx, true, func(tx *sql.Tx) error {
		n, err := exec(ctx, tx, "insert attachment", `INSERT INTO collab_attachments (id, object_kind, object_id, value)
			VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`, a.ID, string(a.Object.Kind), a.Object.ID, value)
		if err != nil {
			return err
		}
		if n == 0 {
			return &collab.ConflictError{Entity: "attachment", ID: a.ID}
		}
		return nil
	})
}

// Attachment implements collab.AttachmentStore.
func (c *CollabStore) Attachment(ctx context.Context, id string) (collab.Attachment, error) {
	var a collab.Attachment
	err := c.s.inTx(ctx, false, func(tx *sql.Tx) error {
		return getJSON(ctx, tx, "attachment", id, &a, `SELECT value FROM collab_attachments WHERE id = ?`, id)
	})
	return a, err
}

// ListAttachments implements collab.AttachmentStore: the attachments of
// ref in the order they were stored.
func (c *CollabStore) ListAttachments(ctx context.Context, ref collab.Ref) ([]collab.Attachment, error) {
	var out []collab.Attachment
	err := c.s.inTx(ctx, false, func(tx *sql.Tx) error {
		var err error
		out, err = listJSON(ctx, tx, "attachments", []collab.Attachment{}, `SELECT value FROM collab_attachments
			WHERE object_kind = ? AND object_id = ? ORDER BY n`, string(ref.Kind), ref.ID)
		return err
	})
	return out, err
}
