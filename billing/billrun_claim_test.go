package billing_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/store/memory"
	"github.com/billkit/billkit/store/storetest"
)

// claimingStore is a memory store shared by several engines, with claims
// held in a set: what a database shared by several instances offers.
type claimingStore struct {
	*memory.Store
	mu     sync.Mutex
	claims map[string]bool
}

func (s *claimingStore) take(key string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.claims[key] {
		return false
	}
	s.claims[key] = true
	return true
}

func (s *claimingStore) release(key string) {
	s.mu.Lock()
	delete(s.claims, key)
	s.mu.Unlock()
}

func (s *claimingStore) Claim(ctx context.Context, key string, fn func(billing.Tx) error) (bool, error) {
	if !s.take(key) {
		return false, nil
	}
	defer s.release(key)
	return true, s.Update(ctx, fn)
}

func (s *claimingStore) ClaimEach(ctx context.Context, keys []string, fn func(billing.Tx, []bool) error) error {
	claimed := make([]bool, len(keys))
	for i, k := range keys {
		if claimed[i] = s.take(k); claimed[i] {
			defer s.release(k)
		}
	}
	return s.Update(ctx, func(tx billing.Tx) error { return fn(tx, claimed) })
}

var _ billing.Claimer = (*claimingStore)(nil)

// sharedEngines returns two engines over one claiming store, as two
// application instances over one database.
func sharedEngines(t *testing.T) (*claimingStore, *billing.Engine, *billing.Engine) {
	t.Helper()
	st := &claimingStore{Store: memory.NewStore(), claims: map[string]bool{}}
	f := newFixture(t)
	a, err := billing.New(st, f.engine.Desk(), billing.WithAccess(f.engine.Access()))
	require.NoError(t, err)
	b, err := billing.New(st, f.engine.Desk(), billing.WithAccess(f.engine.Access()))
	require.NoError(t, err)
	return st, a, b
}

func TestBillRunSplitsClaimedCustomers(t *testing.T) {
	ctx := context.Background()
	st, a, b := sharedEngines(t)
	n := contractCount() / 5
	storetest.PutContracts(t, st, storetest.MonthlyContract(t, a.Desk()), n)

	var reps [2]billing.BillRunReport
	var wg sync.WaitGroup
	for i, e := range []*billing.Engine{a, b} {
		wg.Go(func() {
			var err error
			reps[i], err = e.BillRun(ctx, carol, may1, billing.BillRunOptions{Workers: 2})
			assert.NoError(t, err)
		})
	}
	wg.Wait()
	for _, r := range reps {
		require.Empty(t, r.Failures)
		// Two charges (April and May) per contract: each contract was
		// billed by this run, found billed, or left to the other one.
		assert.Equal(t, n, r.Billed/2+r.AlreadyBilled/2+r.Elsewhere)
	}
	assert.Equal(t, n, len(reps[0].Invoices)+len(reps[1].Invoices), "every customer billed once")
	assert.Equal(t, 2*n, reps[0].Billed+reps[1].Billed)
	assert.Len(t, storedInvoices(t, a), n)
}

func TestBillRunLeavesClaimedCustomer(t *testing.T) {
	ctx := context.Background()
	st, a, _ := sharedEngines(t)
	storetest.PutContracts(t, st, storetest.MonthlyContract(t, a.Desk()), 3)
	key := "billrun/" + storedContracts(t, st)[1].Customer
	require.True(t, st.take(key))

	rep, err := a.BillRun(ctx, carol, may1, billing.BillRunOptions{})
	require.NoError(t, err)
	assert.Equal(t, 1, rep.Elsewhere)
	assert.Len(t, rep.Invoices, 2, "the claimed customer is left to its holder")

	st.release(key)
	rep, err = a.BillRun(ctx, carol, may1, billing.BillRunOptions{})
	require.NoError(t, err)
	assert.Zero(t, rep.Elsewhere)
	assert.Len(t, rep.Invoices, 1, "the next run bills it")
	assert.Equal(t, 4, rep.AlreadyBilled)
}

// storedContracts returns the stored contracts in ID order.
func storedContracts(t *testing.T, st billing.Store) []billing.Contract {
	t.Helper()
	var out []billing.Contract
	require.NoError(t, st.View(context.Background(), func(tx billing.Tx) error {
		recs, err := tx.Contracts().Scan(context.Background(), "", 0)
		for _, r := range recs {
			out = append(out, r.Value)
		}
		return err
	}))
	return out
}

// brokenClaimer is a shared store whose claims fail, as a database that
// cannot be reached.
type brokenClaimer struct{ *memory.Store }

var errDown = errors.New("database down")

func (brokenClaimer) Claim(context.Context, string, func(billing.Tx) error) (bool, error) {
	return false, errDown
}

func (brokenClaimer) ClaimEach(context.Context, []string, func(billing.Tx, []bool) error) error {
	return errDown
}

// A claim that fails is a failure, not a customer left to another
// instance.
func TestBillRunReportsFailedClaims(t *testing.T) {
	f := newFixture(t)
	st := brokenClaimer{memory.NewStore()}
	storetest.PutContracts(t, st, storetest.MonthlyContract(t, f.engine.Desk()), 10)
	e, err := billing.New(st, f.engine.Desk(), billing.WithAccess(f.engine.Access()))
	require.NoError(t, err)
	for _, batch := range []int{1, 5} {
		rep, err := e.BillRun(context.Background(), carol, may1, billing.BillRunOptions{Batch: batch})
		require.NoError(t, err)
		assert.Zero(t, rep.Elsewhere, "batch %d", batch)
		require.Len(t, rep.Failures, 10, "batch %d", batch)
		for _, fl := range rep.Failures {
			assert.ErrorIs(t, fl.Err, errDown)
		}
	}
}
