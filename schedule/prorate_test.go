package schedule

import (
	"encoding/json"
	"testing"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func ptr(a money.Amount) *money.Amount { return &a }

func billed(period date.Range, amount string) *Billed {
	return &Billed{Period: period, Amount: amt(amount)}
}

var april = span("2026-04-01", "2026-05-01")

// outcome is what a test checks of an Adjustment.
type outcome struct {
	effective string
	credits   []string
	preview   []string
	net       string
	before    string // the old plan's end, or "" when there is none
	after     string // the new plan's start, or "" when there is none
}

func outcomeOf(adj Adjustment) outcome {
	o := outcome{
		effective: adj.Effective.String(), credits: amounts(adj.Credits),
		preview: amounts(adj.Preview), net: adj.Net.String(),
	}
	if adj.Before != nil {
		o.before = adj.Before.Recurring.End.String()
	}
	if adj.After != nil {
		o.after = adj.After.Recurring.Start.String()
	}
	return o
}

// Vectors marked "Acceptance vector" come from the issue; the others are
// worked out by hand, as their comments show.
func TestProrate(t *testing.T) {
	advance := recurring(t, "2026-01-01", "100.00 EUR")
	arrears := recurring(t, "2026-01-01", "100.00 EUR", inArrears)
	tests := []struct {
		name   string
		plan   Plan
		change Change
		want   outcome
	}{
		{
			// Acceptance vector: 100 EUR/month upgraded to 200 EUR/month
			// half way through a 30-day period billed in advance.
			name: "upgrade half way, in advance",
			plan: advance,
			change: Change{Kind: ChangeUpgrade, Effective: day("2026-04-16"), Amount: ptr(amt("200.00 EUR")),
				Billed: billed(april, "100.00 EUR")},
			want: outcome{"2026-04-16", []string{"-50.00 EUR"}, []string{"100.00 EUR"}, "50.00 EUR", "2026-05-01", "2026-04-16"},
		},
		{
			// 10 of 30 days used: 33.33 kept, 66.67 credited.
			name:   "cancellation in advance, period billed",
			plan:   advance,
			change: Change{Kind: ChangeCancel, Effective: day("2026-04-11"), Billed: billed(april, "100.00 EUR")},
			want:   outcome{"2026-04-11", []string{"-66.67 EUR"}, []string{}, "-66.67 EUR", "2026-05-01", ""},
		},
		{
			name:   "cancellation in advance, period not billed yet",
			plan:   advance,
			change: Change{Kind: ChangeCancel, Effective: day("2026-04-11")},
			want:   outcome{"2026-04-11", []string{}, []string{"33.33 EUR"}, "33.33 EUR", "2026-04-11", ""},
		},
		{
			name:   "cancellation in arrears",
			plan:   arrears,
			change: Change{Kind: ChangeCancel, Effective: day("2026-04-11")},
			want:   outcome{"2026-04-11", []string{}, []string{"33.33 EUR"}, "33.33 EUR", "2026-04-11", ""},
		},
		{
			name:   "cancellation at next period",
			plan:   advance,
			change: Change{Kind: ChangeCancel, Effective: day("2026-04-11"), Policy: AtNextPeriod, Billed: billed(april, "100.00 EUR")},
			want:   outcome{"2026-05-01", []string{}, []string{}, "0.00 EUR", "2026-05-01", ""},
		},
		{
			name:   "cancellation without proration, in arrears",
			plan:   arrears,
			change: Change{Kind: ChangeCancel, Effective: day("2026-04-11"), Policy: NoProration},
			want:   outcome{"2026-04-11", []string{}, []string{"100.00 EUR"}, "100.00 EUR", "2026-05-01", ""},
		},
		{
			name:   "cancellation on the first day of a billed period credits it all",
			plan:   advance,
			change: Change{Kind: ChangeCancel, Effective: day("2026-04-01"), Billed: billed(april, "100.00 EUR")},
			want:   outcome{"2026-04-01", []string{"-100.00 EUR"}, []string{}, "-100.00 EUR", "2026-05-01", ""},
		},
		{
			name:   "cancellation on the first day of the plan, not billed",
			plan:   advance,
			change: Change{Kind: ChangeCancel, Effective: day("2026-01-01")},
			want:   outcome{"2026-01-01", []string{}, []string{}, "0.00 EUR", "", ""},
		},
		{
			// Paused for the last 20 days of April (66.67 credited), back
			// on May 21: 11 of May's 31 days, 35.48, billed by the new plan.
			name: "pause with a resume date, in advance",
			plan: advance,
			change: Change{Kind: ChangePause, Effective: day("2026-04-11"), Resume: day("2026-05-21"),
				Billed: billed(april, "100.00 EUR")},
			want: outcome{"2026-04-11", []string{"-66.67 EUR"}, []string{}, "-66.67 EUR", "2026-05-01", "2026-05-21"},
		},
		{
			name:   "pause and resume within the period, in arrears",
			plan:   arrears,
			change: Change{Kind: ChangePause, Effective: day("2026-04-11"), Resume: day("2026-04-21")},
			// 10 days before the pause, 10 days after it.
			want: outcome{"2026-04-11", []string{}, []string{"33.33 EUR", "33.33 EUR"}, "66.66 EUR", "2026-04-11", "2026-04-21"},
		},
		{
			name:   "pause at next period, open-ended",
			plan:   advance,
			change: Change{Kind: ChangePause, Effective: day("2026-04-11"), Policy: AtNextPeriod},
			want:   outcome{"2026-05-01", []string{}, []string{"100.00 EUR"}, "100.00 EUR", "2026-05-01", ""},
		},
		{
			name:   "resume",
			plan:   advance,
			change: Change{Kind: ChangeResume, Effective: day("2026-05-21")},
			want:   outcome{"2026-05-21", []string{}, []string{"35.48 EUR"}, "35.48 EUR", "", "2026-05-21"},
		},
		{
			name:   "resume at next period",
			plan:   advance,
			change: Change{Kind: ChangeResume, Effective: day("2026-05-21"), Policy: AtNextPeriod},
			want:   outcome{"2026-06-01", []string{}, []string{}, "0.00 EUR", "", "2026-06-01"},
		},
		{
			name:   "resume on a period boundary at next period",
			plan:   advance,
			change: Change{Kind: ChangeResume, Effective: day("2026-06-01"), Policy: AtNextPeriod},
			want:   outcome{"2026-06-01", []string{}, []string{"100.00 EUR"}, "100.00 EUR", "", "2026-06-01"},
		},
		{
			name:   "resume without proration",
			plan:   advance,
			change: Change{Kind: ChangeResume, Effective: day("2026-05-21"), Policy: NoProration},
			want:   outcome{"2026-05-21", []string{}, []string{"0.00 EUR"}, "0.00 EUR", "", "2026-05-21"},
		},
		{
			// 10 seats at 12 EUR to 15 seats on April 21: 20 of 30 days
			// used (80.00 kept, 40.00 credited), 10 days at 180.00 (60.00).
			name: "quantity change in advance",
			plan: recurring(t, "2026-01-01", "120.00 EUR"),
			change: Change{Kind: ChangeQuantity, Effective: day("2026-04-21"), Amount: ptr(amt("180.00 EUR")),
				Billed: billed(april, "120.00 EUR")},
			want: outcome{"2026-04-21", []string{"-40.00 EUR"}, []string{"60.00 EUR"}, "20.00 EUR", "2026-05-01", "2026-04-21"},
		},
		{
			name:   "downgrade in arrears",
			plan:   arrears,
			change: Change{Kind: ChangeDowngrade, Effective: day("2026-04-16"), Amount: ptr(amt("40.00 EUR"))},
			want:   outcome{"2026-04-16", []string{}, []string{"50.00 EUR", "20.00 EUR"}, "70.00 EUR", "2026-04-16", "2026-04-16"},
		},
		{
			name: "upgrade at next period",
			plan: advance,
			change: Change{Kind: ChangeUpgrade, Effective: day("2026-04-16"), Amount: ptr(amt("200.00 EUR")),
				Policy: AtNextPeriod, Billed: billed(april, "100.00 EUR")},
			want: outcome{"2026-05-01", []string{}, []string{}, "0.00 EUR", "2026-05-01", "2026-05-01"},
		},
		{
			name: "upgrade without proration",
			plan: advance,
			change: Change{Kind: ChangeUpgrade, Effective: day("2026-04-16"), Amount: ptr(amt("200.00 EUR")),
				Policy: NoProration, Billed: billed(april, "100.00 EUR")},
			want: outcome{"2026-04-16", []string{}, []string{"0.00 EUR"}, "0.00 EUR", "2026-05-01", "2026-04-16"},
		},
		{
			name: "upgrade without proration on a period boundary",
			plan: advance,
			change: Change{Kind: ChangeUpgrade, Effective: day("2026-04-01"), Amount: ptr(amt("200.00 EUR")),
				Policy: NoProration},
			want: outcome{"2026-04-01", []string{}, []string{"100.00 EUR"}, "100.00 EUR", "2026-05-01", "2026-05-01"},
		},
		{
			name:   "upgrade on a period boundary before it is billed",
			plan:   advance,
			change: Change{Kind: ChangeUpgrade, Effective: day("2026-04-01"), Amount: ptr(amt("200.00 EUR"))},
			want:   outcome{"2026-04-01", []string{}, []string{"200.00 EUR"}, "200.00 EUR", "2026-04-01", "2026-04-01"},
		},
		{
			name: "upgrade on a period boundary after it is billed",
			plan: advance,
			change: Change{Kind: ChangeUpgrade, Effective: day("2026-04-01"), Amount: ptr(amt("200.00 EUR")),
				Billed: billed(april, "100.00 EUR")},
			want: outcome{"2026-04-01", []string{"-100.00 EUR"}, []string{"200.00 EUR"}, "100.00 EUR", "2026-05-01", "2026-04-01"},
		},
		{
			// The credit comes from what was billed (a discounted 80.00),
			// not from the price.
			name: "credit from the amount actually billed",
			plan: advance,
			change: Change{Kind: ChangeUpgrade, Effective: day("2026-04-16"), Amount: ptr(amt("200.00 EUR")),
				Billed: billed(april, "80.00 EUR")},
			want: outcome{"2026-04-16", []string{"-40.00 EUR"}, []string{"100.00 EUR"}, "60.00 EUR", "2026-05-01", "2026-04-16"},
		},
		{
			// 1000 JPY, 10 of 30 days used: 333 kept, 667 credited.
			name:   "JPY cancellation",
			plan:   recurring(t, "2026-01-01", "1000 JPY"),
			change: Change{Kind: ChangeCancel, Effective: day("2026-04-11"), Billed: billed(april, "1000 JPY")},
			want:   outcome{"2026-04-11", []string{"-667 JPY"}, []string{}, "-667 JPY", "2026-05-01", ""},
		},
		{
			// A recurring discount: what was billed is negative, and so
			// its unused part is given back as a positive amount.
			name:   "cancellation of a plan of a negative amount",
			plan:   recurring(t, "2026-01-01", "-10.00 EUR"),
			change: Change{Kind: ChangeCancel, Effective: day("2026-04-11"), Billed: billed(april, "-10.00 EUR")},
			want:   outcome{"2026-04-11", []string{"6.67 EUR"}, []string{}, "6.67 EUR", "2026-05-01", ""},
		},
		{
			// 30E/360: February 1 to 15 is 14 of 30 days, 46.67 used.
			name: "30E/360 cancellation",
			plan: recurring(t, "2026-01-01", "100.00 EUR", withRule(DayCount30E360)),
			change: Change{Kind: ChangeCancel, Effective: day("2026-02-15"),
				Billed: billed(span("2026-02-01", "2026-03-01"), "100.00 EUR")},
			want: outcome{"2026-02-15", []string{"-53.33 EUR"}, []string{}, "-53.33 EUR", "2026-03-01", ""},
		},
		{
			// Average month: 14 days are 168/365 of a month, 46.03 used.
			name: "average month cancellation",
			plan: recurring(t, "2026-01-01", "100.00 EUR", withRule(DayCountAverageMonth)),
			change: Change{Kind: ChangeCancel, Effective: day("2026-02-15"),
				Billed: billed(span("2026-02-01", "2026-03-01"), "100.00 EUR")},
			want: outcome{"2026-02-15", []string{"-53.97 EUR"}, []string{}, "-53.97 EUR", "2026-03-01", ""},
		},
		{
			// Whole months: 2.5 months of an annual plan use 3 of 12.
			name: "whole months cancellation",
			plan: recurring(t, "2026-01-01", "1200.00 EUR", withRule(DayCountWholeMonths), withInterval(Year, 1)),
			change: Change{Kind: ChangeCancel, Effective: day("2026-03-16"),
				Billed: billed(span("2026-01-01", "2027-01-01"), "1200.00 EUR")},
			want: outcome{"2026-03-16", []string{"-900.00 EUR"}, []string{}, "-900.00 EUR", "2027-01-01", ""},
		},
		{
			// Anchored on the 31st: the period is [Feb 28, Mar 31), 31
			// days; 10 used (32.26), 21 credited (67.74) and re-billed at
			// 200 (135.48).
			name: "upgrade of a plan anchored on the 31st",
			plan: recurring(t, "2026-01-31", "100.00 EUR"),
			change: Change{Kind: ChangeUpgrade, Effective: day("2026-03-10"), Amount: ptr(amt("200.00 EUR")),
				Billed: billed(span("2026-02-28", "2026-03-31"), "100.00 EUR")},
			want: outcome{"2026-03-10", []string{"-67.74 EUR"}, []string{"135.48 EUR"}, "67.74 EUR", "2026-03-31", "2026-03-10"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			adj, err := Prorate(tt.plan, tt.change)
			require.NoError(t, err)
			assert.Equal(t, tt.want, outcomeOf(adj))
			if adj.Before != nil {
				assert.NoError(t, adj.Before.Validate())
			}
			if adj.After != nil {
				assert.NoError(t, adj.After.Validate())
			}
		})
	}
}

// A change keeps the plan's period boundaries whatever its alignment: the
// new plan bills the rest of the changed period and renews on the day the
// old one would have. The figures use actual days in half-open periods:
// the effective date is the first day under the new terms and counts among
// the days credited and billed again.
func TestProrateKeepsPeriodBoundaries(t *testing.T) {
	tests := []struct {
		name   string
		plan   Plan
		change Change
		until  string   // the end of the window of the new plan's charges
		credit string   // the credit, "" when there is none
		net    string   // what the change period still costs
		after  []string // the new plan's charges from its start to until
	}{
		{
			// Acceptance vector. [2026-04-11, 2027-01-01) is 265 days
			// (20 in April, 245 from May to December) of 365, so 100 are
			// used. 1200 × 100/365 = 328.767 keeps 328.77 and credits
			// 871.23; 2400 × 100/365 = 657.534 rounds to 657.53, and the
			// new plan bills 2400 - 657.53 = 1742.47 (2400 × 265/365 =
			// 1742.466 too). Net 871.24. The figures agree; 264
			// days would leave April 11 unbilled.
			name: "yearly on billing day 1",
			plan: recurring(t, "2026-01-01", "1200.00 EUR", withInterval(Year, 1), withBillingDay(1)),
			change: Change{Kind: ChangeUpgrade, Effective: day("2026-04-11"), Amount: ptr(amt("2400.00 EUR")),
				Billed: billed(span("2026-01-01", "2027-01-01"), "1200.00 EUR")},
			until: "2028-01-02", credit: "-871.23 EUR", net: "871.24 EUR",
			after: []string{
				"2026-04-11: 1742.47 EUR = 2400.00 EUR × 265/365 days (2026-04-11..2026-12-31)",
				"2027-01-01: 2400.00 EUR = 2400.00 EUR for the full period 2027-01-01..2027-12-31",
				"2028-01-01: 2400.00 EUR = 2400.00 EUR for the full period 2028-01-01..2028-12-31",
			},
		},
		{
			// [2026-04-15, 2026-07-15) is 30 + 31 + 30 = 91 days, 16 used
			// by May 1 and 75 left. 300 × 16/91 = 52.747 keeps 52.75 and
			// credits 247.25; 600 × 16/91 = 105.495 rounds to 105.49, so
			// the new plan bills 494.51. Net 247.26.
			name: "quarterly on the 15th",
			plan: recurring(t, "2026-01-15", "300.00 EUR", withInterval(Quarter, 1), withBillingDay(15)),
			change: Change{Kind: ChangeUpgrade, Effective: day("2026-05-01"), Amount: ptr(amt("600.00 EUR")),
				Billed: billed(span("2026-04-15", "2026-07-15"), "300.00 EUR")},
			until: "2026-10-16", credit: "-247.25 EUR", net: "247.26 EUR",
			after: []string{
				"2026-05-01: 494.51 EUR = 600.00 EUR × 75/91 days (2026-05-01..2026-07-14)",
				"2026-07-15: 600.00 EUR = 600.00 EUR for the full period 2026-07-15..2026-10-14",
				"2026-10-15: 600.00 EUR = 600.00 EUR for the full period 2026-10-15..2027-01-14",
			},
		},
		{
			// [2026-03-01, 2026-05-01) is 61 days, 41 used by April 11.
			// 100 × 41/61 = 67.213 keeps 67.21 and credits 32.79;
			// 200 × 41/61 = 134.426 rounds to 134.43, so the new plan bills
			// 65.57. Net 32.78.
			name: "every two months on the calendar",
			plan: recurring(t, "2026-01-01", "100.00 EUR", withInterval(Month, 2), withCalendar),
			change: Change{Kind: ChangeUpgrade, Effective: day("2026-04-11"), Amount: ptr(amt("200.00 EUR")),
				Billed: billed(span("2026-03-01", "2026-05-01"), "100.00 EUR")},
			until: "2026-07-02", credit: "-32.79 EUR", net: "32.78 EUR",
			after: []string{
				"2026-04-11: 65.57 EUR = 200.00 EUR × 20/61 days (2026-04-11..2026-04-30)",
				"2026-05-01: 200.00 EUR = 200.00 EUR for the full period 2026-05-01..2026-06-30",
				"2026-07-01: 200.00 EUR = 200.00 EUR for the full period 2026-07-01..2026-08-31",
			},
		},
		{
			// Two weeks from Monday March 2: 9 of 14 days used by
			// Wednesday March 11. 140 × 9/14 = 90 kept, 50 credited;
			// 280 - 180 = 100 billed. Net 50.
			name: "every two weeks on the calendar",
			plan: recurring(t, "2026-03-02", "140.00 EUR", withInterval(Week, 2), withCalendar),
			change: Change{Kind: ChangeUpgrade, Effective: day("2026-03-11"), Amount: ptr(amt("280.00 EUR")),
				Billed: billed(span("2026-03-02", "2026-03-16"), "140.00 EUR")},
			until: "2026-03-31", credit: "-50.00 EUR", net: "50.00 EUR",
			after: []string{
				"2026-03-11: 100.00 EUR = 280.00 EUR × 5/14 days (2026-03-11..2026-03-15)",
				"2026-03-16: 280.00 EUR = 280.00 EUR for the full period 2026-03-16..2026-03-29",
				"2026-03-30: 280.00 EUR = 280.00 EUR for the full period 2026-03-30..2026-04-12",
			},
		},
		{
			// Paused on May 1 (247.25 credited, as above), back on August
			// 1: [2026-08-01, 2026-10-15) is 75 of the 92 days of
			// [2026-07-15, 2026-10-15), 300 × 75/92 = 244.565, 244.57.
			name: "resumption on a quarterly billing day plan",
			plan: recurring(t, "2026-01-15", "300.00 EUR", withInterval(Quarter, 1), withBillingDay(15)),
			change: Change{Kind: ChangePause, Effective: day("2026-05-01"), Resume: day("2026-08-01"),
				Billed: billed(span("2026-04-15", "2026-07-15"), "300.00 EUR")},
			until: "2027-01-15", credit: "-247.25 EUR", net: "-247.25 EUR",
			after: []string{
				"2026-08-01: 244.57 EUR = 300.00 EUR × 75/92 days (2026-08-01..2026-10-14)",
				"2026-10-15: 300.00 EUR = 300.00 EUR for the full period 2026-10-15..2027-01-14",
			},
		},
		{
			name: "yearly on billing day 1, at the next period",
			plan: recurring(t, "2026-01-01", "1200.00 EUR", withInterval(Year, 1), withBillingDay(1)),
			change: Change{Kind: ChangeUpgrade, Effective: day("2026-04-11"), Amount: ptr(amt("2400.00 EUR")),
				Policy: AtNextPeriod, Billed: billed(span("2026-01-01", "2027-01-01"), "1200.00 EUR")},
			until: "2028-01-02", net: "0.00 EUR",
			after: []string{
				"2027-01-01: 2400.00 EUR = 2400.00 EUR for the full period 2027-01-01..2027-12-31",
				"2028-01-01: 2400.00 EUR = 2400.00 EUR for the full period 2028-01-01..2028-12-31",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			adj, err := Prorate(tt.plan, tt.change)
			require.NoError(t, err)
			require.NotNil(t, adj.After)
			require.NoError(t, adj.After.Validate())
			var credit string
			if len(adj.Credits) > 0 {
				credit = adj.Credits[0].Amount.String()
			}
			assert.Equal(t, tt.credit, credit)
			assert.Equal(t, tt.net, adj.Net.String())
			charges, err := adj.After.Charges(date.Range{Start: adj.After.Recurring.Start, End: day(tt.until)}, Inputs{})
			require.NoError(t, err)
			assert.Equal(t, tt.after, strs(charges))
		})
	}
}

// A change to the same price is neutral under every day-count rule: the
// new plan bills exactly what the credit gave back, and the parts billed
// before and after a change split the period's amount exactly, so the
// changed period costs what it would have cost unchanged, to the unit.
func TestProrateSamePriceIsNeutral(t *testing.T) {
	yearly := withInterval(Year, 1)
	tests := []struct {
		name    string
		plan    Plan
		change  Change // its Amount is the plan's
		credits []string
		preview []string
	}{
		{
			// January, February and the started March are 3 of 12 months
			// used: 300 kept, 900 credited, and the new plan bills the 9
			// months credited. Measured anew from March 16 the rest would
			// be 10 started months, 1000.00: 1300.00 for the year.
			name: "whole months, billed",
			plan: recurring(t, "2026-01-01", "1200.00 EUR", withRule(DayCountWholeMonths), yearly),
			change: Change{Kind: ChangeQuantity, Effective: day("2026-03-16"),
				Billed: billed(span("2026-01-01", "2027-01-01"), "1200.00 EUR")},
			credits: []string{"-900.00 EUR"}, preview: []string{"900.00 EUR"},
		},
		{
			name:    "whole months, in arrears",
			plan:    recurring(t, "2026-01-01", "1200.00 EUR", withRule(DayCountWholeMonths), yearly, inArrears),
			change:  Change{Kind: ChangeQuantity, Effective: day("2026-03-16")},
			credits: []string{}, preview: []string{"300.00 EUR", "900.00 EUR"},
		},
		{
			// The leading period [2026-03-16, 2027-01-01) is 10 started
			// months, 1000.00. By May 20, 3 of them are used (300 kept,
			// 700 credited), and the new plan bills the 7 left, not the 8
			// started months from May 20.
			name: "whole months, in a leading partial period",
			plan: recurring(t, "2026-03-16", "1200.00 EUR", withRule(DayCountWholeMonths), yearly, withCalendar),
			change: Change{Kind: ChangeQuantity, Effective: day("2026-05-20"),
				Billed: billed(span("2026-03-16", "2027-01-01"), "1000.00 EUR")},
			credits: []string{"-700.00 EUR"}, preview: []string{"700.00 EUR"},
		},
		{
			// 15 days of January are 180/365 of an average month: 49.32
			// kept, 50.68 credited. The 16 days left would measure
			// 192/365 anew, 52.60: 101.92 for January.
			name: "average month, billed",
			plan: recurring(t, "2026-01-01", "100.00 EUR", withRule(DayCountAverageMonth)),
			change: Change{Kind: ChangeQuantity, Effective: day("2026-01-16"),
				Billed: billed(span("2026-01-01", "2026-02-01"), "100.00 EUR")},
			credits: []string{"-50.68 EUR"}, preview: []string{"50.68 EUR"},
		},
		{
			// 14 days of February are 168/365: 46.03 kept, 53.97 credited,
			// where the 14 days left would measure 46.03 anew.
			name: "average month, February",
			plan: recurring(t, "2026-01-01", "100.00 EUR", withRule(DayCountAverageMonth)),
			change: Change{Kind: ChangeQuantity, Effective: day("2026-02-15"),
				Billed: billed(span("2026-02-01", "2026-03-01"), "100.00 EUR")},
			credits: []string{"-53.97 EUR"}, preview: []string{"53.97 EUR"},
		},
		{
			// Acceptance vector: half of 1001 JPY is 500.5. The largest
			// remainder gives the tied unit to the earlier part: 501 used,
			// 500 credited, and the new plan bills those 500, not 501.
			name: "exact tie, billed",
			plan: recurring(t, "2026-01-01", "1001 JPY"),
			change: Change{Kind: ChangeQuantity, Effective: day("2026-04-16"),
				Billed: billed(april, "1001 JPY")},
			credits: []string{"-500 JPY"}, preview: []string{"500 JPY"},
		},
		{
			name:    "exact tie, in arrears",
			plan:    recurring(t, "2026-01-01", "1001 JPY", inArrears),
			change:  Change{Kind: ChangeQuantity, Effective: day("2026-04-16")},
			credits: []string{}, preview: []string{"501 JPY", "500 JPY"},
		},
		{
			// February 16 is half way through February under 30E/360.
			name: "exact tie under 30E/360",
			plan: recurring(t, "2026-01-01", "1001 JPY", withRule(DayCount30E360)),
			change: Change{Kind: ChangeQuantity, Effective: day("2026-02-16"),
				Billed: billed(span("2026-02-01", "2026-03-01"), "1001 JPY")},
			credits: []string{"-500 JPY"}, preview: []string{"500 JPY"},
		},
		{
			// April was billed in full from April 11: the plan counts the
			// days from April 1, so 20 of 30 are used by April 21.
			name: "leading period billed in full",
			plan: recurring(t, "2026-04-11", "100.00 EUR", withCalendar, withLeading(LeadingFull)),
			change: Change{Kind: ChangeQuantity, Effective: day("2026-04-21"),
				Billed: billed(span("2026-04-11", "2026-05-01"), "100.00 EUR")},
			credits: []string{"-33.33 EUR"}, preview: []string{"33.33 EUR"},
		},
		{
			name: "leading period billed in full, changed on its first day",
			plan: recurring(t, "2026-04-11", "100.00 EUR", withCalendar, withLeading(LeadingFull)),
			change: Change{Kind: ChangeQuantity, Effective: day("2026-04-11"),
				Billed: billed(span("2026-04-11", "2026-05-01"), "100.00 EUR")},
			credits: []string{"-100.00 EUR"}, preview: []string{"100.00 EUR"},
		},
		{
			// The days up to May 1 are free, and stay free.
			name: "free leading period",
			plan: recurring(t, "2026-04-11", "100.00 EUR", withCalendar, withLeading(LeadingFree)),
			change: Change{Kind: ChangeQuantity, Effective: day("2026-04-21"),
				Billed: billed(span("2026-04-11", "2026-05-01"), "0.00 EUR")},
			credits: []string{"0.00 EUR"}, preview: []string{"0.00 EUR"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.plan.Recurring
			tt.change.Amount = &r.Amount
			adj, err := Prorate(tt.plan, tt.change)
			require.NoError(t, err)
			assert.Equal(t, tt.credits, amounts(adj.Credits))
			assert.Equal(t, tt.preview, amounts(adj.Preview))
			cost := adj.Net
			if tt.change.Billed != nil {
				cost, err = cost.Add(tt.change.Billed.Amount)
				require.NoError(t, err)
			}
			assert.Equal(t, unchangedCost(t, tt.plan, adj.Period).String(), cost.String(), "the changed period's cost")
		})
	}
}

// unchangedCost returns what plan bills for its period, unchanged.
func unchangedCost(t testing.TB, plan Plan, period date.Range) money.Amount {
	t.Helper()
	cs, err := plan.Charges(date.Range{Start: period.Start, End: period.End.AddDays(1)}, Inputs{})
	require.NoError(t, err)
	for _, c := range cs {
		if c.Period == period {
			return c.Amount
		}
	}
	t.Fatalf("no charge for %s", period)
	return money.Amount{}
}

// The new plan carries what keeps it on the old boundaries and prices the
// rest of the period, and a host that stores it as JSON gets it back whole.
func TestProrateAfterJSON(t *testing.T) {
	adj, err := Prorate(recurring(t, "2026-01-01", "1200.00 EUR", withInterval(Year, 1), withBillingDay(1)), Change{
		Kind: ChangeUpgrade, Effective: day("2026-04-11"), Amount: ptr(amt("2400.00 EUR")),
		Billed: billed(span("2026-01-01", "2027-01-01"), "1200.00 EUR"),
	})
	require.NoError(t, err)
	data, err := json.Marshal(adj.After)
	require.NoError(t, err)
	assert.JSONEq(t, `{"kind":"recurring","recurring":{
		"interval":{"unit":"year","count":1},"start":"2026-04-11","alignment":"billing_day","billing_day":1,
		"anchor":"2026-01-01","amount":{"amount":"2400.00","currency":"EUR"},"leading":"prorate",
		"prorate_from":"2026-01-01"}}`, string(data))
	var back Plan
	require.NoError(t, json.Unmarshal(data, &back))
	window := span("2026-01-01", "2028-01-02")
	want, err := adj.After.Charges(window, Inputs{})
	require.NoError(t, err)
	got, err := back.Charges(window, Inputs{})
	require.NoError(t, err)
	assert.Equal(t, strs(want), strs(got))
}

func TestProrateExplanations(t *testing.T) {
	adj, err := Prorate(recurring(t, "2026-01-01", "100.00 EUR"), Change{
		Kind: ChangeUpgrade, Effective: day("2026-04-16"), Amount: ptr(amt("200.00 EUR")),
		Billed: billed(april, "100.00 EUR"),
	})
	require.NoError(t, err)
	require.Len(t, adj.Credits, 1)
	assert.Equal(t, "credit for unused 100.00 EUR × 15/30 days (2026-04-16..2026-04-30)", adj.Credits[0].Explanation.String())
	assert.Equal(t, span("2026-04-16", "2026-05-01"), adj.Credits[0].Period)
	assert.Equal(t, day("2026-04-16"), adj.Credits[0].BillingDate)
	require.Len(t, adj.Preview, 1)
	assert.Equal(t, "200.00 EUR × 15/30 days (2026-04-16..2026-04-30)", adj.Preview[0].Explanation.String())
	assert.Equal(t, april, adj.Period)
}

// The plans an adjustment returns bill every later period exactly once,
// under the new terms and on the old boundaries.
func TestProrateBeforeAndAfterTileTheFuture(t *testing.T) {
	plan := recurring(t, "2026-01-31", "100.00 EUR")
	adj, err := Prorate(plan, Change{
		Kind: ChangeUpgrade, Effective: day("2026-03-10"), Amount: ptr(amt("200.00 EUR")),
		Billed: billed(span("2026-02-28", "2026-03-31"), "100.00 EUR"),
	})
	require.NoError(t, err)
	window := span("2026-03-11", "2026-07-01")
	before, err := adj.Before.Charges(window, Inputs{})
	require.NoError(t, err)
	assert.Empty(t, before)
	after, err := adj.After.Charges(window, Inputs{})
	require.NoError(t, err)
	assert.Equal(t, []string{
		"2026-03-31: 200.00 EUR = 200.00 EUR for the full period 2026-03-31..2026-04-29",
		"2026-04-30: 200.00 EUR = 200.00 EUR for the full period 2026-04-30..2026-05-30",
		"2026-05-31: 200.00 EUR = 200.00 EUR for the full period 2026-05-31..2026-06-29",
		"2026-06-30: 200.00 EUR = 200.00 EUR for the full period 2026-06-30..2026-07-30",
	}, strs(after))
}

// A second change in the same period credits what the first one billed.
func TestProrateTwiceInOnePeriod(t *testing.T) {
	first, err := Prorate(recurring(t, "2026-01-01", "100.00 EUR"), Change{
		Kind: ChangeUpgrade, Effective: day("2026-04-16"), Amount: ptr(amt("200.00 EUR")),
		Billed: billed(april, "100.00 EUR"),
	})
	require.NoError(t, err)
	require.Len(t, first.Preview, 1)
	rest := first.Preview[0]

	// On April 26, 10 of the 15 days billed at 200 are used (66.67) and 5
	// are credited (33.33); 5 days at 50 cost 8.33.
	second, err := Prorate(*first.After, Change{
		Kind: ChangeDowngrade, Effective: day("2026-04-26"), Amount: ptr(amt("50.00 EUR")),
		Billed: &Billed{Period: rest.Period, Amount: rest.Amount},
	})
	require.NoError(t, err)
	assert.Equal(t, outcome{"2026-04-26", []string{"-33.33 EUR"}, []string{"8.33 EUR"}, "-25.00 EUR", "2026-05-01", "2026-04-26"},
		outcomeOf(second))
}

// BenchmarkProrate prorates one upgrade.
func BenchmarkProrate(b *testing.B) {
	plan := recurring(b, "2020-01-01", "100.00 EUR")
	change := Change{Kind: ChangeUpgrade, Effective: day("2026-04-16"), Amount: ptr(amt("200.00 EUR")),
		Billed: billed(april, "100.00 EUR")}
	b.ReportAllocs()
	for b.Loop() {
		adj, err := Prorate(plan, change)
		if err != nil {
			b.Fatal(err)
		}
		sinkAdjustment = adj
	}
}

// BenchmarkProrateContract previews one upgrade of a ten-line contract:
// lines of every alignment, several intervals and day-count rules, billed
// in advance (their current period billed) or in arrears. The target is
// under 50 µs for the contract.
func BenchmarkProrateContract(b *testing.B) {
	lines := []Plan{
		recurring(b, "2026-01-31", "100.00 EUR"),
		recurring(b, "2026-01-01", "1200.00 EUR", withInterval(Year, 1), withBillingDay(1)),
		recurring(b, "2025-10-15", "300.00 EUR", withInterval(Quarter, 1), withBillingDay(15)),
		recurring(b, "2026-01-01", "100.00 EUR", withInterval(Month, 2), withCalendar),
		recurring(b, "2026-03-02", "140.00 EUR", withInterval(Week, 2), withCalendar),
		recurring(b, "2026-01-01", "1001 JPY", inArrears),
		recurring(b, "2026-01-01", "1200.00 EUR", withInterval(Year, 1), withRule(DayCountWholeMonths)),
		recurring(b, "2026-01-01", "100.00 EUR", withRule(DayCountAverageMonth)),
		recurring(b, "2026-01-01", "100.00 EUR", withRule(DayCount30E360)),
		recurring(b, "2025-07-01", "900.00 EUR", withInterval(Quarter, 1), withCalendar, inArrears),
	}
	x := day("2026-04-11")
	changes := make([]Change, len(lines))
	for i, plan := range lines {
		r := plan.Recurring
		changes[i] = Change{Kind: ChangeUpgrade, Effective: x, Amount: ptr(r.Amount.Mul(decimal.NewFromInt(2)))}
		if r.Timing == InArrears {
			continue
		}
		periods, err := plan.Periods(date.Range{Start: x, End: x.AddDays(1)})
		require.NoError(b, err)
		cs, err := plan.Charges(date.Range{Start: periods[0].Start, End: periods[0].Start.AddDays(1)}, Inputs{})
		require.NoError(b, err)
		changes[i].Billed = &Billed{Period: periods[0], Amount: cs[0].Amount}
	}
	b.ReportAllocs()
	for b.Loop() {
		for i, plan := range lines {
			adj, err := Prorate(plan, changes[i])
			if err != nil {
				b.Fatal(err)
			}
			sinkAdjustment = adj
		}
	}
}
