package date

// Range is a half-open period of days [Start, End): Start is the first day
// in the range and End is the first day after it. It is the shared
// representation of billing and service periods in billkit.
//
// Half-open ranges tile without gaps or overlaps: a monthly period is
// [2026-01-01, 2026-02-01) and the next one starts where it ends. The
// inclusive last day, which is what an invoice prints, is [Range.Last].
//
// A Range whose bounds are missing or whose End is not after its Start
// contains no days; [Range.Validate] reports it and [NewRange] refuses it.
type Range struct {
	// Start is the first day of the range.
	Start Date `json:"start"`
	// End is the day after the last day of the range.
	End Date `json:"end"`
}

// NewRange returns the range [start, end). It returns a [*RangeError]
// wrapping [ErrInvalidRange] when a bound is the zero Date or end is not
// after start.
func NewRange(start, end Date) (Range, error) {
	r := Range{Start: start, End: end}
	if err := r.Validate(); err != nil {
		return Range{}, err
	}
	return r, nil
}

// Validate returns a [*RangeError] wrapping [ErrInvalidRange] when a bound
// is the zero Date or End is not after Start, and nil otherwise.
func (r Range) Validate() error {
	switch {
	case r.Start.IsZero():
		return &RangeError{Range: r, Reason: "start date is missing"}
	case r.End.IsZero():
		return &RangeError{Range: r, Reason: "end date is missing"}
	case !r.End.After(r.Start):
		return &RangeError{Range: r, Reason: "end must be after start"}
	}
	return nil
}

// IsEmpty reports whether r contains no days: a bound is the zero Date or
// End is not after Start.
func (r Range) IsEmpty() bool {
	return r.Start.IsZero() || r.End.IsZero() || !r.End.After(r.Start)
}

// Days returns the number of days in r, End - Start, or 0 when r is empty.
func (r Range) Days() int {
	if r.IsEmpty() {
		return 0
	}
	return r.End.DaysSince(r.Start)
}

// Contains reports whether d is one of the days of r: Start <= d < End.
func (r Range) Contains(d Date) bool {
	return !r.IsEmpty() && !d.Before(r.Start) && d.Before(r.End)
}

// Overlaps reports whether r and o have at least one day in common. Ranges
// that only touch, such as consecutive billing periods, do not overlap.
func (r Range) Overlaps(o Range) bool {
	return !r.IsEmpty() && !o.IsEmpty() && r.Start.Before(o.End) && o.Start.Before(r.End)
}

// Intersect returns the days that r and o have in common, and false (with
// the zero Range) when they have none.
func (r Range) Intersect(o Range) (Range, bool) {
	if !r.Overlaps(o) {
		return Range{}, false
	}
	return Range{Start: Max(r.Start, o.Start), End: Min(r.End, o.End)}, true
}

// Last returns the last day of r, End - 1: the inclusive end date that
// documents print. It returns the zero Date when r is empty.
func (r Range) Last() Date {
	if r.IsEmpty() {
		return Date{}
	}
	return r.End.AddDays(-1)
}

// String returns r as its inclusive first and last days, such as
// "2026-01-01..2026-01-31" for January 2026. An empty range is written in
// half-open notation, such as "[2026-01-01, 2026-01-01)", so that it cannot
// be mistaken for a one-day range; the zero Range is "".
func (r Range) String() string {
	switch {
	case r == Range{}:
		return ""
	case r.IsEmpty():
		return "[" + r.Start.String() + ", " + r.End.String() + ")"
	default:
		return r.Start.String() + ".." + r.Last().String()
	}
}
