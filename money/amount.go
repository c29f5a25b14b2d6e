package money

import (
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/internal/fastdec"
)

// Amount is an exact amount of money in one currency. It is an immutable
// value: every operation returns a new Amount. The zero Amount is zero with
// no currency; it takes the currency of whatever it is added to.
type Amount struct {
	number   decimal.Decimal
	currency Currency
}

// New returns the amount number in currency c, kept at full precision.
func New(number decimal.Decimal, c Currency) Amount {
	return Amount{number: number, currency: c}
}

// Zero returns zero in currency c.
func Zero(c Currency) Amount { return Amount{currency: c} }

// FromMinor returns the amount of minor units in currency c: FromMinor(1050,
// EUR) is 10.50 EUR, FromMinor(1050, JPY) is 1050 JPY.
func FromMinor(minor int64, c Currency) Amount {
	return Amount{number: decimal.New(minor, -c.digits), currency: c}
}

// Number returns the decimal value of a.
func (a Amount) Number() decimal.Decimal { return a.number }

// Currency returns the currency of a.
func (a Amount) Currency() Currency { return a.currency }

// IsZero reports whether a is zero, whatever its currency.
func (a Amount) IsZero() bool { return a.number.IsZero() }

// Sign returns -1, 0 or +1.
func (a Amount) Sign() int { return a.number.Sign() }

// IsNegative reports whether a < 0.
func (a Amount) IsNegative() bool { return a.number.Sign() < 0 }

// IsPositive reports whether a > 0.
func (a Amount) IsPositive() bool { return a.number.Sign() > 0 }

// sameCurrency returns the currency of an operation on a and b. A zero
// amount without currency adopts the other side's currency.
func sameCurrency(op string, a, b Amount) (Currency, error) {
	switch {
	case a.currency == b.currency:
		return a.currency, nil
	case a.currency.IsZero() && a.number.IsZero():
		return b.currency, nil
	case b.currency.IsZero() && b.number.IsZero():
		return a.currency, nil
	}
	return Currency{}, &MismatchError{Op: op, A: a.currency, B: b.currency}
}

// Add returns a + b. Different currencies are a *MismatchError.
func (a Amount) Add(b Amount) (Amount, error) {
	c, err := sameCurrency("add", a, b)
	if err != nil {
		return Amount{}, err
	}
	return Amount{number: fastdec.Add(a.number, b.number), currency: c}, nil
}

// Sub returns a - b. Different currencies are a *MismatchError.
func (a Amount) Sub(b Amount) (Amount, error) {
	c, err := sameCurrency("subtract", a, b)
	if err != nil {
		return Amount{}, err
	}
	return Amount{number: fastdec.Sub(a.number, b.number), currency: c}, nil
}

// Neg returns -a.
func (a Amount) Neg() Amount { return Amount{number: a.number.Neg(), currency: a.currency} }

// Abs returns |a|.
func (a Amount) Abs() Amount { return Amount{number: a.number.Abs(), currency: a.currency} }

// Mul returns a × factor, exactly (no rounding).
func (a Amount) Mul(factor decimal.Decimal) Amount {
	return Amount{number: a.number.Mul(factor), currency: a.currency}
}

// Quo returns a ÷ divisor rounded once, exactly, to scale decimal places
// with mode. Division by zero is ErrDivisionByZero.
func (a Amount) Quo(divisor decimal.Decimal, scale int32, mode RoundingMode) (Amount, error) {
	if divisor.IsZero() {
		return Amount{}, ErrDivisionByZero
	}
	n, err := quoRound(a.number, divisor, scale, mode)
	if err != nil {
		return Amount{}, err
	}
	return Amount{number: n, currency: a.currency}, nil
}

// Cmp compares a and b: -1 if a < b, 0 if equal, +1 if a > b. Different
// currencies are a *MismatchError.
func (a Amount) Cmp(b Amount) (int, error) {
	if _, err := sameCurrency("compare", a, b); err != nil {
		return 0, err
	}
	return a.number.Cmp(b.number), nil
}

// Equal reports whether a and b have the same currency and the same value
// (1.5 EUR equals 1.50 EUR). Zero amounts are equal whatever their currency.
func (a Amount) Equal(b Amount) bool {
	if a.number.IsZero() && b.number.IsZero() {
		return true
	}
	return a.currency == b.currency && a.number.Equal(b.number)
}

// Round rounds a to its currency's precision with mode.
func (a Amount) Round(mode RoundingMode) (Amount, error) {
	return a.RoundTo(a.currency.digits, mode)
}

// RoundTo rounds a to scale decimal places with mode.
func (a Amount) RoundTo(scale int32, mode RoundingMode) (Amount, error) {
	n, err := RoundDecimal(a.number, scale, mode)
	if err != nil {
		return Amount{}, err
	}
	return Amount{number: n, currency: a.currency}, nil
}

// RoundedHalfUp rounds a to its currency's precision, half away from zero.
// It is the rounding used wherever none is configured.
func (a Amount) RoundedHalfUp() Amount {
	return Amount{number: a.number.Round(a.currency.digits), currency: a.currency}
}

// MinorUnits returns a in minor units (cents for EUR). An amount with more
// decimals than its currency has, or one too large for an int64, is an error.
func (a Amount) MinorUnits() (int64, error) {
	shifted := a.number.Shift(a.currency.digits)
	if !shifted.IsInteger() {
		return 0, &ParseError{Input: a.String(), Reason: "has more decimals than the currency's minor unit", Err: ErrOverflow}
	}
	bi := shifted.BigInt()
	if !bi.IsInt64() {
		return 0, ErrOverflow
	}
	return bi.Int64(), nil
}

// Sum returns the sum of amounts, which must all be in one currency. The sum
// of no amounts is the zero Amount.
func Sum(amounts ...Amount) (Amount, error) {
	var total Amount
	for _, a := range amounts {
		var err error
		if total, err = total.Add(a); err != nil {
			return Amount{}, err
		}
	}
	return total, nil
}

// Min returns the smaller of a and b.
func Min(a, b Amount) (Amount, error) {
	c, err := a.Cmp(b)
	if err != nil {
		return Amount{}, err
	}
	if c <= 0 {
		return a, nil
	}
	return b, nil
}

// Max returns the larger of a and b.
func Max(a, b Amount) (Amount, error) {
	c, err := a.Cmp(b)
	if err != nil {
		return Amount{}, err
	}
	if c >= 0 {
		return a, nil
	}
	return b, nil
}
