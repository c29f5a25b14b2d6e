package money

import (
	"math/big"
	"sort"

	"github.com/shopspring/decimal"
)

// Allocate splits a in proportion to weights. The parts always sum exactly to
// a: each part is first rounded toward zero, then the minor units left over
// go one by one to the parts with the largest remainders, ties going to the
// earlier part (largest remainder method, deterministic).
//
// Parts have the currency's precision, or a's own precision when a carries
// more decimals than its currency. Weights must be non-negative with a
// positive sum; anything else is ErrInvalidWeights. Negative amounts are
// split like positive ones, mirrored.
func (a Amount) Allocate(weights ...decimal.Decimal) ([]Amount, error) {
	if len(weights) == 0 {
		return nil, ErrInvalidWeights
	}
	// Bring every weight to one exponent so they become integers.
	minExp := int32(0)
	for _, w := range weights {
		if w.Sign() < 0 {
			return nil, ErrInvalidWeights
		}
		if e := w.Exponent(); e < minExp {
			minExp = e
		}
	}
	ints := make([]*big.Int, len(weights))
	total := new(big.Int)
	for i, w := range weights {
		ints[i] = new(big.Int).Mul(w.Coefficient(), pow10(int64(w.Exponent()-minExp)))
		total.Add(total, ints[i])
	}
	if total.Sign() == 0 {
		return nil, ErrInvalidWeights
	}
	return a.allocateInts(ints, total), nil
}

// Split splits a into n parts that differ by at most one minor unit and sum
// exactly to a; the earlier parts receive the extra units. n < 1 is
// ErrInvalidWeights.
func (a Amount) Split(n int) ([]Amount, error) {
	if n < 1 {
		return nil, ErrInvalidWeights
	}
	one := big.NewInt(1)
	ints := make([]*big.Int, n)
	for i := range ints {
		ints[i] = one
	}
	return a.allocateInts(ints, big.NewInt(int64(n))), nil
}

func (a Amount) allocateInts(weights []*big.Int, total *big.Int) []Amount {
	scale := a.currency.digits
	if e := -a.number.Exponent(); e > scale {
		scale = e
	}
	// units: a expressed as an integer count of 10^-scale.
	units := new(big.Int).Mul(a.number.Coefficient(), pow10(int64(a.number.Exponent()+scale)))
	if out, ok := a.allocateSmall(units, weights, total, scale); ok {
		return out
	}

	type share struct {
		index int
		rem   *big.Int // |remainder| of units×w/total, in 1/total units
	}
	parts := make([]*big.Int, len(weights))
	shares := make([]share, len(weights))
	given := new(big.Int)
	for i, w := range weights {
		q, r := new(big.Int).QuoRem(new(big.Int).Mul(units, w), total, new(big.Int))
		parts[i] = q
		given.Add(given, q)
		shares[i] = share{index: i, rem: r.Abs(r)}
	}
	left := new(big.Int).Sub(units, given) // same sign as units, |left| < len(weights)
	if n := int(new(big.Int).Abs(left).Int64()); n > 0 {
		sort.SliceStable(shares, func(i, j int) bool { return shares[i].rem.Cmp(shares[j].rem) > 0 })
		step := big.NewInt(int64(left.Sign()))
		for _, s := range shares[:n] {
			parts[s.index].Add(parts[s.index], step)
		}
	}
	out := make([]Amount, len(parts))
	for i, p := range parts {
		out[i] = Amount{number: decimal.NewFromBigInt(p, -scale), currency: a.currency}
	}
	return out
}

// allocateSmall is allocateInts for the common case where every product
// units×weight fits in an int64: the same largest remainder method without
// big.Int arithmetic. It reports false when the numbers are too large.
func (a Amount) allocateSmall(units *big.Int, weights []*big.Int, total *big.Int, scale int32) ([]Amount, bool) {
	const limit = 1 << 31 // |units| and every weight below 2^31: products fit in 62 bits
	if !units.IsInt64() || !total.IsInt64() || len(weights) > 64 {
		return nil, false
	}
	u := units.Int64()
	if u <= -limit || u >= limit {
		return nil, false
	}
	var parts, rems [64]int64
	n := len(weights)
	given := int64(0)
	for i, w := range weights {
		if !w.IsInt64() || w.Int64() >= limit {
			return nil, false
		}
		p := u * w.Int64()
		parts[i] = p / total.Int64() // truncates toward zero
		rems[i] = p % total.Int64()
		if rems[i] < 0 {
			rems[i] = -rems[i]
		}
		given += parts[i]
	}
	left, step := u-given, int64(1)
	if left < 0 {
		left, step = -left, -1
	}
	// Hand out the left-over units to the largest remainders, earlier first.
	for ; left > 0; left-- {
		best := -1
		for i := 0; i < n; i++ {
			if rems[i] >= 0 && (best < 0 || rems[i] > rems[best]) {
				best = i
			}
		}
		parts[best] += step
		rems[best] = -1 // served
	}
	out := make([]Amount, n)
	for i := 0; i < n; i++ {
		out[i] = Amount{number: decimal.New(parts[i], -scale), currency: a.currency}
	}
	return out, true
}
