package fastdec

import (
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// decimalGen draws decimals of every sign and scale, zeros with any
// exponent and the zero Decimal included.
func decimalGen() *rapid.Generator[decimal.Decimal] {
	return rapid.Custom(func(t *rapid.T) decimal.Decimal {
		if rapid.IntRange(0, 9).Draw(t, "zero value") == 0 {
			return decimal.Decimal{}
		}
		coef := rapid.Int64Range(-1_000_000, 1_000_000).Draw(t, "coef")
		if rapid.IntRange(0, 3).Draw(t, "zero") == 0 {
			coef = 0
		}
		return decimal.New(coef, int32(rapid.IntRange(-6, 3).Draw(t, "exp")))
	})
}

// same fails unless got is want, value and exponent.
func same(t *rapid.T, op string, a, b, got, want decimal.Decimal) {
	if !got.Equal(want) || got.Exponent() != want.Exponent() {
		t.Fatalf("%s(%s e%d, %s e%d) = %s e%d, want %s e%d", op, a, a.Exponent(), b, b.Exponent(),
			got, got.Exponent(), want, want.Exponent())
	}
}

func TestAddSubAsShopspring(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, b := decimalGen().Draw(t, "a"), decimalGen().Draw(t, "b")
		same(t, "Add", a, b, Add(a, b), a.Add(b))
		same(t, "Sub", a, b, Sub(a, b), a.Sub(b))
	})
}

func TestZeroTermsDoNotAllocate(t *testing.T) {
	x := decimal.New(199900, -2)
	var zero decimal.Decimal
	cents := decimal.New(0, -2)
	allocs := testing.AllocsPerRun(100, func() {
		_ = Add(zero, x)
		_ = Add(x, cents)
		_ = Sub(x, zero)
	})
	if allocs != 0 {
		t.Fatalf("%v allocations", allocs)
	}
	if got := Add(decimal.New(0, -4), x); got.Exponent() != -4 || !got.Equal(x) {
		t.Fatalf("a zero with more decimals rescales the sum: got %s e%d", got, got.Exponent())
	}
}
