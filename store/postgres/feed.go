package postgres

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/billkit/billkit/billing"
)

// Follow implements billing.EventFeed over LISTEN/NOTIFY. A transaction
// that appends events sends, when it commits, a notification on the
// schema's channel naming the Store it came from and its transaction ID
// (a few dozen bytes, far below NOTIFY's 8,000-byte limit however large
// the events are). Follow listens on the channel with a connection of its
// own, skips the notifications of this Store value, and reads the events
// of each other transaction from the events table, in the order
// PostgreSQL delivers notifications: the order of the commits. It calls
// fn one event at a time, in (At, ID) order within a transaction.
//
// Follow keeps following when its connection is lost, as when the server
// restarts or a network link drops: it connects again, waiting from 100
// ms up to 5 s between attempts, and first delivers the transactions
// committed while it was not listening, in transaction ID order, then
// the new ones as they commit. It delivers every transaction once, never
// one of its own Store value's, and finds what it missed by comparing
// snapshots of the database (pg_current_snapshot) rather than clocks, so
// a long transaction that commits late is not lost. Each lost connection
// is logged at warning level when the store has a logger (see
// WithLogger). Follow returns ctx's error once ctx ends.
func (s *Store) Follow(ctx context.Context, fn func(billing.Event)) error {
	return follow(ctx, s, feed[billing.Event]{
		what: "event", channel: s.channel, app: feedName(s.schema),
		ofTx: s.q.eventsOfTx, between: s.q.eventsBetween, scan: scanEvent,
	}, fn)
}

// feed says what a follower follows: the rows that transactions commit
// to one table and notify on one channel with the Store's origin and
// their transaction ID, as "origin xid".
type feed[T any] struct {
	what    string // what the rows are, for the log
	channel string // the NOTIFY channel
	app     string // the application name of the listening connection
	// ofTx selects the rows of one transaction ($1, as text), in the
	// order they are delivered.
	ofTx string
	// between selects, after the transaction ID as text, the rows of the
	// transactions of other stores committed between two snapshots:
	// visible in the second ($3), not in the first ($4), whose origin is
	// not $5. Those are the first snapshot's running transactions ($2)
	// and the ones that started after it (from its xmax, $1). Rows come
	// by transaction, in the order they are delivered.
	between string
	// scan reads the row, after the transaction ID when tx is not nil.
	scan func(rows pgx.Rows, tx *string) (T, error)
}

// follow follows f for s until ctx ends, as Follow describes, calling fn
// with each row.
func follow[T any](ctx context.Context, s *Store, f feed[T], fn func(T)) error {
	fl := &follower[T]{s: s, f: f, fn: fn, own: s.origin.String() + " ", delivered: map[uint64]struct{}{}}
	wait := minFollowWait
	for {
		err := fl.listen(ctx)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if fl.listening {
			// It was following: the next loss waits little again.
			wait, fl.listening = minFollowWait, false
		}
		if s.log != nil {
			s.log.Warn("postgres: the "+f.what+" feed lost its connection; connecting again",
				"schema", s.schema, "err", err, "wait", wait)
		}
		// Instances that lost the server at once come back at different
		// times: each waits between half and all of wait.
		t := time.NewTimer(wait/2 + rand.N(wait/2+1))
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
		wait = min(2*wait, maxFollowWait)
	}
}

// The wait between connection attempts doubles from minFollowWait up to
// maxFollowWait.
const (
	minFollowWait = 100 * time.Millisecond
	maxFollowWait = 5 * time.Second
)

// catchUpEvery is the number of transactions delivered from notifications
// after which a follower catches up, which lets it forget them.
const catchUpEvery = 1024

// follower is the state of one Follow across its connections. Every
// transaction visible in base has been delivered or was committed before
// Follow started; delivered holds the transactions delivered since that
// base was taken.
type follower[T any] struct {
	s         *Store
	f         feed[T]
	fn        func(T)
	own       string // the notification payload prefix of s's transactions
	base      *snapshot
	delivered map[uint64]struct{}
	listening bool // the current connection listens
}

// listen follows the feed over one connection until it fails or ctx ends.
func (f *follower[T]) listen(ctx context.Context) error {
	pc, err := f.s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	conn := pc.Hijack() // it leaves the pool: it listens until it fails
	defer func() {
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		_ = conn.Close(cctx)
	}()
	// The connection shows as the schema's feed in pg_stat_activity.
	if _, err := conn.Exec(ctx, "SELECT set_config('application_name', $1, false)", f.f.app); err != nil {
		return err
	}
	if f.base == nil {
		// The first connection: what is committed before it listens is
		// not followed.
		if f.base, err = currentSnapshot(ctx, conn); err != nil {
			return err
		}
	}
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{f.f.channel}.Sanitize()); err != nil {
		return err
	}
	// Whatever commits from now on is notified; what committed since
	// base, while no connection listened, is read now.
	if err := f.catchUp(ctx, conn); err != nil {
		return err
	}
	f.listening = true
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		if n.Channel != f.f.channel || strings.HasPrefix(n.Payload, f.own) {
			continue
		}
		_, text, ok := strings.Cut(n.Payload, " ")
		if !ok {
			continue // not a notification of this package
		}
		xid, err := strconv.ParseUint(text, 10, 64)
		if err != nil {
			continue // not a notification of this package
		}
		if f.base.visible(xid) {
			continue // delivered by a catch-up
		}
		if _, ok := f.delivered[xid]; ok {
			continue
		}
		rows, err := conn.Query(ctx, f.f.ofTx, text)
		if err != nil {
			return err
		}
		items, _, err := scanTx(rows, f.f.scan, false)
		if err != nil {
			return err
		}
		f.delivered[xid] = struct{}{}
		for _, it := range items {
			f.fn(it)
		}
		if len(f.delivered) >= catchUpEvery {
			if err := f.catchUp(ctx, conn); err != nil {
				return err
			}
		}
	}
}

// feedName is the application name of the connections that follow the
// feed of schema.
func feedName(schema string) string { return "billkit feed " + schema }

// catchUp delivers the transactions of other stores committed since base
// that were not delivered yet, then makes the current snapshot the base:
// whatever commits after it is notified to conn, which listens.
func (f *follower[T]) catchUp(ctx context.Context, conn *pgx.Conn) error {
	now, err := currentSnapshot(ctx, conn)
	if err != nil {
		return err
	}
	rows, err := conn.Query(ctx, f.f.between, strconv.FormatUint(f.base.xmax, 10), f.base.xipArray(),
		now.text, f.base.text, f.s.origin)
	if err != nil {
		return err
	}
	items, txs, err := scanTx(rows, f.f.scan, true)
	if err != nil {
		return err
	}
	skip := false // the transaction was delivered from its notification
	for i, it := range items {
		if i == 0 || txs[i] != txs[i-1] {
			_, skip = f.delivered[txs[i]]
			f.delivered[txs[i]] = struct{}{}
		}
		if !skip {
			f.fn(it)
		}
	}
	f.base = now
	for xid := range f.delivered {
		if now.visible(xid) {
			delete(f.delivered, xid)
		}
	}
	return nil
}

// scanTx reads the rows of a feed with scan and closes rows. When
// withTx is set, each row starts with its transaction ID, returned
// beside each item.
func scanTx[T any](rows pgx.Rows, scan func(pgx.Rows, *string) (T, error), withTx bool) ([]T, []uint64, error) {
	defer rows.Close()
	var (
		items []T
		txs   []uint64
		text  string
		tx    *string
	)
	if withTx {
		tx = &text
	}
	for rows.Next() {
		it, err := scan(rows, tx)
		if err != nil {
			return nil, nil, err
		}
		items = append(items, it)
		if !withTx {
			continue
		}
		xid, err := strconv.ParseUint(text, 10, 64)
		if err != nil {
			return nil, nil, fmt.Errorf("postgres: transaction ID %q: %w", text, err)
		}
		txs = append(txs, xid)
	}
	return items, txs, rows.Err()
}

// snapshot is a PostgreSQL snapshot (pg_snapshot): the transactions
// committed when it was taken are those below xmin, and those below xmax
// that are not in xip.
type snapshot struct {
	text       string
	xmin, xmax uint64
	xip        []uint64 // ascending
}

// currentSnapshot returns the snapshot of the database now.
func currentSnapshot(ctx context.Context, conn *pgx.Conn) (*snapshot, error) {
	var text string
	if err := conn.QueryRow(ctx, "SELECT pg_current_snapshot()::text").Scan(&text); err != nil {
		return nil, err
	}
	return parseSnapshot(text)
}

// parseSnapshot reads a snapshot written as xmin:xmax:xip,xip,...
func parseSnapshot(text string) (*snapshot, error) {
	bad := func(err error) (*snapshot, error) {
		return nil, fmt.Errorf("postgres: snapshot %q: %w", text, err)
	}
	parts := strings.Split(text, ":")
	if len(parts) != 3 {
		return bad(errors.New("want xmin:xmax:xip_list"))
	}
	s := &snapshot{text: text}
	var err error
	if s.xmin, err = strconv.ParseUint(parts[0], 10, 64); err != nil {
		return bad(err)
	}
	if s.xmax, err = strconv.ParseUint(parts[1], 10, 64); err != nil {
		return bad(err)
	}
	if parts[2] != "" {
		for _, p := range strings.Split(parts[2], ",") {
			x, err := strconv.ParseUint(p, 10, 64)
			if err != nil {
				return bad(err)
			}
			s.xip = append(s.xip, x)
		}
		slices.Sort(s.xip)
	}
	return s, nil
}

// xipArray returns the running transactions of s as the text of an
// array, such as {731,733}.
func (s *snapshot) xipArray() string {
	b := []byte{'{'}
	for i, x := range s.xip {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendUint(b, x, 10)
	}
	return string(append(b, '}'))
}

// visible reports whether transaction xid had committed (or ended) when
// s was taken, as pg_visible_in_snapshot does.
func (s *snapshot) visible(xid uint64) bool {
	if xid < s.xmin {
		return true
	}
	if xid >= s.xmax {
		return false
	}
	_, running := slices.BinarySearch(s.xip, xid)
	return !running
}
