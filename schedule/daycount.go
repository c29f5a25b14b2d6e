package schedule

import (
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/validation"
)

// DayCount is the rule that measures part of a billing period when an
// amount is prorated. It is serialised as its string value; the zero value
// means DayCountActual.
//
// Every rule measures in whole units (days, twelfths of a day or months),
// so a proration is an exact fraction of integers and is rounded once.
type DayCount string

// Day-count rules.
const (
	// DayCountActual counts the actual days: 15 days of a 30-day period
	// are 15/30 of it. It is the default.
	DayCountActual DayCount = "actual"
	// DayCount30E360 counts every month as 30 days: the 30E/360
	// ("Eurobond basis") convention of the ISDA 2006 Definitions, section
	// 4.16(g), 360×ΔY + 30×ΔM + ΔD with both days capped at 30, applied to
	// the half-open period. The days from the 30th to the end of a 31-day
	// month count as one, and the last day of February makes up its
	// missing days, so a period from a day to the same day of the next
	// month is always 30 days. Single days may measure nothing, so it does
	// not apply to daily intervals.
	DayCount30E360 DayCount = "30e_360"
	// DayCountAverageMonth counts actual days against an average month of
	// 365/12 days, so a day costs the same in every month: 15 days of a
	// monthly period are 15/(365/12) of it, whatever the month. It applies
	// to month, quarter and year intervals. A partial period never counts
	// for more than the whole one.
	DayCountAverageMonth DayCount = "average_month"
	// DayCountWholeMonths counts months, any started month counting in
	// full: 2017-01-01 to 2018-01-10 is 13 months.
	DayCountWholeMonths DayCount = "whole_months"
)

// DayCounts lists every day-count rule.
func DayCounts() []DayCount {
	return []DayCount{DayCountActual, DayCount30E360, DayCountAverageMonth, DayCountWholeMonths}
}

// Valid reports whether dc is a known rule or the zero value.
func (dc DayCount) Valid() bool {
	switch dc {
	case "", DayCountActual, DayCount30E360, DayCountAverageMonth, DayCountWholeMonths:
		return true
	}
	return false
}

// orDefault returns dc, or DayCountActual for the zero value.
func (dc DayCount) orDefault() DayCount {
	if dc == "" {
		return DayCountActual
	}
	return dc
}

// measure returns the measure of span, a part of the full period full, and
// the measure of full itself, under dc. months is the number of months in
// full when it is a month-based period, and 0 otherwise. The result
// satisfies 0 <= used <= total; span == full gives used == total.
func (dc DayCount) measure(span, full date.Range, months int) (used, total int64, err error) {
	switch dc.orDefault() {
	case DayCountActual:
		used, total = int64(span.Days()), int64(full.Days())
	case DayCount30E360:
		used, total = days30E360(span), days30E360(full)
	case DayCountAverageMonth:
		if months <= 0 {
			return 0, 0, validation.New("day_count", validation.CodeNotAllowed,
				"average_month needs a period of whole months")
		}
		// In twelfths of a day: an average month is 365 of them.
		used, total = 12*int64(span.Days()), 365*int64(months)
	case DayCountWholeMonths:
		total = int64(months)
		if months <= 0 {
			total = wholeMonths(full)
		}
		used = wholeMonths(span)
	default:
		return 0, 0, validation.New("day_count", validation.CodeNotAllowed,
			"must be one of: actual, 30e_360, average_month, whole_months")
	}
	if span == full || used > total {
		used = total
	}
	if total <= 0 {
		return 0, 0, validation.New("period", validation.CodeOutOfRange,
			"measures nothing under the "+string(dc.orDefault())+" rule")
	}
	return used, total, nil
}

// unit names the unit of dc's measures, for explanations.
func (dc DayCount) unit() string {
	switch dc.orDefault() {
	case DayCountAverageMonth:
		return "twelfths of a day"
	case DayCountWholeMonths:
		return "months"
	}
	return "days"
}

// note names dc in explanations; the default rule needs no note.
func (dc DayCount) note() string {
	switch dc.orDefault() {
	case DayCount30E360:
		return "30E/360"
	case DayCountAverageMonth:
		return "average month of 365/12 days"
	case DayCountWholeMonths:
		return "whole months rounded up"
	}
	return ""
}

// days30E360 counts the days of r under 30E/360 (ISDA 2006, 4.16(g)):
// 360×ΔY + 30×ΔM + ΔD with both days capped at 30. Since r is half-open,
// its End is the first day after it, and the count is additive: the counts
// of [a, b) and [b, c) add up to that of [a, c).
func days30E360(r date.Range) int64 {
	if r.IsEmpty() {
		return 0
	}
	return serial30E360(r.End) - serial30E360(r.Start)
}

func serial30E360(d date.Date) int64 {
	return 360*int64(d.Year()) + 30*int64(d.Month()) + int64(min(d.Day(), 30))
}

// wholeMonths counts the months of r, a started month counting in full:
// the smallest n such that Start plus n months (anchored on Start's day)
// is not before End.
func wholeMonths(r date.Range) int64 {
	if r.IsEmpty() {
		return 0
	}
	n := monthNumber(r.End) - monthNumber(r.Start)
	if r.Start.AddMonthsAnchored(n, r.Start.Day()).Before(r.End) {
		n++
	}
	return int64(n)
}

// monthsIn returns n when r is exactly n months long, from one anchored
// day to the same anchored day n months later (clamped to month ends:
// [Jan 31, Feb 28) and [Feb 28, Mar 31) are both one month), and 0
// otherwise.
func monthsIn(r date.Range) int {
	if r.IsEmpty() {
		return 0
	}
	n := monthNumber(r.End) - monthNumber(r.Start)
	if n <= 0 {
		return 0
	}
	anchor := max(r.Start.Day(), r.End.Day())
	if r.Start.AddMonthsAnchored(0, anchor) != r.Start || r.Start.AddMonthsAnchored(n, anchor) != r.End {
		return 0
	}
	return n
}
