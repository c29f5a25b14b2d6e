package postgres_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/store/postgres"
	"github.com/billkit/billkit/store/storetest"
)

// Two transactions that update two contracts in opposite orders
// deadlock: PostgreSQL aborts one, which Update reports as a
// *postgres.RetryError wrapping billing.ErrConflict, and the other
// commits.
func TestDeadlockIsARetryError(t *testing.T) {
	a, b := openPair(t)
	ctx := context.Background()
	tmpl := storetest.MonthlyContract(t, storetest.Desk(t))
	ids := [2]string{billing.NewID().String(), billing.NewID().String()}
	require.NoError(t, a.Update(ctx, func(tx billing.Tx) error {
		for _, id := range ids {
			c := tmpl.Clone()
			if _, err := tx.Contracts().Put(ctx, billing.Record[billing.Contract]{ID: id, Value: c}); err != nil {
				return err
			}
		}
		return nil
	}))

	var firstDone sync.WaitGroup
	firstDone.Add(2)
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for i, st := range []*postgres.Store{a, b} {
		wg.Go(func() {
			errs[i] = st.Update(ctx, func(tx billing.Tx) error {
				for step, id := range []string{ids[i], ids[1-i]} {
					r, err := tx.Contracts().Get(ctx, id)
					if err != nil {
						return err
					}
					r.Value.PurchaseOrder = "PO-" + id
					if _, err := tx.Contracts().Put(ctx, r); err != nil {
						return err
					}
					if step == 0 { // both hold their first row before taking the other
						firstDone.Done()
						firstDone.Wait()
					}
				}
				return nil
			})
		})
	}
	wg.Wait()

	failed := 0
	for _, err := range errs {
		if err == nil {
			continue
		}
		failed++
		var retry *postgres.RetryError
		if assert.ErrorAs(t, err, &retry) {
			assert.Equal(t, "40P01", retry.Code)
		}
		assert.ErrorIs(t, err, billing.ErrConflict)
	}
	assert.Equal(t, 1, failed, "one transaction is aborted, the other commits: %v", errors.Join(errs...))
}
