package billing_test

import (
	"context"
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
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/store/storetest"
)

var apr1 = date.MustParse("2026-04-01")

// faultyEngine returns an engine over f's store behind faults, with f's
// desk and users, on April 1st, 2026.
func faultyEngine(t *testing.T, f *fixture, faults *storetest.Faults) *billing.Engine {
	t.Helper()
	return engineOver(t, f, faults.Wrap(f.store))
}

// engineOver returns an engine over st with f's desk and users, on April
// 1st, 2026, so that it issues on that day.
func engineOver(t *testing.T, f *fixture, st billing.Store) *billing.Engine {
	t.Helper()
	e, err := billing.New(st, f.engine.Desk(), billing.WithAccess(f.engine.Access()),
		billing.WithClock(newStepClock(apr1.Time(time.UTC).Add(9*time.Hour)).read))
	require.NoError(t, err)
	return e
}

// assertGapless checks that the invoices stored are issued, numbered 1
// to n without a gap, one per customer.
func assertGapless(t *testing.T, e *billing.Engine, n int) {
	t.Helper()
	var numbers []int
	customers := map[string]bool{}
	for _, inv := range storedInvoices(t, e) {
		require.Equal(t, invoice.StatusIssued, inv.Status)
		k, err := strconv.Atoi(inv.Document.Number[strings.LastIndexByte(inv.Document.Number, '-')+1:])
		require.NoError(t, err)
		numbers = append(numbers, k)
		assert.False(t, customers[inv.Document.Buyer.Name], "%s billed twice", inv.Document.Buyer.Name)
		customers[inv.Document.Buyer.Name] = true
	}
	slices.Sort(numbers)
	want := make([]int, n)
	for i := range want {
		want[i] = i + 1
	}
	assert.Equal(t, want, numbers, "numbers 1 to %d, each once", n)
}

// The defect: a database restart of 1.65 s during an issuing run failed
// most customers while the run returned nil. With the default retries,
// the run rides it out: every customer billed once, numbers without gap.
func TestBillRunRidesOutAnOutage(t *testing.T) {
	const n = 200
	f := newFixture(t)
	storetest.PutContracts(t, f.store, storetest.MonthlyContract(t, f.engine.Desk()), n)
	faults := storetest.NewFaults(0, 1)
	e := faultyEngine(t, f, faults)
	var once sync.Once
	opts := billing.BillRunOptions{Workers: 2, Batch: 8, Issue: true,
		Progress: func(billing.BillRunProgress) { once.Do(func() { faults.Outage(1650 * time.Millisecond) }) }}

	start := time.Now()
	rep, err := e.BillRun(context.Background(), carol, apr1, opts)
	require.NoError(t, err)
	assert.Empty(t, rep.Failures)
	assert.Len(t, rep.Invoices, n)
	assert.Zero(t, rep.Skipped)
	assert.Positive(t, rep.Retries, "the outage was retried")
	assert.Positive(t, faults.Injected(storetest.FaultBegin))
	assert.GreaterOrEqual(t, time.Since(start), 1650*time.Millisecond)
	assertGapless(t, f.engine, n)
}

// A store that stays unavailable stops the run after the batches under
// way: the run does not fail the other customers one by one, and returns
// an error that wraps ErrUnavailable with a report of what it did. The
// next run, once the store is back, bills the rest.
func TestBillRunStopsWhenTheStoreStaysDown(t *testing.T) {
	for _, tt := range []struct {
		name    string
		retries int
	}{
		{"after its retries", 3},
		{"at once without retries", -1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			const n, batch, workers = 200, 8, 2
			f := newFixture(t)
			storetest.PutContracts(t, f.store, storetest.MonthlyContract(t, f.engine.Desk()), n)
			faults := storetest.NewFaults(0, 1)
			e := faultyEngine(t, f, faults)
			var once sync.Once
			opts := billing.BillRunOptions{Workers: workers, Batch: batch, Issue: true, Retries: tt.retries, RetryBackoff: time.Millisecond,
				Progress: func(billing.BillRunProgress) { once.Do(func() { faults.Outage(time.Hour) }) }}

			start := time.Now()
			rep, err := e.BillRun(context.Background(), carol, apr1, opts)
			require.ErrorIs(t, err, billing.ErrUnavailable)
			assert.ErrorIs(t, err, storetest.ErrInjected, "the store's error is kept")
			assert.Contains(t, err.Error(), "stopped")
			assert.Less(t, time.Since(start), 5*time.Second)
			assert.NotEmpty(t, rep.Invoices, "what was billed before is reported")
			assert.NotEmpty(t, rep.Failures)
			assert.LessOrEqual(t, len(rep.Failures), workers*batch, "only the batches under way failed")
			assert.Positive(t, rep.Skipped)
			assert.Equal(t, n, len(rep.Invoices)+len(rep.Failures)+rep.Skipped)
			for _, fl := range rep.Failures {
				assert.True(t, fl.Transient)
				assert.ErrorIs(t, fl.Err, billing.ErrUnavailable)
			}
			if tt.retries < 0 {
				assert.Zero(t, rep.Retries)
			} else {
				assert.Positive(t, rep.Retries)
			}
			assert.Len(t, storedInvoices(t, f.engine), len(rep.Invoices), "what the run wrote is what it reported")

			rest, err := engineOver(t, f, f.store).BillRun(context.Background(), carol, apr1, billing.BillRunOptions{Issue: true})
			require.NoError(t, err)
			assert.Empty(t, rest.Failures)
			assert.Len(t, rest.Invoices, n-len(rep.Invoices))
			assert.Equal(t, len(rep.Invoices), rest.AlreadyBilled)
			assertGapless(t, f.engine, n)
		})
	}
}

// A commit whose outcome is unknown is settled by reading the marks: a
// batch that was kept is reported, given to OnInvoice and published once;
// one that was not is billed again. Nothing is billed twice.
func TestBillRunSettlesUnknownCommits(t *testing.T) {
	const n = 60
	f := newFixture(t)
	storetest.PutContracts(t, f.store, storetest.MonthlyContract(t, f.engine.Desk()), n)
	faults := storetest.NewFaults(0.5, 3, storetest.FaultCommitKept, storetest.FaultCommitLost)
	e := faultyEngine(t, f, faults)
	sub, err := e.Subscribe(carol, billing.EventFilter{Actions: []billing.Action{billing.ActionInvoiceIssued}}, 4*n)
	require.NoError(t, err)
	defer sub.Close()
	var delivered atomic.Int64
	opts := billing.BillRunOptions{Workers: 2, Batch: 4, Issue: true, RetryBackoff: time.Millisecond,
		OnInvoice: func(invoice.Snapshot) { delivered.Add(1) }}

	rep, err := e.BillRun(context.Background(), carol, apr1, opts)
	require.NoError(t, err)
	assert.Empty(t, rep.Failures)
	assert.Len(t, rep.Invoices, n)
	assert.Equal(t, int64(n), delivered.Load())
	assert.Positive(t, faults.Injected(storetest.FaultCommitKept))
	assert.Positive(t, faults.Injected(storetest.FaultCommitLost))
	assertGapless(t, f.engine, n)

	published := map[string]int{}
	for range n {
		select {
		case ev := <-sub.C:
			published[ev.Object.ID]++
		case <-time.After(5 * time.Second):
			t.Fatalf("%d issue events published of %d", len(published), n)
		}
	}
	for _, inv := range rep.Invoices {
		assert.Equal(t, 1, published[inv.ID.String()], "issue of %s published once", inv.ID)
	}
	select {
	case ev := <-sub.C:
		t.Errorf("an event of a batch that was not kept was published: %+v", ev)
	default:
	}
}

// conflicting fails the first Updates with a conflict, as concurrent
// transactions that won a race.
type conflicting struct {
	billing.Store
	left atomic.Int64
}

func (s *conflicting) Update(ctx context.Context, fn func(billing.Tx) error) error {
	if s.left.Add(-1) >= 0 {
		return &billing.ConflictError{Kind: "ledger", ID: "id:1/EUR", Expected: 1, Actual: 2}
	}
	return s.Store.Update(ctx, fn)
}

func TestBillRunRetriesConflicts(t *testing.T) {
	f := newFixture(t)
	storetest.PutContracts(t, f.store, storetest.MonthlyContract(t, f.engine.Desk()), 10)
	st := &conflicting{Store: f.store}
	st.left.Store(2)
	rep, err := engineOver(t, f, st).BillRun(context.Background(), carol, apr1, billing.BillRunOptions{Workers: 1, Batch: 10, Issue: true, RetryBackoff: time.Millisecond})
	require.NoError(t, err)
	assert.Empty(t, rep.Failures)
	assert.Len(t, rep.Invoices, 10)
	assert.Equal(t, 2, rep.Retries)
}

func TestBillRunRefusesANegativeBackoff(t *testing.T) {
	f := newFixture(t)
	_, err := f.engine.BillRun(context.Background(), carol, apr1, billing.BillRunOptions{RetryBackoff: -time.Second})
	require.ErrorIs(t, err, billing.ErrConfig)
}

// A run whose context ends while it waits to try again stops at once,
// with the context's error.
func TestBillRunRetryHonoursTheContext(t *testing.T) {
	f := newFixture(t)
	storetest.PutContracts(t, f.store, storetest.MonthlyContract(t, f.engine.Desk()), 20)
	faults := storetest.NewFaults(0, 1)
	faults.Outage(time.Hour)
	e := faultyEngine(t, f, faults)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := e.BillRun(ctx, carol, apr1, billing.BillRunOptions{RetryBackoff: time.Second})
	assert.Less(t, time.Since(start), 2*time.Second)
	require.ErrorIs(t, err, context.DeadlineExceeded)
}
