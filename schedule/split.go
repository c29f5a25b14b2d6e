package schedule

import (
	"strconv"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
	"github.com/shopspring/decimal"
)

// Portion is one of the consecutive parts of a period returned by Split,
// with its share of the amount.
type Portion struct {
	// Span is the part of the period.
	Span date.Range `json:"span"`
	// Amount is the share of the amount for Span.
	Amount money.Amount `json:"amount"`
	// Explanation says how Amount was computed.
	Explanation Explanation `json:"explanation"`
}

// Split divides amount, billed for period, into the consecutive parts of
// period that begin at period.Start and at each cut, in proportion to their
// measure under rule. The parts always sum exactly to amount: they are
// allocated with money.Amount.Allocate (largest remainder), never rounded
// one by one.
//
// Each part but the last is priced by the rule from the start of the
// period, and the last takes what remains. With the additive rules
// (actual days, 30E/360) this is a plain proportional split; with
// DayCountAverageMonth and DayCountWholeMonths it means that the days used
// are priced by the rule and the rest is left over. For these two rules a
// period of whole months, such as [2026-01-31, 2026-02-28), counts as its
// number of months.
//
// Cuts must be strictly increasing and strictly inside the period. A split
// into two parts gives the part used before a change and the part to
// credit after it.
func Split(amount money.Amount, period date.Range, rule DayCount, cuts ...date.Date) ([]Portion, error) {
	var errs validation.Errors
	if amount.Currency().IsZero() {
		errs.Add("amount", validation.CodeRequired, "needs a currency")
	}
	if err := period.Validate(); err != nil {
		errs.Add("period", validation.CodeInvalid, err.Error())
	}
	if !rule.Valid() {
		errs.Add("rule", validation.CodeNotAllowed, "must be one of: actual, 30e_360, average_month, whole_months")
	}
	prev := period.Start
	for i, c := range cuts {
		if !c.After(prev) || !c.Before(period.End) {
			errs.Add("cuts["+strconv.Itoa(i)+"]", validation.CodeOutOfRange,
				"must be inside the period and after the previous cut")
		}
		prev = c
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return split(amount, period, period, monthsIn(period), rule, cuts, period.Start)
}

// split divides amount, billed for r (a part of the full period full, of
// months months), at cuts, measuring each part as the difference of the
// measures from origin (on or before r.Start) to its ends. The arguments
// are valid.
func split(amount money.Amount, r, full date.Range, months int, rule DayCount, cuts []date.Date, origin date.Date) ([]Portion, error) {
	lo, err := measureFrom(origin, r.Start, full, months, rule)
	if err != nil {
		return nil, err
	}
	hi, err := measureFrom(origin, r.End, full, months, rule)
	if err != nil {
		return nil, err
	}
	if hi <= lo {
		return nil, validation.New("period", validation.CodeOutOfRange,
			r.String()+" measures nothing under the "+string(rule.orDefault())+" rule")
	}
	n := len(cuts) + 1
	spans := make([]date.Range, n)
	weights := make([]decimal.Decimal, n)
	start, prevCum := r.Start, lo
	for i := range n {
		end, cum := r.End, hi
		if i < len(cuts) {
			end = cuts[i]
			used, err := measureFrom(origin, end, full, months, rule)
			if err != nil {
				return nil, err
			}
			cum = min(max(used, prevCum), hi)
		}
		spans[i] = date.Range{Start: start, End: end}
		weights[i] = decimal.NewFromInt(cum - prevCum)
		start, prevCum = end, cum
	}
	parts, err := amount.Allocate(weights...)
	if err != nil {
		return nil, err
	}
	whole := decimal.NewFromInt(hi - lo)
	out := make([]Portion, n)
	for i := range out {
		out[i] = Portion{Span: spans[i], Amount: parts[i], Explanation: Explanation{
			Basis: BasisProrated, Base: amount, Part: weights[i], Whole: whole,
			Rule: rule.orDefault(), Span: spans[i],
		}}
	}
	return out, nil
}
