package quote_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/tax"
	"github.com/billkit/billkit/validation"
)

func TestNewDeskFaults(t *testing.T) {
	_, err := quote.NewDesk(nil, nil, quote.Policy{})
	requireFaults(t, err, [2]string{"catalog", validation.CodeRequired}, [2]string{"rates", validation.CodeRequired},
		[2]string{"policy.levels", validation.CodeRequired})
}

// The desk keeps its own copy of the policy.
func TestDeskPolicyIsACopy(t *testing.T) {
	p := testPolicy()
	desk, err := quote.NewDesk(newCatalog(t), tax.DefaultRates(), p)
	require.NoError(t, err)
	p.Rules[0].Limits[0].Percent = dec("99")
	got := desk.Policy()
	assert.Equal(t, "10", got.Rules[0].Limits[0].Percent.String())
	got.Levels[0] = "intern"
	assert.Equal(t, "sales_rep", desk.Policy().Levels[0])
}

func TestEditReprices(t *testing.T) {
	desk := newDesk(t)
	q := newQuote(t, desk, alice, baseInput())
	require.False(t, q.NeedsApproval())
	require.NoError(t, desk.Edit(q, func(in *quote.Input) error {
		in.Lines[0].Discount.Percent = dec("18")
		in.Lines[1].Quantity = dec("25")
		return nil
	}))
	assert.True(t, q.NeedsApproval())
	assert.Equal(t, "9450.00 EUR", q.Totals().TaxExclusive.String(), "8200.00 + 25 × 50.00")
	assert.Equal(t, "18", q.Input().Lines[0].Discount.Percent.String())
}

// An edit that fails, in the caller's function or in pricing, changes
// nothing.
func TestEditFailsWhole(t *testing.T) {
	desk := newDesk(t)
	q := newQuote(t, desk, alice, baseInput())
	before := q.Snapshot()
	boom := errors.New("boom")
	err := desk.Edit(q, func(in *quote.Input) error { in.Lines[0].Quantity = dec("99"); return boom })
	assert.ErrorIs(t, err, boom)
	err = desk.Edit(q, func(in *quote.Input) error {
		in.Lines[0].ProductID = "nope"
		in.Lines[1].Quantity = dec("1")
		return nil
	})
	requireFaults(t, err, [2]string{"lines[0].product_id", validation.CodeUnknown})
	err = desk.Edit(q, func(in *quote.Input) error { in.Number = "Q-2"; return nil })
	requireFaults(t, err, [2]string{"number", validation.CodeForbidden})
	assert.Equal(t, before, q.Snapshot())
}

// Only drafts are edited.
func TestEditImmutable(t *testing.T) {
	for _, s := range quote.Statuses()[1:] {
		t.Run(string(s), func(t *testing.T) {
			q := quoteIn(t, s)
			before := q.Snapshot()
			err := newDesk(t).Edit(q, nil)
			var ie *quote.ImmutableError
			require.ErrorAs(t, err, &ie)
			assert.ErrorIs(t, err, quote.ErrImmutable)
			assert.Equal(t, s, ie.Status)
			assert.Equal(t, before, q.Snapshot())
		})
	}
}

// A revision is a new draft of the same quote number; the revision it
// revises stays as it was.
func TestRevise(t *testing.T) {
	for _, s := range []quote.Status{quote.StatusSent, quote.StatusRejected, quote.StatusExpired} {
		t.Run(string(s), func(t *testing.T) {
			old := quoteIn(t, s)
			before := old.Snapshot()
			rev, err := newDesk(t).Revise(old, id(2), dave, func(in *quote.Input) error {
				in.Date, in.ValidUntil = day("2026-04-02"), day("2026-04-30")
				in.Lines[0].Discount.Percent = dec("8")
				return nil
			})
			require.NoError(t, err)
			assert.Equal(t, before, old.Snapshot(), "the old revision is unchanged")
			assert.Equal(t, quote.StatusDraft, rev.Status())
			assert.Equal(t, old.Number(), rev.Number())
			assert.Equal(t, 2, rev.Revision())
			assert.Equal(t, old.ID(), rev.PreviousID())
			assert.Equal(t, dave, rev.Author())
			assert.False(t, rev.NeedsApproval())
			assert.Equal(t, day("2026-04-02"), rev.Date())
			assert.Equal(t, "10200.00 EUR", rev.Totals().TaxExclusive.String(), "9200.00 + 20 × 50.00")
			assert.Equal(t, id(2).String()+"/1", rev.Document().Lines[0].QuoteLineRef)
		})
	}
}

func TestReviseRefused(t *testing.T) {
	desk := newDesk(t)
	for _, s := range []quote.Status{quote.StatusDraft, quote.StatusInReview, quote.StatusApproved, quote.StatusAccepted} {
		t.Run(string(s), func(t *testing.T) {
			_, err := desk.Revise(quoteIn(t, s), id(2), alice, nil)
			var te *quote.TransitionError
			require.ErrorAs(t, err, &te)
			assert.Equal(t, "revise", te.Op)
		})
	}
	sent := quoteIn(t, quote.StatusSent)
	_, err := desk.Revise(sent, sent.ID(), alice, nil)
	requireFaults(t, err, [2]string{"id", validation.CodeDuplicate})
	_, err = desk.Revise(sent, [16]byte{}, alice, nil)
	requireFaults(t, err, [2]string{"id", validation.CodeRequired})
	_, err = desk.Revise(sent, id(2), alice, func(in *quote.Input) error { in.Number = "Q-2"; return nil })
	requireFaults(t, err, [2]string{"number", validation.CodeForbidden})
	_, err = desk.Revise(sent, id(2), alice, func(in *quote.Input) error { in.Lines[0].Discount.Percent = dec("41"); return nil })
	requireFaults(t, err, [2]string{"lines[0].discount", quote.CodeUnderFloor})
}

// A revision replaces the quote it revises once the host says so: the old
// one can no longer be accepted, rejected, expired or revised, and says
// which revision replaced it, also once stored and restored.
func TestSupersede(t *testing.T) {
	desk := newDesk(t)
	for _, s := range []quote.Status{quote.StatusSent, quote.StatusRejected, quote.StatusExpired} {
		t.Run(string(s), func(t *testing.T) {
			old := quoteIn(t, s)
			rev, err := desk.Revise(old, id(2), dave, nil)
			require.NoError(t, err)
			require.NoError(t, old.Supersede(rev))
			assert.Equal(t, id(2), old.NextID())
			assert.Equal(t, s, old.Status(), "the old revision keeps its status")

			restored, err := quote.Restore(old.Snapshot())
			require.NoError(t, err)
			assert.Equal(t, old.Snapshot(), restored.Snapshot())
			for _, q := range []*quote.Quote{old, restored} {
				var te *quote.TransitionError
				_, err = q.Accept(id(9), day("2026-03-20"))
				require.ErrorAs(t, err, &te)
				assert.Equal(t, "accept", te.Op)
				assert.Contains(t, te.Error(), "revision 2 replaced it")
				require.ErrorAs(t, q.Reject("too dear", day("2026-03-20")), &te)
				require.ErrorAs(t, q.Expire(day("2026-06-20")), &te)
				_, err = desk.Revise(q, id(3), dave, nil)
				require.ErrorAs(t, err, &te)
				assert.Equal(t, "revise", te.Op)
				require.ErrorAs(t, q.Supersede(rev), &te, "replaced once only")
			}
		})
	}
}

func TestSupersedeRefused(t *testing.T) {
	desk := newDesk(t)
	sent := quoteIn(t, quote.StatusSent)
	rev, err := desk.Revise(sent, id(2), dave, nil)
	require.NoError(t, err)
	unrelated, err := desk.New(id(5), dave, baseInput())
	require.NoError(t, err)
	requireFaults(t, sent.Supersede(nil), [2]string{"next", validation.CodeInvalid})
	requireFaults(t, sent.Supersede(unrelated), [2]string{"next", validation.CodeInvalid})
	draft := quoteIn(t, quote.StatusDraft) // same ID as sent, but a draft
	var te *quote.TransitionError
	require.ErrorAs(t, draft.Supersede(rev), &te)
	assert.Equal(t, [16]byte{}, [16]byte(sent.NextID()))

	// A stored quote that says a revision replaced it must be one that
	// can be revised, replaced by another revision.
	snap := quoteIn(t, quote.StatusDraft).Snapshot()
	snap.NextID = id(7)
	_, err = quote.Restore(snap)
	requireFaults(t, err, [2]string{"next_id", validation.CodeForbidden})
	snap = quoteIn(t, quote.StatusSent).Snapshot()
	snap.NextID = snap.ID
	_, err = quote.Restore(snap)
	requireFaults(t, err, [2]string{"next_id", validation.CodeInvalid})
}
