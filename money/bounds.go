package money

import (
	"math/big"
)

// MaxIntegerDigits is the number of digits an amount accepted from a user
// may have before the decimal point: billkit's bounds on amounts are below
// 10^15 major units (a thousand trillion euros) in absolute value, at the
// precision of their currency. Every amount a business bills fits, and so
// does each sum of a document's amounts in the numeric columns of the SQL
// stores, in the decimals of EN 16931 exports (which have no fixed size
// but are read by systems that often hold 18 or 19 digits), and in int64
// minor units (MinorUnits) for every currency of up to three decimals.
// Larger numbers are mistakes or attacks.
const MaxIntegerDigits = 15

// InBounds reports whether a is below 10^MaxIntegerDigits in absolute value
// and has no more decimals than its currency's minor unit (trailing zeros
// aside: 10.500 EUR is at precision). It is what billkit accepts from its
// users as an amount of money, such as a payment.
//
// It looks at the number's exponent and digit count before any
// arithmetic, so that a hostile number such as 1e-1000000000 costs
// nothing to refuse.
func (a Amount) InBounds() bool {
	d := a.number
	if d.IsZero() {
		return true
	}
	e := int64(d.Exponent())
	if e >= MaxIntegerDigits {
		return false
	}
	n := int64(d.NumDigits())
	if n+e > MaxIntegerDigits {
		return false // |a| >= 10^(n-1+e) >= 10^MaxIntegerDigits
	}
	extra := -e - int64(a.currency.digits) // decimals beyond the minor unit
	switch {
	case extra <= 0:
		return true
	case extra >= n:
		return false // the coefficient cannot end with that many zeros
	}
	ten := big.NewInt(10)
	return new(big.Int).Rem(d.Coefficient(), ten.Exp(ten, big.NewInt(extra), nil)).Sign() == 0
}
