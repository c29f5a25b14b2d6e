// Package fastdec holds decimal operations that give exactly what
// github.com/shopspring/decimal gives, value and exponent alike, without
// allocating where the result is one of the operands: sums with a zero
// term are the other term. Amounts are summed from zero all over
// billing, and shopspring/decimal allocates a new coefficient for every
// result.
//
// Decimals are immutable, so a result may share its coefficient with an
// operand, as decimal.Decimal.Round does when there is nothing to round.
package fastdec

import "github.com/shopspring/decimal"

// Add returns a + b, as a.Add(b) does.
func Add(a, b decimal.Decimal) decimal.Decimal {
	// The sum's exponent is the smaller of the two: a zero term whose
	// exponent is not smaller leaves the other term as it is.
	switch {
	case a.IsZero() && a.Exponent() >= b.Exponent():
		return b
	case b.IsZero() && b.Exponent() >= a.Exponent():
		return a
	}
	return a.Add(b)
}

// Sub returns a - b, as a.Sub(b) does.
func Sub(a, b decimal.Decimal) decimal.Decimal {
	if b.IsZero() && b.Exponent() >= a.Exponent() {
		return a
	}
	return a.Sub(b)
}
