package schedule

import (
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// Timing says when a period is billed. It is serialised as its string
// value; the zero value means InAdvance.
type Timing string

// Timings.
const (
	// InAdvance bills a period on its first day.
	InAdvance Timing = "in_advance"
	// InArrears bills a period on the day after its last day, the End of
	// the half-open period.
	InArrears Timing = "in_arrears"
)

// Valid reports whether t is a known timing or the zero value.
func (t Timing) Valid() bool { return t == "" || t == InAdvance || t == InArrears }

// LeadingPolicy says how a leading partial period is billed: the days from
// a start date that is not on a period boundary to the next boundary. It is
// serialised as its string value; the zero value means LeadingProrate.
type LeadingPolicy string

// Leading partial period policies.
const (
	// LeadingProrate bills the days of the partial period under the plan's
	// day-count rule.
	LeadingProrate LeadingPolicy = "prorate"
	// LeadingFree does not charge for the partial period: its charge is
	// zero, and says so. Its days stay free across a change of terms.
	LeadingFree LeadingPolicy = "free"
	// LeadingFull bills the partial period at the price of a full one.
	// When the plan's end or a change falls inside that period, its days
	// are counted from the period's first day, as though the plan had
	// begun on it.
	LeadingFull LeadingPolicy = "full"
)

// Valid reports whether p is a known policy or the zero value.
func (p LeadingPolicy) Valid() bool {
	return p == "" || p == LeadingProrate || p == LeadingFree || p == LeadingFull
}

// Recurring is a plan billed every period of its cycle for a fixed amount
// per full period.
//
// A partial period is prorated under DayCount: the leading one as
// Leading says, and the trailing one, cut short by End, always.
// Prorated amounts are rounded once to the currency's precision, half away
// from zero (the EN 16931 practice).
type Recurring struct {
	Cycle
	// Amount is the price of one full period, at the currency's precision.
	Amount money.Amount `json:"amount"`
	// Timing says whether periods are billed in advance (the default) or in
	// arrears.
	Timing Timing `json:"timing,omitempty"`
	// Leading says how a leading partial period is billed; zero means
	// prorated.
	Leading LeadingPolicy `json:"leading,omitempty"`
	// DayCount is the rule that prorates partial periods; zero means actual
	// days.
	DayCount DayCount `json:"day_count,omitempty"`
	// ProrateFrom is set on a plan that continues another one from a day
	// inside a billing period (see Prorate): it is the day from which that
	// period is measured, on or before Start and inside Start's period.
	// The leading partial period is then billed as the share of the price
	// that the days from ProrateFrom to Start leave, each rounded half
	// away from zero: the same share that the plan it continues credited
	// or left unbilled, so that together they bill the period once, to the
	// unit. It needs LeadingProrate; the zero Date means Start.
	ProrateFrom date.Date `json:"prorate_from,omitzero"`
}

// Validate reports every fault of the plan as a *validation.Error.
func (r Recurring) Validate() error {
	var errs validation.Errors
	r.validate(&errs, "")
	return errs.Err()
}

func (r *Recurring) validate(errs *validation.Errors, prefix string) {
	r.Cycle.validate(errs, prefix)
	checkAmount(errs, prefix, "amount", r.Amount)
	if !r.Timing.Valid() {
		errs.Add(validation.Join(prefix, "timing"), validation.CodeNotAllowed, "must be one of: in_advance, in_arrears")
	}
	if !r.Leading.Valid() {
		errs.Add(validation.Join(prefix, "leading"), validation.CodeNotAllowed, "must be one of: prorate, free, full")
	}
	switch {
	case !r.DayCount.Valid():
		errs.Add(validation.Join(prefix, "day_count"), validation.CodeNotAllowed,
			"must be one of: actual, 30e_360, average_month, whole_months")
	case r.DayCount == DayCountAverageMonth && r.Interval.Unit.Valid() && r.Interval.Months() == 0:
		errs.Add(validation.Join(prefix, "day_count"), validation.CodeNotAllowed,
			"average_month needs a month, quarter or year interval")
	case r.DayCount == DayCount30E360 && r.Interval.Unit == Day:
		// Under 30E/360 some single days measure nothing.
		errs.Add(validation.Join(prefix, "day_count"), validation.CodeNotAllowed,
			"30e_360 needs a week, month, quarter or year interval")
	}
	if !r.ProrateFrom.IsZero() {
		r.validateProrateFrom(errs, prefix)
	}
}

// validateProrateFrom checks that ProrateFrom is in the period of Start,
// not after it, on a plan that prorates its leading period.
func (r *Recurring) validateProrateFrom(errs *validation.Errors, prefix string) {
	switch {
	case r.Leading != "" && r.Leading != LeadingProrate:
		errs.Add(validation.Join(prefix, "prorate_from"), validation.CodeForbidden,
			"is only allowed with prorate leading")
	case r.Start.IsZero():
	case r.ProrateFrom.After(r.Start):
		errs.Add(validation.Join(prefix, "prorate_from"), validation.CodeOutOfRange, "must not be after start")
	case errs.Len() == 0:
		// The period of Start can only be found on a valid cycle.
		k, err := r.calc()
		if err != nil {
			return // reported where the plan is used
		}
		if first := k.boundary(k.index(r.Start)); r.ProrateFrom.Before(first) {
			errs.Add(validation.Join(prefix, "prorate_from"), validation.CodeOutOfRange,
				"must be in the period of start, from "+first.String())
		}
	}
}

// checkAmount reports an amount, found at name under prefix, that has no
// currency or more decimals than its currency has.
func checkAmount(errs *validation.Errors, prefix, name string, a money.Amount) {
	if a.Currency().IsZero() {
		if a.IsZero() {
			errs.Add(validation.Join(prefix, name), validation.CodeRequired, "is required")
		} else {
			errs.Add(validation.Join(prefix, name), validation.CodeRequired, "needs a currency")
		}
		return
	}
	if !atPrecision(a) {
		errs.Add(validation.Join(prefix, name), validation.CodeInvalid,
			"has more decimals than "+a.Currency().Code()+" allows")
	}
}

// atPrecision reports whether a has no more decimals than its currency.
func atPrecision(a money.Amount) bool {
	n, digits := a.Number(), int32(a.Currency().Digits())
	return n.Exponent() >= -digits || n.Equal(n.Truncate(digits))
}

// charges appends to dst the charges of r whose billing date is in window.
// r and window are valid.
func (r *Recurring) charges(dst []Charge, window date.Range) ([]Charge, error) {
	k, err := r.calc()
	if err != nil {
		return nil, err
	}
	err = k.billed(window, r.Timing == InArrears, func(cut, full date.Range, billing date.Date) error {
		c, err := r.charge(cut, full, &k)
		if err != nil {
			return err
		}
		c.BillingDate = billing
		dst = append(dst, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return dst, nil
}

// charge prices the period cut of the full period full.
func (r *Recurring) charge(cut, full date.Range, k *calc) (Charge, error) {
	c := Charge{Period: cut}
	if cut == full {
		c.Amount = r.Amount
		c.Explanation = Explanation{Basis: BasisPeriod, Base: r.Amount, Span: cut}
		return c, nil
	}
	if full.Start.IsZero() || full.End.IsZero() {
		return Charge{}, &BoundaryError{Near: cut.Start}
	}
	if cut.Start.After(full.Start) {
		switch r.Leading {
		case LeadingFree:
			c.Amount = money.Zero(r.Amount.Currency())
			c.Explanation = Explanation{Basis: BasisFree, Base: r.Amount, Span: cut}
			return c, nil
		case LeadingFull:
			if cut.End == full.End {
				c.Amount = r.Amount
				c.Explanation = Explanation{Basis: BasisFullPrice, Base: r.Amount, Span: full}
				return c, nil
			}
		}
	}
	from, origin := r.pricedFrom(cut, full)
	var err error
	c.Amount, c.Explanation, err = spanPrice(r.Amount, origin, from, cut.End, full, k.months, r.DayCount)
	return c, err
}

// pricedFrom returns, for cut, a part of the full period full, the first
// day of the span that the plan bills for it and the day from which it
// measures full: the start of full for a full or trailing period and for a
// leading period billed in full, ProrateFrom for a leading period of a
// plan that continues another, and the start of cut otherwise.
func (r *Recurring) pricedFrom(cut, full date.Range) (from, origin date.Date) {
	switch {
	case !cut.Start.After(full.Start):
		return cut.Start, cut.Start
	case r.Leading == LeadingFull:
		return full.Start, full.Start
	case r.Leading == LeadingFree || r.ProrateFrom.IsZero():
		return cut.Start, cut.Start
	}
	return cut.Start, r.ProrateFrom
}
