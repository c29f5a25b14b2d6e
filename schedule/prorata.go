package schedule

import (
	"math"
	"math/bits"

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
	hi, okHi := shareUnits(amount, upTo, total)
	lo, okLo := shareUnits(amount, before, total)
	if okHi && okLo {
		return money.FromMinor(hi-lo, amount.Currency()), e, nil
	}
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
	if units, ok := shareUnits(amount, part, total); ok {
		return money.FromMinor(units, amount.Currency()), nil
	}
	q, err := money.QuoRound(amount.Number().Mul(decimal.NewFromInt(part)), decimal.NewFromInt(total),
		int32(amount.Currency().Digits()), money.RoundHalfAwayFromZero)
	if err != nil {
		return money.Amount{}, err
	}
	return money.New(q, amount.Currency()), nil
}

// shareUnits is share in minor units of amount's currency, computed in
// 64-bit integers without allocating: ok is false when amount has more
// decimals than its currency or the product does not fit, and share then
// takes the decimal path.
func shareUnits(amount money.Amount, part, total int64) (units int64, ok bool) {
	n := amount.Number()
	shift := int64(n.Exponent()) + int64(amount.Currency().Digits())
	if shift < 0 || shift > 18 || n.NumDigits() > 18 || part < 0 || total <= 0 {
		return 0, false
	}
	c := n.CoefficientInt64()
	mag := uint64(c)
	if c < 0 {
		mag = uint64(-c)
	}
	hi, mag := bits.Mul64(mag, pow10[shift])
	if hi != 0 {
		return 0, false
	}
	hi, lo := bits.Mul64(mag, uint64(part))
	if hi >= uint64(total) {
		return 0, false // the quotient would not fit in 64 bits
	}
	q, r := bits.Div64(hi, lo, uint64(total))
	if q >= math.MaxInt64 {
		return 0, false
	}
	if r >= uint64(total)-r { // r >= total/2: half away from zero
		q++
	}
	if c < 0 {
		return -int64(q), true
	}
	return int64(q), true
}

// pow10 holds the powers of ten that fit in a uint64.
var pow10 = [19]uint64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
	1e15, 1e16, 1e17, 1e18}
