package schedule

import (
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/shopspring/decimal"
)

// prorate returns amount × used/total rounded once to the currency's
// precision, half away from zero, with its explanation. It is the same as
// the first part of a split of amount by the weights used and total-used.
func prorate(amount money.Amount, used, total int64, rule DayCount, span date.Range) (money.Amount, Explanation, error) {
	q, err := share(amount, used, total)
	if err != nil {
		return money.Amount{}, Explanation{}, err
	}
	return q, explain(amount, used, total, rule, span), nil
}

// explain explains a share of amount, part/total of it measured under
// rule, for span.
func explain(amount money.Amount, part, total int64, rule DayCount, span date.Range) Explanation {
	return Explanation{
		Basis: BasisProrated, Base: amount, Part: decimal.NewFromInt(part),
		Whole: decimal.NewFromInt(total), Rule: rule.orDefault(), Span: span,
	}
}

// measureFrom returns the measure of [origin, d), a part of the full period
// full, under rule; d == origin measures nothing.
func measureFrom(origin, d date.Date, full date.Range, months int, rule DayCount) (int64, error) {
	if d == origin {
		return 0, nil
	}
	used, _, err := rule.measure(date.Range{Start: origin, End: d}, full, months)
	return used, err
}

// measuresNothing reports whether r, a part of the full period full
// measured from origin, measures nothing under rule.
func measuresNothing(rule DayCount, origin date.Date, r, full date.Range, months int) (bool, error) {
	lo, err := measureFrom(origin, r.Start, full, months, rule)
	if err != nil {
		return false, err
	}
	hi, err := measureFrom(origin, r.End, full, months, rule)
	return hi <= lo, err
}

// spanPrice returns the share of amount, the price of the full period
// full, for the span [from, to) of it when the period is measured from
// origin (origin <= from <= to), with its explanation. It is
//
//	round(amount × M(to)/T) - round(amount × M(from)/T)
//
// where M(d) is the measure of [origin, d) and T that of full under rule,
// each term rounded half away from zero. Measured from one origin, the
// shares of consecutive spans add up exactly to the share of their union:
// the first term is what the span and the days before it cost, the second
// what the days before it cost. From the origin itself, it is prorate.
func spanPrice(amount money.Amount, origin, from, to date.Date, full date.Range, months int, rule DayCount) (money.Amount, Explanation, error) {
	span := date.Range{Start: from, End: to}
	upTo, total, err := rule.measure(date.Range{Start: origin, End: to}, full, months)
	if err != nil {
		return money.Amount{}, Explanation{}, err
	}
	if from == origin {
		return prorate(amount, upTo, total, rule, span)
	}
	before, err := measureFrom(origin, from, full, months, rule)
	if err != nil {
		return money.Amount{}, Explanation{}, err
	}
	before = min(before, upTo)
	e := explain(amount, upTo-before, total, rule, span)
	a, err := share(amount, upTo, total)
	if err != nil {
		return money.Amount{}, Explanation{}, err
	}
	b, err := share(amount, before, total)
	if err != nil {
		return money.Amount{}, Explanation{}, err
	}
	return money.New(a.Number().Sub(b.Number()), amount.Currency()), e, nil
}

// share returns amount × part/total rounded half away from zero to the
// currency's precision, for 0 <= part <= total and total > 0.
func share(amount money.Amount, part, total int64) (money.Amount, error) {
	q, err := money.QuoRound(amount.Number().Mul(decimal.NewFromInt(part)), decimal.NewFromInt(total),
		int32(amount.Currency().Digits()), money.RoundHalfAwayFromZero)
	if err != nil {
		return money.Amount{}, err
	}
	return money.New(q, amount.Currency()), nil
}
