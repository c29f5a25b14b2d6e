package postgres_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/store/storetest"
	"github.com/billkit/billkit/tax"
)

// accountant may create, issue and bill; auditor reads everything.
const (
	accountant = "carol"
	auditor    = "fred"
)

// newAccess returns the users of the engine tests.
func newAccess(t testing.TB) *billing.Access {
	t.Helper()
	a := billing.NewAccess()
	require.NoError(t, a.SetUser(billing.User{ID: accountant, Roles: []string{billing.RoleAccountant}}))
	require.NoError(t, a.SetUser(billing.User{ID: auditor, Roles: []string{billing.RoleAuditor}}))
	return a
}

// newEngines returns an engine over each store, sharing users and desk,
// as application instances over one database, whose clock is on
// 2026-03-02, the day they issue on.
func newEngines(t testing.TB, stores ...billing.Store) []*billing.Engine {
	t.Helper()
	return newEnginesOn(t, date.MustParse("2026-03-02"), stores...)
}

// newEnginesOn is newEngines with a clock that starts at 9 o'clock (UTC)
// on day and moves one second per reading, shared by the engines.
func newEnginesOn(t testing.TB, day date.Date, stores ...billing.Store) []*billing.Engine {
	t.Helper()
	access, desk := newAccess(t), storetest.Desk(t)
	start := day.Time(time.UTC).Add(9 * time.Hour)
	var tick atomic.Int64
	clock := func() time.Time { return start.Add(time.Duration(tick.Add(1)) * time.Second) }
	out := make([]*billing.Engine, len(stores))
	for i, st := range stores {
		e, err := billing.New(st, desk, billing.WithAccess(access), billing.WithClock(clock))
		require.NoError(t, err)
		out[i] = e
	}
	return out
}

var (
	seller = storetest.Seller()
	buyer  = storetest.Buyer()
)

// document returns an invoice document of n hours of consulting.
func document(n int) invoice.Document {
	return invoice.Document{
		Type: invoice.TypeCommercialInvoice, Currency: money.EUR, Seller: seller, Buyer: buyer,
		DueDate: date.MustParse("2026-04-01"),
		Period:  date.Range{Start: date.MustParse("2026-02-01"), End: date.MustParse("2026-03-01")},
		Lines: []invoice.Line{{ID: "1", Name: "Consulting", Quantity: decimal.NewFromInt(int64(n)), UnitCode: "HUR",
			UnitPrice: money.MustParse("100.00 EUR"), VAT: invoice.VAT{Category: tax.StandardRate, Rate: decimal.NewFromInt(20)}}},
	}
}

// approvedInvoice creates and submits an invoice through e, ready to be
// issued, and returns its ID.
func approvedInvoice(t testing.TB, e *billing.Engine, n int) string {
	t.Helper()
	return approve(t, e, document(n))
}

// approve creates and submits an invoice of doc through e, and returns
// its ID.
func approve(t testing.TB, e *billing.Engine, doc invoice.Document) string {
	t.Helper()
	ctx := context.Background()
	snap, err := e.CreateInvoice(ctx, accountant, doc)
	require.NoError(t, err)
	_, _, err = e.SubmitInvoice(ctx, accountant, snap.ID.String())
	require.NoError(t, err)
	return snap.ID.String()
}
