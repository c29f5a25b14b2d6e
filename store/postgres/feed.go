package postgres

import (
	"context"
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
// Follow returns ctx's error once ctx ends, or the error of the
// connection if it is lost: events committed while no one listened are
// not delivered again, so a host resuming after an error should read
// what it missed with EventLog.Range.
func (s *Store) Follow(ctx context.Context, fn func(billing.Event)) error {
	pc, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	conn := pc.Hijack() // it leaves the pool: it listens until Follow returns
	defer func() {
		cctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = conn.Close(cctx)
	}()
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{s.channel}.Sanitize()); err != nil {
		return stopped(ctx, err)
	}
	own := s.origin.String() + " "
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return stopped(ctx, err)
		}
		if n.Channel != s.channel || strings.HasPrefix(n.Payload, own) {
			continue
		}
		_, xid, ok := strings.Cut(n.Payload, " ")
		if !ok {
			continue // not a notification of this package
		}
		rows, err := conn.Query(ctx, s.q.eventsOfTx, xid)
		if err != nil {
			return stopped(ctx, err)
		}
		events, err := scanEvents(rows)
		if err != nil {
			return stopped(ctx, err)
		}
		for _, ev := range events {
			fn(ev)
		}
	}
}

// stopped returns ctx's error when ctx has ended, else err.
func stopped(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}
