package date

import (
	"fmt"
	"time"
)

// Date is a civil date in the proleptic Gregorian calendar, between
// 0001-01-01 and 9999-12-31. It has no time of day and no location.
//
// Date is a small comparable value: == and map keys work, and it should be
// passed by value. The zero value means "no date"; see [Date.IsZero].
type Date struct {
	year  int16
	month uint8
	day   uint8
}

// New returns the date year-month-day. It returns an [*Error] wrapping
// [ErrInvalid] when the year is outside 1..9999 or the day does not exist
// in that month (no normalisation: February 30 is an error, not March 2).
func New(year int, month time.Month, day int) (Date, error) {
	if err := check(year, int(month), day, ""); err != nil {
		return Date{}, err
	}
	return Date{year: int16(year), month: uint8(month), day: uint8(day)}, nil
}

// MustNew is like [New] but panics when the date is invalid. It is meant
// for literal dates in tests, examples and package-level variables; use
// [New] for anything that comes from input.
func MustNew(year int, month time.Month, day int) Date {
	d, err := New(year, month, day)
	if err != nil {
		panic(err)
	}
	return d
}

// check validates a date given as numbers. input is the text that produced
// them, if any, and is reported in the error; without it the numbers are
// formatted, only when there is an error to report.
func check(year, month, day int, input string) error {
	var part, reason string
	switch {
	case year < minYear || year > maxYear:
		part, reason = PartYear, "year must be between 1 and 9999"
	case month < 1 || month > 12:
		part, reason = PartMonth, "month must be between 1 and 12"
	default:
		dim := DaysInMonth(year, time.Month(month))
		if day >= 1 && day <= dim {
			return nil
		}
		part, reason = PartDay, fmt.Sprintf("%s %d has %d days", time.Month(month), year, dim)
	}
	if input == "" {
		input = fmt.Sprintf("%04d-%02d-%02d", year, month, day)
	}
	return &Error{Part: part, Input: input, Reason: reason}
}

// Of returns the calendar date of t in t's own location. It returns the zero
// Date when that date is outside 0001-01-01..9999-12-31.
func Of(t time.Time) Date {
	y, m, d := t.Date()
	if y < minYear || y > maxYear {
		return Date{}
	}
	return Date{year: int16(y), month: uint8(m), day: uint8(d)}
}

// In returns the calendar date of the instant t as seen in loc, for example
// the day an event happened in the account's time zone. A nil loc means UTC.
// Like [Of], it returns the zero Date outside the supported years.
func In(t time.Time, loc *time.Location) Date {
	if loc == nil {
		loc = time.UTC
	}
	return Of(t.In(loc))
}

// IsZero reports whether d is the zero Date, which stands for "no date".
func (d Date) IsZero() bool { return d == Date{} }

// Year returns d's year (0 for the zero Date).
func (d Date) Year() int { return int(d.year) }

// Month returns d's month (0 for the zero Date).
func (d Date) Month() time.Month { return time.Month(d.month) }

// Day returns d's day of the month (0 for the zero Date).
func (d Date) Day() int { return int(d.day) }

// Weekday returns the day of the week of d. The zero Date has no weekday;
// the result for it is time.Sunday, time.Weekday's zero value.
func (d Date) Weekday() time.Weekday {
	// 0001-01-01 (ordinal 1) was a Monday in the proleptic Gregorian calendar.
	return time.Weekday(d.ordinal() % 7)
}

// YearDay returns the day of the year of d, from 1 to 365 or 366 (0 for the
// zero Date).
func (d Date) YearDay() int {
	if d.IsZero() {
		return 0
	}
	n := daysBefore[d.month-1] + int(d.day)
	if d.month > 2 && IsLeapYear(int(d.year)) {
		n++
	}
	return n
}

// Time returns the first instant of d in loc: midnight, or the moment the
// clocks change on the rare days when a DST change skips midnight. A nil loc
// means UTC. The zero Date gives the zero time.Time.
func (d Date) Time(loc *time.Location) time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	if loc == nil {
		loc = time.UTC
	}
	t := time.Date(int(d.year), time.Month(d.month), int(d.day), 0, 0, 0, 0, loc)
	if Of(t).Before(d) {
		// Midnight does not exist in loc that day and time.Date fell back
		// to the evening before; the day starts when the new offset begins.
		if _, end := t.ZoneBounds(); !end.IsZero() {
			t = end
		}
	}
	return t
}

// ordinal returns the day number of d counting 0001-01-01 as 1, and 0 for
// the zero Date.
func (d Date) ordinal() int {
	if d.year == 0 {
		return 0
	}
	return ordinalOf(int(d.year), int(d.month), int(d.day))
}
