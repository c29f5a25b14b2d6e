package date

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestIsLeapYear(t *testing.T) {
	tests := []struct {
		year int
		want bool
	}{
		{1900, false}, {2000, true}, {2023, false}, {2024, true},
		{2100, false}, {2400, true}, {1, false}, {4, true}, {9996, true}, {9999, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.year), func(t *testing.T) {
			assert.Equal(t, tt.want, IsLeapYear(tt.year))
		})
	}
}

func TestDaysInMonth(t *testing.T) {
	tests := []struct {
		year  int
		month time.Month
		want  int
	}{
		{2026, time.January, 31}, {2026, time.February, 28}, {2024, time.February, 29},
		{1900, time.February, 28}, {2000, time.February, 29}, {2026, time.April, 30},
		{2026, time.December, 31}, {2026, 0, 0}, {2026, 13, 0},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d-%02d", tt.year, int(tt.month)), func(t *testing.T) {
			assert.Equal(t, tt.want, DaysInMonth(tt.year, tt.month))
		})
	}
}

// TestOrdinalEveryDay walks every supported day once and checks the ordinal
// conversions against each other and against the time package.
func TestOrdinalEveryDay(t *testing.T) {
	if testing.Short() {
		t.Skip("walks 3.6 million days")
	}
	tm := time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC)
	n := 1
	for y := minYear; y <= maxYear; y++ {
		for m := time.January; m <= time.December; m++ {
			for d := 1; d <= DaysInMonth(y, m); d++ {
				want := Date{year: int16(y), month: uint8(m), day: uint8(d)}
				if got := ordinalOf(y, int(m), d); got != n {
					t.Fatalf("ordinalOf(%v) = %d, want %d", want, got, n)
				}
				if got := fromOrdinal(n); got != want {
					t.Fatalf("fromOrdinal(%d) = %v, want %v", n, got, want)
				}
				if ty, tmon, td := tm.Date(); ty != y || tmon != m || td != d {
					t.Fatalf("day %d: time package says %v, we say %v", n, tm, want)
				}
				n++
				tm = tm.AddDate(0, 0, 1)
			}
		}
	}
	assert.Equal(t, maxOrdinal, n-1)
}

func TestPeriodBoundaries(t *testing.T) {
	tests := []struct {
		in, month, end, quarter, year string
	}{
		{"2026-01-01", "2026-01-01", "2026-01-31", "2026-01-01", "2026-01-01"},
		{"2026-02-14", "2026-02-01", "2026-02-28", "2026-01-01", "2026-01-01"},
		{"2024-02-14", "2024-02-01", "2024-02-29", "2024-01-01", "2024-01-01"},
		{"2026-03-31", "2026-03-01", "2026-03-31", "2026-01-01", "2026-01-01"},
		{"2026-04-01", "2026-04-01", "2026-04-30", "2026-04-01", "2026-01-01"},
		{"2026-08-15", "2026-08-01", "2026-08-31", "2026-07-01", "2026-01-01"},
		{"2026-12-31", "2026-12-01", "2026-12-31", "2026-10-01", "2026-01-01"},
		{"9999-12-31", "9999-12-01", "9999-12-31", "9999-10-01", "9999-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d := MustParse(tt.in)
			assert.Equal(t, tt.month, d.StartOfMonth().String())
			assert.Equal(t, tt.end, d.EndOfMonth().String())
			assert.Equal(t, tt.quarter, d.StartOfQuarter().String())
			assert.Equal(t, tt.year, d.StartOfYear().String())
		})
	}
}
