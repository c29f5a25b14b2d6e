package schedule

import (
	"time"

	"github.com/billkit/billkit/date"
)

// calc is a validated cycle reduced to arithmetic: period i is
// [boundary(i), boundary(i+1)) cut to [start, end).
type calc struct {
	anchor    date.Date
	anchorDay int // day of month of month-based boundaries
	months    int // months per period, or 0
	days      int // days per period when months is 0
	start     date.Date
	end       date.Date // zero when open-ended
}

// calc resolves the anchor of a validated cycle.
func (c *Cycle) calc() (calc, error) {
	k := calc{months: c.Interval.Months(), days: c.Interval.days(), start: c.Start, end: c.End}
	switch c.Alignment {
	case "", AlignAnniversary:
		k.anchor = c.Start
		if !c.Anchor.IsZero() {
			k.anchor = c.Anchor
		}
		k.anchorDay = k.anchor.Day()
	case AlignCalendar:
		k.anchorDay = 1
		if !c.Anchor.IsZero() {
			k.anchor = c.Anchor
			break
		}
		switch c.Interval.Unit {
		case Day:
			k.anchor = c.Start
		case Week:
			// ISO 8601 weeks begin on Monday.
			k.anchor = c.Start.AddDays(-((int(c.Start.Weekday()) + 6) % 7))
		case Month:
			k.anchor = c.Start.StartOfMonth()
		case Quarter:
			k.anchor = c.Start.StartOfQuarter()
		case Year:
			k.anchor = c.Start.StartOfYear()
		}
	case AlignBillingDay:
		k.anchorDay = c.BillingDay
		if !c.Anchor.IsZero() {
			k.anchor = c.Anchor
			break
		}
		// The first billing day on or after the start; the days before it
		// are a leading partial period.
		k.anchor = c.Start.AddMonthsAnchored(0, c.BillingDay)
		if k.anchor.Before(c.Start) {
			k.anchor = c.Start.AddMonthsAnchored(1, c.BillingDay)
		}
	}
	if k.anchor.IsZero() {
		return calc{}, &BoundaryError{Near: c.Start}
	}
	return k, nil
}

// boundary returns the first day of period i (i may be negative), or the
// zero Date when it falls outside the supported calendar.
func (k *calc) boundary(i int) date.Date {
	if k.months > 0 {
		return k.anchor.AddMonthsAnchored(i*k.months, k.anchorDay)
	}
	return k.anchor.AddDays(i * k.days)
}

// index returns the number of the period that contains d.
func (k *calc) index(d date.Date) int {
	var i int
	if k.months > 0 {
		i = floorDiv(monthNumber(d)-monthNumber(k.anchor), k.months)
	} else {
		i = floorDiv(d.DaysSince(k.anchor), k.days)
	}
	// In the anchor's month of period i, d may still be before the
	// anchored day; the zero Date (before the calendar) never is.
	if k.boundary(i).After(d) {
		i--
	}
	return i
}

// period returns period i cut to the plan's life, and the full period it
// belongs to. A full-period bound outside the calendar is the zero Date.
func (k *calc) period(i int) (cut, full date.Range, err error) {
	full = date.Range{Start: k.boundary(i), End: k.boundary(i + 1)}
	cut = date.Range{Start: date.Max(full.Start, k.start), End: full.End}
	if !k.end.IsZero() && (cut.End.IsZero() || k.end.Before(cut.End)) {
		cut.End = k.end
	}
	if cut.End.IsZero() {
		return date.Range{}, date.Range{}, &BoundaryError{Near: cut.Start}
	}
	return cut, full, nil
}

// periods returns the periods overlapping window.
func (k *calc) periods(window date.Range) ([]date.Range, error) {
	lo := date.Max(window.Start, k.start)
	hi := window.End
	if !k.end.IsZero() {
		hi = date.Min(hi, k.end)
	}
	if !lo.Before(hi) {
		return []date.Range{}, nil
	}
	out := make([]date.Range, 0, k.estimate(lo, hi))
	for i := k.index(lo); ; i++ {
		p, _, err := k.period(i)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
		if !p.End.Before(hi) {
			return out, nil
		}
	}
}

// billed calls fn, in order, for each period whose billing date is in
// window: its first day when billed in advance, the day after its last day
// when billed in arrears. fn receives the period cut to the plan's life,
// the full period it belongs to, and the billing date.
func (k *calc) billed(window date.Range, arrears bool, fn func(cut, full date.Range, billing date.Date) error) error {
	lo := window.Start
	if arrears {
		// A period billed on window.Start ends the day before.
		if prev := lo.AddDays(-1); !prev.IsZero() {
			lo = prev
		}
	}
	lo = date.Max(lo, k.start)
	hi := window.End
	if !k.end.IsZero() {
		hi = date.Min(hi, k.end)
	}
	for i := k.index(lo); lo.Before(hi); i++ {
		cut, full, err := k.period(i)
		if err != nil {
			return err
		}
		if !cut.Start.Before(hi) {
			return nil
		}
		billing := cut.Start
		if arrears {
			billing = cut.End
		}
		if window.Contains(billing) {
			if err := fn(cut, full, billing); err != nil {
				return err
			}
		}
		if !cut.End.Before(hi) {
			// The next period starts on or after hi; stopping here also
			// covers a last period whose boundary is beyond the calendar.
			return nil
		}
	}
	return nil
}

// estimate returns the number of periods between lo and hi, plus room for
// the partial ones at each end, bounded so that a silly window cannot
// reserve a huge slice up front.
func (k *calc) estimate(lo, hi date.Date) int {
	var n int
	if k.months > 0 {
		n = (monthNumber(hi) - monthNumber(lo)) / k.months
	} else {
		n = hi.DaysSince(lo) / k.days
	}
	return min(n+2, 1024)
}

// monthNumber counts the months from year 0 to d's month.
func monthNumber(d date.Date) int { return d.Year()*12 + int(d.Month()) - int(time.January) }

// floorDiv divides a by b > 0, rounding toward negative infinity.
func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}
