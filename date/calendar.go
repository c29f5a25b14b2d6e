package date

import "time"

// Limits of the supported calendar, the same as those of ISO 8601 without
// expansion and of SQL DATE columns.
const (
	minYear = 1
	maxYear = 9999
)

// The proleptic Gregorian calendar repeats every 400 years, which hold
// 146097 days; the days in 100 and 4 year blocks follow from the leap rules.
const (
	daysPer400Years = 400*365 + 97
	daysPer100Years = 100*365 + 24
	daysPer4Years   = 4*365 + 1
)

// maxOrdinal is the ordinal of 9999-12-31, the last supported day.
const maxOrdinal = 3652059

// daysBefore[m] is the number of days in a common year before month m+1
// (index 0 is January).
var daysBefore = [13]int{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365}

// IsLeapYear reports whether year is a leap year in the proleptic Gregorian
// calendar: divisible by 4, except centuries not divisible by 400 (1900 is
// not a leap year, 2000 is).
func IsLeapYear(year int) bool {
	return year%4 == 0 && (year%100 != 0 || year%400 == 0)
}

// DaysInMonth returns the number of days in the given month of year, or 0 if
// month is not between January and December.
func DaysInMonth(year int, month time.Month) int {
	if month < time.January || month > time.December {
		return 0
	}
	if month == time.February && IsLeapYear(year) {
		return 29
	}
	return daysBefore[month] - daysBefore[month-1]
}

// ordinalOf returns the number of the day y-m-d counting 0001-01-01 as day 1.
// The arguments must form a valid date.
func ordinalOf(y, m, d int) int {
	y1 := y - 1
	n := y1*365 + y1/4 - y1/100 + y1/400 + daysBefore[m-1] + d
	if m > 2 && IsLeapYear(y) {
		n++
	}
	return n
}

// fromOrdinal is the inverse of ordinalOf for 1 <= n <= maxOrdinal.
func fromOrdinal(n int) Date {
	r := n - 1 // days since 0001-01-01

	q400 := r / daysPer400Years
	r -= q400 * daysPer400Years

	// The last day of a 400-year block belongs to the fourth century.
	q100 := min(r/daysPer100Years, 3)
	r -= q100 * daysPer100Years

	q4 := r / daysPer4Years
	r -= q4 * daysPer4Years

	// The last day of a 4-year block is December 31 of its leap year.
	q1 := min(r/365, 3)
	r -= q1 * 365

	year := q400*400 + q100*100 + q4*4 + q1 + 1
	yday := r // 0-based day of the year

	leap := 0
	if IsLeapYear(year) {
		leap = 1
	}
	// Months have at most 31 days, so yday/31 is the month or the one
	// before it.
	m := yday / 31
	if m < 12 && yday >= monthStart(m+1, leap) {
		m++
	}
	day := yday - monthStart(m, leap) + 1
	return Date{year: int16(year), month: uint8(m + 1), day: uint8(day)}
}

// monthStart returns the 0-based day of the year on which month m+1 starts.
func monthStart(m, leap int) int {
	if m >= 2 {
		return daysBefore[m] + leap
	}
	return daysBefore[m]
}

// StartOfMonth returns the first day of d's month. The zero Date stays zero.
func (d Date) StartOfMonth() Date {
	if d.IsZero() {
		return d
	}
	return Date{year: d.year, month: d.month, day: 1}
}

// EndOfMonth returns the last day of d's month. The zero Date stays zero.
func (d Date) EndOfMonth() Date {
	if d.IsZero() {
		return d
	}
	return Date{year: d.year, month: d.month, day: uint8(DaysInMonth(int(d.year), time.Month(d.month)))}
}

// StartOfQuarter returns the first day of d's calendar quarter (January 1,
// April 1, July 1 or October 1). The zero Date stays zero.
func (d Date) StartOfQuarter() Date {
	if d.IsZero() {
		return d
	}
	return Date{year: d.year, month: (d.month-1)/3*3 + 1, day: 1}
}

// StartOfYear returns January 1 of d's year. The zero Date stays zero.
func (d Date) StartOfYear() Date {
	if d.IsZero() {
		return d
	}
	return Date{year: d.year, month: 1, day: 1}
}
