package kpi

import (
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/money"
)

// Precision of the results. Every division is rounded once, to the scale
// named here, half away from zero (money.RoundHalfAwayFromZero); sums of
// amounts are exact.
const (
	// MonthlyExtraDigits is the number of decimals that monthly recurring
	// amounts keep beyond their currency's precision: a yearly 1000.00 EUR
	// is 83.333333 EUR a month (2 + 4 decimals), so that twelve of them
	// round back to 1000.00 EUR. Round an MRR with Amount.Round to print it.
	MonthlyExtraDigits = 4
	// RateScale is the number of decimals of rates, ratios and shares,
	// which are fractions: 0.1234 is 12.34 %.
	RateScale = 4
	// DaysScale is the number of decimals of day counts: DSO and average
	// days late.
	DaysScale = 2
)

// rounding is the rounding mode of every division of the package.
const rounding = money.RoundHalfAwayFromZero

// monthlyScale returns the scale of the monthly amounts in currency c.
func monthlyScale(c money.Currency) int32 { return int32(c.Digits() + MonthlyExtraDigits) }

// quo returns x ÷ y rounded once to scale decimals. y is never zero: the
// callers check it and report an *UndefinedError instead.
func quo(x, y decimal.Decimal, scale int32) decimal.Decimal {
	q, err := money.QuoRound(x, y, scale, rounding)
	if err != nil {
		// Unreachable: y is not zero and the rounding mode is valid.
		return decimal.Decimal{}
	}
	return q
}

var (
	one    = decimal.NewFromInt(1)
	twelve = decimal.NewFromInt(12)
)
