package sqlite_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/store/storetest"
)

// Users of the test engine.
const (
	rep     = "rep"     // sales_rep
	manager = "manager" // sales_manager
	clerk   = "clerk"   // accountant
	finance = "finance" // finance_manager
)

// newEngine returns an engine over st with one user per role used here,
// a clock that moves one second per reading from 2026-03-02 09:00 UTC,
// and invoices from 5,000.00 EUR needing a finance manager's approval.
func newEngine(t testing.TB, st billing.Store) *billing.Engine {
	t.Helper()
	return newEngineWith(t, st, newClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)))
}

// clock moves one second per reading; a story moves it to a later day
// with travel.
type clock struct{ now atomic.Int64 } // Unix nanoseconds

func newClock(start time.Time) *clock {
	c := &clock{}
	c.now.Store(start.UnixNano())
	return c
}

func (c *clock) read() time.Time { return time.Unix(0, c.now.Add(int64(time.Second))).UTC() }

// travel moves the clock to 9 o'clock (UTC) on day, a later day.
func (c *clock) travel(day string) {
	c.now.Store(date.MustParse(day).Time(time.UTC).Add(9 * time.Hour).UnixNano())
}

// newEngineWith is newEngine with the given clock.
func newEngineWith(t testing.TB, st billing.Store, c *clock) *billing.Engine {
	t.Helper()
	access := billing.NewAccess()
	for id, role := range map[string]string{rep: billing.RoleSalesRep, manager: billing.RoleSalesManager,
		clerk: billing.RoleAccountant, finance: billing.RoleFinanceManager} {
		require.NoError(t, access.SetUser(billing.User{ID: id, Roles: []string{role}}))
	}
	e, err := billing.New(st, storetest.Desk(t),
		billing.WithAccess(access),
		billing.WithClock(c.read),
		billing.WithApprovalRules(billing.ApprovalRule{Kind: billing.ApprovalInvoice,
			Threshold: money.MustParse("5000.00 EUR"), Roles: []string{billing.RoleFinanceManager}}))
	require.NoError(t, err)
	return e
}

// quoteToCash takes one deal through an engine over st, from March 2nd to
// April 20th: a quote over the sales rep's limit, approved, sent and
// accepted; a bill run; the invoice approved, issued, sent, partly
// credited and paid. It returns the issued invoice's ID.
func quoteToCash(t testing.TB, st billing.Store) string {
	t.Helper()
	ctx := context.Background()
	now := newClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	e := newEngineWith(t, st, now)
	q, err := e.CreateQuote(ctx, rep, storetest.QuoteInput(15))
	require.NoError(t, err)
	qid := q.ID.String()
	_, req, err := e.SubmitQuote(ctx, rep, qid)
	require.NoError(t, err)
	_, err = e.Approve(ctx, manager, req.ID)
	require.NoError(t, err)
	_, err = e.SendQuote(ctx, rep, qid, date.MustParse("2026-03-02"))
	require.NoError(t, err)
	c, err := e.AcceptQuote(ctx, rep, qid, date.MustParse("2026-03-10"), "PO-77")
	require.NoError(t, err)

	now.travel("2026-04-01")
	run, err := e.BillRun(ctx, clerk, date.MustParse("2026-04-01"), billing.BillRunOptions{})
	require.NoError(t, err)
	require.Empty(t, run.Failures)
	require.Len(t, run.Invoices, 1)
	id := run.Invoices[0].ID.String()
	_, ireq, err := e.SubmitInvoice(ctx, clerk, id)
	require.NoError(t, err)
	_, err = e.Approve(ctx, finance, ireq.ID)
	require.NoError(t, err)
	_, err = e.IssueInvoice(ctx, clerk, id, date.MustParse("2026-04-01"))
	require.NoError(t, err)
	_, err = e.SendInvoice(ctx, clerk, id, date.MustParse("2026-04-02"))
	require.NoError(t, err)

	cn, err := e.CreateCreditNote(ctx, clerk, id, invoice.CreditRequest{Reason: "Two seats unused",
		Lines: []invoice.LineCredit{{LineID: "2", Quantity: decimal.NewFromInt(2)}}})
	require.NoError(t, err)
	_, _, err = e.SubmitInvoice(ctx, clerk, cn.ID.String()) // under the threshold: approved at once
	require.NoError(t, err)
	now.travel("2026-04-03")
	_, err = e.IssueCreditNote(ctx, clerk, cn.ID.String(), date.MustParse("2026-04-03"))
	require.NoError(t, err)
	_, err = e.RecordPayment(ctx, clerk, invoice.Payment{ID: uuid.New(), Customer: c.Customer,
		Amount: money.MustParse("5000.00 EUR"), Date: date.MustParse("2026-04-20"), Method: invoice.MethodTransfer},
		invoice.AllocateOldestFirst())
	require.NoError(t, err)
	return id
}
