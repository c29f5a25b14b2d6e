package schedule

import (
	"strconv"

	"github.com/billkit/billkit/validation"
)

// Unit is the calendar unit of a billing interval. It is serialised as its
// string value.
type Unit string

// Interval units.
const (
	Day     Unit = "day"
	Week    Unit = "week"
	Month   Unit = "month"
	Quarter Unit = "quarter" // three months
	Year    Unit = "year"    // twelve months
)

// Units lists every interval unit.
func Units() []Unit { return []Unit{Day, Week, Month, Quarter, Year} }

// Valid reports whether u is a known unit.
func (u Unit) Valid() bool {
	switch u {
	case Day, Week, Month, Quarter, Year:
		return true
	}
	return false
}

// months returns the number of months in one u, or 0 for day-based units.
func (u Unit) months() int {
	switch u {
	case Month:
		return 1
	case Quarter:
		return 3
	case Year:
		return 12
	}
	return 0
}

// days returns the number of days in one u, or 0 for month-based units.
func (u Unit) days() int {
	switch u {
	case Day:
		return 1
	case Week:
		return 7
	}
	return 0
}

// maxIntervalCount bounds Interval.Count, so that period arithmetic can
// never overflow; no useful billing interval comes near it.
const maxIntervalCount = 1000

// Interval is the length of a billing period: Count units, such as one
// month or two weeks. A zero Count means 1.
type Interval struct {
	// Unit is the calendar unit.
	Unit Unit `json:"unit"`
	// Count is the number of units in a period, 1 to 1000; 0 means 1.
	Count int `json:"count,omitempty"`
}

// count returns the number of units, with the zero value meaning 1.
func (iv Interval) count() int {
	if iv.Count == 0 {
		return 1
	}
	return iv.Count
}

// Months returns the number of months in one period, or 0 for day and week
// intervals.
func (iv Interval) Months() int { return iv.count() * iv.Unit.months() }

// days returns the number of days in one period, or 0 for month-based
// intervals.
func (iv Interval) days() int { return iv.count() * iv.Unit.days() }

// String returns the interval in words, such as "1 month" or "3 weeks".
func (iv Interval) String() string {
	n := iv.count()
	if n == 1 {
		return "1 " + string(iv.Unit)
	}
	return strconv.Itoa(n) + " " + string(iv.Unit) + "s"
}

// validate checks the interval, found at "interval" under prefix. Field
// paths are only built for faults, so that validating a valid plan does not
// allocate.
func (iv Interval) validate(errs *validation.Errors, prefix string) {
	switch {
	case iv.Unit == "":
		errs.Add(validation.Join(prefix, "interval.unit"), validation.CodeRequired, "is required")
	case !iv.Unit.Valid():
		errs.Add(validation.Join(prefix, "interval.unit"), validation.CodeNotAllowed,
			"must be one of: day, week, month, quarter, year")
	}
	if iv.Count < 0 || iv.Count > maxIntervalCount {
		errs.Add(validation.Join(prefix, "interval.count"), validation.CodeOutOfRange,
			"must be between 1 and "+strconv.Itoa(maxIntervalCount))
	}
}
