package invoice

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"pgregory.net/rapid"

	"github.com/billkit/billkit/money"
)

func TestInBounds(t *testing.T) {
	tests := []struct {
		name string
		d    decimal.Decimal
		want bool
	}{
		{"zero", decimal.Zero, true},
		{"price", dec("19.99"), true},
		{"twelve decimals", dec("0.000000000001"), true},
		{"thirteen decimals", dec("0.0000000000001"), false},
		{"just below 10^15", dec("999999999999999.99"), true},
		{"10^15", decimal.New(1, 15), false},
		{"negative", dec("-12.5"), true},
		{"huge exponent", decimal.New(1, 1_000_000), false},
		{"zero with a huge negative exponent", decimal.New(0, -1_000_000_000), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, inBounds(tt.d))
		})
	}
}

func TestIsUnset(t *testing.T) {
	assert.True(t, isUnset(money.Amount{}))
	assert.False(t, isUnset(money.Zero(money.EUR)), "an explicit zero is given")
	assert.False(t, isUnset(amt("1.00 EUR")))
}

func TestPreflightCreditLimits(t *testing.T) {
	d := frenchInvoice(item("1", "Conseil", "1", "HUR", "100.00 EUR", s20))
	limit := CreditLimit{Category: s20.Category, Rate: dec("20.0"), Credited: money.Zero(money.EUR),
		Amount: amt("1.00 USD"), TaxableAmount: money.Zero(money.EUR), TaxAmount: money.Zero(money.EUR)}
	d.CreditLimits = []CreditLimit{limit, limit}
	assert.Equal(t, []string{
		"credit_limits[0].amount mismatch",
		"credit_limits[1].amount mismatch",
		"credit_limits[1] duplicate",
	}, faults(t, d.Calculate()))
}

func TestBelowAsBigComparison(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		coef := rapid.OneOf(rapid.Int64Range(-1_000_000, 1_000_000), rapid.Int64(),
			rapid.SampledFrom([]int64{0, 9, 10, 99, 100, 999_999_999_999_999_999, -1_000_000_000_000_000_000})).Draw(t, "coef")
		e := int32(rapid.IntRange(-maxDecimals, maxExponent-1).Draw(t, "exp"))
		n := int32(rapid.IntRange(int(max(e+1, 0)), maxExponent).Draw(t, "n"))
		d := decimal.New(coef, e)
		want := d.Coefficient().CmpAbs(powersOf10[n-e]) < 0
		if got := below(d, n); got != want {
			t.Fatalf("below(%s, %d) = %v, want %v", d, n, got, want)
		}
	})
}
