package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/tax"
	"github.com/billkit/billkit/validation"
)

// RunEngine runs engine calls against stores made by openPair, two engine
// instances over one database as a shared store has them (a store that
// is not shared may return the same store twice), and checks what must
// hold whatever the store: concurrent callers of one customer's
// receivables never corrupt it and are never refused as bad input, a
// step of dunning is recorded once however many record it at once, a
// payment ID once across customers, even by calls that race, the texts of
// an issued invoice read back byte for byte, and a call made again with
// its idempotency key, later or at the same time, changes nothing more
// and gets the first call's result.
func RunEngine(t *testing.T, openPair OpenPair) {
	t.Helper()
	tests := []struct {
		name string
		run  func(t *testing.T, a, b *billing.Engine)
	}{
		{"a reminder recorded by many at once is recorded once", testRemindersOnce},
		{"an invoice issued by many at once is issued once", testIssuedOnce},
		{"concurrent issues and payments of one customer keep its ledger", testLedgerRaces},
		{"random calls at once keep every invariant", testRandomMix},
		{"a payment ID is recorded once across customers", testPaymentIDOnce},
		{"two customers racing for one payment ID do not both get it", testPaymentIDRace},
		{"an issued invoice's texts read back byte for byte", testIssuedTexts},
		{"a call retried with its idempotency key is answered and writes nothing", testKeyedRetries},
		{"twin calls with one idempotency key make one change", testKeyedTwins},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sa, sb := openPair(t)
			a, b := engines(t, sa, sb)
			tt.run(t, a, b)
		})
	}
}

// The users and the day of the engine suite.
const (
	clerk   = "carol" // an accountant
	auditor = "fred"
)

// suiteDay is the engines' today: invoices are issued on it.
var suiteDay = date.MustParse("2026-03-02")

// engines returns an engine over each store, sharing users, desk and
// clock, as application instances over one database.
func engines(t *testing.T, stores ...billing.Store) (*billing.Engine, *billing.Engine) {
	t.Helper()
	access := billing.NewAccess()
	require.NoError(t, access.SetUser(billing.User{ID: clerk, Roles: []string{billing.RoleAccountant}}))
	require.NoError(t, access.SetUser(billing.User{ID: auditor, Roles: []string{billing.RoleAuditor}}))
	require.NoError(t, access.SetUser(billing.User{ID: rep, Roles: []string{billing.RoleSalesRep}}))
	require.NoError(t, access.SetUser(billing.User{ID: manager, Roles: []string{billing.RoleSalesManager}}))
	require.NoError(t, access.SetUser(billing.User{ID: finance, Roles: []string{billing.RoleFinanceManager}}))
	desk := Desk(t)
	// Invoices from 500.00 EUR wait for a finance manager.
	rule := billing.ApprovalRule{Kind: billing.ApprovalInvoice, Threshold: money.MustParse("500.00 EUR"),
		Roles: []string{billing.RoleFinanceManager}}
	clock := func() time.Time { return time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC) }
	out := make([]*billing.Engine, len(stores))
	for i, st := range stores {
		e, err := billing.New(st, desk, billing.WithAccess(access), billing.WithClock(clock),
			billing.WithApprovalRules(rule))
		require.NoError(t, err)
		out[i] = e
	}
	return out[0], out[1]
}

// consulting is an invoice document of hours hours of consulting at
// 100.00 EUR, due on 2026-04-01.
func consulting(hours int) invoice.Document {
	return invoice.Document{
		Type: invoice.TypeCommercialInvoice, Currency: money.EUR, Seller: Seller(), Buyer: Buyer(),
		DueDate: date.MustParse("2026-04-01"),
		Period:  date.Range{Start: date.MustParse("2026-02-01"), End: date.MustParse("2026-03-01")},
		Lines: []invoice.Line{{ID: "1", Name: "Consulting", Quantity: decimal.NewFromInt(int64(hours)), UnitCode: "HUR",
			UnitPrice: money.MustParse("100.00 EUR"), VAT: invoice.VAT{Category: tax.StandardRate, Rate: decimal.NewFromInt(20)}}},
	}
}

// submitted creates and submits an invoice of doc through e, ready to be
// issued, and returns its ID.
func submitted(t *testing.T, e *billing.Engine, doc invoice.Document) string {
	t.Helper()
	ctx := context.Background()
	snap, err := e.CreateInvoice(ctx, clerk, doc)
	require.NoError(t, err)
	_, _, err = e.SubmitInvoice(ctx, clerk, snap.ID.String())
	require.NoError(t, err)
	return snap.ID.String()
}

// warm has each engine read from many goroutines at once, so that a store
// over a pool of connections has them open before a race starts, and
// the racers run at once rather than one after another as each waits
// for its connection.
func warm(t *testing.T, engines ...*billing.Engine) {
	t.Helper()
	var wg sync.WaitGroup
	for _, e := range engines {
		for range 8 {
			wg.Go(func() {
				_, err := e.Statement(context.Background(), clerk, billing.CustomerKey(Buyer()), money.EUR)
				assert.NoError(t, err)
				time.Sleep(20 * time.Millisecond) // hold the connection while the others open theirs
			})
		}
	}
	wg.Wait()
}

// raced reports whether err is what a caller that lost a race may get: a
// *billing.ConflictError, which the caller may retry.
func raced(err error) bool {
	var conflict *billing.ConflictError
	return errors.As(err, &conflict) || errors.Is(err, billing.ErrConflict)
}

// testRemindersOnce records one reminder from twelve goroutines at once,
// through both engines: one records it, the others are refused, and
// dunning goes on working.
func testRemindersOnce(t *testing.T, a, b *billing.Engine) {
	ctx := context.Background()
	id := submitted(t, a, consulting(1))
	_, err := a.IssueInvoice(ctx, clerk, id, suiteDay)
	require.NoError(t, err)
	policy := invoice.DefaultDunningPolicy()
	day := date.MustParse("2026-04-10")
	rems, err := a.Dunning(ctx, clerk, day, policy)
	require.NoError(t, err)
	require.Len(t, rems, 1)

	recorded := once(t, []*billing.Engine{a, b}, func(e *billing.Engine) error {
		return e.RecordReminders(ctx, clerk, rems[0])
	}, func(err error) bool {
		var invalid *validation.Error
		return errors.As(err, &invalid) && invalid.Faults[0].Code == validation.CodeDuplicate
	})
	assert.Equal(t, 1, recorded, "callers that recorded the reminder")

	hist, err := a.History(ctx, auditor, collab.Ref{Kind: collab.KindInvoice, ID: id}, billing.EventQuery{})
	require.NoError(t, err)
	reminded := 0
	for _, ev := range hist {
		if ev.Action == billing.ActionInvoiceReminded {
			reminded++
		}
	}
	assert.Equal(t, 1, reminded, "invoice.reminded events")
	for _, e := range []*billing.Engine{a, b} {
		again, err := e.Dunning(ctx, clerk, day, policy)
		require.NoError(t, err, "dunning reads the history back")
		assert.Empty(t, again, "the step recorded is not proposed again")
	}
}

// testIssuedOnce issues one invoice from twelve goroutines at once,
// through both engines: one issues it, the others are told it changed or
// is issued already, and it holds one number.
func testIssuedOnce(t *testing.T, a, b *billing.Engine) {
	ctx := context.Background()
	id := submitted(t, a, consulting(1))
	issued := once(t, []*billing.Engine{a, b}, func(e *billing.Engine) error {
		_, err := e.IssueInvoice(ctx, clerk, id, suiteDay)
		return err
	}, func(err error) bool { return errors.Is(err, invoice.ErrInvalidTransition) })
	assert.Equal(t, 1, issued, "callers that issued the invoice")
	st, err := b.Statement(ctx, clerk, billing.CustomerKey(Buyer()), money.EUR)
	require.NoError(t, err)
	require.Len(t, st.Receivables, 1, "the invoice is in the ledger once")
	assert.Equal(t, "F2026-000001", st.Receivables[0].Number)
	assert.Equal(t, "120.00 EUR", st.Outstanding.String())
}

// once makes the same call from twelve goroutines at once, spread over
// engines, and returns how many succeeded. Every other call must have
// lost a race (a conflict) or be refused as refused says.
func once(t *testing.T, engines []*billing.Engine, call func(e *billing.Engine) error, refused func(error) bool) int {
	t.Helper()
	const callers = 12
	warm(t, engines...)
	errs := make([]error, callers)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range callers {
		e := engines[i%len(engines)]
		wg.Go(func() {
			<-start
			errs[i] = call(e)
		})
	}
	close(start)
	wg.Wait()
	succeeded := 0
	for i, err := range errs {
		switch {
		case err == nil:
			succeeded++
		case !raced(err) && !refused(err):
			t.Errorf("caller %d: %v", i, err)
		}
	}
	return succeeded
}

// testLedgerRaces issues invoices of one customer and records payments
// to it from several goroutines through both engines at once. A caller
// that loses a race gets a conflict, and tries again; nothing else is
// refused, and afterwards the ledger holds every invoice and payment, its
// balance is what was issued less what was paid, and the numbers run
// 1..N.
func testLedgerRaces(t *testing.T, a, b *billing.Engine) {
	ctx := context.Background()
	const (
		issuers  = 4
		each     = 5
		payers   = 8
		payments = 12
	)
	ids := make([][]string, issuers)
	for w := range issuers {
		for range each {
			ids[w] = append(ids[w], submitted(t, a, consulting(1))) // 120.00 EUR each
		}
	}
	// The first invoice opens the ledger, so that payments find it.
	first := submitted(t, a, consulting(4)) // 480.00 EUR, under the approval threshold
	_, err := a.IssueInvoice(ctx, clerk, first, suiteDay)
	require.NoError(t, err)

	warm(t, a, b)
	var conflicts sync.Map
	retry := func(what string, call func() error) {
		for try := 0; ; try++ {
			err := call()
			if err == nil {
				return
			}
			if !raced(err) || try == 100 {
				t.Errorf("%s: %v", what, err)
				return
			}
			conflicts.Store(what, err)
		}
	}
	var wg sync.WaitGroup
	start := make(chan struct{})
	for w := range issuers {
		e := []*billing.Engine{a, b}[w%2]
		wg.Go(func() {
			<-start
			for _, id := range ids[w] {
				retry("issue "+id, func() error {
					_, err := e.IssueInvoice(ctx, clerk, id, suiteDay)
					return err
				})
			}
		})
	}
	customer := billing.CustomerKey(Buyer())
	for w := range payers {
		e := []*billing.Engine{b, a}[w%2]
		wg.Go(func() {
			<-start
			for range payments {
				p := invoice.Payment{ID: uuid.Must(uuid.NewV7()), Customer: customer, Amount: money.MustParse("10.00 EUR"),
					Date: suiteDay, Method: invoice.MethodTransfer}
				retry("payment "+p.ID.String(), func() error {
					_, err := e.RecordPayment(ctx, clerk, p, invoice.AllocateOldestFirst())
					return err
				})
			}
		})
	}
	close(start)
	wg.Wait()

	st, err := a.Statement(ctx, clerk, customer, money.EUR)
	require.NoError(t, err)
	issued := 480 + 120*issuers*each
	paid := 10 * payers * payments
	assert.Equal(t, strconv.Itoa(issued-paid)+".00 EUR", st.Outstanding.String(), "outstanding = issued - paid")
	assert.True(t, st.Credit.IsZero(), "no credit: %s", st.Credit)
	assert.Equal(t, 1+issuers*each, len(st.Receivables), "every invoice in the ledger once")
	assert.Equal(t, payers*payments, len(st.Payments), "every payment in the ledger once")
	var numbers []string
	for _, rc := range st.Receivables {
		numbers = append(numbers, rc.Number)
	}
	slices.Sort(numbers)
	for i, n := range numbers {
		assert.Equal(t, fmt.Sprintf("F2026-%06d", i+1), n, "the numbers run 1..N")
	}
	conflicts.Range(func(what, err any) bool {
		t.Logf("%s lost a race: %v", what, err)
		return true
	})
}
