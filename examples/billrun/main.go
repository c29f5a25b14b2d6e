// Command billrun shows a bill run at scale on the in-memory store: it
// makes N customers (100,000 by default), each with a contract accepted
// from a quote, bills everything due on the run's date with a progress
// bar, and prints the throughput and the KPIs up to the month billed.
//
// The contracts come from a few dozen quotes priced by the quote desk
// from a catalogue of seats (per unit), storage (graduated tiers) and
// support (a monthly flat fee), with negotiated discounts and start dates
// from January to April; each customer gets a copy of one of them under
// its own name. The run on May 1st catches up every month due since the
// contract started, so customers get one to four months on one invoice.
//
//	go run ./examples/billrun
//	go run ./examples/billrun -n 20000 -workers 4 -issue
//
// Issued invoices (-issue) also give the KPIs of what was invoiced:
// average basket, DSO and the receivables open.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
)

// config is what the command line sets.
type config struct {
	customers int
	workers   int
	issue     bool
	on        date.Date
	progress  bool
}

func main() {
	var cfg config
	var on string
	flag.IntVar(&cfg.customers, "n", 100_000, "number of customers, one contract each")
	flag.IntVar(&cfg.workers, "workers", 0, "customers billed at once (0: one per CPU)")
	flag.BoolVar(&cfg.issue, "issue", false, "issue the invoices with gapless numbers instead of leaving drafts")
	flag.StringVar(&on, "date", "2026-05-01", "the day billed: charges due on or before it")
	flag.Parse()
	d, err := date.Parse(on)
	if err != nil {
		fmt.Fprintln(os.Stderr, "billrun: -date:", err)
		os.Exit(2)
	}
	cfg.on, cfg.progress = d, true
	if err := run(context.Background(), os.Stdout, os.Stderr, cfg); err != nil {
		fmt.Fprintln(os.Stderr, "billrun:", err)
		os.Exit(1)
	}
}

// run makes the customers, bills them and prints the summary to out; the
// progress bars go to bars.
func run(ctx context.Context, out, bars io.Writer, cfg config) error {
	if cfg.customers <= 0 {
		return errors.New("-n must be positive")
	}
	e, err := newEngine(cfg.on)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "making %s customers with a contract each\n", count(cfg.customers))
	start := time.Now()
	if err := makeContracts(ctx, e, cfg.customers, newBar(bars, cfg, cfg.customers, "contracts")); err != nil {
		return err
	}
	fmt.Fprintf(out, "made them in %s\n\n", since(start))

	bar := newBar(bars, cfg, cfg.customers, "billing  ")
	opts := billing.BillRunOptions{Workers: cfg.workers, Issue: cfg.issue, Progress: func(p billing.BillRunProgress) {
		_ = bar.Set(p.Done)
	}}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start = time.Now()
	rep, err := e.BillRun(ctx, accountant, cfg.on, opts)
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	_ = bar.Finish()
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "bill run of %s: %s contracts, %s charges on %s invoices, %d failed\n",
		cfg.on, count(rep.Contracts), count(rep.Billed), count(len(rep.Invoices)), len(rep.Failures))
	for i, f := range rep.Failures {
		if i == 3 {
			fmt.Fprintf(out, "  … and %d more\n", len(rep.Failures)-i)
			break
		}
		fmt.Fprintf(out, "  contract %s: %v\n", f.ContractID, f.Err)
	}
	secs := elapsed.Seconds()
	fmt.Fprintf(out, "took %s on %d CPUs: %s subscriptions/s, %s invoices/s, %s KB and %d allocations per subscription\n",
		since(start), runtime.GOMAXPROCS(0), count(int(float64(rep.Contracts)/secs)), count(int(float64(len(rep.Invoices))/secs)),
		count(int((after.TotalAlloc-before.TotalAlloc)/uint64(rep.Contracts)/1024)), (after.Mallocs-before.Mallocs)/uint64(rep.Contracts))
	if len(rep.Invoices) > 0 {
		first := rep.Invoices[0]
		fmt.Fprintf(out, "first invoice: %s to %s, %d lines, %s with VAT\n", first.Status, first.Customer, first.Lines, first.Total)
	}

	again, err := e.BillRun(ctx, accountant, cfg.on, billing.BillRunOptions{Workers: cfg.workers})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "the same run again: %d invoices, %s charges already billed\n\n", len(again.Invoices), count(again.AlreadyBilled))
	return printKPIs(ctx, out, e, cfg.on)
}

// printKPIs prints the KPIs from three months before the month billed to
// its end.
func printKPIs(ctx context.Context, out io.Writer, e *billing.Engine, on date.Date) error {
	period := date.Range{Start: date.MustNew(on.Year(), on.Month(), 1).AddMonths(-3), End: date.MustNew(on.Year(), on.Month(), 1).AddMonths(1)}
	k, err := e.KPIs(ctx, controller, period, money.EUR)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "KPIs from %s to %s\n", period.Start, period.End.AddDays(-1))
	fmt.Fprintf(out, "  MRR %s, ARR %s\n", k.MRR, k.ARR)
	m := k.Movements
	fmt.Fprintf(out, "  MRR movements: new %s, expansion %s, contraction %s, churn %s\n", m.New, m.Expansion, m.Contraction, m.Churn)
	b := k.Basket
	fmt.Fprintf(out, "  %s invoices issued, average basket %s without VAT\n", count(b.Invoices), b.AverageBasket)
	if a, ok := k.Ageing.Currency(money.EUR); ok {
		fmt.Fprintf(out, "  receivables open at the end: %s\n", a.Total)
	}
	for _, err := range k.Undefined {
		fmt.Fprintf(out, "  (not defined: %v)\n", err)
	}
	return nil
}

// newBar returns a progress bar over n items, or a silent one.
func newBar(w io.Writer, cfg config, n int, what string) *progressbar.ProgressBar {
	if !cfg.progress {
		return progressbar.DefaultSilent(int64(n), what)
	}
	return progressbar.NewOptions(n,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("customers"),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSetWidth(30),
		progressbar.OptionOnCompletion(func() { fmt.Fprintln(w) }),
	)
}

// count formats n with thousands separators.
func count(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + count(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// since returns the time since start, rounded for people.
func since(start time.Time) time.Duration {
	return time.Since(start).Round(time.Millisecond)
}
