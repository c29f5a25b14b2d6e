package billing_test

import (
	"context"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/notify"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/store/memory"
	"github.com/billkit/billkit/store/storetest"
)

// The activity feed says in words what each change did, after the
// actor's name, and keeps the machine-readable action beside it.
func TestHistorySourceSummaries(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	e := f.engine
	q, err := e.CreateQuote(ctx, alice, storetest.QuoteInput(15))
	require.NoError(t, err)
	_, req, err := e.SubmitQuote(ctx, alice, q.ID.String())
	require.NoError(t, err)
	_, err = e.Reject(ctx, bob, req.ID, "too generous")
	require.NoError(t, err)

	entries, err := e.HistorySource().History(ctx, collab.Ref{Kind: collab.KindQuote, ID: q.ID.String()}, collab.HistoryQuery{})
	require.NoError(t, err)
	var got []string
	for _, h := range entries {
		got = append(got, h.Actor+" "+h.Summary)
	}
	assert.Equal(t, []string{
		"alice drew up the quote",
		"alice submitted the quote: in review",
		"bob rejected the quote's discounts (too generous)",
	}, got)
	assert.Equal(t, string(billing.ActionQuoteCreated), entries[0].Action)

	// The bill run's invoice, issued.
	q, err = e.CreateQuote(ctx, alice, storetest.QuoteInput(0))
	require.NoError(t, err)
	_, err = e.SendQuote(ctx, alice, q.ID.String(), date.MustParse("2026-03-02"))
	require.NoError(t, err)
	_, err = e.AcceptQuote(ctx, alice, q.ID.String(), date.MustParse("2026-03-10"), "")
	require.NoError(t, err)
	f.clock.travel(t, "2026-04-01")
	rep, err := e.BillRun(ctx, carol, date.MustParse("2026-04-01"), billing.BillRunOptions{})
	require.NoError(t, err)
	id := rep.Invoices[0].ID.String()
	_, ireq, err := e.SubmitInvoice(ctx, carol, id)
	require.NoError(t, err)
	_, err = e.Approve(ctx, dan, ireq.ID)
	require.NoError(t, err)
	_, err = e.IssueInvoice(ctx, carol, id, date.MustParse("2026-04-01"))
	require.NoError(t, err)
	entries, err = e.HistorySource().History(ctx, collab.Ref{Kind: collab.KindInvoice, ID: id}, collab.HistoryQuery{Viewer: carol})
	require.NoError(t, err)
	got = got[:0]
	for _, h := range entries {
		got = append(got, h.Actor+" "+h.Summary)
	}
	assert.Equal(t, []string{
		"carol drew up the draft",
		"carol submitted it: pending approval",
		"dan approved it",
		"carol issued it as F2026-000001",
	}, got)
	assert.Equal(t, "F2026-000001", entries[3].Data["number"])

	// Pages start at their From position, included, both ways.
	ref := collab.Ref{Kind: collab.KindInvoice, ID: id}
	page, err := e.HistorySource().History(ctx, ref, collab.HistoryQuery{From: entries[1].Position(), Limit: 2, Viewer: carol})
	require.NoError(t, err)
	assert.Equal(t, entries[1:3], page)
	page, err = e.HistorySource().History(ctx, ref, collab.HistoryQuery{From: entries[2].Position(), Limit: 2, Descending: true, Viewer: carol})
	require.NoError(t, err)
	assert.Equal(t, []collab.HistoryEntry{entries[2], entries[1]}, page)
}

// Paging works among events of the same instant too, ordered by ID.
func TestHistorySourcePagesWithinAnInstant(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	f := newFixture(t, billing.WithClock(func() time.Time { return at }))
	e := f.engine
	q, err := e.CreateQuote(ctx, alice, storetest.QuoteInput(0))
	require.NoError(t, err)
	id := q.ID.String()
	for v := range uint64(4) {
		_, err = e.EditQuote(ctx, alice, id, v+1, func(in *quote.Input) error {
			in.Lines[0].Quantity = in.Lines[0].Quantity.Add(decimal.NewFromInt(1))
			return nil
		})
		require.NoError(t, err)
	}
	ref := collab.Ref{Kind: collab.KindQuote, ID: id}
	all, err := e.HistorySource().History(ctx, ref, collab.HistoryQuery{})
	require.NoError(t, err)
	require.Len(t, all, 5)
	for _, h := range all {
		require.True(t, h.At.Equal(at))
	}
	for from := range all {
		page, err := e.HistorySource().History(ctx, ref, collab.HistoryQuery{From: all[from].Position(), Limit: 2})
		require.NoError(t, err)
		assert.Equal(t, all[from:min(from+2, len(all))], page, "ascending from %d", from)
		page, err = e.HistorySource().History(ctx, ref, collab.HistoryQuery{From: all[from].Position(), Limit: 2, Descending: true})
		require.NoError(t, err)
		want := []collab.HistoryEntry{all[from]}
		if from > 0 {
			want = append(want, all[from-1])
		}
		assert.Equal(t, want, page, "descending from %d", from)
	}
}

// The audit trail's field-by-field changes need audit.read wherever they
// are read. A sales rep, who may view an invoice and its thread, reads in
// its activity feed who did what and when, in words, but no changed
// value; an auditor reads the values too; and Engine.History refuses the
// sales rep.
func TestActivityFeedHidesChangesWithoutAuditRead(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	e := f.engine
	q, err := e.CreateQuote(ctx, alice, storetest.QuoteInput(0))
	require.NoError(t, err)
	_, err = e.SendQuote(ctx, alice, q.ID.String(), date.MustParse("2026-03-02"))
	require.NoError(t, err)
	_, err = e.AcceptQuote(ctx, alice, q.ID.String(), date.MustParse("2026-03-10"), "")
	require.NoError(t, err)
	f.clock.travel(t, "2026-04-01")
	rep, err := e.BillRun(ctx, carol, date.MustParse("2026-04-01"), billing.BillRunOptions{})
	require.NoError(t, err)
	inv := rep.Invoices[0]
	id := inv.ID.String()
	_, ireq, err := e.SubmitInvoice(ctx, carol, id)
	require.NoError(t, err)
	_, err = e.Approve(ctx, dan, ireq.ID)
	require.NoError(t, err)
	issued, err := e.IssueInvoice(ctx, carol, id, date.MustParse("2026-04-01"))
	require.NoError(t, err)
	total := issued.Document.Totals.TaxInclusive.String()

	dir := collab.NewMemoryDirectory()
	for _, u := range []string{alice, carol, fred} {
		require.NoError(t, dir.AddUser(u, u, u))
	}
	threads, err := collab.NewService(memory.NewCollabStore(), dir, e.CollabPolicy(nil),
		collab.WithHistory(e.HistorySource()), collab.WithNotifier(notify.Discard))
	require.NoError(t, err)
	ref := collab.Ref{Kind: collab.KindInvoice, ID: id}

	feed := func(viewer string) []collab.HistoryEntry {
		t.Helper()
		page, err := threads.Activity(ctx, viewer, ref, collab.PageRequest{})
		require.NoError(t, err)
		var out []collab.HistoryEntry
		for _, item := range page.Items {
			if item.History != nil {
				out = append(out, *item.History)
			}
		}
		return out
	}
	summaries := func(entries []collab.HistoryEntry) []string {
		var out []string
		for _, h := range entries {
			out = append(out, h.Actor+" "+h.Summary)
		}
		return out
	}

	rep1 := feed(alice)
	require.Len(t, rep1, 4)
	assert.Equal(t, []string{
		"carol drew up the draft",
		"carol submitted it: pending approval",
		"dan approved it",
		"carol issued it as " + issued.Document.Number,
	}, summaries(rep1), "the sales rep reads who did what, in words")
	for _, h := range rep1 {
		assert.Empty(t, h.Data, "%s: the sales rep reads no changed value", h.Action)
		assert.NotContains(t, h.Summary, total)
		assert.NotContains(t, h.Summary, "→")
	}

	auditor := feed(fred)
	require.Len(t, auditor, 4)
	assert.Equal(t, summaries(rep1), summaries(auditor), "the words are the same for both")
	assert.Equal(t, total, auditor[0].Data["tax_inclusive"], "the auditor reads the changed values")
	assert.Equal(t, issued.Document.Number, auditor[3].Data["number"])

	_, err = e.History(ctx, alice, ref, billing.EventQuery{})
	var forbidden *billing.ForbiddenError
	require.ErrorAs(t, err, &forbidden)
	assert.Equal(t, billing.PermAuditRead, forbidden.Permission)
	events, err := e.History(ctx, fred, ref, billing.EventQuery{})
	require.NoError(t, err)
	assert.Len(t, events, 4)

	// Read directly, the source shows no change to an unknown viewer.
	entries, err := e.HistorySource().History(ctx, ref, collab.HistoryQuery{})
	require.NoError(t, err)
	require.Len(t, entries, 4)
	for _, h := range entries {
		assert.Empty(t, h.Data)
	}
}
