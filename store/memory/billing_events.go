package memory

import (
	"context"
	"encoding/binary"
	"slices"
	"sort"
	"strconv"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/validation"
)

// eventStore is the audit log: the events in the order they were
// appended, the set of their IDs, and two indexes ordered by (At, ID): one
// over every event, one per object. Indexes hold positions in events.
type eventStore struct {
	events   chunks[storedEvent]
	ids      idSet
	byTime   []int
	byObject map[collab.Ref][]int
	// kept is the number of events committed: those after it belong to
	// the open transaction.
	kept int
}

func newEventStore() eventStore {
	return eventStore{byObject: map[collab.Ref][]int{}}
}

// check returns the error that refuses to append events: an event without
// an ID, or an ID already stored or given twice.
func (l *eventStore) check(events []billing.Event) error {
	// IDs in ascending order are distinct; others are compared with
	// those before them, through a set for large batches.
	distinct := ascending(events)
	var seen map[string]struct{}
	if !distinct && len(events) > 16 {
		seen = make(map[string]struct{}, len(events))
	}
	for i, e := range events {
		if e.ID == "" {
			return validation.New("events["+strconv.Itoa(i)+"].id", validation.CodeRequired, "is required")
		}
		if l.ids.has(e.ID) || !distinct && givenTwice(events[:i], seen, e.ID) {
			return &billing.ConflictError{Kind: "event", ID: e.ID}
		}
	}
	return nil
}

// ascending reports whether the events' IDs are in strictly ascending
// order, as those the engine makes are: then none is given twice.
func ascending(events []billing.Event) bool {
	for i := 1; i < len(events); i++ {
		if events[i].ID <= events[i-1].ID {
			return false
		}
	}
	return true
}

// givenTwice reports whether id is among the events before it in a batch,
// and records it in seen when there is a seen set.
func givenTwice(before []billing.Event, seen map[string]struct{}, id string) bool {
	if seen != nil {
		_, ok := seen[id]
		seen[id] = struct{}{}
		return ok
	}
	for _, e := range before {
		if e.ID == id {
			return true
		}
	}
	return false
}

// storedEvent is an event as the log keeps it: its changes are encoded in
// one byte slice, with no pointer for the garbage collector to follow. A
// log holds an event for every change of every object, with a dozen
// changes of three strings each for an invoice drawn up.
type storedEvent struct {
	billing.Event // without its Changes
	changes       []byte
}

// event returns a copy of the stored event, its changes decoded.
func (s *storedEvent) event() billing.Event {
	e := s.Event
	e.Changes = decodeChanges(s.changes)
	return e
}

// encodeChanges encodes cs as their number, then the length and bytes of
// each field, before and after. No change (nil or empty) encodes as nil.
func encodeChanges(cs []billing.Change) []byte {
	if len(cs) == 0 {
		return nil
	}
	n := binary.MaxVarintLen64
	for _, c := range cs {
		n += len(c.Field) + len(c.Before) + len(c.After) + 3*binary.MaxVarintLen64
	}
	b := binary.AppendUvarint(make([]byte, 0, n), uint64(len(cs)))
	for _, c := range cs {
		for _, s := range [3]string{c.Field, c.Before, c.After} {
			b = binary.AppendUvarint(b, uint64(len(s)))
			b = append(b, s...)
		}
	}
	return b
}

// decodeChanges decodes what encodeChanges encoded. The strings share one
// allocation.
func decodeChanges(b []byte) []billing.Change {
	if b == nil {
		return nil
	}
	s := string(b) // b and s at the same offsets
	n, at := binary.Uvarint(b)
	next := func() string {
		l, w := binary.Uvarint(b[at:])
		start := at + w
		at = start + int(l)
		return s[start:at]
	}
	cs := make([]billing.Change, n)
	for i := range cs {
		cs[i].Field = next()
		cs[i].Before = next()
		cs[i].After = next()
	}
	return cs
}

// add stores a copy of e, which check accepted. The monotonic clock
// reading of At is dropped: events are ordered by wall time, as a
// database orders them.
func (l *eventStore) add(e billing.Event) {
	e.At = e.At.Round(0)
	changes := encodeChanges(e.Changes)
	e.Changes = nil
	i := l.events.len()
	l.events.push(storedEvent{Event: e, changes: changes})
	l.ids.add(e.ID)
	l.byTime = l.insert(l.byTime, i)
	l.byObject[e.Object] = l.insert(l.byObject[e.Object], i)
}

// insert adds event i to the index idx, in (At, ID) order. Events mostly
// arrive in time order, so appending is the common case.
func (l *eventStore) insert(idx []int, i int) []int {
	p := l.events.at(i).Position()
	if n := len(idx); n == 0 || l.events.at(idx[n-1]).Position().Compare(p) < 0 {
		return append(idx, i)
	}
	k := l.search(idx, p, false)
	idx = append(idx, 0)
	copy(idx[k+1:], idx[k:])
	idx[k] = i
	return idx
}

// remove takes event i out of the index idx.
func (l *eventStore) remove(idx []int, i int) []int {
	k := l.search(idx, l.events.at(i).Position(), false)
	if k < len(idx) && idx[k] == i {
		idx = append(idx[:k], idx[k+1:]...)
	}
	return idx
}

// search returns the first place in idx whose event is at or after p, or
// strictly after p when strict.
func (l *eventStore) search(idx []int, p collab.Position, strict bool) int {
	return sort.Search(len(idx), func(k int) bool {
		c := l.events.at(idx[k]).Position().Compare(p)
		return c > 0 || (c == 0 && !strict)
	})
}

// query returns copies of the events of idx that q selects, in its order.
func (l *eventStore) query(idx []int, q billing.EventQuery) []billing.Event {
	lo, hi := 0, len(idx)
	if !q.Since.IsZero() {
		lo = l.search(idx, collab.Position{At: q.Since}, false)
	}
	if !q.Until.IsZero() {
		hi = l.search(idx, collab.Position{At: q.Until}, false)
	}
	if !q.After.IsZero() {
		if q.Descending {
			hi = min(hi, l.search(idx, q.After, false))
		} else {
			lo = max(lo, l.search(idx, q.After, true))
		}
	}
	n := hi - lo
	if n <= 0 {
		return nil
	}
	if q.Limit > 0 && q.Limit < n {
		n = q.Limit
	}
	out := make([]billing.Event, n)
	for k := range out {
		i := idx[lo+k]
		if q.Descending {
			i = idx[hi-1-k]
		}
		out[k] = l.events.at(i).event()
	}
	return out
}

// commit keeps the events of the transaction.
func (l *eventStore) commit() { l.kept = l.events.len() }

// rollback removes the events of the transaction, newest first.
func (l *eventStore) rollback() {
	for i := l.events.len() - 1; i >= l.kept; i-- {
		e := l.events.at(i)
		l.byTime = l.remove(l.byTime, i)
		if idx := l.remove(l.byObject[e.Object], i); len(idx) > 0 {
			l.byObject[e.Object] = idx
		} else {
			delete(l.byObject, e.Object)
		}
		l.ids.remove(e.ID) // the newest first: see idSet
	}
	l.events.truncate(l.kept)
}

// idSet is a set of IDs. IDs that arrive in ascending order, as the
// UUIDv7s of the engine do, are appended to a sorted list, which needs no
// hashing and never rehashes; the few others go to a map.
type idSet struct {
	sorted []string
	others map[string]struct{} // each sorts before the last of sorted
}

// has reports whether id is in the set.
func (s *idSet) has(id string) bool {
	n := len(s.sorted)
	if n == 0 || id > s.sorted[n-1] {
		return false // after everything in the set
	}
	if _, ok := slices.BinarySearch(s.sorted, id); ok {
		return true
	}
	_, ok := s.others[id]
	return ok
}

// add puts id, which the set does not hold, in the set.
func (s *idSet) add(id string) {
	if n := len(s.sorted); n == 0 || id > s.sorted[n-1] {
		s.sorted = append(s.sorted, id)
		return
	}
	if s.others == nil {
		s.others = map[string]struct{}{}
	}
	s.others[id] = struct{}{}
}

// remove takes id out of the set. IDs are removed in the reverse order of
// their adding, so an ID of the sorted list is its last.
func (s *idSet) remove(id string) {
	if n := len(s.sorted); n > 0 && s.sorted[n-1] == id {
		s.sorted[n-1] = ""
		s.sorted = s.sorted[:n-1]
		return
	}
	delete(s.others, id)
}

// eventLog is the audit log seen from a transaction.
type eventLog struct {
	tx *tx
	l  *eventStore
}

// Append implements billing.EventLog. An event without an ID is refused
// with a *validation.Error, and nothing is appended.
func (e *eventLog) Append(ctx context.Context, events ...billing.Event) error {
	if err := e.tx.check(ctx, true); err != nil {
		return err
	}
	if err := e.l.check(events); err != nil {
		return err
	}
	for _, ev := range events {
		e.l.add(ev)
	}
	return nil
}

// Object implements billing.EventLog.
func (e *eventLog) Object(ctx context.Context, ref collab.Ref, q billing.EventQuery) ([]billing.Event, error) {
	if err := e.tx.check(ctx, false); err != nil {
		return nil, err
	}
	return e.l.query(e.l.byObject[ref], q), nil
}

// Range implements billing.EventLog.
func (e *eventLog) Range(ctx context.Context, q billing.EventQuery) ([]billing.Event, error) {
	if err := e.tx.check(ctx, false); err != nil {
		return nil, err
	}
	return e.l.query(e.l.byTime, q), nil
}
