package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/validation"
)

// InsertMessage implements collab.MessageStore.
func (c *CollabStore) InsertMessage(ctx context.Context, m collab.Message) error {
	return c.s.inTx(ctx, true, func(tx *sql.Tx) error { return insertMessage(ctx, tx, m) })
}

// insertMessage stores a new message, without its reactions and reply
// count, which are kept apart.
func insertMessage(ctx context.Context, tx *sql.Tx, m collab.Message) error {
	if m.ID == "" {
		return validation.New("message.id", validation.CodeRequired, "is required to store a message")
	}
	m.Reactions, m.ReplyCount = nil, 0
	value, err := encode("message", m.ID, m)
	if err != nil {
		return err
	}
	sec, nsec := instant(m.CreatedAt)
	n, err := exec(ctx, tx, "insert message", `INSERT INTO collab_messages
		(id, object_kind, object_id, parent_id, at_sec, at_nsec, version, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT DO NOTHING`, m.ID, string(m.Object.Kind), m.Object.ID, m.ParentID, sec, nsec, m.Version, value)
	if err != nil {
		return err
	}
	if n == 0 {
		return &collab.ConflictError{Entity: "message", ID: m.ID}
	}
	return nil
}

// Message implements collab.MessageStore.
func (c *CollabStore) Message(ctx context.Context, id string) (collab.Message, error) {
	var m collab.Message
	err := c.s.inTx(ctx, false, func(tx *sql.Tx) error {
		var err error
		m, err = message(ctx, tx, id)
		return err
	})
	return m, err
}

// message returns a stored message with its reactions and reply count.
func message(ctx context.Context, tx *sql.Tx, id string) (collab.Message, error) {
	var m collab.Message
	if err := getJSON(ctx, tx, "message", id, &m, `SELECT value FROM collab_messages WHERE id = ?`, id); err != nil {
		return collab.Message{}, err
	}
	return m, fillMessage(ctx, tx, &m)
}

// fillMessage sets the reactions and the reply count of m.
func fillMessage(ctx context.Context, tx *sql.Tx, m *collab.Message) error {
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM collab_messages WHERE parent_id = ?`, m.ID).
		Scan(&m.ReplyCount); err != nil {
		return dbError(ctx, "count replies", err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT reaction, user_id FROM collab_reactions WHERE message_id = ?
		ORDER BY reaction, user_id`, m.ID)
	if err != nil {
		return dbError(ctx, "read reactions", err)
	}
	defer rows.Close()
	m.Reactions = nil
	for rows.Next() {
		var r collab.Reaction
		var user string
		if err := rows.Scan(&r, &user); err != nil {
			return dbError(ctx, "read reactions", err)
		}
		if n := len(m.Reactions); n == 0 || m.Reactions[n-1].Reaction != r {
			m.Reactions = append(m.Reactions, collab.ReactionCount{Reaction: r})
		}
		last := &m.Reactions[len(m.Reactions)-1]
		last.Count++
		last.Users = append(last.Users, user)
	}
	if err := rows.Err(); err != nil {
		return dbError(ctx, "read reactions", err)
	}
	return nil
}

// UpdateMessage implements collab.MessageStore. The message's identity and
// place (ID, thread, object, parent, author, creation time, kind) cannot
// change.
func (c *CollabStore) UpdateMessage(ctx context.Context, m collab.Message) (collab.Message, error) {
	var out collab.Message
	err := c.s.inTx(ctx, true, func(tx *sql.Tx) error {
		old, err := message(ctx, tx, m.ID)
		if err != nil {
			return err
		}
		if old.Version != m.Version {
			return &collab.ConflictError{Entity: "message", ID: m.ID, Expected: m.Version, Actual: old.Version}
		}
		m.ThreadID, m.Object, m.ParentID, m.InReplyTo = old.ThreadID, old.Object, old.ParentID, old.InReplyTo
		m.Author, m.CreatedAt, m.Kind = old.Author, old.CreatedAt, old.Kind
		m.Reactions, m.ReplyCount = nil, 0
		m.Version = old.Version + 1
		value, err := encode("message", m.ID, m)
		if err != nil {
			return err
		}
		if _, err := exec(ctx, tx, "update message", `UPDATE collab_messages SET version = ?, value = ? WHERE id = ?`,
			m.Version, value, m.ID); err != nil {
			return err
		}
		m.Reactions, m.ReplyCount = old.Reactions, old.ReplyCount
		out = m
		return nil
	})
	return out, err
}

// ListMessages implements collab.MessageStore.
func (c *CollabStore) ListMessages(ctx context.Context, q collab.MessageQuery) ([]collab.Message, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(q.Objects) == 0 || q.Limit < 1 {
		var errs validation.Errors
		if len(q.Objects) == 0 {
			errs.Add("objects", validation.CodeRequired, "name at least one object")
		}
		if q.Limit < 1 {
			errs.Add("limit", validation.CodeOutOfRange, "must be at least 1")
		}
		return nil, errs.Err()
	}
	var out []collab.Message
	err := c.s.inTx(ctx, false, func(tx *sql.Tx) error {
		var where []string
		var args []any
		if q.Parent != "" {
			parent, err := message(ctx, tx, q.Parent)
			if errors.Is(err, collab.ErrNotFound) || (err == nil && !slices.Contains(q.Objects, parent.Object)) {
				out = []collab.Message{}
				return nil
			}
			if err != nil {
				return err
			}
			where, args = append(where, "parent_id = ?"), append(args, q.Parent)
		} else {
			refs := make([]string, len(q.Objects))
			for i, ref := range q.Objects {
				refs[i] = "(?, ?)"
				args = append(args, string(ref.Kind), ref.ID)
			}
			where = append(where, "(object_kind, object_id) IN (VALUES "+strings.Join(refs, ", ")+")")
		}
		order, op := "ASC", ">="
		if q.Descending {
			order, op = "DESC", "<="
		}
		if !q.From.IsZero() {
			sec, nsec := instant(q.From.At)
			where = append(where, "(at_sec, at_nsec, id) "+op+" (?, ?, ?)")
			args = append(args, sec, nsec, q.From.ID)
		}
		args = append(args, q.Limit)
		var err error
		out, err = listJSON(ctx, tx, "messages", []collab.Message{}, `SELECT value FROM collab_messages WHERE `+
			strings.Join(where, " AND ")+` ORDER BY at_sec `+order+`, at_nsec `+order+`, id `+order+` LIMIT ?`, args...)
		if err != nil {
			return err
		}
		for i := range out {
			if err := fillMessage(ctx, tx, &out[i]); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// ToggleReaction implements collab.MessageStore, in one write transaction.
func (c *CollabStore) ToggleReaction(ctx context.Context, messageID, userID string, r collab.Reaction) (bool, error) {
	var set bool
	err := c.s.inTx(ctx, true, func(tx *sql.Tx) error {
		var exists int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM collab_messages WHERE id = ?`, messageID).Scan(&exists); err != nil {
			return dbError(ctx, "toggle reaction", err)
		}
		if exists == 0 {
			return &collab.NotFoundError{Entity: "message", ID: messageID}
		}
		n, err := exec(ctx, tx, "toggle reaction", `DELETE FROM collab_reactions
			WHERE message_id = ? AND user_id = ? AND reaction = ?`, messageID, userID, string(r))
		if err != nil || n > 0 {
			return err // the same reaction again: removed
		}
		set = true
		_, err = exec(ctx, tx, "toggle reaction", `INSERT INTO collab_reactions (message_id, user_id, reaction) VALUES (?, ?, ?)
			ON CONFLICT DO UPDATE SET reaction = excluded.reaction`, messageID, userID, string(r))
		return err
	})
	return set, err
}
