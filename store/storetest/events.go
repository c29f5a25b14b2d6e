package storetest

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
)

var (
	inv1 = collab.Ref{Kind: collab.KindInvoice, ID: id(101)}
	inv2 = collab.Ref{Kind: collab.KindInvoice, ID: id(102)}
)

// appendEvents appends events, one Update per argument.
func appendEvents(t *testing.T, s billing.Store, batches ...[]billing.Event) {
	t.Helper()
	for _, b := range batches {
		update(t, s, func(tx billing.Tx) error { return tx.Events().Append(context.Background(), b...) })
	}
}

// objectEvents returns the IDs of the events of ref that q selects.
func objectEvents(t *testing.T, s billing.Store, ref collab.Ref, q billing.EventQuery) []string {
	t.Helper()
	return eventIDs(queryObject(t, s, ref, q))
}

// rangeEvents returns the IDs of the events that q selects.
func rangeEvents(t *testing.T, s billing.Store, q billing.EventQuery) []string {
	t.Helper()
	return eventIDs(queryRange(t, s, q))
}

// appendTies appends events out of time order, two of them at the same
// instant so that their IDs decide.
func appendTies(t *testing.T, s billing.Store) {
	t.Helper()
	appendEvents(t, s,
		[]billing.Event{event(1, inv1, 3*time.Minute), event(2, inv1, time.Minute)},
		[]billing.Event{event(3, inv2, 2*time.Minute), event(5, inv1, 2*time.Minute), event(4, inv1, 2*time.Minute)})
}

func testEventsByObject(t *testing.T, s billing.Store) {
	appendTies(t, s)
	assert.Equal(t, ids(2, 4, 5, 1), objectEvents(t, s, inv1, billing.EventQuery{}))
	assert.Equal(t, ids(1, 5, 4, 2), objectEvents(t, s, inv1, billing.EventQuery{Descending: true}))
	assert.Equal(t, ids(3), objectEvents(t, s, inv2, billing.EventQuery{}))
	assert.Empty(t, objectEvents(t, s, collab.Ref{Kind: collab.KindQuote, ID: id(101)}, billing.EventQuery{}))

	view(t, s, func(tx billing.Tx) error {
		events, err := tx.Events().Object(context.Background(), inv1, billing.EventQuery{Limit: 1})
		require.NoError(t, err)
		require.Len(t, events, 1)
		assertSame(t, event(2, inv1, time.Minute), events[0], "events read back as appended")
		return nil
	})
}

func testEventsByRange(t *testing.T, s billing.Store) {
	appendTies(t, s)
	assert.Equal(t, ids(2, 3, 4, 5, 1), rangeEvents(t, s, billing.EventQuery{}))
	assert.Equal(t, ids(1, 5, 4, 3, 2), rangeEvents(t, s, billing.EventQuery{Descending: true}))
	assert.Equal(t, ids(3, 4, 5), rangeEvents(t, s, billing.EventQuery{Since: t0.Add(2 * time.Minute), Until: t0.Add(3 * time.Minute)}))
}

func testEventQueries(t *testing.T, s billing.Store) {
	var events []billing.Event
	for n := 1; n <= 10; n++ { // inv1 every minute, inv2 at the half minutes
		events = append(events, event(n, inv1, time.Duration(n)*time.Minute))
		if n <= 5 {
			events = append(events, event(10+n, inv2, time.Duration(n)*time.Minute+30*time.Second))
		}
	}
	appendEvents(t, s, events)

	window := billing.EventQuery{Since: t0.Add(3 * time.Minute), Until: t0.Add(8 * time.Minute)}
	assert.Equal(t, ids(span(3, 7)...), objectEvents(t, s, inv1, window), "Since is inclusive, Until exclusive")
	assert.Equal(t, ids(8, 9, 10), objectEvents(t, s, inv1, billing.EventQuery{Since: t0.Add(8 * time.Minute)}))
	assert.Equal(t, ids(1, 2), objectEvents(t, s, inv1, billing.EventQuery{Until: t0.Add(3 * time.Minute)}))
	assert.Equal(t, ids(1, 2, 3), objectEvents(t, s, inv1, billing.EventQuery{Limit: 3}))
	assert.Equal(t, ids(10, 9), objectEvents(t, s, inv1, billing.EventQuery{Descending: true, Limit: 2}))
	assert.Equal(t, ids(2, 12, 3, 13), rangeEvents(t, s, billing.EventQuery{Since: t0.Add(2 * time.Minute), Until: t0.Add(4 * time.Minute)}))

	for _, desc := range []bool{false, true} {
		want := ids(span(3, 7)...)
		if desc {
			want = ids(span(7, 3)...)
		}
		assert.Equal(t, want, pages(t, window, desc, 2, func(q billing.EventQuery) []billing.Event {
			return queryObject(t, s, inv1, q)
		}), "object pages, descending %v", desc)

		all := rangeEvents(t, s, billing.EventQuery{Descending: desc})
		require.Len(t, all, 15)
		assert.Equal(t, all, pages(t, billing.EventQuery{}, desc, 4, func(q billing.EventQuery) []billing.Event {
			return queryRange(t, s, q)
		}), "range pages, descending %v", desc)
	}
}

// pages reads q page by page with the given limit, passing the position
// of each page's last event as the next cursor, and returns the IDs read.
func pages(t *testing.T, q billing.EventQuery, desc bool, limit int, read func(billing.EventQuery) []billing.Event) []string {
	t.Helper()
	q.Descending, q.Limit = desc, limit
	var out []string
	for range 100 {
		page := read(q)
		require.LessOrEqual(t, len(page), limit)
		if len(page) == 0 {
			return out
		}
		out = append(out, eventIDs(page)...)
		q.After = page[len(page)-1].Position()
	}
	t.Fatal("paging does not end")
	return nil
}

// queryObject returns the events of ref that q selects.
func queryObject(t *testing.T, s billing.Store, ref collab.Ref, q billing.EventQuery) []billing.Event {
	t.Helper()
	var events []billing.Event
	view(t, s, func(tx billing.Tx) error {
		var err error
		events, err = tx.Events().Object(context.Background(), ref, q)
		return err
	})
	return events
}

// queryRange returns the events that q selects.
func queryRange(t *testing.T, s billing.Store, q billing.EventQuery) []billing.Event {
	t.Helper()
	var events []billing.Event
	view(t, s, func(tx billing.Tx) error {
		var err error
		events, err = tx.Events().Range(context.Background(), q)
		return err
	})
	return events
}

func testEventDuplicates(t *testing.T, s billing.Store) {
	appendEvents(t, s, []billing.Event{event(1, inv1, 0)})
	update(t, s, func(tx billing.Tx) error {
		again := event(1, inv2, time.Hour)
		err := tx.Events().Append(context.Background(), event(2, inv1, time.Minute), again)
		var conflict *billing.ConflictError
		require.ErrorAs(t, err, &conflict, "an ID already stored")
		assert.ErrorIs(t, err, billing.ErrConflict)
		assert.Equal(t, id(1), conflict.ID)

		err = tx.Events().Append(context.Background(), event(3, inv1, time.Minute), event(4, inv1, 0), event(3, inv2, 0))
		assert.ErrorIs(t, err, billing.ErrConflict, "an ID given twice")
		return nil // commit: the refused appends must have appended nothing
	})
	assert.Equal(t, ids(1), rangeEvents(t, s, billing.EventQuery{}))
	assert.Empty(t, objectEvents(t, s, inv2, billing.EventQuery{}))
	assertSame(t, []billing.Event{event(1, inv1, 0)}, queryObject(t, s, inv1, billing.EventQuery{}))
}

func testEventCopies(t *testing.T, s billing.Store) {
	given := event(1, inv1, 0)
	appendEvents(t, s, []billing.Event{given})
	given.Changes[0].After = "changed"
	want := []billing.Event{event(1, inv1, 0)}
	assertSame(t, want, queryObject(t, s, inv1, billing.EventQuery{}), "changing what was appended")

	got := queryRange(t, s, billing.EventQuery{})
	require.Len(t, got, 1)
	got[0].Changes[0].Before = "changed"
	assertSame(t, want, queryRange(t, s, billing.EventQuery{}), "changing what was read")
}

// testEventLargeBatch appends a hundred events in one call, newest first,
// so that each goes into the middle of the log: a batch that gives an ID
// twice appends nothing, and a good one reads back in time order.
func testEventLargeBatch(t *testing.T, s billing.Store) {
	ctx := context.Background()
	objects := []collab.Ref{inv1, inv2, {Kind: collab.KindInvoice, ID: id(103)}}
	batch := make([]billing.Event, 100)
	for i := range batch {
		batch[i] = event(i+1, objects[i%3], -time.Duration(i)*time.Second)
	}
	dup := append(slices.Clone(batch), batch[42])
	err := s.Update(ctx, func(tx billing.Tx) error { return tx.Events().Append(ctx, dup...) })
	require.ErrorIs(t, err, billing.ErrConflict, "an ID given twice in a large batch")
	assert.Empty(t, rangeEvents(t, s, billing.EventQuery{}), "nothing of the refused batch is kept")

	update(t, s, func(tx billing.Tx) error { return tx.Events().Append(ctx, batch...) })
	// Event n is n-1 seconds older than the first: time order is 100 to 1.
	assert.Equal(t, ids(span(100, 1)...), rangeEvents(t, s, billing.EventQuery{}))
	var second []int // the second object's events, newest first
	for n := 2; n <= 100; n += 3 {
		second = append(second, n)
	}
	assert.Equal(t, ids(second...), objectEvents(t, s, inv2, billing.EventQuery{Descending: true}))
}
