package date_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"pgregory.net/rapid"

	"github.com/billkit/billkit/date"
)

func TestCompare(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"2026-01-01", "2026-01-01", 0},
		{"2026-01-01", "2026-01-02", -1},
		{"2026-02-01", "2026-01-31", 1},
		{"2025-12-31", "2026-01-01", -1},
		{"9999-12-31", "0001-01-01", 1},
	}
	for _, tt := range tests {
		t.Run(tt.a+"_vs_"+tt.b, func(t *testing.T) {
			a, b := date.MustParse(tt.a), date.MustParse(tt.b)
			assert.Equal(t, tt.want, a.Compare(b))
			assert.Equal(t, -tt.want, b.Compare(a))
			assert.Equal(t, tt.want < 0, a.Before(b))
			assert.Equal(t, tt.want > 0, a.After(b))
			assert.Equal(t, tt.want == 0, a.Equal(b))
		})
	}
}

func TestZeroSortsFirst(t *testing.T) {
	z, d := date.Date{}, date.MustParse("0001-01-01")
	assert.Equal(t, -1, z.Compare(d))
	assert.Equal(t, z, date.Min(z, d))
	assert.Equal(t, d, date.Max(z, d))
}

func TestMinMax(t *testing.T) {
	a, b := date.MustParse("2026-01-01"), date.MustParse("2026-03-01")
	assert.Equal(t, a, date.Min(a, b))
	assert.Equal(t, a, date.Min(b, a))
	assert.Equal(t, b, date.Max(a, b))
	assert.Equal(t, b, date.Max(b, a))
}

func TestCompareAgreesWithDaysSince(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		dates := rapid.SliceOfN(genDate(), 2, 20).Draw(t, "dates")
		slices.SortFunc(dates, date.Date.Compare)
		for i := 1; i < len(dates); i++ {
			if dates[i].DaysSince(dates[i-1]) < 0 {
				t.Fatalf("sorted %v before %v", dates[i-1], dates[i])
			}
		}
	})
}
