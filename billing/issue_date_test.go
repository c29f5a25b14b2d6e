package billing_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/store/storetest"
	"github.com/billkit/billkit/validation"
)

// approvedInvoice creates and submits an invoice of amount (under the
// fixture's approval threshold), ready to be issued, as erin.
func approvedInvoice(t *testing.T, f *fixture, amount string) string {
	t.Helper()
	ctx := context.Background()
	inv, err := f.engine.CreateInvoice(ctx, erin, smallDoc(amount))
	require.NoError(t, err)
	snap, _, err := f.engine.SubmitInvoice(ctx, erin, inv.ID.String())
	require.NoError(t, err)
	require.Equal(t, invoice.StatusApproved, snap.Status)
	return inv.ID.String()
}

// requireOutOfRange checks that err is a *validation.Error on the issue
// date.
func requireOutOfRange(t *testing.T, err error) {
	t.Helper()
	var invalid *validation.Error
	require.ErrorAs(t, err, &invalid)
	assert.True(t, invalid.Has("issue_date", validation.CodeOutOfRange), invalid.Error())
}

// requireUnchanged checks that the invoice is still approved and unnumbered,
// and that no event was recorded since before.
func requireUnchanged(t *testing.T, f *fixture, id string, before int) {
	t.Helper()
	ctx := context.Background()
	inv, err := f.engine.Invoice(ctx, erin, id)
	require.NoError(t, err)
	assert.Equal(t, invoice.StatusApproved, inv.Status)
	assert.Empty(t, inv.Document.Number)
	evs, err := f.engine.Events(ctx, erin, billing.EventQuery{})
	require.NoError(t, err)
	assert.Len(t, evs, before, "a refusal records nothing")
}

func eventCount(t *testing.T, f *fixture) int {
	t.Helper()
	evs, err := f.engine.Events(context.Background(), erin, billing.EventQuery{})
	require.NoError(t, err)
	return len(evs)
}

// By default an invoice is issued today and on no other day: a day ahead
// would hold back every later number of the series until then.
func TestIssueDateDefaultIsToday(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t) // today is 2026-03-02
	id := approvedInvoice(t, f, "100.00")
	before := eventCount(t, f)
	for _, day := range []string{"2026-03-03", "2026-03-30", "9999-12-31", "2026-03-01", "0001-01-01"} {
		t.Run(day, func(t *testing.T) {
			_, err := f.engine.IssueInvoice(ctx, erin, id, date.MustParse(day))
			requireOutOfRange(t, err)
			assert.Contains(t, err.Error(), "must be today, 2026-03-02")
			requireUnchanged(t, f, id, before)
		})
	}
	inv, err := f.engine.IssueInvoice(ctx, carol, id, date.MustParse("2026-03-02"))
	require.NoError(t, err)
	assert.Equal(t, "F2026-000001", inv.Document.Number, "the refusals took no number")
}

// Today is the engine's clock in the account's time zone.
func TestIssueDateTodayInTheAccountsZone(t *testing.T) {
	ctx := context.Background()
	paris, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)
	// 23:30 UTC on March 2nd is already March 3rd in Paris.
	at := time.Date(2026, 3, 2, 23, 30, 0, 0, time.UTC)
	f := newFixture(t, billing.WithClock(func() time.Time { return at }), billing.WithLocation(paris))
	id := approvedInvoice(t, f, "100.00")
	_, err = f.engine.IssueInvoice(ctx, carol, id, date.MustParse("2026-03-02"))
	requireOutOfRange(t, err)
	assert.Contains(t, err.Error(), "must be today, 2026-03-03", "March 2nd is yesterday in Paris")
	_, err = f.engine.IssueInvoice(ctx, carol, id, date.MustParse("2026-03-03"))
	require.NoError(t, err)
}

// Back-dating within the window needs invoice.backdate: a finance manager
// may, an accountant may not; beyond the window nobody may.
func TestIssueDateBackdating(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, billing.WithIssueDateWindow(7, 0))
	id := approvedInvoice(t, f, "100.00")
	f.clock.travel(t, "2026-03-10")
	before := eventCount(t, f)

	_, err := f.engine.IssueInvoice(ctx, carol, id, date.MustParse("2026-03-05"))
	var fe *billing.ForbiddenError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, carol, fe.User)
	assert.Equal(t, billing.PermInvoiceBackdate, fe.Permission)
	assert.Contains(t, fe.Reason, "2026-03-05 is before today, 2026-03-10")
	requireUnchanged(t, f, id, before)

	_, err = f.engine.IssueInvoice(ctx, dan, id, date.MustParse("2026-03-02"))
	requireOutOfRange(t, err)
	assert.Contains(t, err.Error(), "must be from 2026-03-03 to 2026-03-10 (today is 2026-03-10)")
	_, err = f.engine.IssueInvoice(ctx, dan, id, date.MustParse("2026-03-11"))
	requireOutOfRange(t, err)
	requireUnchanged(t, f, id, before)

	inv, err := f.engine.IssueInvoice(ctx, dan, id, date.MustParse("2026-03-03"))
	require.NoError(t, err, "the first day of the window")
	assert.Equal(t, date.MustParse("2026-03-03"), inv.Document.IssueDate)
	assert.Equal(t, "F2026-000001", inv.Document.Number)
}

// Numbering is chronological: no back-dating before the date of the
// series' last number, and the refusal takes no number.
func TestIssueDateNotBeforeTheSeriesLastNumber(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, billing.WithIssueDateWindow(7, 0))
	first, second := approvedInvoice(t, f, "100.00"), approvedInvoice(t, f, "200.00")
	f.clock.travel(t, "2026-03-10")
	_, err := f.engine.IssueInvoice(ctx, dan, first, date.MustParse("2026-03-08"))
	require.NoError(t, err)
	before := eventCount(t, f)

	_, err = f.engine.IssueInvoice(ctx, dan, second, date.MustParse("2026-03-07"))
	var chrono *invoice.ChronologyError
	require.ErrorAs(t, err, &chrono)
	assert.ErrorIs(t, err, invoice.ErrChronology)
	assert.Equal(t, date.MustParse("2026-03-08"), chrono.Last)
	assert.Equal(t, date.MustParse("2026-03-07"), chrono.Date)
	assert.Contains(t, err.Error(), "issue date 2026-03-07 is before 2026-03-08, the date of its last document")
	requireUnchanged(t, f, second, before)

	inv, err := f.engine.IssueInvoice(ctx, dan, second, date.MustParse("2026-03-08"))
	require.NoError(t, err, "the same day as the last number")
	assert.Equal(t, "F2026-000002", inv.Document.Number)
}

// A window ahead of today lets a host date invoices a few days on; the
// engine refuses a window that is negative or longer than a year.
func TestIssueDateWindowAhead(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, billing.WithIssueDateWindow(0, 2))
	id := approvedInvoice(t, f, "100.00")
	_, err := f.engine.IssueInvoice(ctx, carol, id, date.MustParse("2026-03-05"))
	requireOutOfRange(t, err)
	assert.Contains(t, err.Error(), "must be from 2026-03-02 to 2026-03-04")
	inv, err := f.engine.IssueInvoice(ctx, carol, id, date.MustParse("2026-03-04"))
	require.NoError(t, err)
	assert.Equal(t, date.MustParse("2026-03-04"), inv.Document.IssueDate)

	for _, w := range [][2]int{{-1, 0}, {0, -1}, {billing.MaxIssueDateWindow + 1, 0}, {0, billing.MaxIssueDateWindow + 1}} {
		_, err := billing.New(f.store, f.engine.Desk(), billing.WithIssueDateWindow(w[0], w[1]))
		assert.ErrorIs(t, err, billing.ErrConfig, "window %v", w)
	}
	_, err = billing.New(f.store, f.engine.Desk(), billing.WithIssueDateWindow(billing.MaxIssueDateWindow, billing.MaxIssueDateWindow))
	assert.NoError(t, err)
}

// Credit notes are dated under the same rule as invoices.
func TestIssueDateCreditNote(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, billing.WithIssueDateWindow(7, 0))
	id := approvedInvoice(t, f, "100.00")
	_, err := f.engine.IssueInvoice(ctx, carol, id, date.MustParse("2026-03-02"))
	require.NoError(t, err)
	cn, err := f.engine.CreateCreditNote(ctx, carol, id, invoice.CreditRequest{Reason: "goodwill",
		Lines: []invoice.LineCredit{{LineID: "1", Amount: money.MustParse("10.00 EUR")}}})
	require.NoError(t, err)
	_, _, err = f.engine.SubmitInvoice(ctx, carol, cn.ID.String())
	require.NoError(t, err)
	f.clock.travel(t, "2026-03-04")

	_, err = f.engine.IssueCreditNote(ctx, carol, cn.ID.String(), date.MustParse("2026-03-05"))
	requireOutOfRange(t, err)
	_, err = f.engine.IssueCreditNote(ctx, carol, cn.ID.String(), date.MustParse("9999-12-31"))
	requireOutOfRange(t, err)
	_, err = f.engine.IssueCreditNote(ctx, carol, cn.ID.String(), date.MustParse("2026-03-03"))
	var fe *billing.ForbiddenError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, billing.PermInvoiceBackdate, fe.Permission)
	requireUnchanged(t, f, cn.ID.String(), eventCount(t, f))

	issued, err := f.engine.IssueCreditNote(ctx, dan, cn.ID.String(), date.MustParse("2026-03-03"))
	require.NoError(t, err)
	assert.Equal(t, "AV2026-000001", issued.Document.Number)
}

// A bill run that issues dates its invoices on its day, under the same
// rule; one that leaves drafts may bill any day. A dry run is refused as
// the real run would be.
func TestIssueDateBillRun(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, billing.WithIssueDateWindow(7, 0))
	storetest.PutContracts(t, f.store, storetest.MonthlyContract(t, f.engine.Desk()), 3)
	for _, dry := range []bool{true, false} {
		_, err := f.engine.BillRun(ctx, dan, may1, billing.BillRunOptions{Issue: true, DryRun: dry})
		requireOutOfRange(t, err)
	}
	assert.Empty(t, storedInvoices(t, f.engine), "a refused run bills nothing")

	f.clock.travel(t, "2026-05-02")
	_, err := f.engine.BillRun(ctx, carol, may1, billing.BillRunOptions{Issue: true})
	var fe *billing.ForbiddenError
	require.ErrorAs(t, err, &fe, "a back-dated run needs invoice.backdate")
	assert.Equal(t, billing.PermInvoiceBackdate, fe.Permission)
	assert.Empty(t, storedInvoices(t, f.engine))

	rep, err := f.engine.BillRun(ctx, carol, date.MustParse("2026-06-01"), billing.BillRunOptions{DryRun: true})
	require.NoError(t, err, "drafts may be billed ahead")
	assert.NotEmpty(t, rep.Invoices)

	rep, err = f.engine.BillRun(ctx, carol, date.MustParse("2026-05-02"), billing.BillRunOptions{Issue: true})
	require.NoError(t, err)
	require.Len(t, rep.Invoices, 3)
	for _, inv := range rep.Invoices {
		assert.Equal(t, invoice.StatusIssued, inv.Status)
	}
}

// Invoices are issued today unless the engine opens a window around it;
// back-dating needs invoice.backdate, which a finance manager holds and
// an accountant does not.
func ExampleWithIssueDateWindow() {
	ctx := context.Background()
	e := exampleEngine(billing.WithIssueDateWindow(5, 0)) // today is 2026-04-01
	exampleContract(ctx, e, "Q-2026-0001", "Boulangerie Martin SARL")
	rep, err := e.BillRun(ctx, "claire", date.MustParse("2026-04-01"), billing.BillRunOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	id := rep.Invoices[0].ID.String()
	if _, _, err := e.SubmitInvoice(ctx, "claire", id); err != nil {
		fmt.Println(err)
		return
	}
	for _, try := range []struct{ user, day string }{
		{"claire", "2026-04-02"}, {"claire", "2026-03-20"}, {"claire", "2026-03-31"}, {"david", "2026-03-31"},
	} {
		inv, err := e.IssueInvoice(ctx, try.user, id, date.MustParse(try.day))
		if err != nil {
			fmt.Println(try.user, try.day+":", err)
			continue
		}
		fmt.Println(try.user, try.day+":", inv.Document.Number, "issued on", inv.Document.IssueDate)
	}
	// Output:
	// claire 2026-04-02: invalid input: issue_date: must be from 2026-03-27 to 2026-04-01 (today is 2026-04-01) (out_of_range)
	// claire 2026-03-20: invalid input: issue_date: must be from 2026-03-27 to 2026-04-01 (today is 2026-04-01) (out_of_range)
	// claire 2026-03-31: billing: user "claire" may not invoice.backdate: the issue date 2026-03-31 is before today, 2026-04-01
	// david 2026-03-31: F2026-000001 issued on 2026-03-31
}
