package billing_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/notify"
	"github.com/billkit/billkit/store/storetest"
)

// Once one of the people asked decides, the others are told there is
// nothing left for them to do.
func TestApprovalDecisionTellsTheOtherDeciders(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	e := f.engine
	q, err := e.CreateQuote(ctx, alice, storetest.QuoteInput(0))
	require.NoError(t, err)
	_, err = e.SendQuote(ctx, alice, q.ID.String(), date.MustParse("2026-03-02"))
	require.NoError(t, err)
	_, err = e.AcceptQuote(ctx, alice, q.ID.String(), date.MustParse("2026-03-10"), "")
	require.NoError(t, err)
	rep, err := e.BillRun(ctx, carol, date.MustParse("2026-04-01"), billing.BillRunOptions{})
	require.NoError(t, err)
	_, req, err := e.SubmitInvoice(ctx, carol, rep.Invoices[0].ID.String())
	require.NoError(t, err)
	// dan and gina are both finance managers: both are asked.
	for _, u := range []string{dan, gina} {
		require.Len(t, f.notified.For(u), 1, u)
		assert.Equal(t, notify.KindApprovalRequested, f.notified.For(u)[0].Kind)
	}

	_, err = e.Reject(ctx, gina, req.ID, "wrong purchase order")
	require.NoError(t, err)
	toDan := f.notified.For(dan)
	require.Len(t, toDan, 2)
	assert.Equal(t, billing.KindApprovalDecided, toDan[1].Kind)
	assert.Equal(t, "Rejected by gina, nothing left to do: "+req.Summary, toDan[1].Subject)
	assert.Equal(t, map[string]string{"approval_id": req.ID, "status": "rejected", "decided_by": gina}, toDan[1].Data)
	assert.Len(t, f.notified.For(gina), 1, "the decider is not told of their own decision")
	toCarol := f.notified.For(carol)
	require.NotEmpty(t, toCarol)
	assert.Equal(t, "Rejected: "+req.Summary, toCarol[len(toCarol)-1].Subject, "the requester is told as before")
}
