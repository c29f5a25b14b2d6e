package billing

import (
	"context"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/notify"
)

// change collects what one engine call writes besides the aggregates: its
// audit events, and the notifications to send once it is committed.
type change struct {
	e      *Engine
	actor  string
	events []Event
	notes  []notify.Notification
}

// record appends the event of a change to ref from before to after (nil
// before for a creation).
func (c *change) record(ref collab.Ref, action Action, before, after []field, version uint64, reason string) {
	c.events = append(c.events, c.e.event(c.actor, ref, action, before, after, version, reason))
}

// event returns the event of a change to ref by actor from before to
// after (nil before for a creation), now.
func (e *Engine) event(actor string, ref collab.Ref, action Action, before, after []field, version uint64, reason string) Event {
	return Event{
		ID: e.newID().String(), At: e.now(), Actor: actor,
		Object: ref, Action: action, Changes: diff(before, after), Version: version, Reason: reason,
	}
}

// notify queues a notification, sent after the commit.
func (c *change) notify(n notify.Notification) {
	if n.ID == "" {
		n.ID = c.e.newID().String()
	}
	if n.CreatedAt.IsZero() {
		n.CreatedAt = c.e.now()
	}
	n.Actor = c.actor
	c.notes = append(c.notes, n)
}

// update runs fn in one store transaction on behalf of actor, appends the
// events fn recorded in the same transaction, and once it is committed
// publishes them and sends the notifications. If fn fails nothing is
// written, published or sent.
func (e *Engine) update(ctx context.Context, actor string, fn func(tx Tx, c *change) error) error {
	return e.updateIn(ctx, e.store.Update, actor, fn)
}

// updateIn is update with the transaction run by run: the store's Update,
// or a claim on a shared store.
func (e *Engine) updateIn(ctx context.Context, run func(context.Context, func(Tx) error) error, actor string, fn func(tx Tx, c *change) error) error {
	c, err := e.transact(ctx, run, actor, fn)
	if err != nil {
		return err
	}
	e.publish(ctx, c)
	return nil
}

// transact runs fn in one transaction run by run on behalf of actor, and
// appends the events fn recorded in the same transaction. It returns the
// change, for the caller to publish once it knows the transaction was
// committed.
func (e *Engine) transact(ctx context.Context, run func(context.Context, func(Tx) error) error, actor string, fn func(tx Tx, c *change) error) (*change, error) {
	c := &change{e: e, actor: actor}
	err := run(ctx, func(tx Tx) error {
		c.events, c.notes = c.events[:0], c.notes[:0]
		if err := fn(tx, c); err != nil {
			return err
		}
		if len(c.events) > 0 {
			if err := tx.Events().Append(ctx, c.events...); err != nil {
				return err
			}
		}
		// The idempotency key of the call, if it has one, is stored with
		// its changes (see idempotent).
		return e.putPendingKey(ctx, tx)
	})
	return c, err
}

// publish delivers the events of a committed change to subscribers and
// sends its notifications.
func (e *Engine) publish(ctx context.Context, c *change) {
	e.broker.publish(c.events)
	for _, n := range c.notes {
		// A notification that cannot be delivered does not undo the
		// committed change; the notifier reports its own failures.
		_ = e.notifier.Notify(ctx, n)
	}
}

// view runs fn in a read-only transaction.
func (e *Engine) view(ctx context.Context, fn func(tx Tx) error) error {
	return e.store.View(ctx, fn)
}
