package billing_test

import (
	"context"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// issued issues an invoice of amount due on 2026-05-01, as erin, on
// 2026-04-01, moving the fixture's clock to that day.
func issued(t *testing.T, f *fixture, amount string) invoice.Snapshot {
	t.Helper()
	ctx := context.Background()
	e := f.engine
	f.clock.travel(t, "2026-04-01")
	inv, err := e.CreateInvoice(ctx, erin, smallDoc(amount))
	require.NoError(t, err)
	_, _, err = e.SubmitInvoice(ctx, erin, inv.ID.String())
	require.NoError(t, err)
	inv, err = e.IssueInvoice(ctx, erin, inv.ID.String(), date.MustParse("2026-04-01"))
	require.NoError(t, err)
	return inv
}

// Dunning proposes each overdue invoice's step, the engine remembers in
// the audit trail what was sent, and an invoice paid is left alone.
func TestDunning(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	e := f.engine
	policy := invoice.DefaultDunningPolicy() // J+7, J+15, J+30
	late, paid, forgotten := issued(t, f, "100.00"), issued(t, f, "200.00"), issued(t, f, "300.00")
	run := func(on string) []invoice.Reminder {
		t.Helper()
		rems, err := e.Dunning(ctx, carol, date.MustParse(on), policy)
		require.NoError(t, err)
		return rems
	}
	steps := func(rems []invoice.Reminder) []string {
		var out []string
		for _, r := range rems {
			out = append(out, r.Number+" "+r.Step)
		}
		return out
	}

	assert.Empty(t, run("2026-05-01"), "nothing is overdue on the due date")
	first := run("2026-05-08")
	friendly := policy.Steps[0].Key
	assert.Equal(t, []string{late.Document.Number + " " + friendly, paid.Document.Number + " " + friendly,
		forgotten.Document.Number + " " + friendly}, steps(first))
	assert.Equal(t, "120.00 EUR", first[0].Balance.String())
	// The third reminder could not be sent: it is proposed again.
	require.NoError(t, e.RecordReminders(ctx, carol, first[:2]...))
	assert.Equal(t, []string{forgotten.Document.Number + " " + friendly}, steps(run("2026-05-08")))
	first = first[:2]

	// Sending the same reminder twice is refused, and records nothing.
	err := e.RecordReminders(ctx, carol, first[1], first[0])
	var invalid *validation.Error
	require.ErrorAs(t, err, &invalid)
	assert.True(t, strings.HasPrefix(invalid.Faults[0].Field, "reminders[0]"), invalid.Error())

	// The second invoice is paid; the first goes on to the next step.
	_, err = e.RecordPayment(ctx, carol, invoice.Payment{ID: uuid.New(), Customer: billing.CustomerKey(paid.Document.Buyer),
		Amount: money.MustParse("240.00 EUR"), Date: date.MustParse("2026-05-10"), Method: invoice.MethodTransfer},
		invoice.AllocateParts(invoice.InvoiceAmount{InvoiceID: paid.ID, Amount: money.MustParse("240.00 EUR")}))
	require.NoError(t, err)
	second := run("2026-05-16")
	assert.Equal(t, []string{late.Document.Number + " " + policy.Steps[1].Key,
		forgotten.Document.Number + " " + policy.Steps[1].Key}, steps(second))
	require.NoError(t, e.RecordReminders(ctx, carol, second[0]))

	// At J+31 the third invoice, never reminded, gets the formal notice
	// only: the earlier steps are recorded as skipped, never to be sent.
	third := run("2026-06-01")
	assert.Equal(t, []string{late.Document.Number + " " + policy.Steps[2].Key,
		forgotten.Document.Number + " " + policy.Steps[2].Key}, steps(third))
	assert.Equal(t, []string{friendly, policy.Steps[1].Key}, third[1].Skipped)
	require.NoError(t, e.RecordReminders(ctx, carol, third...))
	assert.Empty(t, run("2026-07-01"), "every step was done or skipped")

	history, err := e.HistorySource().History(ctx, collab.Ref{Kind: collab.KindInvoice, ID: late.ID.String()}, collab.HistoryQuery{})
	require.NoError(t, err)
	var said []string
	for _, h := range history {
		said = append(said, h.Summary)
	}
	assert.Contains(t, strings.Join(said, "\n"), "sent the dunning step "+friendly)

	// An unknown invoice, and a bad policy, are refused.
	err = e.RecordReminders(ctx, carol, invoice.Reminder{InvoiceID: uuid.New(), Step: "x", On: date.MustParse("2026-06-01")})
	require.ErrorIs(t, err, billing.ErrNotFound)
	_, err = e.Dunning(ctx, carol, date.MustParse("2026-06-01"), invoice.DunningPolicy{})
	require.ErrorAs(t, err, &invalid)
}

// A policy's step keys may hold any character: the steps a reminder
// overtook read back from the audit trail as they were, not split where
// a key has a comma.
func TestDunningStepKeysWithCommas(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	e := f.engine
	policy := invoice.DunningPolicy{Steps: []invoice.DunningStep{
		{Key: "x,y", DaysAfterDue: 7, Template: "t1", Channel: invoice.ChannelEmail},
		{Key: "x", DaysAfterDue: 15, Template: "t2", Channel: invoice.ChannelEmail},
		{Key: "y", DaysAfterDue: 30, Template: "t3", Channel: invoice.ChannelEmail},
	}}
	issued(t, f, "100.00")
	run := func(on string) []invoice.Reminder {
		t.Helper()
		rems, err := e.Dunning(ctx, carol, date.MustParse(on), policy)
		require.NoError(t, err)
		return rems
	}
	rems := run("2026-05-17")
	require.Len(t, rems, 1)
	assert.Equal(t, "x", rems[0].Step)
	assert.Equal(t, []string{"x,y"}, rems[0].Skipped)
	require.NoError(t, e.RecordReminders(ctx, carol, rems...))
	assert.Empty(t, run("2026-05-20"))
	rems = run("2026-06-01")
	require.Len(t, rems, 1, "step y was not done: only x,y was skipped")
	assert.Equal(t, "y", rems[0].Step)
}
