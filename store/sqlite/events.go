package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/validation"
)

// eventLog is the audit log seen from a transaction.
type eventLog struct {
	tx *tx
}

// Append implements billing.EventLog. An event without an ID is refused
// with a *validation.Error, and nothing is appended. The events of one
// call are appended together: a savepoint takes back those already
// inserted when one of them is refused.
func (e *eventLog) Append(ctx context.Context, events ...billing.Event) (err error) {
	if err := e.tx.check(ctx, true); err != nil {
		return err
	}
	values := make([][]byte, len(events))
	for i, ev := range events {
		if ev.ID == "" {
			return validation.New("events["+strconv.Itoa(i)+"].id", validation.CodeRequired, "is required")
		}
		ev.At = ev.At.Round(0) // as a database orders it: by wall time
		if values[i], err = json.Marshal(ev); err != nil {
			return fmt.Errorf("sqlite: encode event %q: %w", ev.ID, err)
		}
	}
	if len(events) > 1 {
		if _, err := e.tx.sqlTx.ExecContext(ctx, `SAVEPOINT append_events`); err != nil {
			return dbError(ctx, "append events", err)
		}
		defer func() {
			if err != nil {
				_, _ = e.tx.sqlTx.ExecContext(context.WithoutCancel(ctx), `ROLLBACK TO append_events`)
			}
			_, _ = e.tx.sqlTx.ExecContext(context.WithoutCancel(ctx), `RELEASE append_events`)
		}()
	}
	insert := e.tx.stmt(ctx, stmtEventInsert)
	for i, ev := range events {
		res, err := insert.ExecContext(ctx, ev.ID, ev.At.Unix(), ev.At.Nanosecond(),
			string(ev.Object.Kind), ev.Object.ID, string(values[i]))
		if err != nil {
			return dbError(ctx, "append event", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return dbError(ctx, "append event", err)
		} else if n == 0 { // stored already, or given twice
			return &billing.ConflictError{Kind: "event", ID: ev.ID}
		}
	}
	return nil
}

// Object implements billing.EventLog.
func (e *eventLog) Object(ctx context.Context, ref collab.Ref, q billing.EventQuery) ([]billing.Event, error) {
	if err := e.tx.check(ctx, false); err != nil {
		return nil, err
	}
	return e.query(ctx, []string{"object_kind = ?", "object_id = ?"}, []any{string(ref.Kind), ref.ID}, q)
}

// Range implements billing.EventLog.
func (e *eventLog) Range(ctx context.Context, q billing.EventQuery) ([]billing.Event, error) {
	if err := e.tx.check(ctx, false); err != nil {
		return nil, err
	}
	return e.query(ctx, nil, nil, q)
}

// query returns the events that match where and q, in q's order. Events
// are ordered by (at_sec, at_nsec, id), as collab.Position.Compare orders
// them, and the conditions on that triple use row values, so that SQLite
// walks one of the two indexes.
func (e *eventLog) query(ctx context.Context, where []string, args []any, q billing.EventQuery) ([]billing.Event, error) {
	if !q.Since.IsZero() {
		where = append(where, "(at_sec, at_nsec) >= (?, ?)")
		args = append(args, q.Since.Unix(), q.Since.Nanosecond())
	}
	if !q.Until.IsZero() {
		where = append(where, "(at_sec, at_nsec) < (?, ?)")
		args = append(args, q.Until.Unix(), q.Until.Nanosecond())
	}
	order := "ASC"
	if q.Descending {
		order = "DESC"
	}
	if !q.After.IsZero() {
		op := ">"
		if q.Descending {
			op = "<"
		}
		where = append(where, "(at_sec, at_nsec, id) "+op+" (?, ?, ?)")
		args = append(args, q.After.At.Unix(), q.After.At.Nanosecond(), q.After.ID)
	}
	var b strings.Builder
	b.WriteString("SELECT value FROM events")
	if len(where) > 0 {
		b.WriteString(" WHERE ")
		b.WriteString(strings.Join(where, " AND "))
	}
	fmt.Fprintf(&b, " ORDER BY at_sec %s, at_nsec %s, id %s", order, order, order)
	if q.Limit > 0 {
		b.WriteString(" LIMIT ?")
		args = append(args, q.Limit)
	}
	rows, err := e.tx.sqlTx.QueryContext(ctx, b.String(), args...)
	if err != nil {
		return nil, dbError(ctx, "query events", err)
	}
	defer rows.Close()
	var out []billing.Event
	for rows.Next() {
		var value []byte
		if err := rows.Scan(&value); err != nil {
			return nil, dbError(ctx, "query events", err)
		}
		var ev billing.Event
		if err := json.Unmarshal(value, &ev); err != nil {
			return nil, fmt.Errorf("sqlite: decode event: %w", err)
		}
		out = append(out, ev)
	}
	if err := rows.Err(); err != nil {
		return nil, dbError(ctx, "query events", err)
	}
	return out, nil
}
