package schedule

import (
	"strconv"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/validation"
)

// Alignment says on which days billing periods begin. It is serialised as
// its string value; the zero value means AlignAnniversary.
type Alignment string

// Alignments of a billing cycle.
const (
	// AlignAnniversary starts periods on the anniversaries of the anchor
	// date (the start date unless Cycle.Anchor is set): a monthly plan
	// started on the 31st renews on February 28 (or 29), March 31,
	// April 30, and never drifts.
	AlignAnniversary Alignment = "anniversary"
	// AlignCalendar starts periods on calendar boundaries: the first day of
	// the month, of the quarter (January, April, July, October) or of the
	// year, and Monday for weeks (ISO 8601). Multi-unit intervals count
	// from the boundary on or before the start date, or from Cycle.Anchor
	// when it is set.
	AlignCalendar Alignment = "calendar"
	// AlignBillingDay starts periods on Cycle.BillingDay of the month (1 to
	// 31, clamped to the last day of shorter months), counting whole
	// intervals from the first billing day on or after the start, or from
	// Cycle.Anchor when it is set. It applies to month, quarter and year
	// intervals.
	AlignBillingDay Alignment = "billing_day"
)

// Alignments lists every alignment.
func Alignments() []Alignment { return []Alignment{AlignAnniversary, AlignCalendar, AlignBillingDay} }

// Valid reports whether a is a known alignment or the zero value.
func (a Alignment) Valid() bool {
	switch a {
	case "", AlignAnniversary, AlignCalendar, AlignBillingDay:
		return true
	}
	return false
}

// Cycle is the calendar of a periodic plan: the periods it is billed for.
// Periods are half-open date ranges [start, end) that follow each other
// without gap or overlap. The first period begins on Start; when Start is
// not on a period boundary (calendar or billing-day alignment) the first
// period is a leading partial period. The last period ends on End when End
// is set and falls inside a period.
//
// Period boundaries are always computed from one anchor date by adding
// whole intervals to it (never by chaining additions), so month-end
// clamping cannot drift.
type Cycle struct {
	// Interval is the length of a period.
	Interval Interval `json:"interval"`
	// Start is the first day of service.
	Start date.Date `json:"start"`
	// End is the day after the last day of service (exclusive); the zero
	// Date means the plan runs until further notice.
	End date.Date `json:"end,omitzero"`
	// Alignment says on which days periods begin; zero means anniversary.
	Alignment Alignment `json:"alignment,omitempty"`
	// BillingDay is the day of the month on which periods begin, 1 to 31,
	// with AlignBillingDay only.
	BillingDay int `json:"billing_day,omitempty"`
	// Anchor is a day on which a period begins, from which the other
	// periods are counted in whole intervals; the zero Date derives it from
	// Start and the alignment. With AlignAnniversary it may be any day, and
	// periods begin on its anniversaries; with AlignCalendar it must be a
	// boundary of the interval's unit (a Monday, or the first day of a
	// month, quarter or year); with AlignBillingDay it must fall on the
	// billing day. A plan that continues another one mid-period (see
	// Prorate) keeps the original anchor so that both share the same period
	// boundaries, whatever the interval.
	Anchor date.Date `json:"anchor,omitzero"`
}

// Validate reports every fault of the cycle as a *validation.Error.
func (c Cycle) Validate() error {
	var errs validation.Errors
	c.validate(&errs, "")
	return errs.Err()
}

func (c *Cycle) validate(errs *validation.Errors, prefix string) {
	c.Interval.validate(errs, prefix)
	if c.Start.IsZero() {
		errs.Add(validation.Join(prefix, "start"), validation.CodeRequired, "is required")
	}
	if !c.End.IsZero() && !c.Start.IsZero() && !c.End.After(c.Start) {
		errs.Add(validation.Join(prefix, "end"), validation.CodeOutOfRange, "must be after start")
	}
	switch c.Alignment {
	case "", AlignAnniversary, AlignCalendar:
		if c.BillingDay != 0 {
			errs.Add(validation.Join(prefix, "billing_day"), validation.CodeForbidden,
				"is only allowed with billing_day alignment")
		}
	case AlignBillingDay:
		if c.BillingDay < 1 || c.BillingDay > 31 {
			errs.Add(validation.Join(prefix, "billing_day"), validation.CodeOutOfRange, "must be between 1 and 31")
		}
		if c.Interval.Unit.Valid() && c.Interval.Unit.months() == 0 {
			errs.Add(validation.Join(prefix, "alignment"), validation.CodeNotAllowed,
				"billing_day alignment needs a month, quarter or year interval")
		}
	default:
		errs.Add(validation.Join(prefix, "alignment"), validation.CodeNotAllowed,
			"must be one of: anniversary, calendar, billing_day")
	}
	if !c.Anchor.IsZero() {
		c.validateAnchor(errs, prefix)
	}
}

// validateAnchor reports an anchor on which no period of the alignment
// can begin.
func (c *Cycle) validateAnchor(errs *validation.Errors, prefix string) {
	a := c.Anchor
	switch c.Alignment {
	case AlignCalendar:
		var boundary date.Date
		switch c.Interval.Unit {
		case Day:
			return
		case Week:
			boundary = a.AddDays(-((int(a.Weekday()) + 6) % 7))
		case Month:
			boundary = a.StartOfMonth()
		case Quarter:
			boundary = a.StartOfQuarter()
		case Year:
			boundary = a.StartOfYear()
		default:
			return // the unit is reported already
		}
		if a != boundary {
			errs.Add(validation.Join(prefix, "anchor"), validation.CodeInvalid,
				"must begin a calendar "+string(c.Interval.Unit)+" with calendar alignment")
		}
	case AlignBillingDay:
		if c.BillingDay >= 1 && c.BillingDay <= 31 && a.AddMonthsAnchored(0, c.BillingDay) != a {
			errs.Add(validation.Join(prefix, "anchor"), validation.CodeInvalid,
				"must fall on the billing day, "+strconv.Itoa(c.BillingDay))
		}
	}
}

// Periods returns the periods of the cycle that have at least one day in
// window, in order: contiguous, non-overlapping, and together covering
// every day of window on which the plan runs. Periods are not cut at the
// window's bounds, so the first may begin before window.Start and the last
// may end after window.End. A window outside the plan's life gives no
// period.
func (c Cycle) Periods(window date.Range) ([]date.Range, error) {
	var errs validation.Errors
	c.validate(&errs, "")
	checkWindow(&errs, window)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	k, err := c.calc()
	if err != nil {
		return nil, err
	}
	return k.periods(window)
}

// checkWindow reports a window that is not a valid range.
func checkWindow(errs *validation.Errors, window date.Range) {
	if err := window.Validate(); err != nil {
		errs.Add("window", validation.CodeInvalid, err.Error())
	}
}
