package collab_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/validation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// historyMap is a HistorySource over fixed entries per object.
type historyMap map[collab.Ref][]collab.HistoryEntry

func (h historyMap) History(_ context.Context, ref collab.Ref, q collab.HistoryQuery) ([]collab.HistoryEntry, error) {
	return q.Apply(h[ref]), nil
}

// labels returns "m:<body>" or "h:<action>" for each item of a page.
func labels(items []collab.Activity) []string {
	out := make([]string, len(items))
	for i, a := range items {
		if a.Type == collab.ActivityMessage {
			out[i] = "m:" + a.Message.Body
		} else {
			out[i] = "h:" + a.History.Action
		}
	}
	return out
}

func TestActivityMergesHistory(t *testing.T) {
	history := historyMap{inv: {
		{ID: "ev-3", At: t0.Add(10 * time.Second), Actor: "system:mailer", Action: "invoice.sent", Summary: "Sent to ap@acme.example"},
		{ID: "ev-1", At: t0.Add(-time.Hour), Actor: claire, Action: "invoice.issued", Summary: "Issued as INV-2026-0042"},
		{ID: "ev-2", At: t0.Add(2 * time.Second), Actor: "system", Action: "invoice.tied", Summary: "same second as a message"},
	}}
	e := newEnv(t, withOptions(collab.WithHistory(history)))
	ctx := context.Background()
	e.post(t, claire, inv, "first") // thread at t0, message at t0+1s
	e.post(t, alice, inv, "second") // t0+2s, ties with ev-2
	e.post(t, claire, inv, "third") // t0+3s
	e.post(t, bob, quote, "elsewhere")

	page, err := e.svc.Activity(ctx, claire, inv, collab.PageRequest{})
	require.NoError(t, err)
	// At the same instant, ev-2 sorts before id-00003 by ID.
	assert.Equal(t, []string{"h:invoice.issued", "m:first", "h:invoice.tied", "m:second", "m:third", "h:invoice.sent"}, labels(page.Items))
	assert.Empty(t, page.Next)

	newest, err := e.svc.Activity(ctx, claire, inv, collab.PageRequest{NewestFirst: true, Limit: 2})
	require.NoError(t, err)
	assert.Equal(t, []string{"h:invoice.sent", "m:third"}, labels(newest.Items))
	assert.NotEmpty(t, newest.Next)
}

func TestActivityCursorPagination(t *testing.T) {
	e := newEnv(t, withFixedTime()) // every item shares one timestamp
	ctx := context.Background()
	var want []string
	for i := range 7 {
		body := fmt.Sprint("msg ", i)
		e.post(t, claire, inv, body)
		want = append(want, "m:"+body)
	}
	for _, newestFirst := range []bool{false, true} {
		t.Run(fmt.Sprint("newest first ", newestFirst), func(t *testing.T) {
			var got []string
			req := collab.PageRequest{Limit: 3, NewestFirst: newestFirst}
			pages := 0
			for {
				page, err := e.svc.Activity(ctx, alice, inv, req)
				require.NoError(t, err)
				got = append(got, labels(page.Items)...)
				pages++
				if page.Next == "" {
					break
				}
				req.Cursor = page.Next
			}
			expected := want
			if newestFirst {
				expected = reversed(want)
			}
			assert.Equal(t, expected, got, "no item lost or repeated")
			assert.Equal(t, 3, pages)
		})
	}
}

func TestActivityPageValidation(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	e.post(t, claire, inv, "a")
	e.post(t, claire, inv, "b")
	first, err := e.svc.Activity(ctx, claire, inv, collab.PageRequest{Limit: 1})
	require.NoError(t, err)
	require.NotEmpty(t, first.Next)

	tests := []struct {
		name  string
		req   collab.PageRequest
		field string
	}{
		{"negative limit", collab.PageRequest{Limit: -1}, "limit"},
		{"limit too large", collab.PageRequest{Limit: collab.MaxPageSize + 1}, "limit"},
		{"garbage cursor", collab.PageRequest{Cursor: "not-a-cursor"}, "cursor"},
		{"truncated cursor", collab.PageRequest{Cursor: first.Next[:10]}, "cursor"},
		{"cursor of the other order", collab.PageRequest{Cursor: first.Next, NewestFirst: true}, "cursor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := e.svc.Activity(ctx, claire, inv, tt.req)
			var ve *validation.Error
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tt.field, ve.Faults[0].Field)
		})
	}
}

func TestFeedOfFollowedObjects(t *testing.T) {
	history := historyMap{quote: {{ID: "ev-q", At: t0.Add(3500 * time.Millisecond), Action: "quote.accepted", Summary: "Accepted"}}}
	e := newEnv(t, withOptions(collab.WithHistory(history)))
	ctx := context.Background()
	e.post(t, claire, inv, "on the invoice") // t0+1s
	e.post(t, alice, quote, "on the quote")  // t0+3s (thread at t0+2s)
	e.post(t, claire, inv, "invoice again")  // t0+4s
	e.post(t, dana, collab.Ref{Kind: collab.KindPayment, ID: "PAY-1"}, "not followed by bob")
	e.follow(t, inv, bob)
	e.follow(t, quote, bob)

	feed, err := e.svc.Feed(ctx, bob, collab.PageRequest{NewestFirst: true})
	require.NoError(t, err)
	assert.Equal(t, []string{"m:invoice again", "h:quote.accepted", "m:on the quote", "m:on the invoice"}, labels(feed.Items))

	e.policy.deny(bob, quote)
	feed, err = e.svc.Feed(ctx, bob, collab.PageRequest{})
	require.NoError(t, err)
	assert.Equal(t, []string{"m:on the invoice", "m:invoice again"}, labels(feed.Items), "objects bob may no longer see drop out")

	empty, err := e.svc.Feed(ctx, mallow, collab.PageRequest{})
	require.NoError(t, err)
	assert.Empty(t, empty.Items)
}

// The history source learns who reads the feed, so that it can leave out
// what that reader may not see: the Service names the actor of Activity
// and of Feed in HistoryQuery.Viewer.
func TestActivityNamesTheViewerToTheHistorySource(t *testing.T) {
	history := collab.HistoryFunc(func(_ context.Context, ref collab.Ref, q collab.HistoryQuery) ([]collab.HistoryEntry, error) {
		return q.Apply([]collab.HistoryEntry{{ID: "ev-1", At: t0, Action: "invoice.read", Summary: "read by " + q.Viewer}}), nil
	})
	e := newEnv(t, withOptions(collab.WithHistory(history)))
	ctx := context.Background()
	e.post(t, claire, inv, "hello")
	e.follow(t, inv, bob)

	for _, viewer := range []string{claire, bob} {
		page, err := e.svc.Activity(ctx, viewer, inv, collab.PageRequest{})
		require.NoError(t, err)
		require.NotEmpty(t, page.Items)
		require.NotNil(t, page.Items[0].History)
		assert.Equal(t, "read by "+viewer, page.Items[0].History.Summary)
	}
	feed, err := e.svc.Feed(ctx, bob, collab.PageRequest{})
	require.NoError(t, err)
	require.NotEmpty(t, feed.Items)
	require.NotNil(t, feed.Items[0].History)
	assert.Equal(t, "read by "+bob, feed.Items[0].History.Summary)
}

// TestFeedPaginationProperty checks, for random mixes of messages and
// history entries with colliding timestamps and random page sizes, that
// walking the pages yields every item exactly once, in order.
func TestFeedPaginationProperty(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		// History IDs are drawn from the same range as message IDs, so that
		// an entry and a message can share both time and ID.
		ids := rapid.SliceOfDistinct(rapid.IntRange(1, 20), rapid.ID).Draw(rt, "historyIDs")
		nHistory := min(len(ids), 12)
		var entries []collab.HistoryEntry
		for i := range nHistory {
			entries = append(entries, collab.HistoryEntry{
				ID:     fmt.Sprintf("id-%05d", ids[i]),
				At:     t0.Add(time.Duration(rapid.IntRange(0, 5).Draw(rt, "historyAt")) * time.Second),
				Action: fmt.Sprint("event.", i),
			})
		}
		e := newEnv(rt, withOptions(collab.WithHistory(historyMap{inv: entries})))
		e.clock.step = time.Duration(rapid.IntRange(0, 1).Draw(rt, "step")) * time.Second
		nMessages := rapid.IntRange(0, 12).Draw(rt, "messages")
		for i := range nMessages {
			e.post(rt, claire, inv, fmt.Sprint("message ", i))
		}
		newestFirst := rapid.Bool().Draw(rt, "newestFirst")
		full, err := e.svc.Activity(context.Background(), claire, inv, collab.PageRequest{Limit: collab.MaxPageSize, NewestFirst: newestFirst})
		require.NoError(rt, err)
		require.Len(rt, full.Items, nHistory+nMessages)

		req := collab.PageRequest{Limit: rapid.IntRange(1, 5).Draw(rt, "limit"), NewestFirst: newestFirst}
		var walked []collab.Activity
		for range nHistory + nMessages + 1 {
			page, err := e.svc.Activity(context.Background(), claire, inv, req)
			require.NoError(rt, err)
			walked = append(walked, page.Items...)
			if page.Next == "" {
				break
			}
			req.Cursor = page.Next
		}
		assert.Equal(rt, labels(full.Items), labels(walked))
		for i := 1; i < len(full.Items); i++ {
			c := full.Items[i-1].At.Compare(full.Items[i].At)
			if newestFirst {
				c = -c
			}
			assert.LessOrEqual(rt, c, 0, "time order")
		}
	})
}

func reversed(s []string) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[len(s)-1-i] = v
	}
	return out
}
