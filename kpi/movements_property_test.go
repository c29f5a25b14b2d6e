package kpi_test

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/kpi"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/schedule"
)

// randomContracts draws up to 30 contracts of up to 8 customers, with
// recurring lines of any unit, count and amount (discount lines included),
// starting and ending anywhere in 2025-2027, and some one-time lines.
func randomContracts(t *rapid.T) []*quote.Contract {
	base := day("2025-01-01")
	units := schedule.Units()
	n := rapid.IntRange(0, 30).Draw(t, "contracts")
	out := make([]*quote.Contract, n)
	for i := range out {
		c := &quote.Contract{Buyer: invoice.Party{Name: "customer-" + strconv.Itoa(rapid.IntRange(0, 7).Draw(t, "customer"))},
			Currency: money.EUR}
		for j := range rapid.IntRange(0, 3).Draw(t, "lines") {
			start := base.AddDays(rapid.IntRange(0, 900).Draw(t, "start"))
			amount := money.FromMinor(rapid.Int64Range(-5000, 500000).Draw(t, "amount"), money.EUR)
			if rapid.IntRange(0, 5).Draw(t, "kind") == 0 {
				c.Lines = append(c.Lines, quote.ContractLine{ID: strconv.Itoa(j), NetAmount: amount,
					Plan: schedule.OneTimePlan(start, amount)})
				continue
			}
			var end date.Date
			if rapid.Bool().Draw(t, "ends") {
				end = start.AddDays(rapid.IntRange(1, 700).Draw(t, "length"))
			}
			iv := schedule.Interval{Unit: rapid.SampledFrom(units).Draw(t, "unit"), Count: rapid.IntRange(0, 4).Draw(t, "count")}
			plan := schedule.RecurringPlan(schedule.Recurring{Cycle: schedule.Cycle{Interval: iv, Start: start, End: end}, Amount: amount})
			c.Lines = append(c.Lines, quote.ContractLine{ID: strconv.Itoa(j), NetAmount: amount, Start: start, End: end, Plan: plan})
		}
		out[i] = c
	}
	return out
}

// TestMRRMovementsIdentity checks, on random portfolios and days, that
// opening + new + reactivation + expansion − contraction − churn = closing
// exactly, that opening and closing are the MRR of each day, that each
// customer's movement is classified consistently and that the totals are
// the sums of the customers' movements.
func TestMRRMovementsIdentity(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		contracts := randomContracts(t)
		from := day("2024-12-01").AddDays(rapid.IntRange(0, 1100).Draw(t, "from"))
		to := from.AddDays(rapid.IntRange(1, 500).Draw(t, "span"))
		m, err := kpi.MRRMovements(contracts, from, to)
		require.NoError(t, err)
		assertIdentity(t, m)

		open, err := kpi.MRR(contracts, from)
		require.NoError(t, err)
		closing, err := kpi.MRR(contracts, to)
		require.NoError(t, err)
		require.True(t, m.Opening.Equal(open.MRR), "opening %s, MRR %s", m.Opening, open.MRR)
		require.True(t, m.Closing.Equal(closing.MRR), "closing %s, MRR %s", m.Closing, closing.MRR)

		sums := map[kpi.MovementKind]money.Amount{}
		for _, c := range m.Customers {
			o, cl := open.ByCustomer[c.Customer], closing.ByCustomer[c.Customer]
			require.True(t, c.Opening.Equal(o) && c.Closing.Equal(cl), "%s: %s -> %s", c.Customer, c.Opening, c.Closing)
			require.False(t, c.Change.IsZero())
			part := c.Change
			switch c.Kind {
			case kpi.MovementNew, kpi.MovementReactivation:
				require.True(t, c.Opening.IsZero())
			case kpi.MovementChurn:
				require.True(t, c.Closing.IsZero())
				part = c.Opening
			case kpi.MovementExpansion:
				require.True(t, c.Change.IsPositive() && !c.Opening.IsZero() && !c.Closing.IsZero())
			case kpi.MovementContraction:
				require.True(t, c.Change.IsNegative() && !c.Opening.IsZero() && !c.Closing.IsZero())
				part = c.Change.Neg()
			default:
				t.Fatalf("unknown kind %q", c.Kind)
			}
			sums[c.Kind], err = sums[c.Kind].Add(part)
			require.NoError(t, err)
		}
		for kind, total := range map[kpi.MovementKind]money.Amount{kpi.MovementNew: m.New,
			kpi.MovementReactivation: m.Reactivation, kpi.MovementExpansion: m.Expansion,
			kpi.MovementContraction: m.Contraction, kpi.MovementChurn: m.Churn} {
			require.True(t, sums[kind].Equal(total), "%s: Σ customers %s, total %s", kind, sums[kind], total)
		}
	})
}
