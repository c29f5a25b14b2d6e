package kpi

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/schedule"
	"github.com/billkit/billkit/validation"
)

// maxIntervalCount is the largest interval count schedule accepts.
const maxIntervalCount = 1000

// MonthlyAmount normalises the amount billed for one full period of
// interval iv to one month:
//
//	month × n    amount ÷ n
//	quarter × n  amount ÷ (3 × n)
//	year × n     amount ÷ (12 × n)
//	week × n     amount × 52 ÷ (12 × n)
//	day × n      amount × 365 ÷ (12 × n)
//
// (a zero count n means 1). The result is rounded once, half away from
// zero, to the currency's precision plus MonthlyExtraDigits decimals:
// 1000.00 EUR a year is 83.333333 EUR a month, 10.00 EUR a week is
// 43.333333 EUR. An unknown unit or a count outside 0..1000 is a
// *validation.Error naming "interval.unit" or "interval.count".
func MonthlyAmount(perPeriod money.Amount, iv schedule.Interval) (money.Amount, error) {
	if err := checkInterval(iv, ""); err != nil {
		return money.Amount{}, err
	}
	return monthly(perPeriod, iv), nil
}

// checkInterval reports a unit or count that MonthlyAmount cannot
// normalise, under prefix.
func checkInterval(iv schedule.Interval, prefix string) error {
	if !iv.Unit.Valid() {
		return validation.New(validation.Join(prefix, "interval.unit"), validation.CodeNotAllowed,
			"must be one of: day, week, month, quarter, year")
	}
	if iv.Count < 0 || iv.Count > maxIntervalCount {
		return validation.New(validation.Join(prefix, "interval.count"), validation.CodeOutOfRange,
			"must be between 1 and "+strconv.Itoa(maxIntervalCount))
	}
	return nil
}

// monthly normalises a valid interval's amount to a month.
func monthly(perPeriod money.Amount, iv schedule.Interval) money.Amount {
	n := int64(iv.Count)
	if n == 0 {
		n = 1
	}
	num, den := int64(1), n
	switch iv.Unit {
	case schedule.Quarter:
		den = 3 * n
	case schedule.Year:
		den = 12 * n
	case schedule.Week:
		num, den = 52, 12*n
	case schedule.Day:
		num, den = 365, 12*n
	}
	x := perPeriod.Number()
	if num != 1 {
		x = x.Mul(decimal.NewFromInt(num))
	}
	if den == 1 {
		return perPeriod
	}
	return money.New(quo(x, decimal.NewFromInt(den), monthlyScale(perPeriod.Currency())), perPeriod.Currency())
}
