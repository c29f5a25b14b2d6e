package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

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
	versions                                               []int64
	nanos                                                  []int16
	at                                                     []time.Time
}

// Append implements billing.EventLog. An event without an ID, or whose ID
// is not a canonical UUID, or whose time is beyond what PostgreSQL keeps
// (before 4713 BC or after 294275), is refused with a *validation.Error,
// and nothing is appended.
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
	single := len(events) == 1
	if single {
		b.Queue(t.s.q.appendEvent, rows.ids[0], rows.nanos[0], rows.at[0], rows.actors[0], rows.kinds[0], rows.objects[0],
			rows.actions[0], rows.changes[0], rows.versions[0], rows.reasons[0], t.s.origin)
	} else {
		b.Queue(t.s.q.appendEvents, rows.ids, rows.nanos, rows.at, rows.actors, rows.kinds, rows.objects,
			rows.actions, rows.changes, rows.versions, rows.reasons, t.s.origin)
	}
	notify := !t.notified
	if notify {
		b.Queue(t.s.q.notify, t.s.channel, t.s.origin.String()+" ")
	}
	br, err := t.ptx.SendBatch(ctx, b)
	if err != nil {
		return t.fail(err)
	}
	var tag pgconn.CommandTag
	tag, err = br.Exec()
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
	switch added := tag.RowsAffected(); {
	case added == int64(len(events)):
		return nil
	case single:
		return &billing.ConflictError{Kind: "event", ID: events[0].ID}
	case added == 0: // an ID is taken: say which
		var taken string
		if err := t.ptx.QueryRow(ctx, t.s.q.eventTaken, rows.ids).Scan(&taken); err != nil {
			return t.fail(err)
		}
		return &billing.ConflictError{Kind: "event", ID: taken}
	}
	// Another transaction committed one of the IDs after this one's
	// check: what was added cannot be taken back, so the transaction
	// fails as a whole.
	err = &billing.ConflictError{Kind: "event", ID: events[0].ID}
	if t.failed == nil {
		t.failed = err
	}
	return err
}

// layOut checks events and lays them out in columns. An ID given twice
// is a *billing.ConflictError.
func layOut(events []billing.Event) (*eventRows, error) {
	n := len(events)
	r := &eventRows{
		ids: make([]string, n), actors: make([]string, n), kinds: make([]string, n), objects: make([]string, n),
		actions: make([]string, n), changes: make([]string, n), reasons: make([]string, n),
		nanos: make([]int16, n), versions: make([]int64, n), at: make([]time.Time, n),
	}
	seen := make(map[string]struct{}, n)
	for i, ev := range events {
		field := "events[" + strconv.Itoa(i) + "]"
		switch {
		case ev.ID == "":
			return nil, validation.New(field+".id", validation.CodeRequired, "is required")
		case !canonical(ev.ID):
			return nil, validation.New(field+".id", validation.CodeInvalid, "must be a UUID in canonical form")
		case ev.At.Before(minTime) || ev.At.After(maxTime):
			return nil, validation.New(field+".at", validation.CodeInvalid, "must be between 4713 BC and 294275")
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
		if hasNUL(raw) || !storable(ev.Actor+ev.Object.ID+string(ev.Object.Kind)+string(ev.Action)+ev.Reason) {
			return nil, validation.New(field, validation.CodeInvalid, "holds a NUL character or invalid UTF-8, which PostgreSQL cannot store")
		}
		r.ids[i], r.actors[i], r.kinds[i], r.objects[i] = ev.ID, ev.Actor, string(ev.Object.Kind), ev.Object.ID
		r.actions[i], r.changes[i], r.reasons[i] = string(ev.Action), string(raw), ev.Reason
		r.at[i], r.nanos[i] = splitTime(ev.At)
		r.versions[i] = int64(ev.Version)
	}
	return r, nil
}

// minTime and maxTime bound the instants a timestamptz holds, with a
// margin.
var (
	minTime = time.Date(-4712, 1, 2, 0, 0, 0, 0, time.UTC)
	maxTime = time.Date(294275, 12, 31, 0, 0, 0, 0, time.UTC)
)

// splitTime splits t into the microseconds a timestamptz keeps and the
// nanoseconds it drops, so that together they keep t exactly. Times
// beyond what a timestamptz holds are brought to its bounds.
func splitTime(t time.Time) (time.Time, int16) {
	switch {
	case t.Before(minTime):
		return minTime, 0
	case t.After(maxTime):
		return maxTime, 0
	}
	return t.Truncate(time.Microsecond), int16(t.Nanosecond() % 1000)
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
	if ref != nil && !storable(ref.ID+string(ref.Kind)) {
		return nil, nil // no such object is stored
	}
	if !storable(q.After.ID) {
		return nil, validation.New("after.id", validation.CodeInvalid, "must be UTF-8 text without NUL characters")
	}
	sql, args := t.s.q.eventQuery(ref, q)
	rows, err := t.ptx.Query(ctx, sql, args...)
	if err != nil {
		return nil, t.fail(err)
	}
	out, err := scanEvents(rows)
	if err != nil {
		return nil, t.fail(err)
	}
	return out, nil
}

// eventQuery returns the SQL and the arguments that select the events of
// ref (every object when nil) that q selects.
func (qs *queries) eventQuery(ref *collab.Ref, q billing.EventQuery) (string, []any) {
	var sql strings.Builder
	sql.WriteString(qs.eventColumns)
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
		at, ns := splitTime(q.Since)
		where("(at, at_nanos) >= (?, ?)", at, ns)
	}
	if !q.Until.IsZero() {
		at, ns := splitTime(q.Until)
		where("(at, at_nanos) < (?, ?)", at, ns)
	}
	if !q.After.IsZero() {
		op := ">"
		if q.Descending {
			op = "<"
		}
		at, ns := splitTime(q.After.At)
		switch {
		case q.After.ID == "" && q.Descending:
			where("(at, at_nanos) < (?, ?)", at, ns)
		case q.After.ID == "":
			where("(at, at_nanos) >= (?, ?)", at, ns)
		case canonical(q.After.ID):
			where("(at, at_nanos, id) "+op+" (?, ?, ?::uuid)", at, ns, q.After.ID)
		default: // compare the ID as text, as the cursor is
			where("((at, at_nanos) "+op+" (?, ?) OR ((at, at_nanos) = (?, ?) AND id::text "+op+` ? COLLATE "C"))`,
				at, ns, at, ns, q.After.ID)
		}
	}
	if q.Descending {
		sql.WriteString(" ORDER BY e.at DESC, e.at_nanos DESC, e.id DESC")
	} else {
		sql.WriteString(" ORDER BY e.at, e.at_nanos, e.id")
	}
	if q.Limit > 0 {
		args = append(args, int64(q.Limit))
		sql.WriteString(" LIMIT $" + strconv.Itoa(len(args)))
	}
	return sql.String(), args
}

// scanEvents reads the events of rows, selected by eventColumns, and
// closes rows.
func scanEvents(rows pgx.Rows) ([]billing.Event, error) {
	defer rows.Close()
	var out []billing.Event
	for rows.Next() {
		ev, err := scanEvent(rows, nil)
		if err != nil {
			return nil, err
		}
		out = append(out, ev)
	}
	return out, rows.Err()
}

// scanEvent reads the event of the current row: the columns of
// eventColumns, after a transaction ID read into tx when tx is not nil.
func scanEvent(rows pgx.Rows, tx *string) (billing.Event, error) {
	var (
		ev      billing.Event
		at      time.Time
		ns      int16
		kind    string
		action  string
		version int64
		changes []byte
	)
	dest := []any{&ev.ID, &at, &ns, &ev.Actor, &kind, &ev.Object.ID, &action, &changes, &version, &ev.Reason}
	if tx != nil {
		dest = append([]any{tx}, dest...)
	}
	if err := rows.Scan(dest...); err != nil {
		return billing.Event{}, err
	}
	ev.At = at.UTC().Add(time.Duration(ns))
	ev.Object.Kind, ev.Action, ev.Version = collab.Kind(kind), billing.Action(action), uint64(version)
	if err := json.Unmarshal(changes, &ev.Changes); err != nil {
		return billing.Event{}, fmt.Errorf("postgres: event %s: %w", ev.ID, err)
	}
	if len(ev.Changes) == 0 {
		ev.Changes = nil
	}
	return ev, nil
}
