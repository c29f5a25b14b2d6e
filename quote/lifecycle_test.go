package quote_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/validation"
)

// op is a lifecycle operation of a test, valid on the days of the fixture.
type op struct {
	name string
	to   quote.Status
	from []quote.Status // the statuses it is allowed from, for a quote that needs approval
	do   func(q *quote.Quote) error
}

func ops() []op {
	return []op{
		{"submit", quote.StatusInReview, []quote.Status{quote.StatusDraft}, func(q *quote.Quote) error { return q.Submit() }},
		{"approve", quote.StatusApproved, []quote.Status{quote.StatusInReview}, func(q *quote.Quote) error { return q.Approve(bob, approvedAt) }},
		{"reject approval", quote.StatusDraft, []quote.Status{quote.StatusInReview}, func(q *quote.Quote) error {
			return q.RejectApproval(bob, "too generous", approvedAt)
		}},
		{"reopen", quote.StatusDraft, []quote.Status{quote.StatusInReview, quote.StatusApproved}, func(q *quote.Quote) error { return q.Reopen() }},
		{"send", quote.StatusSent, []quote.Status{quote.StatusApproved}, func(q *quote.Quote) error { return q.Send(day("2026-03-03")) }},
		{"accept", quote.StatusAccepted, []quote.Status{quote.StatusSent}, func(q *quote.Quote) error {
			_, err := q.Accept(id(9), day("2026-03-10"))
			return err
		}},
		{"reject", quote.StatusRejected, []quote.Status{quote.StatusSent}, func(q *quote.Quote) error { return q.Reject("too expensive", day("2026-03-10")) }},
		{"expire", quote.StatusExpired, []quote.Status{quote.StatusSent}, func(q *quote.Quote) error { return q.Expire(day("2026-04-01")) }},
	}
}

// Every transition the lifecycle allows, from a quote that needs approval.
func TestTransitionsAllowed(t *testing.T) {
	for _, o := range ops() {
		for _, from := range o.from {
			t.Run(string(from)+" "+o.name+" "+string(o.to), func(t *testing.T) {
				require.True(t, from.CanTransition(o.to))
				q := quoteIn(t, from)
				require.NoError(t, o.do(q))
				assert.Equal(t, o.to, q.Status())
			})
		}
	}
}

// A draft whose discounts need no approval is sent directly.
func TestSendDraftWithoutApproval(t *testing.T) {
	q := newQuote(t, newDesk(t), alice, baseInput())
	require.False(t, q.NeedsApproval())
	require.NoError(t, q.Send(quoteDay))
	assert.Equal(t, quote.StatusSent, q.Status())
	assert.Equal(t, quoteDay, q.SentOn())
}

// Every other operation is refused with a *TransitionError naming the
// statuses, and leaves the quote as it was.
func TestTransitionsForbidden(t *testing.T) {
	for _, from := range quote.Statuses() {
		for _, o := range ops() {
			if slices.Contains(o.from, from) {
				continue
			}
			t.Run(string(from)+" "+o.name+" "+string(o.to), func(t *testing.T) {
				q := quoteIn(t, from)
				before := q.Snapshot()
				err := o.do(q)
				require.Error(t, err)
				if from == quote.StatusDraft && o.to == quote.StatusSent {
					var are *quote.ApprovalRequiredError
					require.ErrorAs(t, err, &are)
					assert.Equal(t, []string{"sales_manager"}, are.Pending)
					assert.ErrorIs(t, err, quote.ErrApprovalRequired)
				} else {
					var te *quote.TransitionError
					require.ErrorAs(t, err, &te)
					assert.ErrorIs(t, err, quote.ErrInvalidTransition)
					assert.Equal(t, from, te.From)
					assert.Equal(t, o.to, te.To)
				}
				assert.Equal(t, before, q.Snapshot())
			})
		}
	}
}

func TestSubmitWithoutApprovalNeeded(t *testing.T) {
	q := newQuote(t, newDesk(t), alice, baseInput())
	err := q.Submit()
	var te *quote.TransitionError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, "it needs no approval: send it", te.Reason)
	assert.Equal(t, quote.StatusDraft, q.Status())
}

// Days of lifecycle operations are checked against the quote's dates; a
// refused operation changes nothing.
func TestLifecycleDays(t *testing.T) {
	tests := []struct {
		name  string
		from  quote.Status
		do    func(q *quote.Quote) error
		check func(t *testing.T, err error)
	}{
		{"send before the quote date", quote.StatusApproved, func(q *quote.Quote) error { return q.Send(day("2026-03-01")) }, isFault("on", validation.CodeOutOfRange)},
		{"send without a day", quote.StatusApproved, func(q *quote.Quote) error { return q.Send(date.Date{}) }, isFault("on", validation.CodeRequired)},
		{"send after validity", quote.StatusApproved, func(q *quote.Quote) error { return q.Send(day("2026-04-01")) }, isExpired},
		{"accept after validity", quote.StatusSent, func(q *quote.Quote) error { _, err := q.Accept(id(9), day("2026-04-01")); return err }, isExpired},
		{"accept before sent", quote.StatusSent, func(q *quote.Quote) error { _, err := q.Accept(id(9), day("2026-03-02")); return err }, isFault("on", validation.CodeOutOfRange)},
		{"accept without contract ID", quote.StatusSent, func(q *quote.Quote) error { _, err := q.Accept([16]byte{}, day("2026-03-10")); return err }, isFault("contract_id", validation.CodeRequired)},
		{"reject without reason", quote.StatusSent, func(q *quote.Quote) error { return q.Reject("  ", day("2026-03-10")) }, isFault("reason", validation.CodeRequired)},
		{"expire while valid", quote.StatusSent, func(q *quote.Quote) error { return q.Expire(validUntil) }, isFault("on", validation.CodeOutOfRange)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := quoteIn(t, tt.from)
			before := q.Snapshot()
			tt.check(t, tt.do(q))
			assert.Equal(t, before, q.Snapshot())
		})
	}
}

func isFault(field, code string) func(t *testing.T, err error) {
	return func(t *testing.T, err error) {
		t.Helper()
		requireFaults(t, err, [2]string{field, code})
	}
}

func isExpired(t *testing.T, err error) {
	t.Helper()
	var ee *quote.ExpiredError
	require.ErrorAs(t, err, &ee)
	assert.Equal(t, validUntil, ee.ValidUntil)
	assert.Equal(t, day("2026-04-01"), ee.On)
	assert.True(t, errors.Is(err, quote.ErrExpired))
}

func TestClosedQuotes(t *testing.T) {
	rejected := quoteIn(t, quote.StatusRejected)
	assert.Equal(t, "too expensive", rejected.RejectionReason())
	assert.Equal(t, day("2026-03-10"), rejected.ClosedOn())

	expired := quoteIn(t, quote.StatusExpired)
	assert.Equal(t, day("2026-04-01"), expired.ClosedOn())
	assert.True(t, expired.IsExpired(day("2026-04-01")))
	assert.False(t, expired.IsExpired(validUntil))

	accepted := quoteIn(t, quote.StatusAccepted)
	assert.Equal(t, id(9), accepted.ContractID())
	assert.Equal(t, day("2026-03-10"), accepted.ClosedOn())
}
