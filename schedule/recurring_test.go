package schedule

import (
	"fmt"
	"testing"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// Vectors marked "Acceptance vector" come from the issue; the others are
// worked out by hand, as their comments show.
func TestRecurringCharges(t *testing.T) {
	type charge struct{ billed, period, amount string }
	tests := []struct {
		name   string
		plan   Plan
		window date.Range
		want   []charge
	}{
		{
			name:   "monthly in advance bills each period on its first day",
			plan:   recurring(t, "2026-01-01", "100.00 EUR"),
			window: span("2026-01-01", "2026-04-01"),
			want: []charge{
				{"2026-01-01", "2026-01-01..2026-01-31", "100.00 EUR"},
				{"2026-02-01", "2026-02-01..2026-02-28", "100.00 EUR"},
				{"2026-03-01", "2026-03-01..2026-03-31", "100.00 EUR"},
			},
		},
		{
			name:   "monthly in arrears bills each period the day after it",
			plan:   recurring(t, "2026-01-01", "100.00 EUR", inArrears),
			window: span("2026-01-01", "2026-04-01"),
			want: []charge{
				{"2026-02-01", "2026-01-01..2026-01-31", "100.00 EUR"},
				{"2026-03-01", "2026-02-01..2026-02-28", "100.00 EUR"},
			},
		},
		{
			// Acceptance vector: billed in arrears, plan ends after 14 of
			// 31 days at 100 EUR a month: 100 × 14/31 = 45.16.
			name:   "in arrears ending after 14 of 31 days",
			plan:   recurring(t, "2026-01-01", "100.00 EUR", inArrears, withEnd("2026-03-15")),
			window: span("2026-03-01", "2026-04-01"),
			want: []charge{
				{"2026-03-01", "2026-02-01..2026-02-28", "100.00 EUR"},
				{"2026-03-15", "2026-03-01..2026-03-14", "45.16 EUR"},
			},
		},
		{
			name:   "JPY proration rounds to whole yen",
			plan:   recurring(t, "2026-01-01", "1000 JPY", inArrears, withEnd("2026-03-15")),
			window: span("2026-03-02", "2026-04-01"),
			want:   []charge{{"2026-03-15", "2026-03-01..2026-03-14", "452 JPY"}},
		},
		{
			// Measured from April 1, the days from April 16 are worth
			// 1001 - round(1001 × 15/30) = 1001 - 501 = 500: what a plan
			// billing the first half of April leaves, not round(500.5).
			name: "a leading period prorated from the period's start",
			plan: recurring(t, "2026-04-16", "1001 JPY", withCalendar, func(r *Recurring) {
				r.ProrateFrom = day("2026-04-01")
			}),
			window: span("2026-04-01", "2026-05-02"),
			want: []charge{
				{"2026-04-16", "2026-04-16..2026-04-30", "500 JPY"},
				{"2026-05-01", "2026-05-01..2026-05-31", "1001 JPY"},
			},
		},
		{
			// Under whole months, the days from March 16 are 12 - 3 = 9 of
			// a year's 12 months measured from January 1, not the 10
			// months started from March 16.
			name: "a leading period prorated from the period's start under whole months",
			plan: recurring(t, "2026-03-16", "1200.00 EUR", withCalendar, withInterval(Year, 1),
				withRule(DayCountWholeMonths), func(r *Recurring) { r.ProrateFrom = day("2026-01-01") }),
			window: span("2026-03-16", "2026-03-17"),
			want:   []charge{{"2026-03-16", "2026-03-16..2026-12-31", "900.00 EUR"}},
		},
		{
			name:   "in advance the trailing partial period is billed on its first day",
			plan:   recurring(t, "2026-01-01", "100.00 EUR", withEnd("2026-03-15")),
			window: span("2026-03-01", "2026-04-01"),
			want:   []charge{{"2026-03-01", "2026-03-01..2026-03-14", "45.16 EUR"}},
		},
		{
			// 17 of January's 31 days: 54.84.
			name:   "leading partial period prorated",
			plan:   recurring(t, "2026-01-15", "100.00 EUR", withCalendar),
			window: span("2026-01-01", "2026-02-02"),
			want: []charge{
				{"2026-01-15", "2026-01-15..2026-01-31", "54.84 EUR"},
				{"2026-02-01", "2026-02-01..2026-02-28", "100.00 EUR"},
			},
		},
		{
			name:   "leading partial period free",
			plan:   recurring(t, "2026-01-15", "100.00 EUR", withCalendar, withLeading(LeadingFree)),
			window: span("2026-01-01", "2026-02-01"),
			want:   []charge{{"2026-01-15", "2026-01-15..2026-01-31", "0.00 EUR"}},
		},
		{
			name:   "leading partial period at full price",
			plan:   recurring(t, "2026-01-15", "100.00 EUR", withCalendar, withLeading(LeadingFull)),
			window: span("2026-01-01", "2026-02-01"),
			want:   []charge{{"2026-01-15", "2026-01-15..2026-01-31", "100.00 EUR"}},
		},
		{
			name:   "leading partial period in arrears",
			plan:   recurring(t, "2026-01-15", "100.00 EUR", withCalendar, inArrears),
			window: span("2026-01-01", "2026-02-02"),
			want:   []charge{{"2026-02-01", "2026-01-15..2026-01-31", "54.84 EUR"}},
		},
		{
			// 10 of January's 31 days.
			name:   "a plan shorter than one period",
			plan:   recurring(t, "2026-01-10", "100.00 EUR", withCalendar, withEnd("2026-01-20")),
			window: span("2026-01-01", "2026-12-01"),
			want:   []charge{{"2026-01-10", "2026-01-10..2026-01-19", "32.26 EUR"}},
		},
		{
			// Full price from January 1, cut by the end on January 20: 19/31.
			name:   "full-price leading period cut by the end",
			plan:   recurring(t, "2026-01-10", "100.00 EUR", withCalendar, withLeading(LeadingFull), withEnd("2026-01-20")),
			window: span("2026-01-01", "2026-12-01"),
			want:   []charge{{"2026-01-10", "2026-01-10..2026-01-19", "61.29 EUR"}},
		},
		{
			// 30E/360: February 1 to 15 is 14 of 30 days, 46.67 (actual
			// days would give 14/28 = 50.00).
			name:   "30E/360 trailing period",
			plan:   recurring(t, "2026-01-01", "100.00 EUR", inArrears, withEnd("2026-02-15"), withRule(DayCount30E360)),
			window: span("2026-02-02", "2026-03-01"),
			want:   []charge{{"2026-02-15", "2026-02-01..2026-02-14", "46.67 EUR"}},
		},
		{
			// Average month: 14 days of 365/12, 100 × 168/365 = 46.03.
			name:   "average month trailing period",
			plan:   recurring(t, "2026-01-01", "100.00 EUR", inArrears, withEnd("2026-02-15"), withRule(DayCountAverageMonth)),
			window: span("2026-02-02", "2026-03-01"),
			want:   []charge{{"2026-02-15", "2026-02-01..2026-02-14", "46.03 EUR"}},
		},
		{
			// Whole months: an annual plan ended after 2.5 months bills
			// 3 of 12 months.
			name: "whole months trailing period",
			plan: recurring(t, "2026-01-01", "1200.00 EUR", inArrears, withEnd("2026-03-16"),
				withRule(DayCountWholeMonths), withInterval(Year, 1)),
			window: span("2026-01-01", "2027-01-01"),
			want:   []charge{{"2026-03-16", "2026-01-01..2026-03-15", "300.00 EUR"}},
		},
		{
			// The week of Thursday March 5 has 4 days left: 4/7 × 70.
			name:   "weekly calendar plan",
			plan:   recurring(t, "2026-03-05", "70.00 EUR", withInterval(Week, 1), withCalendar),
			window: span("2026-03-01", "2026-03-17"),
			want: []charge{
				{"2026-03-05", "2026-03-05..2026-03-08", "40.00 EUR"},
				{"2026-03-09", "2026-03-09..2026-03-15", "70.00 EUR"},
				{"2026-03-16", "2026-03-16..2026-03-22", "70.00 EUR"},
			},
		},
		{
			name: "quarterly on billing day 31",
			plan: recurring(t, "2026-01-31", "300.00 EUR", withInterval(Quarter, 1), func(r *Recurring) {
				r.Alignment, r.BillingDay = AlignBillingDay, 31
			}),
			window: span("2026-01-01", "2027-01-01"),
			want: []charge{
				{"2026-01-31", "2026-01-31..2026-04-29", "300.00 EUR"},
				{"2026-04-30", "2026-04-30..2026-07-30", "300.00 EUR"},
				{"2026-07-31", "2026-07-31..2026-10-30", "300.00 EUR"},
				{"2026-10-31", "2026-10-31..2027-01-30", "300.00 EUR"},
			},
		},
		{
			name:   "a charge billed on the window's end belongs to the next window",
			plan:   recurring(t, "2026-01-01", "100.00 EUR"),
			window: span("2026-01-02", "2026-02-01"),
			want:   []charge{},
		},
		{
			name:   "window before the plan",
			plan:   recurring(t, "2026-01-01", "100.00 EUR", inArrears),
			window: span("2025-01-01", "2026-01-01"),
			want:   []charge{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, err := tt.plan.Charges(tt.window, Inputs{})
			require.NoError(t, err)
			got := make([]charge, len(cs))
			for i, c := range cs {
				got[i] = charge{c.BillingDate.String(), c.Period.String(), c.Amount.String()}
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestRecurringChargeExplanations(t *testing.T) {
	plan := recurring(t, "2026-01-15", "100.00 EUR", withCalendar, withRule(DayCount30E360))
	cs, err := plan.Charges(span("2026-01-01", "2026-03-01"), Inputs{})
	require.NoError(t, err)
	assert.Equal(t, []string{
		"2026-01-15: 53.33 EUR = 100.00 EUR × 16/30 days (2026-01-15..2026-01-31, 30E/360)",
		"2026-02-01: 100.00 EUR = 100.00 EUR for the full period 2026-02-01..2026-02-28",
	}, strs(cs))

	free := recurring(t, "2026-01-15", "100.00 EUR", withCalendar, withLeading(LeadingFree))
	cs, err = free.Charges(span("2026-01-01", "2026-02-01"), Inputs{})
	require.NoError(t, err)
	assert.Equal(t, []string{
		"2026-01-15: 0.00 EUR = no charge for the leading partial period 2026-01-15..2026-01-31 (100.00 EUR per full period)",
	}, strs(cs))

	full := recurring(t, "2026-01-15", "100.00 EUR", withCalendar, withLeading(LeadingFull))
	cs, err = full.Charges(span("2026-01-01", "2026-02-01"), Inputs{})
	require.NoError(t, err)
	assert.Equal(t, []string{
		"2026-01-15: 100.00 EUR for 2026-01-15..2026-01-31 = 100.00 EUR, the full price of the period 2026-01-01..2026-01-31",
	}, strs(cs))
}

func TestRecurringValidate(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*Recurring)
		field string
		code  string
	}{
		{"no amount", func(r *Recurring) { r.Amount = money.Amount{} }, "amount", validation.CodeRequired},
		{"amount finer than the currency", func(r *Recurring) { r.Amount = amt("10.005 EUR") }, "amount", validation.CodeInvalid},
		{"yen with decimals", func(r *Recurring) { r.Amount = amt("10.5 JPY") }, "amount", validation.CodeInvalid},
		{"unknown timing", func(r *Recurring) { r.Timing = "whenever" }, "timing", validation.CodeNotAllowed},
		{"unknown leading policy", func(r *Recurring) { r.Leading = "half" }, "leading", validation.CodeNotAllowed},
		{"unknown day count", func(r *Recurring) { r.DayCount = "act/360" }, "day_count", validation.CodeNotAllowed},
		{"average month on weeks", func(r *Recurring) {
			r.DayCount, r.Interval = DayCountAverageMonth, Interval{Unit: Week}
		}, "day_count", validation.CodeNotAllowed},
		{"30E/360 on days", func(r *Recurring) {
			r.DayCount, r.Interval = DayCount30E360, Interval{Unit: Day}
		}, "day_count", validation.CodeNotAllowed},
		{"cycle fault", func(r *Recurring) { r.Start = date.Date{} }, "start", validation.CodeRequired},
		{"prorated from after the start", func(r *Recurring) { r.ProrateFrom = day("2026-01-11") },
			"prorate_from", validation.CodeOutOfRange},
		{"prorated from the previous period", func(r *Recurring) { r.ProrateFrom = day("2025-12-31") },
			"prorate_from", validation.CodeOutOfRange},
		{"prorated from, with a free leading period", func(r *Recurring) {
			r.ProrateFrom, r.Leading = day("2026-01-01"), LeadingFree
		}, "prorate_from", validation.CodeForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := *recurring(t, "2026-01-10", "100.00 EUR", withCalendar).Recurring
			tt.edit(&r)
			requireFault(t, r.Validate(), tt.field, tt.code)
			_, err := RecurringPlan(r).Charges(span("2026-01-01", "2026-02-01"), Inputs{})
			requireFault(t, err, "recurring."+tt.field, tt.code)
		})
	}
}

func TestRecurringAmountWithTrailingZerosIsAtPrecision(t *testing.T) {
	r := *recurring(t, "2026-01-01", "100.00 EUR").Recurring
	r.Amount = amt("100.000 EUR")
	assert.NoError(t, r.Validate())
}

// genRecurring draws a valid recurring plan.
func genRecurring(t *rapid.T) Plan {
	c := genCycle(t)
	r := Recurring{
		Cycle:    c,
		Amount:   money.FromMinor(rapid.Int64Range(0, 1_000_000).Draw(t, "minor"), money.EUR),
		Timing:   rapid.SampledFrom([]Timing{InAdvance, InArrears}).Draw(t, "timing"),
		Leading:  rapid.SampledFrom([]LeadingPolicy{LeadingProrate, LeadingFree, LeadingFull}).Draw(t, "leading"),
		DayCount: rapid.SampledFrom(DayCounts()).Draw(t, "day_count"),
	}
	if (r.Interval.Months() == 0 && r.DayCount == DayCountAverageMonth) ||
		(r.Interval.Unit == Day && r.DayCount == DayCount30E360) {
		r.DayCount = DayCountActual
	}
	return RecurringPlan(r)
}

// chargeKey identifies a charge completely, for comparisons.
func chargeKey(c Charge) string {
	return fmt.Sprintf("%s|%s|%s|%s|%s", c.BillingDate, c.Period, c.Amount, c.Label, c.Explanation)
}

// Property: the charges of [a, c) are exactly the charges of [a, b)
// followed by those of [b, c), so consecutive bill runs never bill twice or
// miss a charge.
func TestChargesSplitWindowProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var plan Plan
		if rapid.IntRange(0, 3).Draw(t, "kind") == 0 {
			plan = genInstallments(t)
		} else {
			plan = genRecurring(t)
		}
		a := date.MustParse("2019-06-01").AddDays(rapid.IntRange(0, 3500).Draw(t, "a"))
		b := a.AddDays(rapid.IntRange(1, 400).Draw(t, "b"))
		c := b.AddDays(rapid.IntRange(1, 400).Draw(t, "c"))
		whole, err := plan.Charges(date.Range{Start: a, End: c}, Inputs{})
		if err != nil {
			t.Fatal(err)
		}
		first, err := plan.Charges(date.Range{Start: a, End: b}, Inputs{})
		if err != nil {
			t.Fatal(err)
		}
		second, err := plan.Charges(date.Range{Start: b, End: c}, Inputs{})
		if err != nil {
			t.Fatal(err)
		}
		parts := append(first, second...)
		if len(parts) != len(whole) {
			t.Fatalf("[%s, %s) gives %d charges, split at %s %d", a, c, len(whole), b, len(parts))
		}
		for i := range whole {
			if chargeKey(whole[i]) != chargeKey(parts[i]) {
				t.Fatalf("charge %d differs: %s vs %s", i, chargeKey(whole[i]), chargeKey(parts[i]))
			}
		}
	})
}

// BenchmarkChargesMonth computes the charges of one monthly plan for one
// month, as a bill run does for every contract line.
func BenchmarkChargesMonth(b *testing.B) {
	plan := recurring(b, "2020-01-31", "100.00 EUR")
	window := span("2026-03-01", "2026-04-01")
	b.ReportAllocs()
	for b.Loop() {
		cs, err := plan.Charges(window, Inputs{})
		if err != nil {
			b.Fatal(err)
		}
		sinkCharges = cs
	}
}

// BenchmarkChargesMonthProrated is the same for a month whose period is
// prorated: the plan ends on March 15.
func BenchmarkChargesMonthProrated(b *testing.B) {
	plan := recurring(b, "2020-01-01", "100.00 EUR", withEnd("2026-03-15"))
	window := span("2026-03-01", "2026-04-01")
	b.ReportAllocs()
	for b.Loop() {
		cs, err := plan.Charges(window, Inputs{})
		if err != nil {
			b.Fatal(err)
		}
		sinkCharges = cs
	}
}
