package billing_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/store/storetest"
)

func TestNames(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	e := f.engine
	names := e.Names()
	name := func(kind collab.Kind, id string) string {
		t.Helper()
		n, err := names.Name(ctx, collab.Ref{Kind: kind, ID: id})
		require.NoError(t, err)
		return n
	}
	q, err := e.CreateQuote(ctx, alice, storetest.QuoteInput(0))
	require.NoError(t, err)
	assert.Equal(t, "quote Q-2026-0042 to Boulangerie Martin SARL", name(collab.KindQuote, q.ID.String()))
	_, err = e.SendQuote(ctx, alice, q.ID.String(), date.MustParse("2026-03-02"))
	require.NoError(t, err)
	c, err := e.AcceptQuote(ctx, alice, q.ID.String(), date.MustParse("2026-03-10"), "")
	require.NoError(t, err)
	assert.Equal(t, "contract from quote Q-2026-0042 with Boulangerie Martin SARL", name(collab.KindContract, c.ID.String()))

	f.clock.travel(t, "2026-04-01")
	rep, err := e.BillRun(ctx, carol, date.MustParse("2026-04-01"), billing.BillRunOptions{})
	require.NoError(t, err)
	id := rep.Invoices[0].ID.String()
	assert.Equal(t, "draft invoice to Boulangerie Martin SARL", name(collab.KindInvoice, id))
	_, req, err := e.SubmitInvoice(ctx, carol, id)
	require.NoError(t, err)
	_, err = e.Approve(ctx, dan, req.ID)
	require.NoError(t, err)
	_, err = e.IssueInvoice(ctx, carol, id, date.MustParse("2026-04-01"))
	require.NoError(t, err)
	assert.Equal(t, "invoice F2026-000001", name(collab.KindInvoice, id))

	assert.Empty(t, name(collab.KindInvoice, "01960000-0000-7000-8000-000000000999"), "unknown objects fall back on collab's default")
	assert.Empty(t, name(collab.KindDashboard, "mrr"))
}
