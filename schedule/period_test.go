package schedule

import (
	"errors"
	"fmt"
	"testing"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func TestCyclePeriodsAtTheEndOfTheCalendar(t *testing.T) {
	c := Cycle{Interval: Interval{Unit: Year}, Start: day("9999-06-01")}
	_, err := c.Periods(span("9999-06-01", "9999-12-31"))
	require.ErrorIs(t, err, ErrOutOfRange)
	var be *BoundaryError
	require.ErrorAs(t, err, &be)
	assert.Equal(t, day("9999-06-01"), be.Near)

	// With an end inside the calendar, the last period is cut there.
	c.End = day("9999-12-31")
	got, err := c.Periods(span("9999-06-01", "9999-12-31"))
	require.NoError(t, err)
	assert.Equal(t, []date.Range{span("9999-06-01", "9999-12-31")}, got)
}

// A plan whose next boundary is beyond the calendar ends its last period
// on its end date. Asking for charges near it terminates; pricing that
// period, which would be prorated against a period the calendar cannot
// hold, is an error.
func TestChargesWithBoundaryBeyondTheCalendar(t *testing.T) {
	for _, timing := range []Timing{InAdvance, InArrears} {
		t.Run(string(timing), func(t *testing.T) {
			plan := recurring(t, "9950-01-01", "100.00 EUR", withInterval(Year, 100), withEnd("9999-12-01"),
				func(r *Recurring) { r.Timing = timing })
			cs, err := plan.Charges(span("9999-06-20", "9999-06-25"), Inputs{})
			require.NoError(t, err)
			assert.Empty(t, cs)
			_, err = plan.Charges(span("9950-01-01", "9999-12-31"), Inputs{})
			require.ErrorIs(t, err, ErrOutOfRange)
			ps, err := plan.Periods(span("9950-01-01", "9999-12-31"))
			require.NoError(t, err)
			assert.Equal(t, []date.Range{span("9950-01-01", "9999-12-01")}, ps)
		})
	}
}

func TestCycleIndexBeforeTheAnchor(t *testing.T) {
	k := calc{anchor: day("2026-03-31"), anchorDay: 31, months: 1, start: day("2025-01-01")}
	tests := []struct {
		d    string
		want int
	}{
		{"2026-03-31", 0}, {"2026-03-30", -1}, {"2026-02-28", -1}, {"2026-02-27", -2},
		{"2025-12-31", -3}, {"2026-04-30", 1}, {"2026-04-29", 0},
	}
	for _, tt := range tests {
		t.Run(tt.d, func(t *testing.T) {
			assert.Equal(t, tt.want, k.index(day(tt.d)))
		})
	}
}

func TestFloorDiv(t *testing.T) {
	tests := []struct{ a, b, want int }{
		{7, 3, 2}, {6, 3, 2}, {0, 3, 0}, {-1, 3, -1}, {-3, 3, -1}, {-4, 3, -2},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d/%d", tt.a, tt.b), func(t *testing.T) {
			assert.Equal(t, tt.want, floorDiv(tt.a, tt.b))
		})
	}
}

// Property: any plan and window, valid or not and however close to the
// ends of the calendar, gives charges and periods or an error, never a
// panic or an endless loop.
func TestChargesNeverPanicProperty(t *testing.T) {
	anyDate := func(t *rapid.T, label string) date.Date {
		switch rapid.IntRange(0, 9).Draw(t, label+"_kind") {
		case 0:
			return date.Date{}
		case 1, 2: // near the end of the calendar
			return date.MustParse("9999-12-31").AddDays(-rapid.IntRange(0, 800).Draw(t, label))
		}
		return date.MustParse("0001-01-01").AddDays(rapid.IntRange(0, 3652058).Draw(t, label))
	}
	rapid.Check(t, func(t *rapid.T) {
		r := Recurring{
			Cycle: Cycle{
				Interval:   Interval{Unit: rapid.SampledFrom(append(Units(), "")).Draw(t, "unit"), Count: rapid.IntRange(-1, 1001).Draw(t, "count")},
				Start:      anyDate(t, "start"),
				End:        anyDate(t, "end"),
				Alignment:  rapid.SampledFrom(append(Alignments(), "")).Draw(t, "alignment"),
				BillingDay: rapid.IntRange(-1, 32).Draw(t, "billing_day"),
			},
			Amount:   money.FromMinor(rapid.Int64().Draw(t, "minor"), money.EUR),
			Timing:   rapid.SampledFrom([]Timing{InAdvance, InArrears}).Draw(t, "timing"),
			Leading:  rapid.SampledFrom([]LeadingPolicy{LeadingProrate, LeadingFree, LeadingFull}).Draw(t, "leading"),
			DayCount: rapid.SampledFrom(DayCounts()).Draw(t, "day_count"),
		}
		if rapid.Bool().Draw(t, "anchored") {
			r.Anchor = anyDate(t, "anchor")
		}
		if rapid.Bool().Draw(t, "continues") {
			r.ProrateFrom = anyDate(t, "prorate_from")
		}
		start := anyDate(t, "window_start")
		window := date.Range{Start: start, End: start.AddDays(rapid.IntRange(-5, 400).Draw(t, "window_days"))}
		plan := RecurringPlan(r)
		cs, err := plan.Charges(window, Inputs{})
		checkOutcome(t, err)
		for _, c := range cs {
			if !window.Contains(c.BillingDate) {
				t.Fatalf("charge %v billed outside %v", c, window)
			}
		}
		ps, err := plan.Periods(window)
		checkOutcome(t, err)
		for i := 1; i < len(ps); i++ {
			if ps[i-1].End != ps[i].Start {
				t.Fatalf("periods %v are not contiguous", ps)
			}
		}
	})
}

// checkOutcome fails unless err is nil, a validation error or a date out
// of the calendar.
func checkOutcome(t *rapid.T, err error) {
	if err != nil && !errors.Is(err, validation.ErrInvalid) && !errors.Is(err, ErrOutOfRange) {
		t.Fatalf("unexpected error %v", err)
	}
}
