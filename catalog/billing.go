package catalog

import (
	"strconv"

	"github.com/billkit/billkit/validation"
)

// BillingKind says when a price is charged. It is serialised as its string
// value.
type BillingKind string

// Billing kinds.
const (
	// BillingOneTime is charged once, such as a setup fee.
	BillingOneTime BillingKind = "one_time"
	// BillingRecurring is charged every Interval, such as a subscription.
	BillingRecurring BillingKind = "recurring"
	// BillingUsage is charged on the quantity consumed, reported after the
	// fact; its optional Interval is the period over which usage is summed.
	BillingUsage BillingKind = "usage"
)

// Valid reports whether k is one of the declared billing kinds.
func (k BillingKind) Valid() bool {
	switch k {
	case BillingOneTime, BillingRecurring, BillingUsage:
		return true
	}
	return false
}

// IntervalUnit is the calendar unit of a billing interval. It is serialised
// as its string value.
type IntervalUnit string

// Interval units.
const (
	IntervalDay     IntervalUnit = "day"
	IntervalWeek    IntervalUnit = "week"
	IntervalMonth   IntervalUnit = "month"
	IntervalQuarter IntervalUnit = "quarter"
	IntervalYear    IntervalUnit = "year"
)

// Valid reports whether u is one of the declared interval units.
func (u IntervalUnit) Valid() bool {
	switch u {
	case IntervalDay, IntervalWeek, IntervalMonth, IntervalQuarter, IntervalYear:
		return true
	}
	return false
}

// MaxIntervalCount is the largest number of units in an Interval.
const MaxIntervalCount = 1000

// Interval is a billing period length: Count units, such as 3 months. The
// zero Interval means "no interval".
type Interval struct {
	Unit  IntervalUnit `json:"unit"`
	Count int          `json:"count"`
}

// IsZero reports whether i is the zero Interval.
func (i Interval) IsZero() bool { return i == Interval{} }

// Validate returns a *validation.Error when the unit is unknown or the
// count is not between 1 and MaxIntervalCount.
func (i Interval) Validate() error {
	var errs validation.Errors
	if !i.Unit.Valid() {
		errs.Add("unit", validation.CodeNotAllowed, "must be one of: day, week, month, quarter, year")
	}
	if i.Count < 1 || i.Count > MaxIntervalCount {
		errs.Add("count", validation.CodeOutOfRange, "must be between 1 and "+strconv.Itoa(MaxIntervalCount))
	}
	return errs.Err()
}

// String returns i as "1 month" or "3 months", and "" for the zero Interval.
func (i Interval) String() string {
	if i.IsZero() {
		return ""
	}
	s := strconv.Itoa(i.Count) + " " + string(i.Unit)
	if i.Count != 1 {
		s += "s"
	}
	return s
}

// Billing says when a price is charged: once, every interval, or on usage.
type Billing struct {
	Kind BillingKind `json:"kind"`
	// Interval is required for BillingRecurring, optional for
	// BillingUsage and must be zero for BillingOneTime.
	Interval Interval `json:"interval,omitzero"`
}

// Validate returns a *validation.Error listing every fault of b.
func (b Billing) Validate() error {
	var errs validation.Errors
	switch {
	case b.Kind == "":
		errs.Add("kind", validation.CodeRequired, "is required")
	case !b.Kind.Valid():
		errs.Add("kind", validation.CodeNotAllowed, "must be one of: one_time, recurring, usage")
	}
	switch {
	case b.Kind == BillingRecurring && b.Interval.IsZero():
		errs.Add("interval", validation.CodeRequired, "is required for recurring billing")
	case b.Kind == BillingOneTime && !b.Interval.IsZero():
		errs.Add("interval", validation.CodeForbidden, "must be empty for one-time billing")
	case !b.Interval.IsZero():
		errs.MergeAt("interval", b.Interval.Validate())
	}
	return errs.Err()
}
