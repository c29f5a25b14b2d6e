package billing

import (
	"slices"
	"sync"
	"sync/atomic"

	"github.com/billkit/billkit/collab"
)

// DefaultSubscriptionBuffer is the number of events a subscription holds
// for its reader when Subscribe is given no buffer size.
const DefaultSubscriptionBuffer = 256

// EventFilter selects the events a subscription receives. Empty fields
// select everything; set fields must all match.
type EventFilter struct {
	// Kinds keeps events on objects of these kinds.
	Kinds []collab.Kind
	// Objects keeps events on these objects.
	Objects []collab.Ref
	// Actors keeps events made by these users.
	Actors []string
	// Actions keeps events with these actions.
	Actions []Action
}

// Match reports whether ev passes the filter.
func (f EventFilter) Match(ev Event) bool {
	return (len(f.Kinds) == 0 || slices.Contains(f.Kinds, ev.Object.Kind)) &&
		(len(f.Objects) == 0 || slices.Contains(f.Objects, ev.Object)) &&
		(len(f.Actors) == 0 || slices.Contains(f.Actors, ev.Actor)) &&
		(len(f.Actions) == 0 || slices.Contains(f.Actions, ev.Action))
}

// Subscription receives change events as they are committed.
//
// Delivery never blocks the engine: each subscription has a bounded
// buffer, and when its reader falls so far behind that the buffer is full,
// new events for it are dropped and counted by Dropped. A reader that sees
// Dropped grow catches up from the audit trail (Engine.Events with a
// cursor after the last event it read), which holds every event.
type Subscription struct {
	// C delivers the events in commit order. It is closed by Close.
	C <-chan Event

	c       chan Event
	filter  EventFilter
	dropped atomic.Uint64
	broker  *broker
	once    sync.Once
}

// Dropped returns how many events were dropped because the buffer was
// full.
func (s *Subscription) Dropped() uint64 { return s.dropped.Load() }

// Close ends the subscription and closes C. It is safe to call more than
// once.
func (s *Subscription) Close() {
	s.once.Do(func() { s.broker.remove(s) })
}

// broker fans committed events out to subscriptions.
type broker struct {
	mu   sync.RWMutex
	subs map[*Subscription]struct{}
}

func newBroker() *broker { return &broker{subs: map[*Subscription]struct{}{}} }

func (b *broker) add(f EventFilter, buffer int) *Subscription {
	if buffer <= 0 {
		buffer = DefaultSubscriptionBuffer
	}
	c := make(chan Event, buffer)
	s := &Subscription{C: c, c: c, filter: f, broker: b}
	b.mu.Lock()
	b.subs[s] = struct{}{}
	b.mu.Unlock()
	return s
}

func (b *broker) remove(s *Subscription) {
	b.mu.Lock()
	delete(b.subs, s)
	close(s.c)
	b.mu.Unlock()
}

// publish delivers events to every matching subscription without
// blocking. The read lock keeps Close from closing a channel mid-send.
func (b *broker) publish(events []Event) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	if len(b.subs) == 0 {
		return
	}
	for s := range b.subs {
		for _, ev := range events {
			if !s.filter.Match(ev) {
				continue
			}
			select {
			case s.c <- ev.Clone():
			default:
				s.dropped.Add(1)
			}
		}
	}
}
