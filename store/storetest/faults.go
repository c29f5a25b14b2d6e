package storetest

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
)

// faultUser is the accountant who runs the engine in the fault suite.
const faultUser = "storetest-accountant"

// billDay is the day the fault suite bills: the first month of
// MonthlyContract.
var billDay = date.MustParse("2026-04-01")

// RunFaults runs the fault suite against stores made by open, which must
// return a new, empty store on each call. Each subtest drives bill runs
// and engine calls through the store wrapped in a Faults, which fails
// their transactions at random (see Fault), then checks through the store
// itself that:
//
//   - nothing was half written: each customer is billed exactly once, its
//     invoice marked, audited and, when issued, in its ledger, and the
//     numbers issued run from 1 without a gap;
//   - no failure was hidden: a bill run accounts for every contract (billed,
//     already billed, failed or skipped), reports every invoice it wrote
//     except where it says the outcome is unknown, and returns an error
//     when it stopped early; an engine call that returned nil kept its
//     write, and one that failed with a *billing.UnavailableError did not.
//
// Run it as Run is run, from the store's own tests.
func RunFaults(t *testing.T, open func(t *testing.T) billing.Store) {
	t.Helper()
	for _, tt := range []struct {
		name  string
		issue bool
		batch int
		seed  uint64
	}{
		{"issuing bill runs bill each customer once and number without gaps", true, 6, 1},
		{"drafting bill runs bill each customer once", false, 6, 2},
		{"bill runs of one customer per transaction", true, 1, 3},
	} {
		t.Run(tt.name, func(t *testing.T) { testFaultyBillRuns(t, open(t), tt.issue, tt.batch, tt.seed) })
	}
	t.Run("engine calls report every failure", func(t *testing.T) { testFaultyCalls(t, open(t)) })
}

// faultEngines returns an engine over the store wrapped in faults, and
// one over the store itself, sharing desk, users and clock: nine o'clock
// on the day today holds, so that bill runs issue on it.
func faultEngines(t *testing.T, st billing.Store, faults *Faults, desk *quote.Desk, today *atomic.Pointer[date.Date]) (faulty, clean *billing.Engine) {
	t.Helper()
	access := billing.NewAccess()
	require.NoError(t, access.SetUser(billing.User{ID: faultUser, Roles: []string{billing.RoleAccountant}}))
	clock := billing.WithClock(func() time.Time { return today.Load().Time(time.UTC).Add(9 * time.Hour) })
	faulty, err := billing.New(faults.Wrap(st), desk, billing.WithAccess(access), clock)
	require.NoError(t, err)
	clean, err = billing.New(st, desk, billing.WithAccess(access), clock)
	require.NoError(t, err)
	return faulty, clean
}

// injected returns the number of faults injected, of every kind.
func injected(f *Faults) int {
	n := 0
	for _, k := range allFaults {
		n += f.Injected(k)
	}
	return n
}

// testFaultyBillRuns bills n customers for three months through faults:
// each month, runs until one reports everything billed, then one more
// without faults. It checks what the store holds against what the runs
// reported.
func testFaultyBillRuns(t *testing.T, st billing.Store, issue bool, batch int, seed uint64) {
	const n = 36
	ctx := context.Background()
	desk := Desk(t)
	PutContracts(t, st, MonthlyContract(t, desk), n)
	faults := NewFaults(0.3, seed)
	var today atomic.Pointer[date.Date]
	faulty, clean := faultEngines(t, st, faults, desk, &today)

	var mu sync.Mutex
	delivered := map[string]bool{} // the invoices given to OnInvoice
	reported := map[string]bool{}  // the invoices in the faulty runs' reports
	uncertain := map[string]bool{} // the customers and days whose outcome a run did not know
	opts := billing.BillRunOptions{Workers: 2, Batch: batch, Issue: issue, Retries: 2, RetryBackoff: time.Millisecond,
		OnInvoice: func(s invoice.Snapshot) {
			mu.Lock()
			defer mu.Unlock()
			assert.False(t, delivered[s.ID.String()], "invoice %s delivered twice", s.ID)
			delivered[s.ID.String()] = true
		}}
	days := []date.Date{billDay, billDay.AddMonths(1), billDay.AddMonths(2)}
	runs, retries := 0, 0
	for month, day := range days {
		today.Store(&day)
		for range 20 {
			runs++
			rep, err := faulty.BillRun(ctx, faultUser, day, opts)
			checkFaultyReport(t, rep, err, n, month)
			retries += rep.Retries
			for _, inv := range rep.Invoices {
				assert.False(t, reported[inv.ID.String()], "invoice %s reported by two runs", inv.ID)
				reported[inv.ID.String()] = true
			}
			for _, f := range rep.Failures {
				if errors.As(f.Err, new(*billing.OutcomeUnknownError)) {
					uncertain[f.Customer+" "+day.String()] = true
				}
			}
			if err == nil && len(rep.Failures) == 0 {
				break
			}
		}
		rest, err := clean.BillRun(ctx, faultUser, day, billing.BillRunOptions{Issue: issue})
		require.NoError(t, err)
		require.Empty(t, rest.Failures)
		assert.Equal(t, n*(month+1), rest.Billed+rest.AlreadyBilled, "the last run of %s finds every charge billed once", day)
		for _, inv := range rest.Invoices {
			reported[inv.ID.String()] = true
			delete(uncertain, inv.Customer+" "+day.String()) // it was not kept
		}
	}
	require.Positive(t, injected(faults), "no fault was injected")
	t.Logf("%d runs, %d retries; faults: begin %d, statement %d, commit lost %d, commit kept %d", runs, retries,
		faults.Injected(FaultBegin), faults.Injected(FaultStatement), faults.Injected(FaultCommitLost), faults.Injected(FaultCommitKept))

	stored, err := clean.Invoices(ctx, faultUser, nil)
	require.NoError(t, err)
	billed := map[string]string{} // the invoice of each customer and month
	for _, inv := range stored {
		id, customer := inv.ID.String(), billing.CustomerKey(inv.Document.Buyer)
		key := customer + " " + inv.Document.Period.Start.String()
		if other, twice := billed[key]; twice {
			t.Errorf("%s billed twice: invoices %s and %s", key, other, id)
		}
		billed[key] = id
		if !reported[id] && !uncertain[key] {
			t.Errorf("invoice %s of %s written, but no run reported it", id, key)
		}
		if !reported[id] && delivered[id] {
			t.Errorf("invoice %s of %s given to OnInvoice, but not reported", id, key)
		}
		events, err := clean.History(ctx, faultUser, collab.Ref{Kind: collab.KindInvoice, ID: id}, billing.EventQuery{})
		require.NoError(t, err)
		assert.NotEmpty(t, events, "invoice %s has no audit event", id)
	}
	assert.Len(t, billed, n*len(days), "every customer billed every month")
	for id := range reported {
		assert.True(t, slices.ContainsFunc(stored, func(s invoice.Snapshot) bool { return s.ID.String() == id }),
			"invoice %s reported but not stored", id)
	}
	for id := range delivered {
		assert.True(t, reported[id], "invoice %s given to OnInvoice but not reported", id)
	}
	if issue {
		checkGapless(t, stored)
		checkLedgers(t, clean, stored)
	} else {
		for _, inv := range stored {
			assert.Equal(t, invoice.StatusDraft, inv.Status)
		}
	}
}

// checkFaultyReport checks that a bill run through faults accounts for
// each of the n contracts, whose charges of the before months before
// were billed and of which one more is due, and that its error and its
// failures are those of unavailable stores.
func checkFaultyReport(t *testing.T, rep billing.BillRunReport, err error, n, before int) {
	t.Helper()
	if err != nil {
		require.ErrorIs(t, err, billing.ErrUnavailable, "a run fails only for the faults")
		if rep.Contracts == 0 {
			return // the contracts could not be read
		}
	}
	require.Equal(t, n, rep.Contracts)
	assert.Equal(t, len(rep.Invoices), rep.Billed, "one charge on each invoice")
	// The contracts not billed, failed or skipped were billed already,
	// each charge; a failed one counts none.
	done := n - len(rep.Invoices) - len(rep.Failures) - rep.Skipped
	assert.GreaterOrEqual(t, done, 0, "every contract is billed, billed already, failed or skipped once: %+v", rep)
	assert.Equal(t, before*len(rep.Invoices)+(before+1)*done, rep.AlreadyBilled,
		"every contract is billed, billed already, failed or skipped: %+v", rep)
	if rep.Skipped > 0 {
		assert.Error(t, err, "a run that stopped early says so")
	}
	for _, f := range rep.Failures {
		assert.True(t, f.Transient, "%s failed: %v", f.Customer, f.Err)
		assert.True(t, errors.Is(f.Err, billing.ErrUnavailable) || errors.Is(f.Err, billing.ErrConflict), "%v", f.Err)
	}
}

// checkGapless checks that the invoices were all issued in one series
// numbered from 1 without a gap.
func checkGapless(t *testing.T, stored []invoice.Snapshot) {
	t.Helper()
	var numbers []int
	for _, inv := range stored {
		require.Equal(t, invoice.StatusIssued, inv.Status, "invoice %s", inv.ID)
		i := strings.LastIndexByte(inv.Document.Number, '-')
		k, err := strconv.Atoi(inv.Document.Number[i+1:])
		require.NoError(t, err, "number %q", inv.Document.Number)
		numbers = append(numbers, k)
	}
	slices.Sort(numbers)
	for i, k := range numbers {
		if k != i+1 {
			t.Fatalf("numbers are not 1 to %d without a gap: %v", len(numbers), numbers)
		}
	}
}

// checkLedgers checks that the receivables of each customer's ledger are
// its invoices, owed in full.
func checkLedgers(t *testing.T, e *billing.Engine, stored []invoice.Snapshot) {
	t.Helper()
	byCustomer := map[string][]invoice.Snapshot{}
	for _, inv := range stored {
		c := billing.CustomerKey(inv.Document.Buyer)
		byCustomer[c] = append(byCustomer[c], inv)
	}
	for customer, invs := range byCustomer {
		st, err := e.Statement(context.Background(), faultUser, customer, invs[0].Document.Currency)
		require.NoError(t, err)
		require.Len(t, st.Receivables, len(invs), "receivables of %s", customer)
		var owed money.Amount
		for _, inv := range invs {
			i := slices.IndexFunc(st.Receivables, func(r invoice.Receivable) bool { return r.InvoiceID == inv.ID })
			if assert.GreaterOrEqual(t, i, 0, "invoice %s is not in the ledger of %s", inv.ID, customer) {
				assert.True(t, st.Receivables[i].Balance.Equal(inv.Document.Totals.Due), "balance of %s", inv.ID)
			}
			owed, err = owed.Add(inv.Document.Totals.Due)
			require.NoError(t, err)
		}
		assert.True(t, st.Outstanding.Equal(owed), "%s owes %s, not %s", customer, st.Outstanding, owed)
	}
}

// testFaultyCalls records payments and creates invoices through faults,
// as a host would: trying again after a failure, reading back what a
// call of unknown outcome wrote before trying it again, or trying it
// again with the same idempotency key.
func testFaultyCalls(t *testing.T, st billing.Store) {
	const n = 12
	ctx := context.Background()
	desk := Desk(t)
	PutContracts(t, st, MonthlyContract(t, desk), n)
	faults := NewFaults(0.4, 4)
	var today atomic.Pointer[date.Date]
	today.Store(&billDay)
	faulty, clean := faultEngines(t, st, faults, desk, &today)
	_, err := clean.BillRun(ctx, faultUser, billDay, billing.BillRunOptions{Issue: true})
	require.NoError(t, err)
	issued, err := clean.Invoices(ctx, faultUser, nil)
	require.NoError(t, err)
	require.Len(t, issued, n)

	paid := func(customer string, id string) bool {
		st, err := clean.Statement(ctx, faultUser, customer, issued[0].Document.Currency)
		require.NoError(t, err)
		return slices.ContainsFunc(st.Payments, func(p invoice.PaymentRecord) bool { return p.ID.String() == id })
	}
	for _, inv := range issued {
		customer := billing.CustomerKey(inv.Document.Buyer)
		p := invoice.Payment{ID: billing.NewID(), Customer: customer, Amount: inv.Document.Totals.Due,
			Date: billDay.AddDays(10), Method: invoice.MethodTransfer, Reference: "payment of " + inv.Document.Number}
		done := false
		for try := 0; try < 50 && !done; try++ {
			_, err := faulty.RecordPayment(ctx, faultUser, p, invoice.AllocateOldestFirst())
			switch {
			case err == nil:
				require.True(t, paid(customer, p.ID.String()), "payment %s recorded without error, but lost", p.ID)
				done = true
			case errors.As(err, new(*billing.OutcomeUnknownError)):
				done = paid(customer, p.ID.String()) // read back before trying again
			default:
				require.ErrorIs(t, err, billing.ErrUnavailable)
				require.False(t, paid(customer, p.ID.String()), "payment %s failed, but recorded: %v", p.ID, err)
			}
		}
		require.True(t, done, "payment of %s never recorded", customer)
		st, err := clean.Statement(ctx, faultUser, customer, inv.Document.Currency)
		require.NoError(t, err)
		assert.Len(t, st.Payments, 1, "%s paid once", customer)
		assert.True(t, st.Outstanding.IsZero(), "%s owes %s", customer, st.Outstanding)
	}

	doc := invoice.Document{Type: invoice.TypeCommercialInvoice, Currency: issued[0].Document.Currency,
		Seller: Seller(), Buyer: Buyer(), DueDate: billDay.AddDays(30), Lines: issued[0].Document.Lines}
	outcomes := map[string]int{}
	for range 24 {
		snap, err := faulty.CreateInvoice(ctx, faultUser, doc)
		_, getErr := clean.Invoice(ctx, faultUser, snap.ID.String())
		switch {
		case err == nil:
			outcomes["created"]++
			require.NoError(t, getErr, "invoice %s created without error, but lost", snap.ID)
		case errors.As(err, new(*billing.OutcomeUnknownError)):
			outcomes["unknown"]++
			if getErr != nil {
				require.ErrorIs(t, getErr, billing.ErrNotFound)
			}
		default:
			outcomes["failed"]++
			require.ErrorIs(t, err, billing.ErrUnavailable)
			require.ErrorIs(t, getErr, billing.ErrNotFound, "invoice %s failed, but created: %v", snap.ID, err)
		}
	}

	// With an idempotency key, trying again until the call succeeds
	// creates each invoice once, whatever became of the tries before:
	// here, commits lost, or kept with their answer lost.
	lossy := NewFaults(0.5, 5, FaultCommitKept, FaultCommitLost)
	keyedEngine, _ := faultEngines(t, st, lossy, desk, &today)
	before, err := clean.Invoices(ctx, faultUser, nil)
	require.NoError(t, err)
	created := map[string]bool{}
	for k := range 12 {
		keyed := billing.WithIdempotencyKey(ctx, "storetest-create-"+strconv.Itoa(k))
		var snap invoice.Snapshot
		err := errors.New("not tried")
		for try := 0; try < 50 && err != nil; try++ {
			if snap, err = keyedEngine.CreateInvoice(keyed, faultUser, doc); err != nil {
				require.ErrorIs(t, err, billing.ErrUnavailable)
			}
		}
		require.NoError(t, err, "invoice %d never created", k)
		created[snap.ID.String()] = true
	}
	require.Positive(t, lossy.Injected(FaultCommitKept), "no commit was kept with its answer lost")
	after, err := clean.Invoices(ctx, faultUser, nil)
	require.NoError(t, err)
	assert.Len(t, after, len(before)+len(created), "each keyed call created one invoice")
	for _, inv := range after {
		if !slices.ContainsFunc(before, func(s invoice.Snapshot) bool { return s.ID == inv.ID }) {
			assert.True(t, created[inv.ID.String()], "invoice %s created by a try that did not return it", inv.ID)
		}
	}

	require.Positive(t, injected(faults), "no fault was injected")
	t.Logf("create invoice outcomes: %v; faults: begin %d, statement %d, commit lost %d, commit kept %d", outcomes,
		faults.Injected(FaultBegin), faults.Injected(FaultStatement), faults.Injected(FaultCommitLost), faults.Injected(FaultCommitKept))
}
