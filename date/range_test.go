package date_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
)

// rng builds a range from two literal dates without validating it.
func rng(t *testing.T, start, end string) date.Range {
	t.Helper()
	r := date.Range{}
	if start != "" {
		r.Start = date.MustParse(start)
	}
	if end != "" {
		r.End = date.MustParse(end)
	}
	return r
}

func TestNewRange(t *testing.T) {
	tests := []struct {
		name, start, end string
		wantErr          bool
	}{
		{"january", "2026-01-01", "2026-02-01", false},
		{"one day", "2026-01-01", "2026-01-02", false},
		{"empty", "2026-01-01", "2026-01-01", true},
		{"inverted", "2026-02-01", "2026-01-01", true},
		{"no start", "", "2026-01-01", true},
		{"no end", "2026-01-01", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := rng(t, tt.start, tt.end)
			r, err := date.NewRange(want.Start, want.End)
			if !tt.wantErr {
				require.NoError(t, err)
				assert.Equal(t, want, r)
				assert.NoError(t, r.Validate())
				return
			}
			assert.ErrorIs(t, err, date.ErrInvalidRange)
			var re *date.RangeError
			require.ErrorAs(t, err, &re)
			assert.Equal(t, want, re.Range)
			assert.Equal(t, date.Range{}, r)
			assert.True(t, want.IsEmpty())
		})
	}
}

func TestRangeValidateMessage(t *testing.T) {
	err := rng(t, "2026-02-01", "2026-01-01").Validate()
	assert.EqualError(t, err, "date: invalid range [2026-02-01, 2026-01-01): end must be after start")
}

func TestRangeDaysAndLast(t *testing.T) {
	tests := []struct {
		start, end string
		days       int
		last       string
		str        string
	}{
		{"2026-01-01", "2026-02-01", 31, "2026-01-31", "2026-01-01..2026-01-31"},
		{"2026-02-01", "2026-03-01", 28, "2026-02-28", "2026-02-01..2026-02-28"},
		{"2024-02-01", "2024-03-01", 29, "2024-02-29", "2024-02-01..2024-02-29"},
		{"2026-01-01", "2027-01-01", 365, "2026-12-31", "2026-01-01..2026-12-31"},
		{"2026-01-15", "2026-01-16", 1, "2026-01-15", "2026-01-15..2026-01-15"},
		{"2026-01-15", "2026-01-15", 0, "", "[2026-01-15, 2026-01-15)"},
		{"2026-01-15", "2026-01-10", 0, "", "[2026-01-15, 2026-01-10)"},
		{"", "", 0, "", ""},
		{"0001-01-01", "9999-12-31", 3652058, "9999-12-30", "0001-01-01..9999-12-30"},
	}
	for _, tt := range tests {
		t.Run(tt.start+"_"+tt.end, func(t *testing.T) {
			r := rng(t, tt.start, tt.end)
			assert.Equal(t, tt.days, r.Days())
			assert.Equal(t, tt.last, r.Last().String())
			assert.Equal(t, tt.str, r.String())
		})
	}
}

func TestRangeContains(t *testing.T) {
	jan := rng(t, "2026-01-01", "2026-02-01")
	tests := []struct {
		d    string
		want bool
	}{
		{"2025-12-31", false},
		{"2026-01-01", true},
		{"2026-01-15", true},
		{"2026-01-31", true},
		{"2026-02-01", false},
	}
	for _, tt := range tests {
		t.Run(tt.d, func(t *testing.T) {
			assert.Equal(t, tt.want, jan.Contains(date.MustParse(tt.d)))
		})
	}
	assert.False(t, jan.Contains(date.Date{}))
	assert.False(t, rng(t, "2026-01-01", "2026-01-01").Contains(date.MustParse("2026-01-01")))
}

func TestRangeOverlapsAndIntersect(t *testing.T) {
	jan := rng(t, "2026-01-01", "2026-02-01")
	tests := []struct {
		name, start, end string
		want             string // intersection, "" when none
	}{
		{"same", "2026-01-01", "2026-02-01", "2026-01-01..2026-01-31"},
		{"inside", "2026-01-10", "2026-01-20", "2026-01-10..2026-01-19"},
		{"around", "2025-12-01", "2026-03-01", "2026-01-01..2026-01-31"},
		{"starts before", "2025-12-15", "2026-01-15", "2026-01-01..2026-01-14"},
		{"ends after", "2026-01-15", "2026-02-15", "2026-01-15..2026-01-31"},
		{"touches after", "2026-02-01", "2026-03-01", ""},
		{"touches before", "2025-12-01", "2026-01-01", ""},
		{"disjoint", "2026-03-01", "2026-04-01", ""},
		{"empty inside", "2026-01-10", "2026-01-10", ""},
		{"inverted", "2026-01-20", "2026-01-10", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := rng(t, tt.start, tt.end)
			assert.Equal(t, tt.want != "", jan.Overlaps(o))
			assert.Equal(t, tt.want != "", o.Overlaps(jan), "Overlaps must be symmetric")
			got, ok := jan.Intersect(o)
			assert.Equal(t, tt.want != "", ok)
			assert.Equal(t, tt.want, got.String())
			back, _ := o.Intersect(jan)
			assert.Equal(t, got, back, "Intersect must be symmetric")
		})
	}
}
