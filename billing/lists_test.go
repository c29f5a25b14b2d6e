package billing_test

import (
	"context"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/store/storetest"
	"github.com/billkit/billkit/validation"
)

func TestListsAndStatement(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	e := f.engine
	q1, err := e.CreateQuote(ctx, alice, storetest.QuoteInput(0))
	require.NoError(t, err)
	q2, err := e.CreateQuote(ctx, alice, storetest.QuoteInput(5))
	require.NoError(t, err)

	quotes, err := e.Quotes(ctx, fred, nil)
	require.NoError(t, err)
	require.Len(t, quotes, 2)
	assert.Equal(t, []uuid.UUID{q1.ID, q2.ID}, []uuid.UUID{quotes[0].ID, quotes[1].ID}, "creation order")
	discounted, err := e.Quotes(ctx, fred, func(s quote.Snapshot) bool { return s.ID == q2.ID })
	require.NoError(t, err)
	require.Len(t, discounted, 1)
	_, err = e.Quotes(ctx, "nobody", nil)
	assert.ErrorIs(t, err, billing.ErrForbidden)

	_, err = e.SendQuote(ctx, alice, q1.ID.String(), date.MustParse("2026-03-02"))
	require.NoError(t, err)
	contract, err := e.AcceptQuote(ctx, alice, q1.ID.String(), date.MustParse("2026-03-10"), "")
	require.NoError(t, err)
	contracts, err := e.Contracts(ctx, fred, nil)
	require.NoError(t, err)
	require.Len(t, contracts, 1)
	assert.Equal(t, contract.ID, contracts[0].ID)
	_, err = e.Contracts(ctx, "nobody", nil)
	assert.ErrorIs(t, err, billing.ErrForbidden)

	// Nothing invoiced yet: an empty account.
	st, err := e.Statement(ctx, fred, contract.Customer, money.EUR)
	require.NoError(t, err)
	assert.Empty(t, st.Receivables)
	assert.True(t, st.Outstanding.IsZero())

	f.clock.travel(t, "2026-04-01")
	rep, err := e.BillRun(ctx, carol, date.MustParse("2026-04-01"), billing.BillRunOptions{})
	require.NoError(t, err)
	require.Len(t, rep.Invoices, 1)
	id := rep.Invoices[0].ID.String()
	_, _, err = e.SubmitInvoice(ctx, carol, id)
	require.NoError(t, err)
	pending, err := e.PendingApprovals(ctx, dan)
	require.NoError(t, err)
	require.Len(t, pending, 1)
	_, err = e.Approve(ctx, dan, pending[0].ID)
	require.NoError(t, err)
	_, err = e.IssueInvoice(ctx, carol, id, date.MustParse("2026-04-01"))
	require.NoError(t, err)
	_, err = e.RecordPayment(ctx, carol, invoice.Payment{ID: uuid.New(), Customer: contract.Customer,
		Amount: money.MustParse("14000.00 EUR"), Date: date.MustParse("2026-04-20"), Method: invoice.MethodTransfer},
		invoice.AllocateOldestFirst())
	require.NoError(t, err)

	st, err = e.Statement(ctx, fred, contract.Customer, money.EUR)
	require.NoError(t, err)
	require.Len(t, st.Receivables, 1)
	r := st.Receivables[0]
	assert.Equal(t, "F2026-000001", r.Number)
	assert.Equal(t, "13200.00 EUR", r.Due.String())
	assert.True(t, r.Balance.IsZero(), "balance %s", r.Balance)
	assert.True(t, st.Outstanding.IsZero())
	assert.Equal(t, "800.00 EUR", st.Credit.String(), "paid 800.00 EUR beyond what is owed")
	require.Len(t, st.Payments, 1)

	_, err = e.Statement(ctx, fred, "", money.EUR)
	var verr *validation.Error
	assert.ErrorAs(t, err, &verr)
	_, err = e.Statement(ctx, "nobody", contract.Customer, money.EUR)
	assert.ErrorIs(t, err, billing.ErrForbidden)
}
