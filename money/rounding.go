package money

import (
	"cmp"
	"fmt"
	"math"
	"math/big"

	"github.com/shopspring/decimal"
)

// RoundingMode names how a number is rounded to a given scale. It is
// serialised as its string value. The zero value means RoundHalfAwayFromZero.
type RoundingMode string

// Rounding modes.
const (
	// RoundHalfAwayFromZero rounds to the nearest value, ties away from zero
	// (2.345 -> 2.35, -2.345 -> -2.35). It is the default: the rule of
	// EN 16931 and of French accounting practice.
	RoundHalfAwayFromZero RoundingMode = "half_away_from_zero"
	// RoundHalfEven rounds to the nearest value, ties to the even neighbour
	// (banker's rounding: 2.345 -> 2.34, 2.355 -> 2.36).
	RoundHalfEven RoundingMode = "half_even"
	// RoundUp rounds away from zero (2.341 -> 2.35, -2.341 -> -2.35).
	RoundUp RoundingMode = "up"
	// RoundDown rounds toward zero, truncating (2.349 -> 2.34, -2.349 -> -2.34).
	RoundDown RoundingMode = "down"
	// RoundCeiling rounds toward positive infinity (-2.349 -> -2.34).
	RoundCeiling RoundingMode = "ceiling"
	// RoundFloor rounds toward negative infinity (-2.341 -> -2.35).
	RoundFloor RoundingMode = "floor"
)

// RoundingModes lists every rounding mode.
func RoundingModes() []RoundingMode {
	return []RoundingMode{RoundHalfAwayFromZero, RoundHalfEven, RoundUp, RoundDown, RoundCeiling, RoundFloor}
}

// Valid reports whether m is a known rounding mode or the zero value.
func (m RoundingMode) Valid() bool {
	switch m {
	case "", RoundHalfAwayFromZero, RoundHalfEven, RoundUp, RoundDown, RoundCeiling, RoundFloor:
		return true
	}
	return false
}

// RoundDecimal rounds d to scale decimal places with mode m. An unknown mode
// is an error; the zero mode is RoundHalfAwayFromZero.
func RoundDecimal(d decimal.Decimal, scale int32, m RoundingMode) (decimal.Decimal, error) {
	if e := d.Exponent(); e < -scale && m.Valid() {
		// Rounding d is dividing it by 1 to scale places: in int64 when
		// its coefficient fits, as shopspring/decimal would round it.
		if q, ok := quoRound64(d, one, int64(e)+int64(scale), m); ok {
			return decimal.New(q, -scale), nil
		}
	}
	switch m {
	case "", RoundHalfAwayFromZero:
		return d.Round(scale), nil
	case RoundHalfEven:
		return d.RoundBank(scale), nil
	case RoundUp:
		return d.RoundUp(scale), nil
	case RoundDown:
		return d.RoundDown(scale), nil
	case RoundCeiling:
		return d.RoundCeil(scale), nil
	case RoundFloor:
		return d.RoundFloor(scale), nil
	}
	return d, fmt.Errorf("money: unknown rounding mode %q", string(m))
}

// QuoRound returns x ÷ y rounded once, exactly, to scale decimal places with
// mode: no intermediate result is rounded or truncated. Division by zero is
// ErrDivisionByZero.
func QuoRound(x, y decimal.Decimal, scale int32, mode RoundingMode) (decimal.Decimal, error) {
	if y.IsZero() {
		return decimal.Decimal{}, ErrDivisionByZero
	}
	return quoRound(x, y, scale, mode)
}

func quoRound(x, y decimal.Decimal, scale int32, mode RoundingMode) (decimal.Decimal, error) {
	if !mode.Valid() {
		return decimal.Decimal{}, fmt.Errorf("money: unknown rounding mode %q", string(mode))
	}
	// x/y × 10^scale = cx·10^ex / (cy·10^ey) × 10^scale = num / den.
	shift := int64(x.Exponent()) - int64(y.Exponent()) + int64(scale)
	if q, ok := quoRound64(x, y, shift, mode); ok {
		return decimal.New(q, -scale), nil
	}
	return quoRoundBig(x, y, shift, scale, mode), nil
}

// quoRoundBig is quoRound for numbers of any size.
func quoRoundBig(x, y decimal.Decimal, shift int64, scale int32, mode RoundingMode) decimal.Decimal {
	num := x.Coefficient()
	den := y.Coefficient()
	if shift >= 0 {
		num.Mul(num, pow10(shift))
	} else {
		den.Mul(den, pow10(-shift))
	}
	return decimal.NewFromBigInt(divRound(num, den, mode), -scale)
}

// quoRound64 is quoRound's integer quotient when the numerator and the
// denominator both fit in an int64, as they do for any amount of money
// below 10^16 in its minor units; ok is false otherwise. It rounds as
// divRound does, without a big.Int.
func quoRound64(x, y decimal.Decimal, shift int64, mode RoundingMode) (q int64, ok bool) {
	if x.NumDigits() > 18 || y.NumDigits() > 18 || shift > 18 || shift < -18 {
		return 0, false
	}
	num, den := x.CoefficientInt64(), y.CoefficientInt64()
	if shift >= 0 {
		if num, ok = mulPow10(num, shift); !ok {
			return 0, false
		}
	} else if den, ok = mulPow10(den, -shift); !ok {
		return 0, false
	}
	q, r := num/den, num%den
	if r == 0 {
		return q, true
	}
	// The exact quotient lies strictly between q and q+sign; |q| < |num|,
	// so q+sign fits.
	sign := int64(1)
	if (num < 0) != (den < 0) {
		sign = -1
	}
	half := 0
	if isHalf(mode) {
		// |r| < |den| <= MaxInt64, so twice |r| fits in a uint64.
		half = cmp.Compare(2*absUint64(r), absUint64(den))
	}
	if roundsAway(mode, sign, half, q&1 == 1) {
		q += sign
	}
	return q, true
}

// mulPow10 returns v × 10^n for 0 <= n <= 18, and false if it overflows
// an int64 (or v is MinInt64, whose magnitude no int64 holds).
func mulPow10(v, n int64) (int64, bool) {
	p := int64(pow10Uint64[n])
	if v == math.MinInt64 || absUint64(v) > uint64(math.MaxInt64/p) {
		return 0, false
	}
	return v * p, true
}

func absUint64(v int64) uint64 {
	if v < 0 {
		return uint64(-v)
	}
	return uint64(v)
}

// one is the decimal 1.
var one = decimal.New(1, 0)

// pow10Uint64 holds 10^0 to 10^18.
var pow10Uint64 = func() (p [19]uint64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// divRound returns num ÷ den rounded to an integer with mode; den != 0.
func divRound(num, den *big.Int, mode RoundingMode) *big.Int {
	q, r := new(big.Int).QuoRem(num, den, new(big.Int))
	if r.Sign() == 0 {
		return q
	}
	// The exact quotient lies strictly between q and q+sign.
	sign := int64(num.Sign() * den.Sign())
	half := 0
	if isHalf(mode) {
		twice := new(big.Int).Abs(r)
		half = twice.Lsh(twice, 1).CmpAbs(den)
	}
	if roundsAway(mode, sign, half, q.Bit(0) == 1) {
		q.Add(q, big.NewInt(sign))
	}
	return q
}

// isHalf reports whether mode rounds to the nearest value.
func isHalf(mode RoundingMode) bool {
	return mode == "" || mode == RoundHalfAwayFromZero || mode == RoundHalfEven
}

// roundsAway reports whether a quotient truncated toward zero, q, moves
// one unit away from zero when rounded with mode. sign is the sign of
// the exact quotient, which is not a whole number; for the modes that
// round to the nearest value, half compares twice the remainder with the
// divisor (-1, 0 or +1), and odd tells whether q is odd.
func roundsAway(mode RoundingMode, sign int64, half int, odd bool) bool {
	switch mode {
	case RoundUp:
		return true
	case RoundDown:
		return false
	case RoundCeiling:
		return sign > 0
	case RoundFloor:
		return sign < 0
	}
	return half > 0 || half == 0 && (mode != RoundHalfEven || odd)
}

var smallPow10 = func() [19]*big.Int {
	var p [19]*big.Int
	v := int64(1)
	for i := range p {
		p[i] = big.NewInt(v)
		v *= 10
	}
	return p
}()

// pow10 returns 10^n for n >= 0. The small powers are shared and must not be
// modified by callers.
func pow10(n int64) *big.Int {
	if n < int64(len(smallPow10)) {
		return smallPow10[n]
	}
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(n), nil)
}
