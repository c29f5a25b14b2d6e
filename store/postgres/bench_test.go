package postgres_test

import (
	"context"
	"flag"
	"testing"
	"time"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/date"
)

// benchSubs is the number of subscriptions BenchmarkBillRun bills: small
// by default so that a plain -bench run stays short; pass
// -billkit.subs=100000 for the recorded figure.
var benchSubs = flag.Int("billkit.subs", 2000, "subscriptions billed by BenchmarkBillRun")

var sinkReport billing.BillRunReport

// benchWorkers is the number of customers billed at once.
const benchWorkers = 16

// BenchmarkBillRun bills -billkit.subs monthly subscriptions, one
// customer each, for one month into PostgreSQL: pricing, invoice
// calculation, marks, audit events, claims and the commits included. One
// op is the whole run; invoices/s is the throughput.
func BenchmarkBillRun(b *testing.B) {
	needDB(b)
	n := *benchSubs
	ctx := context.Background()
	b.ReportAllocs()
	var elapsed time.Duration
	for b.Loop() {
		b.StopTimer()
		st := openStore(b)
		e := newEngines(b, st)[0]
		putContracts(b, st, monthlyContract(b, e.Desk()), n)
		b.StartTimer()
		start := time.Now()
		var err error
		sinkReport, err = e.BillRun(ctx, accountant, date.MustParse("2026-04-01"), billing.BillRunOptions{Workers: benchWorkers})
		elapsed += time.Since(start)
		if err != nil || len(sinkReport.Invoices) != n || len(sinkReport.Failures) > 0 {
			b.Fatalf("run: %v, %d invoices, %d failures", err, len(sinkReport.Invoices), len(sinkReport.Failures))
		}
	}
	b.ReportMetric(float64(n*b.N)/elapsed.Seconds(), "invoices/s")
}
