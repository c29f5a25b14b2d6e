package billing_test

import (
	"sync/atomic"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/notify"
	"github.com/billkit/billkit/store/memory"
	"github.com/billkit/billkit/store/storetest"
)

// Users of the fixture engine, one per built-in role.
const (
	alice = "alice" // sales_rep
	bob   = "bob"   // sales_manager
	carol = "carol" // accountant
	dan   = "dan"   // finance_manager
	erin  = "erin"  // admin
	fred  = "fred"  // auditor
	gina  = "gina"  // finance_manager too
)

var roleOf = map[string]string{
	alice: billing.RoleSalesRep, bob: billing.RoleSalesManager, carol: billing.RoleAccountant,
	dan: billing.RoleFinanceManager, erin: billing.RoleAdmin, fred: billing.RoleAuditor, gina: billing.RoleFinanceManager,
}

// stepClock is a clock that moves one second each time it is read, so
// events are ordered and deterministic. A test moves it to a later day
// with travel, when its story goes on another day.
type stepClock struct{ now atomic.Int64 } // Unix nanoseconds

func newStepClock(start time.Time) *stepClock {
	c := &stepClock{}
	c.now.Store(start.UnixNano())
	return c
}

func (c *stepClock) read() time.Time { return time.Unix(0, c.now.Add(int64(time.Second))).UTC() }

// travel moves the clock to 9 o'clock (UTC) on day, unless it is on day
// already. The clock never goes back.
func (c *stepClock) travel(t testing.TB, day string) {
	t.Helper()
	d, now := date.MustParse(day), date.Of(time.Unix(0, c.now.Load()).UTC())
	require.False(t, d.Before(now), "the clock moves forward only: %s is before %s", d, now)
	if d.After(now) {
		c.now.Store(d.Time(time.UTC).Add(9 * time.Hour).UnixNano())
	}
}

type fixture struct {
	engine   *billing.Engine
	store    *memory.Store
	notified *notify.Recorder
	clock    *stepClock // unless the test set its own
}

// newFixture returns an engine over an empty memory store with one user
// per built-in role, a clock at 2026-03-02 09:00 UTC, invoices from 5,000.00 EUR needing a finance
// manager's approval, and write-offs from 1,000.00 EUR needing a finance
// manager then an admin.
func newFixture(t testing.TB, opts ...billing.Option) *fixture {
	t.Helper()
	access := billing.NewAccess()
	for id, role := range roleOf {
		require.NoError(t, access.SetUser(billing.User{ID: id, Roles: []string{role}}))
	}
	rec := &notify.Recorder{}
	st := memory.NewStore()
	clock := newStepClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	base := []billing.Option{
		billing.WithAccess(access),
		billing.WithClock(clock.read),
		billing.WithNotifier(rec),
		billing.WithApprovalRules(
			billing.ApprovalRule{Kind: billing.ApprovalInvoice, Threshold: money.MustParse("5000.00 EUR"), Roles: []string{billing.RoleFinanceManager}},
			billing.ApprovalRule{Kind: billing.ApprovalWriteOff, Threshold: money.MustParse("1000.00 EUR"), Roles: []string{billing.RoleFinanceManager, billing.RoleAdmin}},
		),
	}
	e, err := billing.New(st, storetest.Desk(t), append(base, opts...)...)
	require.NoError(t, err)
	return &fixture{engine: e, store: st, notified: rec, clock: clock}
}

var (
	seller = storetest.Seller()
	buyer  = storetest.Buyer()
)

func itoa(i int) string { return decimal.NewFromInt(int64(i)).String() }
