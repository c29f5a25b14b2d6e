package billing_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/schedule"
	"github.com/billkit/billkit/store/storetest"
)

var may1 = date.MustParse("2026-05-01")

// contractCount is the number of contracts of the bill-run tests: 10,000
// as the acceptance asks, fewer with -short.
func contractCount() int {
	if testing.Short() {
		return 1000
	}
	return 10000
}

// invoiceSet returns what identifies the invoices of a run whatever their
// IDs: buyer, lines with their periods and references, totals.
func invoiceSet(invs []invoice.Snapshot) []string {
	out := make([]string, 0, len(invs))
	for _, s := range invs {
		d := s.Document
		k := d.Buyer.Name + "|" + d.Period.Start.String() + "|" + d.Totals.TaxInclusive.String()
		for _, l := range d.Lines {
			k += "|" + l.ContractLineRef[strings.IndexByte(l.ContractLineRef, '/')+1:] + "@" + l.Period.Start.String() + ":" + l.NetAmount.String()
		}
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// collect makes opts keep the documents of the invoices a run creates, in
// the returned slice.
func collect(opts *billing.BillRunOptions) *[]invoice.Snapshot {
	var out []invoice.Snapshot
	opts.OnInvoice = func(s invoice.Snapshot) { out = append(out, s) }
	return &out
}

func storedInvoices(t *testing.T, e *billing.Engine) []invoice.Snapshot {
	t.Helper()
	invs, err := e.Invoices(context.Background(), fred, nil)
	require.NoError(t, err)
	return invs
}

func TestBillRunIdempotent(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	n := contractCount()
	storetest.PutContracts(t, f.store, storetest.MonthlyContract(t, f.engine.Desk()), n)

	var last billing.BillRunProgress
	var calls atomic.Int64
	opts := billing.BillRunOptions{Workers: 4, Progress: func(p billing.BillRunProgress) {
		last = p
		calls.Add(1)
	}}
	docs := collect(&opts)
	first, err := f.engine.BillRun(ctx, carol, may1, opts)
	require.NoError(t, err)
	require.Empty(t, first.Failures)
	// April and May, billed in advance: two charges per contract, one
	// invoice per customer.
	assert.Len(t, first.Invoices, n)
	assert.Equal(t, 2*n, first.Billed)
	assert.Equal(t, billing.BillRunProgress{Done: n, Total: n}, last)
	assert.Equal(t, int64(n), calls.Load(), "one progress call per customer")
	for _, inv := range first.Invoices[:10] {
		assert.Equal(t, "2400.00 EUR", inv.Total.String())
		assert.Equal(t, "2400.00 EUR", inv.Due.String())
		assert.Equal(t, invoice.StatusDraft, inv.Status)
		assert.Equal(t, 2, inv.Lines)
	}
	require.Len(t, *docs, n, "one document per invoice")
	for _, d := range (*docs)[:10] {
		assert.Equal(t, "2000.00 EUR", d.Document.Totals.TaxExclusive.String())
	}
	before := invoiceSet(storedInvoices(t, f.engine))
	assert.Equal(t, before, invoiceSet(*docs), "the documents given are those stored")

	second, err := f.engine.BillRun(ctx, carol, may1, billing.BillRunOptions{Workers: 4})
	require.NoError(t, err)
	assert.Empty(t, second.Invoices, "a second run for the same day creates nothing")
	assert.Equal(t, 2*n, second.AlreadyBilled)
	assert.Equal(t, before, invoiceSet(storedInvoices(t, f.engine)), "identical invoice set")

	// The next month bills only June.
	third, err := f.engine.BillRun(ctx, carol, date.MustParse("2026-06-01"), billing.BillRunOptions{})
	require.NoError(t, err)
	assert.Len(t, third.Invoices, n)
	assert.Equal(t, n, third.Billed)
}

func TestBillRunDryRunEqualsRun(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	storetest.PutContracts(t, f.store, storetest.MonthlyContract(t, f.engine.Desk()), 500)
	dryOpts := billing.BillRunOptions{DryRun: true}
	dryDocs := collect(&dryOpts)
	dry, err := f.engine.BillRun(ctx, carol, may1, dryOpts)
	require.NoError(t, err)
	assert.Empty(t, storedInvoices(t, f.engine), "a dry run writes nothing")
	evs, err := f.engine.Events(ctx, fred, billing.EventQuery{})
	require.NoError(t, err)
	assert.Empty(t, evs)

	var realOpts billing.BillRunOptions
	realDocs := collect(&realOpts)
	real, err := f.engine.BillRun(ctx, carol, may1, realOpts)
	require.NoError(t, err)
	assert.Equal(t, invoiceSet(*dryDocs), invoiceSet(*realDocs))
	assert.Equal(t, invoiceSet(*dryDocs), invoiceSet(storedInvoices(t, f.engine)))
	assert.Len(t, real.Invoices, len(dry.Invoices))
	assert.Equal(t, dry.Billed, real.Billed)

	again, err := f.engine.BillRun(ctx, carol, may1, billing.BillRunOptions{DryRun: true})
	require.NoError(t, err)
	assert.Empty(t, again.Invoices, "a dry run after the run has nothing left to bill")
}

func TestBillRunReportsBadContracts(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	n := contractCount()
	ids := storetest.PutContracts(t, f.store, storetest.MonthlyContract(t, f.engine.Desk()), n)
	// Break 1 % of the contracts: a recurring plan without its terms.
	var bad []string
	require.NoError(t, f.store.Update(ctx, func(tx billing.Tx) error {
		for i := 0; i < n; i += 100 {
			rec, err := tx.Contracts().Get(ctx, ids[i])
			if err != nil {
				return err
			}
			rec.Value.Lines[0].Plan = schedule.Plan{Kind: schedule.KindRecurring}
			if _, err := tx.Contracts().Put(ctx, rec); err != nil {
				return err
			}
			bad = append(bad, ids[i])
		}
		return nil
	}))
	rep, err := f.engine.BillRun(ctx, carol, may1, billing.BillRunOptions{})
	require.NoError(t, err)
	var failed []string
	for _, fl := range rep.Failures {
		failed = append(failed, fl.ContractID)
		assert.Error(t, fl.Err)
	}
	slices.Sort(failed)
	slices.Sort(bad)
	assert.Equal(t, bad, failed)
	assert.Len(t, rep.Invoices, n-len(bad), "the rest is billed")
}

// failingStore fails every Update after the first ok ones, as a process
// that stops half way through a run.
type failingStore struct {
	billing.Store
	ok atomic.Int64
}

var errCrash = errors.New("crash")

func (s *failingStore) Update(ctx context.Context, fn func(billing.Tx) error) error {
	if s.ok.Add(-1) < 0 {
		return errCrash
	}
	return s.Store.Update(ctx, fn)
}

func TestBillRunResumes(t *testing.T) {
	// The store crashes after ok transactions: 120 customers billed one
	// per transaction, or 3 batches of 32.
	for _, tc := range []struct{ batch, ok, billed int }{{1, 120, 120}, {32, 3, 96}} {
		t.Run(fmt.Sprintf("batches of %d", tc.batch), func(t *testing.T) {
			ctx := context.Background()
			f := newFixture(t)
			storetest.PutContracts(t, f.store, storetest.MonthlyContract(t, f.engine.Desk()), 300)
			fs := &failingStore{Store: f.store}
			fs.ok.Store(int64(tc.ok))
			crashing, err := billing.New(fs, f.engine.Desk(), billing.WithAccess(f.engine.Access()))
			require.NoError(t, err)
			rep, err := crashing.BillRun(ctx, carol, may1, billing.BillRunOptions{Workers: 3, Batch: tc.batch})
			require.NoError(t, err)
			assert.Len(t, rep.Invoices, tc.billed)
			assert.Len(t, rep.Failures, 300-tc.billed)
			for _, fl := range rep.Failures {
				assert.ErrorIs(t, fl.Err, errCrash)
			}
			assert.Len(t, storedInvoices(t, f.engine), tc.billed, "whole invoices only")

			rest, err := f.engine.BillRun(ctx, carol, may1, billing.BillRunOptions{})
			require.NoError(t, err)
			assert.Len(t, rest.Invoices, 300-tc.billed)
			assert.Equal(t, 2*tc.billed, rest.AlreadyBilled)

			clean := newFixture(t)
			storetest.PutContracts(t, clean.store, storetest.MonthlyContract(t, clean.engine.Desk()), 300)
			wantOpts := billing.BillRunOptions{DryRun: true}
			want := collect(&wantOpts)
			_, err = clean.engine.BillRun(ctx, carol, may1, wantOpts)
			require.NoError(t, err)
			assert.Equal(t, invoiceSet(*want), invoiceSet(storedInvoices(t, f.engine)))
		})
	}
}

// A batch whose transaction fails is billed again customer by customer.
func TestBillRunRetriesFailedBatch(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	storetest.PutContracts(t, f.store, storetest.MonthlyContract(t, f.engine.Desk()), 100)
	fs := &failOnce{Store: f.store}
	e, err := billing.New(fs, f.engine.Desk(), billing.WithAccess(f.engine.Access()))
	require.NoError(t, err)
	var calls int
	rep, err := e.BillRun(ctx, carol, may1, billing.BillRunOptions{Workers: 1, Batch: 40,
		Progress: func(billing.BillRunProgress) { calls++ }})
	require.NoError(t, err)
	assert.Empty(t, rep.Failures)
	assert.Len(t, rep.Invoices, 100)
	assert.Len(t, storedInvoices(t, f.engine), 100)
	assert.Equal(t, 100, calls, "one progress call per customer")
	// The first batch failed, then its 40 customers were billed one by
	// one, then came two batches.
	assert.Equal(t, int64(1+40+2), fs.updates.Load())
}

// failOnce fails the first Update.
type failOnce struct {
	billing.Store
	updates atomic.Int64
}

func (s *failOnce) Update(ctx context.Context, fn func(billing.Tx) error) error {
	if s.updates.Add(1) == 1 {
		return errCrash
	}
	return s.Store.Update(ctx, fn)
}

func TestBillRunIssuesGapless(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	storetest.PutContracts(t, f.store, storetest.MonthlyContract(t, f.engine.Desk()), 200)
	f.clock.travel(t, may1.String())
	rep, err := f.engine.BillRun(ctx, carol, may1, billing.BillRunOptions{Workers: 4, Issue: true})
	require.NoError(t, err)
	require.Len(t, rep.Invoices, 200)
	var numbers []string
	for _, inv := range rep.Invoices {
		assert.Equal(t, invoice.StatusIssued, inv.Status)
		numbers = append(numbers, inv.Number)
	}
	slices.Sort(numbers)
	for i, n := range numbers {
		assert.Equal(t, invoice.Series{Prefix: "F", Yearly: true, Separator: "-"}.Format(may1, uint64(i+1)), n)
	}
}

// Issuing runs keep the numbering gapless when a batch guessed unbilled
// was not: its failed transaction took no number. The second run finds
// the first hundred billed, then bills fifty new customers.
func TestBillRunIssuesGaplessAfterWrongGuess(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	tmpl := storetest.MonthlyContract(t, f.engine.Desk())
	storetest.PutContracts(t, f.store, tmpl, 100)
	opts := billing.BillRunOptions{Workers: 2, Batch: 10, Issue: true}
	f.clock.travel(t, may1.String())
	first, err := f.engine.BillRun(ctx, carol, may1, opts)
	require.NoError(t, err)
	require.Len(t, first.Invoices, 100)
	storetest.PutContractsFrom(t, f.store, tmpl, 100, 50)
	second, err := f.engine.BillRun(ctx, carol, may1, opts)
	require.NoError(t, err)
	require.Empty(t, second.Failures)
	require.Len(t, second.Invoices, 50)
	assert.Equal(t, 200, second.AlreadyBilled)
	var numbers []string
	for _, inv := range append(first.Invoices, second.Invoices...) {
		numbers = append(numbers, inv.Number)
	}
	slices.Sort(numbers)
	for i, n := range numbers {
		require.Equal(t, invoice.Series{Prefix: "F", Yearly: true, Separator: "-"}.Format(may1, uint64(i+1)), n)
	}
}

func TestBillRunCancelled(t *testing.T) {
	f := newFixture(t)
	storetest.PutContracts(t, f.store, storetest.MonthlyContract(t, f.engine.Desk()), 50)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := f.engine.BillRun(ctx, carol, may1, billing.BillRunOptions{})
	require.ErrorIs(t, err, context.Canceled)
	rep, err := f.engine.BillRun(context.Background(), carol, may1, billing.BillRunOptions{})
	require.NoError(t, err)
	assert.Len(t, rep.Invoices, 50, "a cancelled run leaves everything to bill")
}

// cancelOnUpdate cancels the run's context on its first Update, which
// then fails.
type cancelOnUpdate struct {
	billing.Store
	cancel  context.CancelFunc
	updates atomic.Int64
}

func (s *cancelOnUpdate) Update(ctx context.Context, fn func(billing.Tx) error) error {
	s.updates.Add(1)
	s.cancel()
	return ctx.Err()
}

// A batch cancelled in flight is not billed again customer by customer.
func TestBillRunCancelledBatch(t *testing.T) {
	f := newFixture(t)
	storetest.PutContracts(t, f.store, storetest.MonthlyContract(t, f.engine.Desk()), 50)
	ctx, cancel := context.WithCancel(context.Background())
	st := &cancelOnUpdate{Store: f.store, cancel: cancel}
	e, err := billing.New(st, f.engine.Desk(), billing.WithAccess(f.engine.Access()))
	require.NoError(t, err)
	rep, err := e.BillRun(ctx, carol, may1, billing.BillRunOptions{Workers: 1, Batch: 50})
	require.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, int64(1), st.updates.Load(), "no transaction after the cancelled one")
	assert.Empty(t, rep.Invoices)
	for _, fl := range rep.Failures {
		assert.ErrorIs(t, fl.Err, context.Canceled)
	}
	assert.Empty(t, storedInvoices(t, f.engine))
}

// Without OnInvoice, a run draws up each batch's invoices in memory it
// reuses for the next batch: what is stored and reported stays right.
func TestBillRunReusesItsMemorySafely(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	storetest.PutContracts(t, f.store, storetest.MonthlyContract(t, f.engine.Desk()), 300)
	rep, err := f.engine.BillRun(ctx, carol, may1, billing.BillRunOptions{Workers: 2, Batch: 7})
	require.NoError(t, err)
	require.Len(t, rep.Invoices, 300)
	stored := map[string]invoice.Snapshot{}
	for _, s := range storedInvoices(t, f.engine) {
		stored[s.ID.String()] = s
	}
	require.Len(t, stored, 300)
	customers := map[string]bool{}
	for _, b := range rep.Invoices {
		s, ok := stored[b.ID.String()]
		require.True(t, ok, "reported invoice %s is stored", b.ID)
		assert.Equal(t, b.Customer, billing.CustomerKey(s.Document.Buyer))
		assert.True(t, b.Total.Equal(s.Document.Totals.TaxInclusive))
		assert.Equal(t, 2, len(s.Document.Lines))
		customers[b.Customer] = true
	}
	assert.Len(t, customers, 300, "one invoice per customer")

	clean := newFixture(t)
	storetest.PutContracts(t, clean.store, storetest.MonthlyContract(t, clean.engine.Desk()), 300)
	wantOpts := billing.BillRunOptions{DryRun: true}
	want := collect(&wantOpts)
	_, err = clean.engine.BillRun(ctx, carol, may1, wantOpts)
	require.NoError(t, err)
	assert.Equal(t, invoiceSet(*want), invoiceSet(storedInvoices(t, f.engine)))
}

// Two engines billing the same store at once, without claims, race on
// some customers: the loser of each race reads again and bills nothing
// twice.
func TestBillRunConcurrentRunsBillOnce(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	storetest.PutContracts(t, f.store, storetest.MonthlyContract(t, f.engine.Desk()), 400)
	other, err := billing.New(f.store, f.engine.Desk(), billing.WithAccess(f.engine.Access()))
	require.NoError(t, err)
	var reps [2]billing.BillRunReport
	var wg sync.WaitGroup
	for i, e := range []*billing.Engine{f.engine, other} {
		wg.Go(func() {
			var err error
			reps[i], err = e.BillRun(ctx, carol, may1, billing.BillRunOptions{Workers: 2, Batch: 5})
			assert.NoError(t, err)
		})
	}
	wg.Wait()
	for _, r := range reps {
		assert.Empty(t, r.Failures)
		assert.Equal(t, 2*400, r.Billed+r.AlreadyBilled, "each run billed or found billed every charge")
	}
	assert.Equal(t, 400, len(reps[0].Invoices)+len(reps[1].Invoices))
	assert.Len(t, storedInvoices(t, f.engine), 400)
}

// A run reads the contracts lent by the memory store while they are
// written: every write replaces a stored contract, and the run, which only
// reads them, bills each as it was when read. Under -race, a write that
// changed what the run holds would be reported.
func TestBillRunWhileContractsChange(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	ids := storetest.PutContracts(t, f.store, storetest.MonthlyContract(t, f.engine.Desk()), 400)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			id := ids[i%len(ids)]
			err := f.store.Update(ctx, func(tx billing.Tx) error {
				rec, err := tx.Contracts().Get(ctx, id)
				if err != nil {
					return err
				}
				rec.Value.Lines[0].Name = fmt.Sprintf("Platform seats, change %d", i)
				rec.Value.Buyer.Address.City = fmt.Sprintf("City %d", i)
				_, err = tx.Contracts().Put(ctx, rec)
				return err
			})
			if err != nil {
				t.Error(err)
				return
			}
		}
	})
	rep, err := f.engine.BillRun(ctx, carol, may1, billing.BillRunOptions{Workers: 2, Batch: 8})
	close(stop)
	wg.Wait()
	require.NoError(t, err)
	assert.Empty(t, rep.Failures)
	assert.Len(t, rep.Invoices, 400)
	assert.Equal(t, 800, rep.Billed)
}

// countingStore counts the transactions a store is asked for.
type countingStore struct {
	billing.Store
	views, updates atomic.Int64
}

func (s *countingStore) View(ctx context.Context, fn func(billing.Tx) error) error {
	s.views.Add(1)
	return s.Store.View(ctx, fn)
}

func (s *countingStore) Update(ctx context.Context, fn func(billing.Tx) error) error {
	s.updates.Add(1)
	return s.Store.Update(ctx, fn)
}

// A run guesses that what it bills was never billed, and writes each batch
// in one transaction without reading its marks first. A batch that finds
// the guess wrong is billed the usual way, and so are the next, until one
// finds nothing billed.
func TestBillRunGuessesUnbilled(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	tmpl := storetest.MonthlyContract(t, f.engine.Desk())
	storetest.PutContracts(t, f.store, tmpl, 100)
	cs := &countingStore{Store: f.store}
	e, err := billing.New(cs, f.engine.Desk(), billing.WithAccess(f.engine.Access()))
	require.NoError(t, err)
	opts := billing.BillRunOptions{Workers: 1, Batch: 10}
	run := func() (rep billing.BillRunReport, views, updates int64) {
		t.Helper()
		cs.views.Store(0)
		cs.updates.Store(0)
		rep, err := e.BillRun(ctx, carol, may1, opts)
		require.NoError(t, err)
		require.Empty(t, rep.Failures)
		return rep, cs.views.Load(), cs.updates.Load()
	}

	rep, views, updates := run()
	assert.Len(t, rep.Invoices, 100)
	assert.Equal(t, 200, rep.Billed)
	assert.Equal(t, int64(1), views, "the contracts are read; no batch reads its marks")
	assert.Equal(t, int64(10), updates, "one transaction per batch")

	// Everything is billed: the first batch finds out when it writes,
	// and from then on each batch reads its marks and writes nothing.
	rep, views, updates = run()
	assert.Empty(t, rep.Invoices)
	assert.Equal(t, 200, rep.AlreadyBilled)
	assert.Equal(t, int64(1+10), views)
	assert.Equal(t, int64(1), updates, "the first batch's write, which failed")

	// Fifty new customers come after the hundred billed: the first batch
	// of new customers reads its marks, finds none, and the next four do
	// not read theirs.
	storetest.PutContractsFrom(t, f.store, tmpl, 100, 50)
	rep, views, updates = run()
	assert.Len(t, rep.Invoices, 50)
	assert.Equal(t, 100, rep.Billed)
	assert.Equal(t, 200, rep.AlreadyBilled)
	assert.Equal(t, int64(1+10+1), views)
	assert.Equal(t, int64(1+1+4), updates)
	assert.Len(t, storedInvoices(t, f.engine), 150, "nothing billed twice")
}
