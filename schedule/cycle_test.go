package schedule

import (
	"testing"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/validation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func TestCyclePeriods(t *testing.T) {
	tests := []struct {
		name   string
		cycle  Cycle
		window date.Range
		want   []string
	}{
		{
			// Acceptance vector: anchor on January 31 ends periods on
			// February 28, March 31, April 30 (half-open ends).
			name:   "anniversary Jan 31 clamps to month ends without drift",
			cycle:  Cycle{Interval: Interval{Unit: Month}, Start: day("2026-01-31")},
			window: span("2026-01-31", "2026-05-01"),
			want: []string{
				"[2026-01-31 2026-02-28)", "[2026-02-28 2026-03-31)",
				"[2026-03-31 2026-04-30)", "[2026-04-30 2026-05-31)",
			},
		},
		{
			name:   "anniversary Jan 31 in a leap year",
			cycle:  Cycle{Interval: Interval{Unit: Month}, Start: day("2024-01-31")},
			window: span("2024-01-31", "2024-03-31"),
			want:   []string{"[2024-01-31 2024-02-29)", "[2024-02-29 2024-03-31)"},
		},
		{
			// Acceptance vector: annual plan started 2024-02-29.
			name:   "annual from Feb 29 renews Feb 28 then Feb 29 in leap years",
			cycle:  Cycle{Interval: Interval{Unit: Year}, Start: day("2024-02-29")},
			window: span("2024-02-29", "2028-03-01"),
			want: []string{
				"[2024-02-29 2025-02-28)", "[2025-02-28 2026-02-28)", "[2026-02-28 2027-02-28)",
				"[2027-02-28 2028-02-29)", "[2028-02-29 2029-02-28)",
			},
		},
		{
			name:   "calendar month with a leading partial period",
			cycle:  Cycle{Interval: Interval{Unit: Month}, Start: day("2026-01-15"), Alignment: AlignCalendar},
			window: span("2026-01-01", "2026-03-01"),
			want:   []string{"[2026-01-15 2026-02-01)", "[2026-02-01 2026-03-01)"},
		},
		{
			name:   "calendar quarter",
			cycle:  Cycle{Interval: Interval{Unit: Quarter}, Start: day("2026-02-10"), Alignment: AlignCalendar},
			window: span("2026-02-10", "2026-07-02"),
			want:   []string{"[2026-02-10 2026-04-01)", "[2026-04-01 2026-07-01)", "[2026-07-01 2026-10-01)"},
		},
		{
			name:   "calendar year with an end",
			cycle:  Cycle{Interval: Interval{Unit: Year}, Start: day("2025-06-01"), End: day("2027-03-15"), Alignment: AlignCalendar},
			window: span("2020-01-01", "2030-01-01"),
			want:   []string{"[2025-06-01 2026-01-01)", "[2026-01-01 2027-01-01)", "[2027-01-01 2027-03-15)"},
		},
		{
			name:   "calendar weeks start on Monday",
			cycle:  Cycle{Interval: Interval{Unit: Week}, Start: day("2026-03-05"), Alignment: AlignCalendar}, // a Thursday
			window: span("2026-03-05", "2026-03-17"),
			want:   []string{"[2026-03-05 2026-03-09)", "[2026-03-09 2026-03-16)", "[2026-03-16 2026-03-23)"},
		},
		{
			name:   "two-week anniversary",
			cycle:  Cycle{Interval: Interval{Unit: Week, Count: 2}, Start: day("2026-03-05")},
			window: span("2026-03-20", "2026-04-03"),
			want:   []string{"[2026-03-19 2026-04-02)", "[2026-04-02 2026-04-16)"},
		},
		{
			name:   "daily",
			cycle:  Cycle{Interval: Interval{Unit: Day}, Start: day("2026-12-30"), End: day("2027-01-02")},
			window: span("2026-01-01", "2028-01-01"),
			want:   []string{"[2026-12-30 2026-12-31)", "[2026-12-31 2027-01-01)", "[2027-01-01 2027-01-02)"},
		},
		{
			name:   "billing day 15",
			cycle:  Cycle{Interval: Interval{Unit: Month}, Start: day("2026-01-03"), Alignment: AlignBillingDay, BillingDay: 15},
			window: span("2026-01-01", "2026-02-16"),
			want:   []string{"[2026-01-03 2026-01-15)", "[2026-01-15 2026-02-15)", "[2026-02-15 2026-03-15)"},
		},
		{
			name:   "billing day 31 starting after the month's clamped day",
			cycle:  Cycle{Interval: Interval{Unit: Month}, Start: day("2026-02-28"), Alignment: AlignBillingDay, BillingDay: 31},
			window: span("2026-02-28", "2026-05-01"),
			want:   []string{"[2026-02-28 2026-03-31)", "[2026-03-31 2026-04-30)", "[2026-04-30 2026-05-31)"},
		},
		{
			name:   "billing day 30 starting before it",
			cycle:  Cycle{Interval: Interval{Unit: Quarter}, Start: day("2026-01-10"), Alignment: AlignBillingDay, BillingDay: 30},
			window: span("2026-01-10", "2026-05-01"),
			want:   []string{"[2026-01-10 2026-01-30)", "[2026-01-30 2026-04-30)", "[2026-04-30 2026-07-30)"},
		},
		{
			name:   "anniversary with an earlier anchor keeps the anchor's boundaries",
			cycle:  Cycle{Interval: Interval{Unit: Month}, Start: day("2026-03-10"), Anchor: day("2026-01-31")},
			window: span("2026-03-10", "2026-04-01"),
			want:   []string{"[2026-03-10 2026-03-31)", "[2026-03-31 2026-04-30)"},
		},
		{
			// The plan continues, from March 10, one that began in
			// January: its periods are still counted from January 1.
			name: "calendar months by two with an anchor",
			cycle: Cycle{Interval: Interval{Unit: Month, Count: 2}, Start: day("2026-03-10"), Alignment: AlignCalendar,
				Anchor: day("2026-01-01")},
			window: span("2026-03-10", "2026-06-01"),
			want:   []string{"[2026-03-10 2026-05-01)", "[2026-05-01 2026-07-01)"},
		},
		{
			name: "billing day 31 with an anchor on February 28",
			cycle: Cycle{Interval: Interval{Unit: Quarter}, Start: day("2026-04-10"), Alignment: AlignBillingDay,
				BillingDay: 31, Anchor: day("2026-02-28")},
			window: span("2026-04-10", "2026-06-01"),
			want:   []string{"[2026-04-10 2026-05-31)", "[2026-05-31 2026-08-31)"},
		},
		{
			name:   "window before the start",
			cycle:  Cycle{Interval: Interval{Unit: Month}, Start: day("2026-01-01")},
			window: span("2025-01-01", "2026-01-01"),
			want:   []string{},
		},
		{
			name:   "window after the end",
			cycle:  Cycle{Interval: Interval{Unit: Month}, Start: day("2026-01-01"), End: day("2026-03-01")},
			window: span("2026-03-01", "2026-04-01"),
			want:   []string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.cycle.Periods(tt.window)
			require.NoError(t, err)
			out := make([]string, len(got))
			for i, p := range got {
				out[i] = "[" + p.Start.String() + " " + p.End.String() + ")"
			}
			assert.Equal(t, tt.want, out)
		})
	}
}

func TestCycleValidate(t *testing.T) {
	start := day("2026-01-01")
	tests := []struct {
		name  string
		cycle Cycle
		field string
		code  string
	}{
		{"missing unit", Cycle{Start: start}, "interval.unit", validation.CodeRequired},
		{"unknown unit", Cycle{Interval: Interval{Unit: "fortnight"}, Start: start}, "interval.unit", validation.CodeNotAllowed},
		{"negative count", Cycle{Interval: Interval{Unit: Month, Count: -1}, Start: start}, "interval.count", validation.CodeOutOfRange},
		{"huge count", Cycle{Interval: Interval{Unit: Month, Count: 1001}, Start: start}, "interval.count", validation.CodeOutOfRange},
		{"missing start", Cycle{Interval: Interval{Unit: Month}}, "start", validation.CodeRequired},
		{"end not after start", Cycle{Interval: Interval{Unit: Month}, Start: start, End: start}, "end", validation.CodeOutOfRange},
		{"unknown alignment", Cycle{Interval: Interval{Unit: Month}, Start: start, Alignment: "lunar"}, "alignment", validation.CodeNotAllowed},
		{"billing day without its alignment", Cycle{Interval: Interval{Unit: Month}, Start: start, BillingDay: 5}, "billing_day", validation.CodeForbidden},
		{"billing day 0", Cycle{Interval: Interval{Unit: Month}, Start: start, Alignment: AlignBillingDay}, "billing_day", validation.CodeOutOfRange},
		{"billing day 32", Cycle{Interval: Interval{Unit: Month}, Start: start, Alignment: AlignBillingDay, BillingDay: 32}, "billing_day", validation.CodeOutOfRange},
		{"billing day on weeks", Cycle{Interval: Interval{Unit: Week}, Start: start, Alignment: AlignBillingDay, BillingDay: 3}, "alignment", validation.CodeNotAllowed},
		{"calendar anchor inside a month", Cycle{Interval: Interval{Unit: Month}, Start: start, Alignment: AlignCalendar,
			Anchor: day("2025-12-15")}, "anchor", validation.CodeInvalid},
		{"calendar anchor inside a quarter", Cycle{Interval: Interval{Unit: Quarter}, Start: start, Alignment: AlignCalendar,
			Anchor: day("2025-12-01")}, "anchor", validation.CodeInvalid},
		{"calendar anchor inside a year", Cycle{Interval: Interval{Unit: Year}, Start: start, Alignment: AlignCalendar,
			Anchor: day("2025-07-01")}, "anchor", validation.CodeInvalid},
		{"calendar anchor on a Sunday", Cycle{Interval: Interval{Unit: Week}, Start: start, Alignment: AlignCalendar,
			Anchor: day("2025-12-28")}, "anchor", validation.CodeInvalid},
		{"anchor off the billing day", Cycle{Interval: Interval{Unit: Month}, Start: start, Alignment: AlignBillingDay,
			BillingDay: 31, Anchor: day("2025-12-30")}, "anchor", validation.CodeInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			requireFault(t, tt.cycle.Validate(), tt.field, tt.code)
			_, err := tt.cycle.Periods(span("2026-01-01", "2026-02-01"))
			requireFault(t, err, tt.field, tt.code)
		})
	}
}

func TestCyclePeriodsRejectsBadWindow(t *testing.T) {
	c := Cycle{Interval: Interval{Unit: Month}, Start: day("2026-01-01")}
	_, err := c.Periods(span("2026-02-01", "2026-01-01"))
	requireFault(t, err, "window", validation.CodeInvalid)
	_, err = c.Periods(date.Range{})
	requireFault(t, err, "window", validation.CodeInvalid)
}

// genCycle draws a valid cycle of any unit, count and alignment.
func genCycle(t *rapid.T) Cycle {
	unit := rapid.SampledFrom(Units()).Draw(t, "unit")
	c := Cycle{
		Interval: Interval{Unit: unit, Count: rapid.IntRange(0, 4).Draw(t, "count")},
		Start:    date.MustParse("2020-01-01").AddDays(rapid.IntRange(0, 3000).Draw(t, "start")),
	}
	switch rapid.IntRange(0, 2).Draw(t, "alignment") {
	case 1:
		c.Alignment = AlignCalendar
	case 2:
		if unit.months() > 0 {
			c.Alignment = AlignBillingDay
			c.BillingDay = rapid.IntRange(1, 31).Draw(t, "billing_day")
		}
	}
	if rapid.Bool().Draw(t, "has_end") {
		c.End = c.Start.AddDays(rapid.IntRange(1, 2000).Draw(t, "end"))
	}
	return c
}

// Property: the periods of any window are contiguous, non-overlapping,
// non-empty and cover every day of the window on which the plan runs.
func TestCyclePeriodsProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := genCycle(t)
		ws := c.Start.AddDays(rapid.IntRange(-100, 2500).Draw(t, "window_start"))
		window := date.Range{Start: ws, End: ws.AddDays(rapid.IntRange(1, 800).Draw(t, "window_days"))}
		got, err := c.Periods(window)
		if err != nil {
			t.Fatal(err)
		}
		life := date.Range{Start: c.Start, End: c.End}
		if c.End.IsZero() {
			life.End = date.MustParse("9999-01-01")
		}
		want, overlaps := window.Intersect(life)
		if !overlaps {
			if len(got) != 0 {
				t.Fatalf("window %v outside the plan gave %v", window, got)
			}
			return
		}
		if len(got) == 0 {
			t.Fatalf("no period for %v", window)
		}
		if got[0].Start.After(want.Start) || got[len(got)-1].End.Before(want.End) {
			t.Fatalf("periods %v do not cover %v", got, want)
		}
		for i, p := range got {
			if p.IsEmpty() {
				t.Fatalf("empty period %v", p)
			}
			if p.Start.Before(c.Start) || (!c.End.IsZero() && p.End.After(c.End)) {
				t.Fatalf("period %v outside the plan", p)
			}
			if i > 0 && got[i-1].End != p.Start {
				t.Fatalf("periods %v and %v are not contiguous", got[i-1], p)
			}
			if !p.Overlaps(window) {
				t.Fatalf("period %v does not touch the window %v", p, window)
			}
		}
	})
}

// BenchmarkPeriodsYear generates a year of monthly periods.
func BenchmarkPeriodsYear(b *testing.B) {
	c := Cycle{Interval: Interval{Unit: Month}, Start: day("2020-01-31")}
	window := span("2026-01-01", "2027-01-01")
	b.ReportAllocs()
	for b.Loop() {
		ps, err := c.Periods(window)
		if err != nil {
			b.Fatal(err)
		}
		sinkPeriods = ps
	}
}
