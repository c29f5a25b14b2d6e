// Package date provides civil dates for billing: a year, a month and a day,
// with no time of day and no time zone.
//
// Billing periods, due dates, service periods and price validity are all
// civil dates in billkit. Working with them as time.Time invites bugs that
// only show up twice a year: a period that starts at midnight in one zone is
// the previous evening in another, a day across a DST change lasts 23 or 25
// hours, and adding 24 hours is not always "the next day". A [Date] has none
// of these problems, and its arithmetic is exact over the whole range
// 0001-01-01 to 9999-12-31.
//
// Month arithmetic clamps to the end of the month, the way contracts read:
// January 31 plus one month is the last day of February. Recurring billing
// uses [Date.AddMonthsAnchored] so that a schedule anchored on the 31st comes
// back to the 31st after a short month instead of drifting to the 28th.
//
// A [Range] is a half-open period [Start, End): the day End is not part of
// it. Consecutive periods therefore share a boundary and never overlap, and
// the number of days is simply End minus Start. [Range.Last] gives the
// inclusive end date that an invoice prints.
//
// Dates convert to and from ISO 8601 text (YYYY-MM-DD), JSON and SQL DATE
// columns; the zero Date means "no date" and becomes an empty string, JSON
// null or SQL NULL.
//
//	start := date.MustParse("2026-01-31")
//	for i := range 3 {
//		fmt.Println(start.AddMonthsAnchored(i, 31)) // 2026-01-31, 2026-02-28, 2026-03-31
//	}
//
// The package imports only the standard library, so depending on it adds
// nothing to a host's module graph.
package date
