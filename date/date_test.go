package date_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
)

func TestNew(t *testing.T) {
	tests := []struct {
		year     int
		month    time.Month
		day      int
		wantPart string // "" when valid
	}{
		{2026, time.January, 31, ""},
		{2024, time.February, 29, ""},
		{2000, time.February, 29, ""},
		{1900, time.February, 29, date.PartDay},
		{2023, time.February, 29, date.PartDay},
		{2026, time.April, 31, date.PartDay},
		{2026, time.April, 0, date.PartDay},
		{2026, time.April, -1, date.PartDay},
		{2026, 0, 1, date.PartMonth},
		{2026, 13, 1, date.PartMonth},
		{1, time.January, 1, ""},
		{9999, time.December, 31, ""},
		{0, time.December, 31, date.PartYear},
		{10000, time.January, 1, date.PartYear},
		{-2026, time.January, 1, date.PartYear},
	}
	for _, tt := range tests {
		name := fmt.Sprintf("%04d-%02d-%02d", tt.year, int(tt.month), tt.day)
		t.Run(name, func(t *testing.T) {
			d, err := date.New(tt.year, tt.month, tt.day)
			if tt.wantPart == "" {
				require.NoError(t, err)
				assert.Equal(t, tt.year, d.Year())
				assert.Equal(t, tt.month, d.Month())
				assert.Equal(t, tt.day, d.Day())
				assert.False(t, d.IsZero())
				return
			}
			require.Error(t, err)
			assert.True(t, d.IsZero())
			assert.ErrorIs(t, err, date.ErrInvalid)
			var de *date.Error
			require.ErrorAs(t, err, &de)
			assert.Equal(t, tt.wantPart, de.Part)
			assert.Contains(t, err.Error(), tt.wantPart)
		})
	}
}

func TestNewErrorMessage(t *testing.T) {
	_, err := date.New(2023, time.February, 29)
	require.Error(t, err)
	assert.Equal(t, `date: invalid day in "2023-02-29": February 2023 has 28 days`, err.Error())
}

func TestMustNewPanicsOnInvalidLiteral(t *testing.T) {
	assert.Panics(t, func() { date.MustNew(2026, time.February, 30) })
	assert.Panics(t, func() { date.MustParse("2026-02-30") })
	assert.NotPanics(t, func() { date.MustNew(2026, time.February, 28) })
}

func TestZeroDate(t *testing.T) {
	var z date.Date
	assert.True(t, z.IsZero())
	assert.Equal(t, 0, z.Year())
	assert.Equal(t, time.Month(0), z.Month())
	assert.Equal(t, 0, z.Day())
	assert.Equal(t, 0, z.YearDay())
	assert.Equal(t, time.Sunday, z.Weekday())
	assert.Equal(t, "", z.String())
	assert.True(t, z.Time(time.UTC).IsZero())
	assert.True(t, z.AddDays(1).IsZero())
	assert.True(t, z.AddMonths(1).IsZero())
	assert.True(t, z.StartOfMonth().IsZero())
	assert.True(t, z.EndOfMonth().IsZero())
	assert.True(t, z.StartOfQuarter().IsZero())
	assert.True(t, z.StartOfYear().IsZero())
	assert.True(t, z.Before(date.MustNew(1, time.January, 1)))
}

func TestOfAndIn(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)
	// 23:30 UTC on December 31 is already January 1 in Paris.
	instant := time.Date(2025, time.December, 31, 23, 30, 0, 0, time.UTC)

	assert.Equal(t, date.MustNew(2025, time.December, 31), date.Of(instant))
	assert.Equal(t, date.MustNew(2026, time.January, 1), date.In(instant, paris))
	assert.Equal(t, date.MustNew(2025, time.December, 31), date.In(instant, nil))
	assert.Equal(t, date.MustNew(2026, time.January, 1), date.Of(instant.In(paris)))

	assert.True(t, date.Of(time.Date(0, time.December, 31, 0, 0, 0, 0, time.UTC)).IsZero())
	assert.True(t, date.Of(time.Date(10000, time.January, 1, 0, 0, 0, 0, time.UTC)).IsZero())
	assert.Equal(t, date.MustNew(1, time.January, 1), date.Of(time.Time{}))
}

func TestWeekdayAndYearDayMatchTime(t *testing.T) {
	tests := []string{"0001-01-01", "1900-03-01", "2000-02-29", "2024-12-31", "2026-07-14", "9999-12-31"}
	for _, s := range tests {
		t.Run(s, func(t *testing.T) {
			d := date.MustParse(s)
			tm := d.Time(time.UTC)
			assert.Equal(t, tm.Weekday(), d.Weekday())
			assert.Equal(t, tm.YearDay(), d.YearDay())
		})
	}
}

func TestTime(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)

	d := date.MustNew(2026, time.March, 29) // DST starts in Paris at 02:00
	assert.Equal(t, time.Date(2026, time.March, 29, 0, 0, 0, 0, paris), d.Time(paris))
	assert.Equal(t, time.Date(2026, time.March, 29, 0, 0, 0, 0, time.UTC), d.Time(nil))
	assert.Equal(t, d, date.Of(d.Time(paris)))
}

func TestTimeWhenMidnightIsSkipped(t *testing.T) {
	// On 2018-11-04 Brazil moved its clocks from 00:00 to 01:00, so that day
	// had no midnight in São Paulo.
	saoPaulo, err := time.LoadLocation("America/Sao_Paulo")
	if err != nil {
		t.Skip("time zone database not available:", err)
	}
	d := date.MustNew(2018, time.November, 4)
	got := d.Time(saoPaulo)
	assert.Equal(t, d, date.Of(got), "the instant must fall on the date itself")
	assert.Equal(t, 1, got.Hour())
	assert.True(t, date.Of(got.Add(-time.Nanosecond)).Before(d), "it must be the first instant of the day")
}

func TestErrorsAreDistinct(t *testing.T) {
	_, err := date.NewRange(date.MustParse("2026-02-01"), date.MustParse("2026-01-01"))
	assert.True(t, errors.Is(err, date.ErrInvalidRange))
	assert.False(t, errors.Is(err, date.ErrInvalid))
}
