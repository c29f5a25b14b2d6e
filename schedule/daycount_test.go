package schedule

import (
	"testing"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/validation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func TestDayCountMeasure(t *testing.T) {
	feb := span("2026-02-01", "2026-03-01")
	apr := span("2026-04-01", "2026-05-01")
	year := span("2026-01-01", "2027-01-01")
	tests := []struct {
		name       string
		rule       DayCount
		used, full date.Range
		months     int
		wantUsed   int64
		wantTotal  int64
	}{
		{"actual half of April", DayCountActual, span("2026-04-16", "2026-05-01"), apr, 1, 15, 30},
		{"zero value is actual", "", span("2026-02-01", "2026-02-15"), feb, 1, 14, 28},
		{"actual whole period", DayCountActual, feb, feb, 1, 28, 28},
		// 30E/360: February counts as 30 days, its last day making up the
		// difference; the 31st counts for nothing.
		{"30E/360 first half of February", DayCount30E360, span("2026-02-01", "2026-02-15"), feb, 1, 14, 30},
		{"30E/360 last day of February", DayCount30E360, span("2026-02-28", "2026-03-01"), feb, 1, 3, 30},
		{"30E/360 January 31 is one day", DayCount30E360, span("2026-01-31", "2026-02-01"), span("2026-01-01", "2026-02-01"), 1, 1, 30},
		{"30E/360 the 30th and 31st count as one day", DayCount30E360, span("2026-01-30", "2026-02-01"), span("2026-01-01", "2026-02-01"), 1, 1, 30},
		{"30E/360 second half of a 31-day month", DayCount30E360, span("2026-03-16", "2026-04-01"), span("2026-03-01", "2026-04-01"), 1, 15, 30},
		// Average month: twelfths of a day, 365 per month.
		{"average month 14 days of February", DayCountAverageMonth, span("2026-02-01", "2026-02-15"), feb, 1, 168, 365},
		{"average month whole February", DayCountAverageMonth, feb, feb, 1, 365, 365},
		{"average month capped at the period", DayCountAverageMonth, span("2026-07-01", "2026-08-31"), span("2026-07-01", "2026-09-01"), 2, 730, 730},
		{"average month quarter", DayCountAverageMonth, span("2026-01-01", "2026-02-01"), span("2026-01-01", "2026-04-01"), 3, 372, 1095},
		// Whole months rounded up.
		{"whole months 2.5 months of a year", DayCountWholeMonths, span("2026-01-01", "2026-03-16"), year, 12, 3, 12},
		{"whole months one day", DayCountWholeMonths, span("2026-06-30", "2026-07-01"), year, 12, 1, 12},
		{"whole months partial month is whole", DayCountWholeMonths, span("2026-02-15", "2026-03-01"), feb, 1, 1, 1},
		{"whole months week period", DayCountWholeMonths, span("2026-02-02", "2026-02-05"), span("2026-02-02", "2026-02-09"), 0, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			used, total, err := tt.rule.measure(tt.used, tt.full, tt.months)
			require.NoError(t, err)
			assert.Equal(t, tt.wantUsed, used, "used")
			assert.Equal(t, tt.wantTotal, total, "total")
		})
	}
}

func TestDayCountMeasureErrors(t *testing.T) {
	_, _, err := DayCountAverageMonth.measure(span("2026-02-02", "2026-02-05"), span("2026-02-02", "2026-02-09"), 0)
	requireFault(t, err, "day_count", validation.CodeNotAllowed)

	_, _, err = DayCount("fortnightly").measure(span("2026-02-02", "2026-02-05"), span("2026-02-02", "2026-02-09"), 0)
	requireFault(t, err, "day_count", validation.CodeNotAllowed)

	// Under 30E/360 the 30th of a 31-day month measures nothing.
	_, _, err = DayCount30E360.measure(span("2026-01-30", "2026-01-31"), span("2026-01-30", "2026-01-31"), 0)
	requireFault(t, err, "period", validation.CodeOutOfRange)
}

// Acceptance vector: whole months rounded up count 2017-01-01 to
// 2018-01-10 as 13 months.
func TestWholeMonths(t *testing.T) {
	tests := []struct {
		r    date.Range
		want int64
	}{
		{span("2017-01-01", "2018-01-10"), 13},
		{span("2017-01-01", "2018-01-01"), 12},
		{span("2017-01-01", "2018-01-02"), 13},
		{span("2026-01-31", "2026-02-28"), 1},
		{span("2026-01-31", "2026-03-01"), 2},
		{span("2026-01-15", "2026-01-20"), 1},
		{date.Range{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.r.String(), func(t *testing.T) {
			assert.Equal(t, tt.want, wholeMonths(tt.r))
		})
	}
}

func TestMonthsIn(t *testing.T) {
	tests := []struct {
		r    date.Range
		want int
	}{
		{span("2026-01-01", "2026-02-01"), 1},
		{span("2026-01-31", "2026-02-28"), 1},
		{span("2026-02-28", "2026-03-31"), 1},
		{span("2026-02-28", "2026-03-28"), 1},
		{span("2026-01-15", "2026-04-15"), 3},
		{span("2024-02-29", "2025-02-28"), 12},
		{span("2026-01-15", "2026-02-20"), 0},
		{span("2026-01-15", "2026-01-20"), 0},
		{span("2026-01-30", "2026-02-28"), 1}, // anchored on the 30th
		{span("2026-01-29", "2026-02-28"), 1}, // anchored on the 29th
		{span("2026-01-28", "2026-02-27"), 0},
		{date.Range{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.r.String(), func(t *testing.T) {
			assert.Equal(t, tt.want, monthsIn(tt.r))
		})
	}
}

// Property: the 30E/360 count is additive, so splitting a period never
// loses or creates a day.
func TestDays30E360Additive(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := date.MustParse("2000-01-01").AddDays(rapid.IntRange(0, 20000).Draw(t, "a"))
		b := a.AddDays(rapid.IntRange(1, 400).Draw(t, "b"))
		c := b.AddDays(rapid.IntRange(1, 400).Draw(t, "c"))
		ab, bc := days30E360(date.Range{Start: a, End: b}), days30E360(date.Range{Start: b, End: c})
		if ab < 0 || bc < 0 || ab+bc != days30E360(date.Range{Start: a, End: c}) {
			t.Fatalf("30E/360 not additive over %s, %s, %s: %d + %d", a, b, c, ab, bc)
		}
	})
}

func TestDayCountValid(t *testing.T) {
	for _, dc := range append(DayCounts(), "") {
		assert.True(t, dc.Valid(), dc)
	}
	assert.False(t, DayCount("act/365").Valid())
	assert.Equal(t, DayCountActual, DayCount("").orDefault())
}
