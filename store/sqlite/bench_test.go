package sqlite_test

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/store/storetest"
)

var (
	sinkVersion   uint64
	sinkInvoice   billing.Record[invoice.Snapshot]
	sinkContracts []billing.Record[billing.Contract]
	sinkReport    billing.BillRunReport
	sinkErr       error
)

// BenchmarkPutGetInvoice writes an invoice in one Update and reads it
// back in one View, on a database file.
func BenchmarkPutGetInvoice(b *testing.B) {
	ctx := context.Background()
	s, snap, ids := openFile(b), storetest.SubscriptionInvoice(b), storetest.IDs(b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		sinkErr = s.Update(ctx, func(tx billing.Tx) error {
			var err error
			sinkVersion, err = tx.Invoices().Put(ctx, billing.Record[invoice.Snapshot]{ID: ids[i], Value: snap})
			return err
		})
		if sinkErr == nil {
			sinkErr = s.View(ctx, func(tx billing.Tx) error {
				var err error
				sinkInvoice, err = tx.Invoices().Get(ctx, ids[i])
				return err
			})
		}
		if sinkErr != nil {
			b.Fatal(sinkErr)
		}
	}
}

// BenchmarkScanContracts reads 1,000 two-line contracts in one Scan.
func BenchmarkScanContracts(b *testing.B) {
	const stored = 1000
	ctx := context.Background()
	s, ids := openFile(b), storetest.IDs(stored)
	sinkErr = s.Update(ctx, func(tx billing.Tx) error {
		for _, id := range ids {
			c := billing.Contract{Customer: "id:552100554",
				Reached: map[string]map[string]date.Date{"l2": {"kickoff": date.MustParse("2026-03-02")}}}
			c.ID, c.Currency = uuid.MustParse(id), money.EUR
			c.Lines = []quote.ContractLine{{ID: "l1", Name: "Platform"}, {ID: "l2", Name: "Onboarding"}}
			if _, err := tx.Contracts().Put(ctx, billing.Record[billing.Contract]{ID: id, Value: c}); err != nil {
				return err
			}
		}
		return nil
	})
	if sinkErr != nil {
		b.Fatal(sinkErr)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		sinkErr = s.View(ctx, func(tx billing.Tx) error {
			var err error
			sinkContracts, err = tx.Contracts().Scan(ctx, "", stored)
			return err
		})
	}
	if len(sinkContracts) != stored {
		b.Fatalf("scanned %d contracts", len(sinkContracts))
	}
}

// BenchmarkAppendEvent appends one event per Update, on a database file.
func BenchmarkAppendEvent(b *testing.B) {
	ctx := context.Background()
	s, ids := openFile(b), storetest.IDs(b.N)
	changes := []billing.Change{{Field: "status", Before: "draft", After: "issued"}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		ev := billing.Event{ID: ids[i], At: t0.Add(time.Duration(i) * time.Millisecond), Actor: "u-claire",
			Object: collab.Ref{Kind: collab.KindInvoice, ID: ids[i%100]}, Action: billing.ActionInvoiceIssued,
			Changes: changes, Version: 2}
		if sinkErr = s.Update(ctx, func(tx billing.Tx) error { return tx.Events().Append(ctx, ev) }); sinkErr != nil {
			b.Fatal(sinkErr)
		}
	}
}

// BenchmarkBillRun10k bills 10,000 monthly subscriptions, one customer
// each, for one month into a database file: the engine reads the
// contracts, prices them, calculates the invoices and commits one
// transaction per customer with its marks and audit event. One op is the
// whole run; subs/s is the throughput.
func BenchmarkBillRun10k(b *testing.B) {
	const n = 10_000
	ctx := context.Background()
	tmpl := storetest.MonthlyContract(b, storetest.Desk(b))
	dir := b.TempDir()
	b.ReportAllocs()
	var elapsed time.Duration
	run := 0
	for b.Loop() {
		b.StopTimer()
		run++
		s := openAt(b, filepath.Join(dir, "run-"+strconv.Itoa(run)+".db"))
		storetest.PutContracts(b, s, tmpl, n)
		e := newEngine(b, s)
		b.StartTimer()
		start := time.Now()
		var err error
		sinkReport, err = e.BillRun(ctx, clerk, date.MustParse("2026-04-01"), billing.BillRunOptions{})
		elapsed += time.Since(start)
		if err != nil || len(sinkReport.Invoices) != n {
			b.Fatalf("run: %v, %d invoices", err, len(sinkReport.Invoices))
		}
	}
	b.ReportMetric(float64(n*run)/elapsed.Seconds(), "subs/s")
}
