package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/billkit/billkit/collab"
)

// CollabStore implements collab.Store in the database of a Store, so that
// one file holds the billing objects and the conversations about them. It
// is safe for concurrent use. Every method is one transaction: writes
// take their turn with the Store's Updates, reads run on a snapshot.
// Values are stored as JSON, with the columns that queries need (object,
// parent, time, assignee, status) beside them.
//
//	s, err := sqlite.Open(ctx, "billing.db")
//	svc, err := collab.NewService(s.Collab(), dir, policy)
//
// Beyond collab.Store, CollabStore refuses empty message, poll, task and
// attachment IDs with a *validation.Error, and returns an empty list, not
// an error, for replies to a post of another object.
type CollabStore struct {
	s *Store
}

var _ collab.Store = (*CollabStore)(nil)

// Collab returns the collab.Store kept in the same database as s. It is
// valid until s is closed.
func (s *Store) Collab() *CollabStore { return &CollabStore{s: s} }

// CreateThread implements collab.ThreadStore: it stores t unless a thread
// exists for t.Object, and returns the thread stored, in one write
// transaction.
func (c *CollabStore) CreateThread(ctx context.Context, t collab.Thread) (collab.Thread, error) {
	value, err := encode("thread", t.Object.String(), t)
	if err != nil {
		return collab.Thread{}, err
	}
	var stored collab.Thread
	err = c.s.inTx(ctx, true, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO collab_threads (object_kind, object_id, value) VALUES (?, ?, ?)
			ON CONFLICT DO NOTHING`, string(t.Object.Kind), t.Object.ID, value); err != nil {
			return dbError(ctx, "create thread", err)
		}
		return c.thread(ctx, tx, t.Object, &stored)
	})
	return stored, err
}

// ThreadByObject implements collab.ThreadStore.
func (c *CollabStore) ThreadByObject(ctx context.Context, ref collab.Ref) (collab.Thread, error) {
	var t collab.Thread
	err := c.s.inTx(ctx, false, func(tx *sql.Tx) error { return c.thread(ctx, tx, ref, &t) })
	return t, err
}

// thread reads the thread of ref into t.
func (c *CollabStore) thread(ctx context.Context, tx *sql.Tx, ref collab.Ref, t *collab.Thread) error {
	return getJSON(ctx, tx, "thread", ref.String(), t,
		`SELECT value FROM collab_threads WHERE object_kind = ? AND object_id = ?`, string(ref.Kind), ref.ID)
}

// encode returns v as JSON text.
func encode(entity, id string, v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("sqlite: encode %s %q: %w", entity, id, err)
	}
	return string(b), nil
}

// getJSON runs query, which selects one JSON value, and decodes it into
// v; no row is a *collab.NotFoundError for entity and id.
func getJSON(ctx context.Context, tx *sql.Tx, entity, id string, v any, query string, args ...any) error {
	var value []byte
	err := tx.QueryRowContext(ctx, query, args...).Scan(&value)
	if errors.Is(err, sql.ErrNoRows) {
		return &collab.NotFoundError{Entity: entity, ID: id}
	}
	if err != nil {
		return dbError(ctx, "get "+entity, err)
	}
	if err := json.Unmarshal(value, v); err != nil {
		return fmt.Errorf("sqlite: decode %s %q: %w", entity, id, err)
	}
	return nil
}

// listJSON runs query, which selects JSON values, and appends each,
// decoded, to out.
func listJSON[T any](ctx context.Context, tx *sql.Tx, entity string, out []T, query string, args ...any) ([]T, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, dbError(ctx, "list "+entity, err)
	}
	defer rows.Close()
	for rows.Next() {
		var value sql.RawBytes
		if err := rows.Scan(&value); err != nil {
			return nil, dbError(ctx, "list "+entity, err)
		}
		var v T
		if err := json.Unmarshal(value, &v); err != nil {
			return nil, fmt.Errorf("sqlite: decode %s: %w", entity, err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, dbError(ctx, "list "+entity, err)
	}
	return out, nil
}

// exec runs a statement that writes; it returns the number of rows it
// changed.
func exec(ctx context.Context, tx *sql.Tx, op, query string, args ...any) (int64, error) {
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, dbError(ctx, op, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, dbError(ctx, op, err)
	}
	return n, nil
}

// instant returns t as the two columns that order times exactly.
func instant(t time.Time) (int64, int) { return t.Unix(), t.Nanosecond() }
