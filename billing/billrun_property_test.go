package billing_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/store/storetest"
)

// flakyStore fails each Update with a probability, from a seeded source:
// a store that loses its connection now and then.
type flakyStore struct {
	billing.Store
	mu   sync.Mutex
	rng  *rand.Rand
	fail float64
}

func (s *flakyStore) Update(ctx context.Context, fn func(billing.Tx) error) error {
	s.mu.Lock()
	failed := s.rng.Float64() < s.fail
	s.mu.Unlock()
	if failed {
		return errCrash
	}
	return s.Store.Update(ctx, fn)
}

// Whatever part of a run fails, the run reports every contract billed,
// failed or skipped, keeps whole invoices only, and the next run bills
// exactly what remains: each customer once in all, whether its batch was
// guessed unbilled or not. A part fails either as a store that crashes
// (an error a retry would not cure), or as one that loses its database
// (storetest.Faults: transactions refused, cut short, or committed with
// an unknown outcome, kept or not), retried or not.
func TestBillRunResumesAfterAnyFailures(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	tmpl := storetest.MonthlyContract(t, f.engine.Desk())
	rapid.Check(t, func(rt *rapid.T) {
		n := rapid.IntRange(1, 40).Draw(rt, "contracts")
		opts := billing.BillRunOptions{Workers: 1, Batch: rapid.IntRange(1, 12).Draw(rt, "batch"), RetryBackoff: time.Microsecond}
		g := newFixture(t)
		storetest.PutContracts(t, g.store, tmpl, n)
		rate := rapid.SampledFrom([]float64{0, 0.2, 0.5, 0.9}).Draw(rt, "failure rate")
		seed := rapid.Uint64().Draw(rt, "seed")
		var st billing.Store = &flakyStore{Store: g.store, fail: rate, rng: rand.New(rand.NewPCG(seed, 1))}
		if rapid.Bool().Draw(rt, "transient") {
			st = storetest.Faulty(g.store, rate, seed)
			opts.Retries = rapid.SampledFrom([]int{-1, 1, 2}).Draw(rt, "retries")
		}
		e, err := billing.New(st, g.engine.Desk(), billing.WithAccess(g.engine.Access()))
		if err != nil {
			rt.Fatal(err)
		}

		first, err := e.BillRun(ctx, carol, may1, opts)
		if err != nil && !errors.Is(err, billing.ErrUnavailable) {
			rt.Fatal(err)
		}
		billed, unknown := len(first.Invoices), 0
		for _, fl := range first.Failures {
			if errors.As(fl.Err, new(*billing.OutcomeUnknownError)) {
				unknown++
			}
		}
		switch {
		case err != nil && first.Contracts == 0: // the contracts could not be read
		case billed+len(first.Failures)+first.Skipped != n || first.Billed != 2*billed:
			rt.Fatalf("first run: %d invoices, %d failures, %d skipped, %d charges for %d contracts",
				billed, len(first.Failures), first.Skipped, first.Billed, n)
		case err == nil && first.Skipped > 0:
			rt.Fatalf("first run: %d contracts skipped, and no error", first.Skipped)
		}
		stored := len(storedInvoices(t, g.engine))
		if stored < billed || stored > billed+unknown {
			rt.Fatalf("first run: %d invoices stored, %d reported, %d of unknown outcome", stored, billed, unknown)
		}

		second, err := g.engine.BillRun(ctx, carol, may1, opts)
		if err != nil || len(second.Failures) > 0 {
			rt.Fatalf("second run: %v, %v", err, second.Failures)
		}
		if len(second.Invoices) != n-stored || second.AlreadyBilled != 2*stored || second.Billed != 2*(n-stored) {
			rt.Fatalf("second run after %d of %d: %d invoices, %d charges billed, %d already billed",
				stored, n, len(second.Invoices), second.Billed, second.AlreadyBilled)
		}
		buyers := map[string]bool{}
		for _, inv := range storedInvoices(t, g.engine) {
			if buyers[inv.Document.Buyer.Name] {
				rt.Fatalf("%s billed twice", inv.Document.Buyer.Name)
			}
			buyers[inv.Document.Buyer.Name] = true
		}
		if len(buyers) != n {
			rt.Fatalf("%d customers billed of %d", len(buyers), n)
		}
	})
}
