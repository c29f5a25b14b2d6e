package postgres_test

import (
	"context"
	"encoding/json"
	"flag"
	"strconv"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/store/memory"
	"github.com/billkit/billkit/store/storetest"
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
		storetest.PutContracts(b, st, storetest.MonthlyContract(b, e.Desk()), n)
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

var sinkInvoice invoice.Snapshot

// BenchmarkIssueInvoice issues approved invoices one by one through the
// engine, each in its own transaction: the number taken from the locked
// series row, the document frozen, the customer's ledger updated, the
// events appended and the notification sent. Each invoice has its own
// customer: a customer's ledger holds all its invoices, so issuing to a
// customer costs more as its ledger grows, whatever the store.
func BenchmarkIssueInvoice(b *testing.B) {
	st := openStore(b)
	e := newEngines(b, st)[0]
	ids := make([]string, b.N)
	for i := range ids {
		doc := document(i%20 + 1)
		doc.Buyer.Name = "Customer " + strconv.Itoa(i)
		doc.Buyer.LegalID = strconv.Itoa(100000000 + i)
		doc.Buyer.VATID = ""
		ids[i] = approve(b, e, doc)
	}
	ctx := context.Background()
	on := date.MustParse("2026-03-02")
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		var err error
		sinkInvoice, err = e.IssueInvoice(ctx, accountant, ids[i], on)
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIssueInvoiceHistory100 issues invoices to one customer who
// has 100 issued invoices already: issuing updates the customer's
// ledger, which reads every invoice of the customer.
func BenchmarkIssueInvoiceHistory100(b *testing.B) {
	st := openStore(b)
	e := newEngines(b, st)[0]
	ctx := context.Background()
	on := date.MustParse("2026-03-02")
	for i := range 100 {
		if _, err := e.IssueInvoice(ctx, accountant, approve(b, e, document(i%20+1)), on); err != nil {
			b.Fatal(err)
		}
	}
	ids := make([]string, b.N)
	for i := range ids {
		ids[i] = approve(b, e, document(i%20+1))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		var err error
		if sinkInvoice, err = e.IssueInvoice(ctx, accountant, ids[i], on); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadInvoice reads an issued invoice of 20 lines through the
// engine: a read-only transaction and the jsonb document decoded.
func BenchmarkReadInvoice(b *testing.B) {
	st := openStore(b)
	e := newEngines(b, st)[0]
	doc := document(1)
	for i := 2; i <= 20; i++ {
		l := doc.Lines[0]
		l.ID = strconv.Itoa(i)
		doc.Lines = append(doc.Lines, l)
	}
	ctx := context.Background()
	snap, err := e.CreateInvoice(ctx, accountant, doc)
	if err != nil {
		b.Fatal(err)
	}
	id := snap.ID.String()
	if _, _, err := e.SubmitInvoice(ctx, accountant, id); err != nil {
		b.Fatal(err)
	}
	if _, err := e.IssueInvoice(ctx, accountant, id, date.MustParse("2026-03-02")); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		sinkInvoice, err = e.Invoice(ctx, auditor, id)
		if err != nil || len(sinkInvoice.Document.Lines) != 20 {
			b.Fatalf("%v, %d lines", err, len(sinkInvoice.Document.Lines))
		}
	}
}

// BenchmarkCopyBillRunRows is the floor under BenchmarkBillRun: it COPYs
// into the store's tables the rows a bill run of -billkit.subs
// subscriptions writes (an invoice, its invoice.created event and the
// mark of its charge per subscription), with no engine, no claim and
// one transaction. One op is the whole copy; invoices/s is comparable.
func BenchmarkCopyBillRunRows(b *testing.B) {
	needDB(b)
	n := *benchSubs
	ctx := context.Background()
	// The invoices a run would create, drawn up by a dry run in memory.
	mem := memory.NewStore()
	e := newEngines(b, mem)[0]
	storetest.PutContracts(b, mem, storetest.MonthlyContract(b, e.Desk()), n)
	var invs []invoice.Snapshot
	_, err := e.BillRun(ctx, accountant, date.MustParse("2026-04-01"), billing.BillRunOptions{DryRun: true,
		OnInvoice: func(s invoice.Snapshot) { invs = append(invs, s) }})
	if err != nil || len(invs) != n {
		b.Fatalf("dry run: %v, %d invoices", err, len(invs))
	}
	b.ReportAllocs()
	var elapsed time.Duration
	for b.Loop() {
		b.StopTimer()
		schema := newSchema(b)
		openOn(b, schema)
		conn, err := admin.Acquire(ctx)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		copyRows(b, ctx, conn.Conn(), schema, invs)
		elapsed += time.Since(start)
		conn.Release()
	}
	b.ReportMetric(float64(n*b.N)/elapsed.Seconds(), "invoices/s")
}

// copyRows copies the rows of invs into schema in one transaction.
func copyRows(b *testing.B, ctx context.Context, conn *pgx.Conn, schema string, invs []invoice.Snapshot) {
	tx, err := conn.Begin(ctx)
	if err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	invoiceRows := make([][]any, len(invs))
	eventRows := make([][]any, len(invs))
	markRows := make([][]any, len(invs))
	for i, s := range invs {
		raw, err := json.Marshal(s)
		if err != nil {
			b.Fatal(err)
		}
		d := s.Document
		id := s.ID.String()
		invoiceRows[i] = []any{id, int64(1), string(s.Status), billing.CustomerKey(d.Buyer), d.Currency.Code(),
			d.Totals.TaxInclusive.Number().String(), d.Totals.Due.Number().String(), string(raw)}
		changes, _ := json.Marshal([]billing.Change{{Field: "status", After: string(s.Status)}, {Field: "total", After: d.Totals.TaxInclusive.String()}})
		eventRows[i] = []any{billing.NewID().String(), now, int16(0), accountant, "invoice", id,
			string(billing.ActionInvoiceCreated), string(changes), int64(1), ""}
		markRows[i] = []any{d.Lines[0].ContractLineRef + "/2026-04-01", id}
	}
	for _, c := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"invoices", []string{"id", "version", "status", "customer", "currency", "total", "amount_due", "value"}, invoiceRows},
		{"events", []string{"id", "at", "at_nanos", "actor", "object_kind", "object_id", "action", "changes", "version", "reason"}, eventRows},
		{"marks", []string{"key", "invoice_id"}, markRows},
	} {
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{schema, c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
			b.Fatal(c.table, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		b.Fatal(err)
	}
}

var sinkContracts int

// BenchmarkScanContracts reads -billkit.subs stored contracts in pages of
// 1,000, as a bill run reads them, in one read-only transaction. One op
// is the whole scan; contracts/s is the throughput.
func BenchmarkScanContracts(b *testing.B) {
	needDB(b)
	n := *benchSubs
	ctx := context.Background()
	st := openStore(b)
	e := newEngines(b, st)[0]
	storetest.PutContracts(b, st, storetest.MonthlyContract(b, e.Desk()), n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		sinkContracts = 0
		err := st.View(ctx, func(tx billing.Tx) error {
			for after := ""; ; {
				page, err := tx.Contracts().Scan(ctx, after, 1000)
				if err != nil || len(page) == 0 {
					return err
				}
				sinkContracts += len(page)
				after = page[len(page)-1].ID
			}
		})
		if err != nil || sinkContracts != n {
			b.Fatalf("scan: %v, %d contracts", err, sinkContracts)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "contracts/s")
}
