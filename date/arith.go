package date

import "time"

// maxMonthSpan is a number of months larger than any distance between two
// supported dates; it bounds the argument of month arithmetic so that the
// computation can never overflow.
const maxMonthSpan = 12 * (maxYear + 1)

// AddDays returns the date n days after d (before d when n is negative).
//
// The result is the zero Date when d is zero or when it would fall outside
// 0001-01-01..9999-12-31; check [Date.IsZero] when n comes from input.
// AddDays does not allocate.
func (d Date) AddDays(n int) Date {
	if d.IsZero() || n > maxOrdinal || n < -maxOrdinal {
		return Date{}
	}
	// Fast path: the result stays in the same month.
	if day := int(d.day) + n; day >= 1 && day <= 28 {
		return Date{year: d.year, month: d.month, day: uint8(day)}
	}
	o := d.ordinal() + n
	if o < 1 || o > maxOrdinal {
		return Date{}
	}
	return fromOrdinal(o)
}

// AddMonths returns the date n months after d (before d when n is
// negative), clamped to the last day of the target month: January 31 plus
// one month is February 28, or 29 in a leap year.
//
// Chaining AddMonths drifts (January 31, February 28, March 28, ...); use
// [Date.AddMonthsAnchored] from a fixed start for recurring schedules.
// The result is the zero Date when d is zero or out of range, as for
// [Date.AddDays].
func (d Date) AddMonths(n int) Date {
	return d.AddMonthsAnchored(n, int(d.day))
}

// AddYears returns the date n years after d, clamped like [Date.AddMonths]:
// 2024-02-29 plus one year is 2025-02-28. The result is the zero Date when d
// is zero or out of range.
func (d Date) AddYears(n int) Date {
	if n > maxYear || n < -maxYear {
		return Date{}
	}
	return d.AddMonthsAnchored(12*n, int(d.day))
}

// AddMonthsAnchored returns the date in the month n months after d's month
// whose day is anchorDay, or the last day of that month when it is shorter.
// With anchorDay 31 the months go January 31, February 28, March 31,
// April 30: unlike chained [Date.AddMonths], the anchor is never lost. The
// i-th start of a monthly schedule is start.AddMonthsAnchored(i, start.Day()),
// always computed from the first start rather than from the previous one.
//
// anchorDay values above 31 behave as 31. The result is the zero Date when
// d is zero, anchorDay is less than 1, or the result would fall outside
// 0001-01-01..9999-12-31. AddMonthsAnchored does not allocate.
func (d Date) AddMonthsAnchored(n int, anchorDay int) Date {
	if d.IsZero() || anchorDay < 1 || n > maxMonthSpan || n < -maxMonthSpan {
		return Date{}
	}
	months := int(d.year)*12 + int(d.month) - 1 + n
	if months < minYear*12 || months > maxYear*12+11 {
		return Date{}
	}
	year, month := months/12, time.Month(months%12+1)
	day := min(anchorDay, DaysInMonth(year, month))
	return Date{year: int16(year), month: uint8(month), day: uint8(day)}
}

// DaysSince returns the number of days from e to d: positive when d is
// after e, negative when it is before. It is exact over the whole supported
// range and does not allocate.
//
// Both dates should be non-zero; the zero Date counts as the day before
// 0001-01-01, consistent with [Date.Compare] sorting it first.
func (d Date) DaysSince(e Date) int {
	return d.ordinal() - e.ordinal()
}
