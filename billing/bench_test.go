package billing_test

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/store/memory"
	"github.com/billkit/billkit/store/storetest"
)

var sinkReport billing.BillRunReport

// BenchmarkBillRun100k bills 100,000 monthly subscriptions, one customer
// each, for one month into an in-memory store: pricing, invoice
// calculation, the idempotency marks and audit events included. One op is
// the whole run; subs/s is the throughput.
func BenchmarkBillRun100k(b *testing.B) {
	benchBillRun(b, 100_000, billing.BillRunOptions{})
}

// BenchmarkBillRunIssue10k bills 10,000 monthly subscriptions and issues
// each invoice: numbering, fingerprint, the customer's ledger and the
// audit events of each step included.
func BenchmarkBillRunIssue10k(b *testing.B) {
	benchBillRun(b, 10_000, billing.BillRunOptions{Issue: true})
}

// benchBillRun bills n subscriptions on April 1st, 2026, with a new store
// for each op, and reports subscriptions per second and the processor
// time each took, garbage collection included: on a shared machine the
// first moves with the load of the neighbours, the second much less.
func benchBillRun(b *testing.B, n int, opts billing.BillRunOptions) {
	f := newFixture(b)
	tmpl := storetest.MonthlyContract(b, f.engine.Desk())
	ctx := context.Background()
	b.ReportAllocs()
	var elapsed, cpu time.Duration
	cpuKnown := true
	for b.Loop() {
		b.StopTimer()
		st := memory.NewStore()
		storetest.PutContracts(b, st, tmpl, n)
		e, err := billing.New(st, f.engine.Desk(), billing.WithAccess(f.engine.Access()),
			billing.WithClock(newStepClock(time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC)).read))
		if err != nil {
			b.Fatal(err)
		}
		// The run starts from a collected heap, as a host's long-lived
		// store would: the previous run's store and the setup's garbage
		// are not charged to it.
		runtime.GC()
		b.StartTimer()
		start := time.Now()
		cpu0, ok0 := processCPU()
		sinkReport, err = e.BillRun(ctx, carol, date.MustParse("2026-04-01"), opts)
		cpu1, ok1 := processCPU()
		elapsed += time.Since(start)
		cpu += cpu1 - cpu0
		cpuKnown = cpuKnown && ok0 && ok1
		if err != nil || len(sinkReport.Invoices) != n {
			b.Fatalf("run: %v, %d invoices", err, len(sinkReport.Invoices))
		}
		if opts.Issue && sinkReport.Invoices[0].Number == "" {
			b.Fatal("the invoices were not issued")
		}
	}
	b.ReportMetric(float64(n*b.N)/elapsed.Seconds(), "subs/s")
	if cpuKnown {
		b.ReportMetric(float64(cpu.Microseconds())/float64(n*b.N), "cpu-µs/sub")
	}
}
