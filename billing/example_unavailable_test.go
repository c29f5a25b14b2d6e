package billing_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/store/storetest"
)

// When the store cannot be reached, a bill run tries again, then stops
// with the report of what it did and an error that wraps ErrUnavailable.
// Bill runs are idempotent: running it again once the store is back
// bills what remains, and nothing twice.
func ExampleEngine_BillRun_storeUnavailable() {
	ctx := context.Background()
	e := exampleEngine()
	exampleContract(ctx, e, "Q-2026-0001", "Boulangerie Martin SARL")
	// The store behind faults: here, a database that restarts.
	faults := storetest.NewFaults(0, 1)
	restarting, err := billing.New(faults.Wrap(e.Store()), e.Desk(), billing.WithAccess(e.Access()))
	if err != nil {
		fmt.Println(err)
		return
	}

	faults.Outage(time.Hour)
	opts := billing.BillRunOptions{Retries: 2, RetryBackoff: time.Millisecond}
	rep, err := restarting.BillRun(ctx, "claire", date.MustParse("2026-04-01"), opts)
	if errors.Is(err, billing.ErrUnavailable) {
		fmt.Println("store unavailable after", rep.Retries, "retries:", len(rep.Invoices), "invoices")
	}

	faults.Outage(0) // the database is back
	rep, err = restarting.BillRun(ctx, "claire", date.MustParse("2026-04-01"), opts)
	fmt.Println(len(rep.Invoices), "invoice, error:", err)
	// Output:
	// store unavailable after 2 retries: 0 invoices
	// 1 invoice, error: <nil>
}

// A call whose commit had an unknown outcome may have been kept: the host
// reads back what it wrote before doing it again. A payment's ID tells
// whether it was recorded.
func ExampleOutcomeUnknownError() {
	ctx := context.Background()
	april := time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC)
	e := exampleEngine(billing.WithClock(func() time.Time { return april }))
	c := exampleContract(ctx, e, "Q-2026-0001", "Boulangerie Martin SARL")
	if _, err := e.BillRun(ctx, "claire", date.MustParse("2026-04-01"), billing.BillRunOptions{Issue: true}); err != nil {
		fmt.Println(err)
		return
	}
	// The store behind faults: every commit is kept, and its answer lost.
	lossy, err := billing.New(storetest.NewFaults(1, 1, storetest.FaultCommitKept).Wrap(e.Store()), e.Desk(),
		billing.WithAccess(e.Access()), billing.WithClock(func() time.Time { return april }))
	if err != nil {
		fmt.Println(err)
		return
	}

	p := invoice.Payment{ID: uuid.New(), Customer: c.Customer, Amount: money.MustParse("1200.00 EUR"),
		Date: date.MustParse("2026-04-20"), Method: invoice.MethodTransfer}
	_, err = lossy.RecordPayment(ctx, "claire", p, invoice.AllocateOldestFirst())
	var unknown *billing.OutcomeUnknownError
	if errors.As(err, &unknown) {
		account, err := lossy.Statement(ctx, "claire", c.Customer, money.EUR)
		if err != nil {
			fmt.Println(err)
			return
		}
		recorded := false
		for _, r := range account.Payments {
			recorded = recorded || r.ID == p.ID
		}
		fmt.Println("outcome unknown; recorded:", recorded, "outstanding:", account.Outstanding)
	}
	// Output:
	// outcome unknown; recorded: true outstanding: 0.00 EUR
}
