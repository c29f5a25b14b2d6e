package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/validation"
)

// eventLog is the audit log seen from a transaction.
type eventLog struct {
	tx *tx
}

// eventRows are events laid out as the columns of the append statement.
type eventRows struct {
	ids, actors, kinds, objects, actions, changes, reasons []string
	ns, versions                                           []int64
	at                                                     []time.Time
}

// Append implements billing.EventLog. An event without an ID, or whose ID
// is not a canonical UUID, or whose time PostgreSQL cannot keep to the
// nanosecond (before 1678 or after 2261), is refused with a
// *validation.Error, and nothing is appended.
//
// The first Append of a transaction also queues the notification that
// tells the stores following the feed which transaction to read; like
// the events, it is sent only if the transaction commits.
func (e *eventLog) Append(ctx context.Context, events ...billing.Event) error {
	t := e.tx
	if err := t.check(ctx, true); err != nil {
		return err
	}
	if len(events) == 0 {
		return nil
	}
	rows, err := layOut(events)
	if err != nil {
		return err
	}
	b := &pgx.Batch{}
	b.Queue(t.s.q.appendEvents, rows.ids, rows.ns, rows.at, rows.actors, rows.kinds, rows.objects,
		rows.actions, rows.changes, rows.versions, rows.reasons)
	notify := !t.notified
	if notify {
		b.Queue(t.s.q.notify, t.s.channel, t.s.origin.String()+" ")
	}
	br := t.ptx.SendBatch(ctx, b)
	var dup *string
	var added int64
	err = br.QueryRow().Scan(&dup, &added)
	if err == nil && notify {
		_, err = br.Exec()
	}
	if cerr := br.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return t.fail(err)
	}
	if notify {
		t.notified = true
	}
	switch {
	case dup != nil:
		return &billing.ConflictError{Kind: "event", ID: *dup}
	case added != int64(len(events)):
		// Another transaction committed one of the IDs after this one's
		// check: what was added cannot be taken back, so the transaction
		// fails as a whole.
		err := &billing.ConflictError{Kind: "event", ID: events[0].ID}
		if t.failed == nil {
			t.failed = err
		}
		return err
	}
	return nil
}

// layOut checks events and lays them out in columns. An ID given twice
// is a *billing.ConflictError.
func layOut(events []billing.Event) (*eventRows, error) {
	n := len(events)
	r := &eventRows{
		ids: make([]string, n), actors: make([]string, n), kinds: make([]string, n), objects: make([]string, n),
		actions: make([]string, n), changes: make([]string, n), reasons: make([]string, n),
		ns: make([]int64, n), versions: make([]int64, n), at: make([]time.Time, n),
	}
	seen := make(map[string]struct{}, n)
	for i, ev := range events {
		field := "events[" + strconv.Itoa(i) + "]"
		switch {
		case ev.ID == "":
			return nil, validation.New(field+".id", validation.CodeRequired, "is required")
		case !canonical(ev.ID):
			return nil, validation.New(field+".id", validation.CodeInvalid, "must be a UUID in canonical form")
		case !nanosFit(ev.At):
			return nil, validation.New(field+".at", validation.CodeInvalid, "must be between 1678 and 2261")
		}
		if _, ok := seen[ev.ID]; ok {
			return nil, &billing.ConflictError{Kind: "event", ID: ev.ID}
		}
		seen[ev.ID] = struct{}{}
		changes := ev.Changes
		if changes == nil {
			changes = []billing.Change{}
		}
		raw, err := json.Marshal(changes)
		if err != nil {
			return nil, err
		}
		if hasNUL(raw) || strings.ContainsRune(ev.Actor+ev.Object.ID+string(ev.Object.Kind)+string(ev.Action)+ev.Reason, 0) {
			return nil, validation.New(field, validation.CodeInvalid, "holds a NUL character, which PostgreSQL cannot store")
		}
		r.ids[i], r.actors[i], r.kinds[i], r.objects[i] = ev.ID, ev.Actor, string(ev.Object.Kind), ev.Object.ID
		r.actions[i], r.changes[i], r.reasons[i] = string(ev.Action), string(raw), ev.Reason
		r.ns[i], r.versions[i], r.at[i] = ev.At.UnixNano(), int64(ev.Version), ev.At
	}
	return r, nil
}

// nanosFit reports whether t is kept exactly by its Unix time in
// nanoseconds.
func nanosFit(t time.Time) bool { return time.Unix(0, t.UnixNano()).Equal(t) }

// nanos returns t in Unix nanoseconds, saturated at the ends of the
// range.
func nanos(t time.Time) int64 {
	switch {
	case t.Before(time.Unix(0, math.MinInt64)):
		return math.MinInt64
	case t.After(time.Unix(0, math.MaxInt64)):
		return math.MaxInt64
	}
	return t.UnixNano()
}

// Object implements billing.EventLog.
func (e *eventLog) Object(ctx context.Context, ref collab.Ref, q billing.EventQuery) ([]billing.Event, error) {
	return e.query(ctx, &ref, q)
}

// Range implements billing.EventLog.
func (e *eventLog) Range(ctx context.Context, q billing.EventQuery) ([]billing.Event, error) {
	return e.query(ctx, nil, q)
}

// query returns the events of ref (every object when nil) that q selects.
func (e *eventLog) query(ctx context.Context, ref *collab.Ref, q billing.EventQuery) ([]billing.Event, error) {
	t := e.tx
	if err := t.check(ctx, false); err != nil {
		return nil, err
	}
	var sql strings.Builder
	sql.WriteString(t.s.q.eventColumns)
	var args []any
	first := true
	where := func(cond string, vals ...any) {
		if first {
			sql.WriteString(" WHERE ")
			first = false
		} else {
			sql.WriteString(" AND ")
		}
		for _, v := range vals {
			args = append(args, v)
			cond = strings.Replace(cond, "?", "$"+strconv.Itoa(len(args)), 1)
		}
		sql.WriteString(cond)
	}
	if ref != nil {
		where("object_kind = ? AND object_id = ?", string(ref.Kind), ref.ID)
	}
	if !q.Since.IsZero() {
		where("at_ns >= ?", nanos(q.Since))
	}
	if !q.Until.IsZero() {
		where("at_ns < ?", nanos(q.Until))
	}
	if !q.After.IsZero() {
		op := ">"
		if q.Descending {
			op = "<"
		}
		at := nanos(q.After.At)
		switch {
		case q.After.ID == "" && q.Descending:
			where("at_ns < ?", at)
		case q.After.ID == "":
			where("at_ns >= ?", at)
		case canonical(q.After.ID):
			where("(at_ns, id) "+op+" (?, ?::uuid)", at, q.After.ID)
		default: // compare the ID as text, as the cursor is
			where("(at_ns "+op+" ? OR (at_ns = ? AND id::text "+op+` ? COLLATE "C"))`, at, at, q.After.ID)
		}
	}
	if q.Descending {
		sql.WriteString(" ORDER BY at_ns DESC, id DESC")
	} else {
		sql.WriteString(" ORDER BY at_ns, id")
	}
	if q.Limit > 0 {
		args = append(args, int64(q.Limit))
		sql.WriteString(" LIMIT $" + strconv.Itoa(len(args)))
	}
	rows, err := t.ptx.Query(ctx, sql.String(), args...)
	if err != nil {
		return nil, t.fail(err)
	}
	out, err := scanEvents(rows)
	if err != nil {
		return nil, t.fail(err)
	}
	return out, nil
}

// scanEvents reads the events of rows, selected by eventColumns, and
// closes rows.
func scanEvents(rows pgx.Rows) ([]billing.Event, error) {
	defer rows.Close()
	var out []billing.Event
	for rows.Next() {
		var (
			ev      billing.Event
			ns      int64
			kind    string
			action  string
			version int64
			changes []byte
		)
		if err := rows.Scan(&ev.ID, &ns, &ev.Actor, &kind, &ev.Object.ID, &action, &changes, &version, &ev.Reason); err != nil {
			return nil, err
		}
		ev.At = time.Unix(0, ns).UTC()
		ev.Object.Kind, ev.Action, ev.Version = collab.Kind(kind), billing.Action(action), uint64(version)
		if err := json.Unmarshal(changes, &ev.Changes); err != nil {
			return nil, fmt.Errorf("postgres: event %s: %w", ev.ID, err)
		}
		if len(ev.Changes) == 0 {
			ev.Changes = nil
		}
		out = append(out, ev)
	}
	return out, rows.Err()
}
