package money

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

func TestInBounds(t *testing.T) {
	tests := []struct {
		amount string
		want   bool
	}{
		{"0 EUR", true},
		{"0.00000 EUR", true},
		{"10.50 EUR", true},
		{"10.500 EUR", true},
		{"-10.50 EUR", true},
		{"10.505 EUR", false},
		{"999999999999999.99 EUR", true},
		{"-999999999999999.99 EUR", true},
		{"1000000000000000 EUR", false},
		{"1000000000000000.00 EUR", false},
		{"-1000000000000000 EUR", false},
		{"1000000000000000000000000000000 EUR", false},
		{"1050 JPY", true},
		{"1050.0 JPY", true},
		{"1050.5 JPY", false},
		{"1.234 KWD", true},
		{"1.2345 KWD", false},
	}
	for _, tt := range tests {
		t.Run(tt.amount, func(t *testing.T) {
			assert.Equal(t, tt.want, MustParse(tt.amount).InBounds())
		})
	}
}

// Numbers whose size comes from their exponent are refused at once,
// however hostile.
func TestInBoundsHostileExponents(t *testing.T) {
	for _, tt := range []struct {
		name string
		d    decimal.Decimal
		want bool
	}{
		{"1e30", decimal.New(1, 30), false},
		{"1e2147483647", decimal.New(1, 2147483647), false},
		{"1e-1000000000", decimal.New(1, -1000000000), false},
		{"1e-2147483648", decimal.New(1, -2147483648), false},
		{"100e-2", decimal.New(100, -2), true},
		{"10^40 e-40", decimal.NewFromBigInt(decimal.New(1, 40).BigInt(), -40), true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			assert.Equal(t, tt.want, New(tt.d, EUR).InBounds())
			assert.Less(t, time.Since(start), time.Second)
		})
	}
}

// A zero amount without currency, the "nothing" of sums, is in bounds.
func TestInBoundsZeroValue(t *testing.T) {
	assert.True(t, Amount{}.InBounds())
	assert.False(t, New(decimal.New(5, -1), Currency{}).InBounds(), "no currency, no decimals")
}
