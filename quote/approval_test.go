package quote_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/validation"
)

// twoLevels is a quote that needs a manager for its 18 % on implementation
// days and finance for its 20 % on seats (over the 15 % of a manager).
func twoLevels(t *testing.T) *quote.Quote {
	t.Helper()
	in := withLine(discounted(), 1, func(l *quote.LineInput) { l.Discount.Percent = dec("20") })
	q := newQuote(t, newDesk(t), alice, in)
	require.NoError(t, q.Submit())
	return q
}

func TestRequirementsSayWhy(t *testing.T) {
	q := twoLevels(t)
	assert.Equal(t, []string{"sales_manager", "finance"}, q.RequiredLevels())
	assert.Equal(t, []string{"sales_manager", "finance"}, q.PendingLevels())
	var got []string
	for _, r := range q.Requirements() {
		got = append(got, r.String())
	}
	assert.Equal(t, []string{
		"line 1: discount 18 % is over the author's limit of 10 %, needs sales_manager",
		"line 2: discount 20 % is over the author's limit of 5 %, needs finance",
	}, got)
}

// Approvals build up: a manager covers the manager's level, finance the
// rest; the quote is approved once nothing is pending.
func TestApprovalsCoverLevelsUpToTheirRank(t *testing.T) {
	q := twoLevels(t)
	require.NoError(t, q.Approve(bob, approvedAt))
	assert.Equal(t, quote.StatusInReview, q.Status())
	assert.Equal(t, []string{"finance"}, q.PendingLevels())

	later := approvedAt.Add(time.Hour).In(time.FixedZone("CET", 3600))
	require.NoError(t, q.Approve(carol, later))
	assert.Equal(t, quote.StatusApproved, q.Status())
	assert.Empty(t, q.PendingLevels())
	approvals := q.Approvals()
	require.Len(t, approvals, 2)
	assert.Equal(t, quote.Approval{Approver: bob, At: approvedAt}, approvals[0])
	assert.Equal(t, carol, approvals[1].Approver)
	assert.Equal(t, time.UTC, approvals[1].At.Location(), "instants are kept in UTC")
	assert.True(t, later.Equal(approvals[1].At))
}

func TestHigherLevelCoversAll(t *testing.T) {
	q := twoLevels(t)
	require.NoError(t, q.Approve(carol, approvedAt))
	assert.Equal(t, quote.StatusApproved, q.Status())
}

// An author whose own level covers the discounts needs no approval.
func TestAuthorLevelGrants(t *testing.T) {
	q := newQuote(t, newDesk(t), bob, discounted())
	assert.False(t, q.NeedsApproval())
	assert.Empty(t, q.RequiredLevels())
	require.NoError(t, q.Send(quoteDay))
}

func TestApproverRefused(t *testing.T) {
	tests := []struct {
		name     string
		approver quote.User
		sentinel error
	}{
		{"own quote", quote.User{ID: "alice", Level: "finance"}, quote.ErrSelfApproval},
		{"level too low", dave, quote.ErrLevelNotNeeded},
		{"level already covered", bob, quote.ErrLevelNotNeeded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := twoLevels(t)
			if tt.approver == bob {
				require.NoError(t, q.Approve(bob, approvedAt))
			}
			before := q.Snapshot()
			for _, decide := range []func() error{
				func() error { return q.Approve(tt.approver, approvedAt) },
				func() error { return q.RejectApproval(tt.approver, "no", approvedAt) },
			} {
				err := decide()
				var ae *quote.ApprovalError
				require.ErrorAs(t, err, &ae)
				assert.ErrorIs(t, err, tt.sentinel)
				assert.Equal(t, tt.approver, ae.Approver)
				assert.Equal(t, before, q.Snapshot())
			}
		})
	}
}

func TestApproverFaults(t *testing.T) {
	q := twoLevels(t)
	err := q.Approve(quote.User{Level: "ceo"}, time.Time{})
	requireFaults(t, err, [2]string{"approver.id", validation.CodeRequired},
		[2]string{"approver.level", validation.CodeUnknown}, [2]string{"at", validation.CodeRequired})
	err = q.RejectApproval(bob, " ", approvedAt)
	requireFaults(t, err, [2]string{"reason", validation.CodeRequired})
	assert.Equal(t, quote.StatusInReview, q.Status())
}

// A rejected approval sends the quote back to draft with its reason, drops
// the approvals given, and the draft can be changed and submitted again.
func TestRejectApproval(t *testing.T) {
	desk := newDesk(t)
	q := newQuote(t, desk, alice, withLine(discounted(), 1, func(l *quote.LineInput) { l.Discount.Percent = dec("20") }))
	require.NoError(t, q.Submit())
	require.NoError(t, q.Approve(bob, approvedAt))
	require.NoError(t, q.RejectApproval(carol, " 20 % on seats is too much ", approvedAt))
	assert.Equal(t, quote.StatusDraft, q.Status())
	assert.Empty(t, q.Approvals())
	assert.Equal(t, []quote.Rejection{{Approver: carol, Reason: "20 % on seats is too much", At: approvedAt}}, q.Rejections())

	require.NoError(t, desk.Edit(q, func(in *quote.Input) error {
		in.Lines[1].Discount.Percent = dec("12")
		return nil
	}))
	assert.Equal(t, []string{"sales_manager"}, q.RequiredLevels())
	require.NoError(t, q.Submit())
	require.NoError(t, q.Approve(bob, approvedAt))
	assert.Equal(t, quote.StatusApproved, q.Status())
	assert.Len(t, q.Rejections(), 1, "the history of rejections is kept")
}

func TestReopenDropsApprovals(t *testing.T) {
	q := quoteIn(t, quote.StatusApproved)
	require.NoError(t, q.Reopen())
	assert.Empty(t, q.Approvals())
	assert.Equal(t, []string{"sales_manager"}, q.PendingLevels())
}
