package billing_test

import (
	"context"
	"math/rand/v2"
	"sync"
	"testing"

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

// Whatever part of a run fails, the run reports every contract billed or
// failed, keeps whole invoices only, and the next run bills exactly what
// remains: each customer once in all, whether its batch was guessed
// unbilled or not.
func TestBillRunResumesAfterAnyFailures(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	tmpl := storetest.MonthlyContract(t, f.engine.Desk())
	rapid.Check(t, func(rt *rapid.T) {
		n := rapid.IntRange(1, 40).Draw(rt, "contracts")
		opts := billing.BillRunOptions{Workers: 1, Batch: rapid.IntRange(1, 12).Draw(rt, "batch")}
		g := newFixture(t)
		storetest.PutContracts(t, g.store, tmpl, n)
		flaky := &flakyStore{Store: g.store, fail: rapid.SampledFrom([]float64{0, 0.2, 0.5, 0.9}).Draw(rt, "failure rate"),
			rng: rand.New(rand.NewPCG(rapid.Uint64().Draw(rt, "seed"), 1))}
		e, err := billing.New(flaky, g.engine.Desk(), billing.WithAccess(g.engine.Access()))
		if err != nil {
			rt.Fatal(err)
		}

		first, err := e.BillRun(ctx, carol, may1, opts)
		if err != nil {
			rt.Fatal(err)
		}
		billed := len(first.Invoices)
		if billed+len(first.Failures) != n || first.Billed != 2*billed {
			rt.Fatalf("first run: %d invoices, %d failures, %d charges for %d contracts", billed, len(first.Failures), first.Billed, n)
		}
		if stored := len(storedInvoices(t, g.engine)); stored != billed {
			rt.Fatalf("first run: %d invoices stored, %d reported", stored, billed)
		}

		second, err := g.engine.BillRun(ctx, carol, may1, opts)
		if err != nil || len(second.Failures) > 0 {
			rt.Fatalf("second run: %v, %v", err, second.Failures)
		}
		if len(second.Invoices) != n-billed || second.AlreadyBilled != 2*billed || second.Billed != 2*(n-billed) {
			rt.Fatalf("second run after %d of %d: %d invoices, %d charges billed, %d already billed",
				billed, n, len(second.Invoices), second.Billed, second.AlreadyBilled)
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
