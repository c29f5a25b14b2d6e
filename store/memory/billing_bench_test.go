package memory_test

import (
	"context"
	"errors"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/store/memory"
	"github.com/billkit/billkit/store/storetest"
)

var (
	sinkVersion   uint64
	sinkInvoice   billing.Record[invoice.Snapshot]
	sinkContracts []billing.Record[billing.Contract]
	sinkShared    []billing.Record[*billing.Contract]
	sinkErr       error
)

func BenchmarkUpdatePutInvoice(b *testing.B) {
	ctx := context.Background()
	s, snap, ids := memory.NewStore(), storetest.SubscriptionInvoice(b), storetest.IDs(b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		sinkErr = s.Update(ctx, func(tx billing.Tx) error {
			var err error
			sinkVersion, err = tx.Invoices().Put(ctx, billing.Record[invoice.Snapshot]{ID: ids[i], Value: snap})
			return err
		})
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "invoices/s")
}

// BenchmarkBillRun writes invoices as a bill run does: in batches of 1,000
// per Update, each invoice with its audit event and its bill-run mark.
func BenchmarkBillRun(b *testing.B) {
	const batch = 1000
	ctx := context.Background()
	s, snap, ids := memory.NewStore(), storetest.SubscriptionInvoice(b), storetest.IDs(b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for start := 0; start < b.N; start += batch {
		sinkErr = s.Update(ctx, func(tx billing.Tx) error {
			for i := start; i < min(start+batch, b.N); i++ {
				if _, err := tx.Invoices().Put(ctx, billing.Record[invoice.Snapshot]{ID: ids[i], Value: snap}); err != nil {
					return err
				}
				ev := billing.Event{ID: ids[i], At: t0.Add(time.Duration(i)), Action: billing.ActionInvoiceCreated,
					Object: collab.Ref{Kind: collab.KindInvoice, ID: ids[i]}, Version: 1}
				if err := tx.Events().Append(ctx, ev); err != nil {
					return err
				}
				if err := tx.Marks().Mark(ctx, ids[i]+"/l1/2026-03", ids[i]); err != nil {
					return err
				}
			}
			return nil
		})
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "invoices/s")
}

func BenchmarkGetInvoice(b *testing.B) {
	const stored = 1000
	ctx := context.Background()
	s, snap, ids := memory.NewStore(), storetest.SubscriptionInvoice(b), storetest.IDs(stored)
	sinkErr = s.Update(ctx, func(tx billing.Tx) error {
		for _, id := range ids {
			if _, err := tx.Invoices().Put(ctx, billing.Record[invoice.Snapshot]{ID: id, Value: snap}); err != nil {
				return err
			}
		}
		return nil
	})
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		sinkErr = s.View(ctx, func(tx billing.Tx) error {
			var err error
			sinkInvoice, err = tx.Invoices().Get(ctx, ids[i%stored])
			return err
		})
	}
}

// BenchmarkScanContracts lists 1,000 two-line contracts with Scan, which
// copies them, and with ScanShared, which lends them as a bill run reads
// them.
func BenchmarkScanContracts(b *testing.B) {
	const stored = 1000
	ctx := context.Background()
	s, ids := memory.NewStore(), storetest.IDs(stored)
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
	b.Run("copies", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkErr = s.View(ctx, func(tx billing.Tx) error {
				var err error
				sinkContracts, err = tx.Contracts().Scan(ctx, "", stored)
				return err
			})
		}
	})
	b.Run("shared", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkErr = s.View(ctx, func(tx billing.Tx) error {
				var err error
				sinkShared, err = tx.Contracts().(billing.SharedScanner[billing.Contract]).ScanShared(ctx, "", stored)
				return err
			})
		}
	})
}

func BenchmarkAppendEvent(b *testing.B) {
	ctx := context.Background()
	s, ids := memory.NewStore(), storetest.IDs(b.N)
	changes := []billing.Change{{Field: "status", Before: "draft", After: "issued"}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		ev := billing.Event{ID: ids[i], At: t0.Add(time.Duration(i) * time.Millisecond), Actor: "u-claire",
			Object: collab.Ref{Kind: collab.KindInvoice, ID: ids[i%100]}, Action: billing.ActionInvoiceIssued,
			Changes: changes, Version: 2}
		sinkErr = s.Update(ctx, func(tx billing.Tx) error { return tx.Events().Append(ctx, ev) })
	}
}

// BenchmarkParallelPut reads a record and writes it back with the version
// read, from every goroutine: on one record shared by all, where most
// writes are conflicts, and on one record per goroutine, where none is.
func BenchmarkParallelPut(b *testing.B) {
	ctx := context.Background()
	for _, shared := range []bool{true, false} {
		name := map[bool]string{true: "conflicting", false: "disjoint"}[shared]
		b.Run(name, func(b *testing.B) {
			s, snap := memory.NewStore(), storetest.SubscriptionInvoice(b)
			var next, conflicts atomic.Int64
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				id := "shared"
				if !shared {
					id = strconv.FormatInt(next.Add(1), 10)
				}
				for pb.Next() {
					var version uint64
					_ = s.View(ctx, func(tx billing.Tx) error {
						r, err := tx.Invoices().Get(ctx, id)
						version = r.Version
						return err
					})
					err := s.Update(ctx, func(tx billing.Tx) error {
						_, err := tx.Invoices().Put(ctx, billing.Record[invoice.Snapshot]{ID: id, Version: version, Value: snap})
						return err
					})
					if errors.Is(err, billing.ErrConflict) {
						conflicts.Add(1)
					}
				}
			})
			b.ReportMetric(float64(conflicts.Load())/float64(b.N), "conflicts/op")
		})
	}
}
