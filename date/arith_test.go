package date_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"pgregory.net/rapid"

	"github.com/billkit/billkit/date"
)

// genDate draws any supported date, with month ends drawn often because
// that is where calendar arithmetic goes wrong.
func genDate() *rapid.Generator[date.Date] {
	return rapid.Custom(func(t *rapid.T) date.Date {
		y := rapid.IntRange(1, 9999).Draw(t, "year")
		m := time.Month(rapid.IntRange(1, 12).Draw(t, "month"))
		dim := date.DaysInMonth(y, m)
		d := rapid.OneOf(rapid.IntRange(1, dim), rapid.IntRange(dim-3, dim)).Draw(t, "day")
		return date.MustNew(y, m, d)
	})
}

func TestAddMonthsClampsToMonthEnd(t *testing.T) {
	tests := []struct {
		from   string
		months int
		want   string
	}{
		{"2026-01-31", 1, "2026-02-28"},
		{"2024-01-31", 1, "2024-02-29"},
		{"2026-01-31", 2, "2026-03-31"},
		{"2026-01-31", 3, "2026-04-30"},
		{"2026-03-31", -1, "2026-02-28"},
		{"2026-05-31", -1, "2026-04-30"},
		{"2026-01-15", 1, "2026-02-15"},
		{"2026-12-31", 1, "2027-01-31"},
		{"2026-01-01", -1, "2025-12-01"},
		{"2026-01-31", 0, "2026-01-31"},
		{"2026-01-31", 12, "2027-01-31"},
		{"2026-01-31", -13, "2024-12-31"},
		{"1900-01-31", 1, "1900-02-28"},
		{"2000-01-31", 1, "2000-02-29"},
		{"9999-11-30", 1, "9999-12-30"},
		{"9999-12-31", 1, ""},
		{"0001-01-31", -1, ""},
		{"0001-02-28", -1, "0001-01-28"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s%+d", tt.from, tt.months), func(t *testing.T) {
			assert.Equal(t, tt.want, date.MustParse(tt.from).AddMonths(tt.months).String())
		})
	}
}

func TestAddYears(t *testing.T) {
	tests := []struct {
		from  string
		years int
		want  string
	}{
		{"2024-02-29", 1, "2025-02-28"},
		{"2024-02-29", 4, "2028-02-29"},
		{"2024-02-29", -4, "2020-02-29"},
		{"2000-02-29", 100, "2100-02-28"},
		{"2026-06-15", 1, "2027-06-15"},
		{"9999-01-01", 1, ""},
		{"0001-12-31", -1, ""},
		{"2026-01-01", 1 << 40, ""},
		{"2026-01-01", -(1 << 40), ""},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s%+d", tt.from, tt.years), func(t *testing.T) {
			assert.Equal(t, tt.want, date.MustParse(tt.from).AddYears(tt.years).String())
		})
	}
}

func TestAddMonthsAnchoredKeepsTheAnchor(t *testing.T) {
	start := date.MustParse("2026-01-31")
	want := []string{
		"2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30",
		"2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31", "2026-11-30", "2026-12-31",
		"2027-01-31", "2027-02-28",
	}
	for i, w := range want {
		t.Run(w, func(t *testing.T) {
			assert.Equal(t, w, start.AddMonthsAnchored(i, 31).String())
		})
	}
	// Chaining AddMonths drifts to the 28th; the anchored form does not.
	chained := start
	for range 3 {
		chained = chained.AddMonths(1)
	}
	assert.Equal(t, "2026-04-28", chained.String())
	assert.Equal(t, "2026-04-30", start.AddMonthsAnchored(3, 31).String())
}

func TestAddMonthsAnchoredEdgeCases(t *testing.T) {
	tests := []struct {
		from   string
		months int
		anchor int
		want   string
	}{
		{"2026-02-28", 1, 30, "2026-03-30"},
		{"2026-02-28", 0, 30, "2026-02-28"},
		{"2026-02-28", 0, 15, "2026-02-15"},
		{"2024-01-29", 1, 29, "2024-02-29"},
		{"2025-01-29", 1, 29, "2025-02-28"},
		{"2026-01-15", 1, 99, "2026-02-28"},
		{"2026-01-15", 1, 0, ""},
		{"2026-01-15", 1, -5, ""},
		{"2026-01-15", 1 << 40, 15, ""},
		{"2026-01-15", -(1 << 40), 15, ""},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s%+d@%d", tt.from, tt.months, tt.anchor), func(t *testing.T) {
			assert.Equal(t, tt.want, date.MustParse(tt.from).AddMonthsAnchored(tt.months, tt.anchor).String())
		})
	}
}

func TestAddDaysBounds(t *testing.T) {
	tests := []struct {
		from string
		days int
		want string
	}{
		{"2026-01-31", 1, "2026-02-01"},
		{"2024-02-28", 1, "2024-02-29"},
		{"2023-02-28", 1, "2023-03-01"},
		{"1900-02-28", 1, "1900-03-01"},
		{"2026-03-01", -1, "2026-02-28"},
		{"2026-12-31", 1, "2027-01-01"},
		{"2026-01-01", 365, "2027-01-01"},
		{"0001-01-01", 3652058, "9999-12-31"},
		{"9999-12-31", -3652058, "0001-01-01"},
		{"9999-12-31", 1, ""},
		{"0001-01-01", -1, ""},
		{"2026-01-01", int(^uint(0) >> 1), ""},
		{"2026-01-01", -int(^uint(0)>>1) - 1, ""},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s%+d", tt.from, tt.days), func(t *testing.T) {
			assert.Equal(t, tt.want, date.MustParse(tt.from).AddDays(tt.days).String())
		})
	}
}

func TestDaysSinceBounds(t *testing.T) {
	first, last := date.MustParse("0001-01-01"), date.MustParse("9999-12-31")
	assert.Equal(t, 3652058, last.DaysSince(first))
	assert.Equal(t, -3652058, first.DaysSince(last))
	assert.Equal(t, 0, last.DaysSince(last))
	assert.Equal(t, 1, first.DaysSince(date.Date{}), "the zero Date counts as the day before 0001-01-01")
}

func TestDaysSinceMatchesTime(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d, e := genDate().Draw(t, "d"), genDate().Draw(t, "e")
		// Unix seconds rather than Time.Sub, whose Duration overflows
		// after 292 years.
		want := (d.Time(time.UTC).Unix() - e.Time(time.UTC).Unix()) / 86400
		if got := d.DaysSince(e); int64(got) != want {
			t.Fatalf("%v.DaysSince(%v) = %d, want %d", d, e, got, want)
		}
	})
}

func TestAddDaysMatchesTime(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := genDate().Draw(t, "d")
		n := rapid.OneOf(rapid.IntRange(-40, 40), rapid.IntRange(-4_000_000, 4_000_000)).Draw(t, "n")
		got := d.AddDays(n)
		tm := d.Time(time.UTC).AddDate(0, 0, n)
		if y := tm.Year(); y < 1 || y > 9999 {
			if !got.IsZero() {
				t.Fatalf("%v.AddDays(%d) = %v, want the zero Date (out of range)", d, n, got)
			}
			return
		}
		if want := date.Of(tm); got != want {
			t.Fatalf("%v.AddDays(%d) = %v, want %v", d, n, got, want)
		}
		if back := got.DaysSince(d); back != n {
			t.Fatalf("%v.DaysSince(%v) = %d, want %d", got, d, back, n)
		}
	})
}

func TestAddMonthsAnchoredProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := genDate().Draw(t, "d")
		n := rapid.IntRange(-1200, 1200).Draw(t, "n")
		anchor := rapid.IntRange(1, 31).Draw(t, "anchor")
		got := d.AddMonthsAnchored(n, anchor)

		// The target month, computed with the time package from the 1st,
		// where no normalisation can happen.
		first := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0)
		if y := first.Year(); y < 1 || y > 9999 {
			if !got.IsZero() {
				t.Fatalf("%v.AddMonthsAnchored(%d, %d) = %v, want the zero Date", d, n, anchor, got)
			}
			return
		}
		wantDay := min(anchor, date.DaysInMonth(first.Year(), first.Month()))
		want := date.MustNew(first.Year(), first.Month(), wantDay)
		if got != want {
			t.Fatalf("%v.AddMonthsAnchored(%d, %d) = %v, want %v", d, n, anchor, got, want)
		}
		if n2 := d.AddMonths(n); n2 != d.AddMonthsAnchored(n, d.Day()) {
			t.Fatalf("AddMonths(%d) = %v, differs from anchoring on the day", n, n2)
		}
	})
}
