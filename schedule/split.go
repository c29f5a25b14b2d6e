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
	return split(amount, period, period, monthsIn(period), rule, cuts)
}

// split divides amount, billed for r (a part of the full period full, of
// months months), at cuts. The arguments are valid.
func split(amount money.Amount, r, full date.Range, months int, rule DayCount, cuts []date.Date) ([]Portion, error) {
	totalR, _, err := rule.measure(r, full, months)
	if err != nil {
		return nil, err
	}
	if totalR == 0 {
		return nil, validation.New("period", validation.CodeOutOfRange,
			r.String()+" measures nothing under the "+string(rule.orDefault())+" rule")
	}
	n := len(cuts) + 1
	spans := make([]date.Range, n)
	weights := make([]decimal.Decimal, n)
	start, prevCum := r.Start, int64(0)
	for i := range n {
		end, cum := r.End, totalR
		if i < len(cuts) {
			end = cuts[i]
			used, _, err := rule.measure(date.Range{Start: r.Start, End: end}, full, months)
			if err != nil {
				return nil, err
			}
			cum = min(used, totalR)
		}
		spans[i] = date.Range{Start: start, End: end}
		weights[i] = decimal.NewFromInt(cum - prevCum)
		start, prevCum = end, cum
	}
	parts, err := amount.Allocate(weights...)
	if err != nil {
		return nil, err
	}
	whole := decimal.NewFromInt(totalR)
	out := make([]Portion, n)
	for i := range out {
		out[i] = Portion{Span: spans[i], Amount: parts[i], Explanation: Explanation{
			Basis: BasisProrated, Base: amount, Part: weights[i], Whole: whole,
			Rule: rule.orDefault(), Span: spans[i],
		}}
	}
	return out, nil
}

// prorate returns amount × used/total rounded once to the currency's
// precision, half away from zero, with its explanation. It is the same as
// the first part of a split of amount by the weights used and total-used.
func prorate(amount money.Amount, used, total int64, rule DayCount, span date.Range) (money.Amount, Explanation, error) {
	e := Explanation{
		Basis: BasisProrated, Base: amount, Part: decimal.NewFromInt(used),
		Whole: decimal.NewFromInt(total), Rule: rule.orDefault(), Span: span,
	}
	q, err := money.QuoRound(amount.Number().Mul(e.Part), e.Whole,
		int32(amount.Currency().Digits()), money.RoundHalfAwayFromZero)
	if err != nil {
		return money.Amount{}, Explanation{}, err
	}
	return money.New(q, amount.Currency()), e, nil
}
