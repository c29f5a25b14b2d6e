package quote_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/schedule"
)

// cents draws a decimal of n hundredths, n in [lo, hi].
func cents(t *rapid.T, lo, hi int64, label string) decimal.Decimal {
	return decimal.New(rapid.Int64Range(lo, hi).Draw(t, label), -2)
}

// Whatever the quantity, discount and milestone shares, the milestones bill
// exactly the negotiated amount, and every invoice line built from their
// charges calculates to its charge.
func TestPropertyMilestonesBillTheNegotiatedAmount(t *testing.T) {
	desk := newDesk(t)
	rapid.Check(t, func(t *rapid.T) {
		first := rapid.Int64Range(1, 98).Draw(t, "first")
		second := rapid.Int64Range(1, 99-first).Draw(t, "second")
		plan := milestones()
		plan.Milestones.Items[0].Percent = decimal.NewFromInt(first)
		plan.Milestones.Items[1].Percent = decimal.NewFromInt(second)
		in := baseInput()
		in.Lines = []quote.LineInput{{ID: "1", ProductID: "impl", Quantity: cents(t, 1, 100000, "quantity"),
			Discount: quote.Discount{Percent: cents(t, 0, 4000, "percent")}, Plan: plan}}
		q, err := desk.New(id(1), carol, in)
		require.NoError(t, err)
		require.NoError(t, q.Send(quoteDay))
		c, err := q.Accept(id(9), quoteDay)
		require.NoError(t, err)
		cl := c.Lines[0]
		reached := map[string]date.Date{"Kick-off": day("2026-04-01"), "Delivery": day("2026-05-01"), "Acceptance": day("2026-06-01")}
		charges, err := cl.Charges(date.Range{Start: day("2026-01-01"), End: day("2027-01-01")}, schedule.Inputs{Reached: reached})
		require.NoError(t, err)
		require.Len(t, charges, 3)
		billed := money.Zero(money.EUR)
		for _, ch := range charges {
			line, err := cl.InvoiceLine("1", ch)
			require.NoError(t, err)
			net := calculated(t, line, money.EUR).NetAmount
			assert.True(t, ch.Amount.Equal(net), "charge %s, invoice line %s", ch.Amount, net)
			assert.Equal(t, cl.Quantity, line.Quantity)
			billed, err = billed.Add(net)
			require.NoError(t, err)
		}
		assert.True(t, billed.Equal(q.Totals().TaxExclusive), "billed %s, quoted %s", billed, q.Totals().TaxExclusive)
	})
}

// A discount needs the approval of the lowest level whose limit covers it,
// and the percent shown is never below the discount granted.
func TestPropertyApprovalFollowsTheLimits(t *testing.T) {
	desk := newDesk(t)
	rapid.Check(t, func(t *rapid.T) {
		pct := decimal.New(rapid.Int64Range(1, 40000).Draw(t, "millipercent"), -3)
		q, err := desk.New(id(1), alice, withLine(baseInput(), 0, func(l *quote.LineInput) { l.Discount.Percent = pct }))
		require.NoError(t, err)
		want := ""
		switch {
		case pct.GreaterThan(dec("25")):
			want = "finance"
		case pct.GreaterThan(dec("10")):
			want = "sales_manager"
		}
		if want == "" {
			assert.Empty(t, q.Requirements())
		} else {
			require.Len(t, q.Requirements(), 1)
			assert.Equal(t, want, q.Requirements()[0].Level)
		}
		shown := q.Lines()[0].DiscountPercent
		assert.True(t, shown.GreaterThanOrEqual(pct) && shown.LessThan(pct.Add(dec("0.01"))), "%s shown for %s", shown, pct)
	})
}

// An amount off needs approval exactly when it is over the author's share
// of the list amount: 10 % of 10000.00 EUR.
func TestPropertyAmountOffFollowsTheLimits(t *testing.T) {
	desk := newDesk(t)
	rapid.Check(t, func(t *rapid.T) {
		off := cents(t, 1, 400000, "amount")
		q, err := desk.New(id(1), alice, withLine(baseInput(), 0, func(l *quote.LineInput) {
			l.Discount.Amount = money.New(off, money.EUR)
		}))
		require.NoError(t, err)
		assert.Equal(t, off.GreaterThan(dec("1000")), q.NeedsApproval())
		net, _ := q.Line("1")
		assert.Equal(t, dec("10000").Sub(off).String(), net.NetAmount.Number().String())
	})
}

// Usage is billed at the negotiated terms whatever the quantity: the
// invoice line of a usage charge needs no adjustment.
func TestPropertyUsageNeedsNoAdjustment(t *testing.T) {
	l := usageContract(t, "")
	rapid.Check(t, func(t *rapid.T) {
		used := decimal.New(rapid.Int64Range(0, 100_000_000).Draw(t, "thousandths"), -3)
		records := schedule.UsageRecords{{Date: day("2026-04-10"), Quantity: used}}
		charges, err := l.Charges(month("2026-05-01"), schedule.Inputs{Usage: records})
		require.NoError(t, err)
		require.Len(t, charges, 1, "April is billed on May 1st")
		line, err := l.InvoiceLine("1", charges[0])
		require.NoError(t, err)
		assert.Empty(t, line.Charges)
		assert.Len(t, line.Allowances, 1, "only the negotiated discount")
		assert.True(t, charges[0].Amount.Equal(calculated(t, line, money.EUR).NetAmount))
	})
}
