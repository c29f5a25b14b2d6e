package storetest

import (
	"context"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
)

// PutContracts stores n copies of tmpl in st, each a contract of its own
// for a customer of its own ("Customer 0", "Customer 1", ...), in
// transactions of at most 1,000, and returns their IDs in order. Bill-run
// tests and benchmarks of any store fill it this way.
func PutContracts(t testing.TB, st billing.Store, tmpl billing.Contract, n int) []string {
	t.Helper()
	return PutContractsFrom(t, st, tmpl, 0, n)
}

// PutContractsFrom is PutContracts for the customers numbered from first
// on: contracts for new customers after those PutContracts made.
func PutContractsFrom(t testing.TB, st billing.Store, tmpl billing.Contract, first, n int) []string {
	t.Helper()
	ids := make([]string, n)
	ctx := context.Background()
	for lo := 0; lo < n; lo += 1000 {
		require.NoError(t, st.Update(ctx, func(tx billing.Tx) error {
			for i := lo; i < min(lo+1000, n); i++ {
				c := tmpl.Clone()
				c.ID = billing.NewID()
				c.Buyer.Name = "Customer " + strconv.Itoa(first+i)
				c.Buyer.LegalID = strconv.Itoa(100000000 + first + i)
				c.Buyer.VATID = ""
				c.Customer = billing.CustomerKey(c.Buyer)
				for j := range c.Lines {
					c.Lines[j].ContractID = c.ID
				}
				ids[i] = c.ID.String()
				if _, err := tx.Contracts().Put(ctx, billing.Record[billing.Contract]{ID: ids[i], Value: c}); err != nil {
					return err
				}
			}
			return nil
		}))
	}
	return ids
}
