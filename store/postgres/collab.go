package postgres

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/validation"
)

// CollabStore implements collab.Store in the database schema of a Store,
// so that the conversations about billing objects live beside them and
// every application instance over the database sees the same threads:
//
//	st, err := postgres.Open(ctx, dsn, postgres.WithSchema("billing"))
//	threads, err := collab.NewService(st.Collab(), directory, policy)
//
// It is safe for concurrent use, by any number of instances. Each change
// is one statement, or one READ COMMITTED transaction where it spans
// several statements (a poll or a task and its message, a vote and the
// check that its poll is open). What a method decides from what it reads
// conflicts with a concurrent twin through the database, not a lock of
// this process: keys make a thread unique per object, and a follow, a
// reaction and a ballot unique per user and object, message or poll;
// updates of messages and tasks compare the version in their WHERE
// clause; a vote holds its poll's row against a concurrent close; a
// reaction toggle holds an advisory lock on its message and user.
//
// CollabStore also implements collab.MessageFeed (see FollowMessages), so
// that collab.Service.Listen relays to each instance the messages posted
// through the others.
//
// Beyond collab.Store, CollabStore refuses with a *validation.Error, and
// stores nothing, when a message, poll, task or attachment has no ID, when
// a text holds a NUL character or invalid UTF-8 (which PostgreSQL cannot
// store), and when a time is before 4713 BC or after 294275; the error
// names the field, such as "message.body". Looking up such an ID finds
// nothing. Times come back in UTC, to the nanosecond. Replies to a post of
// another object are an empty list, not an error; tasks and attachments
// list in time order then by ID, as messages do.
type CollabStore struct {
	s   *Store
	q   *collabQueries
	own string // the prefix of the notifications of s: its origin and a space
}

var (
	_ collab.Store       = (*CollabStore)(nil)
	_ collab.MessageFeed = (*CollabStore)(nil)
)

// Collab returns the collab.Store kept in the same schema as s. It is
// valid until s is closed. Each call writes the store's SQL anew: call it
// once and keep the value.
func (s *Store) Collab() *CollabStore {
	return &CollabStore{
		s:   s,
		q:   newCollabQueries(pgx.Identifier{s.schema}.Sanitize(), messageChannelOf(s.schema)),
		own: s.origin.String() + " ",
	}
}

// CreateThread implements collab.ThreadStore: it returns the thread of
// t.Object if there is one (the common case: every post asks), else
// inserts t. Of two concurrent inserts for one object, the second waits
// for the first to commit, inserts nothing and reads the first's thread.
func (c *CollabStore) CreateThread(ctx context.Context, t collab.Thread) (collab.Thread, error) {
	if err := ctx.Err(); err != nil {
		return collab.Thread{}, err
	}
	var f faults
	f.ref("thread.object", t.Object)
	f.text("thread.id", t.ID)
	f.text("thread.title", t.Title)
	f.texts("thread.participants", t.Participants)
	f.text("thread.created_by", t.CreatedBy)
	f.time("thread.created_at", t.CreatedAt)
	if err := f.err(); err != nil {
		return collab.Thread{}, err
	}
	stored, err := c.ThreadByObject(ctx, t.Object)
	if !errors.Is(err, collab.ErrNotFound) {
		return stored, err
	}
	at, ns := splitTime(t.CreatedAt)
	tag, err := c.s.pool.Exec(ctx, c.q.insertThread, string(t.Object.Kind), t.Object.ID, t.ID, optText(t.Title),
		optTexts(t.Participants), t.CreatedBy, at, ns)
	if err != nil {
		return collab.Thread{}, dbErr(ctx, "create thread", err)
	}
	if tag.RowsAffected() == 1 {
		return t.Clone(), nil
	}
	return c.ThreadByObject(ctx, t.Object)
}

// ThreadByObject implements collab.ThreadStore.
func (c *CollabStore) ThreadByObject(ctx context.Context, ref collab.Ref) (collab.Thread, error) {
	if err := ctx.Err(); err != nil {
		return collab.Thread{}, err
	}
	missing := &collab.NotFoundError{Entity: "thread", ID: ref.String()}
	if !storableRef(ref) {
		return collab.Thread{}, missing
	}
	var (
		t     collab.Thread
		title string
		at    time.Time
		ns    int16
	)
	err := c.s.pool.QueryRow(ctx, c.q.thread, string(ref.Kind), ref.ID).
		Scan(&t.ID, &title, &t.Participants, &t.CreatedBy, &at, &ns)
	if errors.Is(err, pgx.ErrNoRows) {
		return collab.Thread{}, missing
	}
	if err != nil {
		return collab.Thread{}, dbErr(ctx, "read thread", err)
	}
	t.Object, t.Title, t.CreatedAt = ref, title, joinTime(at, ns)
	if len(t.Participants) == 0 {
		t.Participants = nil
	}
	return t, nil
}

// inTx runs fn in a READ COMMITTED transaction on a connection of its
// own, and commits if fn returns nil; otherwise it rolls back and returns
// fn's error. The BEGIN goes with fn's first statement.
func (c *CollabStore) inTx(ctx context.Context, op string, fn func(tx *lazyTx) error) error {
	conn, err := c.s.pool.Acquire(ctx)
	if err != nil {
		return dbErr(ctx, op, err)
	}
	defer conn.Release() // the pool drops a connection left in a transaction
	tx := &lazyTx{conn: conn, begin: beginWrite}
	if err := fn(tx); err != nil {
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		_ = tx.Rollback(rctx)
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return dbErr(ctx, op, err)
	}
	return nil
}

// SQLSTATE codes the collab store maps, beside those of errors.go.
const codeForeignKeyViolation = "23503"

// sqlState returns the SQLSTATE code of a database error, or "".
func sqlState(err error) string {
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		return pg.Code
	}
	return ""
}

// dbErr returns the error of op that failed with err, in collab's terms
// and without the driver's types: ctx's error when ctx has ended, an
// error wrapping collab.ErrConflict when PostgreSQL aborted the
// statement for a concurrent transaction (a deadlock, a serialisation
// failure), which may be retried, and otherwise the database's message.
func dbErr(ctx context.Context, op string, err error) error {
	if cerr := ctx.Err(); cerr != nil {
		return fmt.Errorf("postgres: %s: %w", op, cerr)
	}
	var pg *pgconn.PgError
	if !errors.As(err, &pg) {
		return fmt.Errorf("postgres: %s: %v", op, err)
	}
	switch pg.Code {
	case codeSerializationFailure, codeDeadlockDetected, codeLockNotAvailable:
		return fmt.Errorf("%w: postgres: %s: concurrent transactions conflicted (SQLSTATE %s), retry", collab.ErrConflict, op, pg.Code)
	}
	return fmt.Errorf("postgres: %s: %s (SQLSTATE %s)", op, pg.Message, pg.Code)
}

// faults gathers what PostgreSQL cannot store in a value about to be
// written.
type faults struct{ errs validation.Errors }

const (
	unstorable = "holds a NUL character or invalid UTF-8, which PostgreSQL cannot store"
	outOfTime  = "must be between 4713 BC and 294275"
)

// text records a fault when s cannot be stored as text.
func (f *faults) text(field, s string) {
	if !storable(s) {
		f.errs.Add(field, validation.CodeInvalid, unstorable)
	}
}

// id records a fault when id is empty or cannot be stored.
func (f *faults) id(field, id string) {
	if id == "" {
		f.errs.Add(field, validation.CodeRequired, "is required")
		return
	}
	f.text(field, id)
}

// texts checks each of ss.
func (f *faults) texts(field string, ss []string) {
	for i, s := range ss {
		f.text(field+"["+strconv.Itoa(i)+"]", s)
	}
}

// ref checks the kind and the ID of r.
func (f *faults) ref(field string, r collab.Ref) {
	f.text(field+".kind", string(r.Kind))
	f.text(field+".id", r.ID)
}

// time records a fault when t is beyond what a timestamptz holds.
func (f *faults) time(field string, t time.Time) {
	if t.Before(minTime) || t.After(maxTime) {
		f.errs.Add(field, validation.CodeOutOfRange, outOfTime)
	}
}

// jsonTime records a fault when t cannot be written in JSON, which holds
// the years 0 to 9999.
func (f *faults) jsonTime(field string, t time.Time) {
	if y := t.Year(); y < 0 || y > 9999 {
		f.errs.Add(field, validation.CodeOutOfRange, "must be between the years 0 and 9999")
	}
}

// err returns the faults as a *validation.Error, or nil.
func (f *faults) err() error { return f.errs.Err() }

// storableRef reports whether a stored row can refer to r.
func storableRef(r collab.Ref) bool { return storable(string(r.Kind)) && storable(r.ID) }

// joinTime returns the instant of a timestamptz and its nanoseconds, in
// UTC.
func joinTime(at time.Time, ns int16) time.Time {
	return at.UTC().Add(time.Duration(ns))
}

// joinOptTime is joinTime for a column that may be NULL: the zero time.
func joinOptTime(at *time.Time, ns int16) time.Time {
	if at == nil {
		return time.Time{}
	}
	return joinTime(*at, ns)
}

// optTime returns the columns of an instant that may be unset: NULL for
// the zero time.
func optTime(t time.Time) (any, any) {
	if t.IsZero() {
		return nil, nil
	}
	at, ns := splitTime(t)
	return at, ns
}

// optText returns NULL for the empty string.
func optText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// optTexts returns NULL for an empty list.
func optTexts(s []string) any {
	if len(s) == 0 {
		return nil
	}
	return s
}
