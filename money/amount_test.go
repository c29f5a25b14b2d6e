package money

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestParseCurrency(t *testing.T) {
	tests := []struct {
		code   string
		want   string
		digits int
	}{
		{"EUR", "EUR", 2},
		{"eur", "EUR", 2},
		{"JPY", "JPY", 0},
		{"KWD", "KWD", 3},
		{"CLP", "CLP", 0},
		{"BHD", "BHD", 3},
		{"USD", "USD", 2},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			c, err := ParseCurrency(tt.code)
			require.NoError(t, err)
			assert.Equal(t, tt.want, c.Code())
			assert.Equal(t, tt.digits, c.Digits())
		})
	}
}

func TestParseCurrencyUnknown(t *testing.T) {
	for _, code := range []string{"", "EU", "EURO", "ZZZ", "E1R", "€€€", "eu\x00"} {
		t.Run(code, func(t *testing.T) {
			_, err := ParseCurrency(code)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrUnknownCurrency)
			var uc *UnknownCurrencyError
			require.ErrorAs(t, err, &uc)
			assert.Equal(t, code, uc.Code)
		})
	}
}

func TestAddSubMixedCurrencies(t *testing.T) {
	eur := MustParse("10.00 EUR")
	usd := MustParse("10.00 USD")
	_, err := eur.Add(usd)
	var mm *MismatchError
	require.ErrorAs(t, err, &mm)
	assert.Equal(t, EUR, mm.A)
	assert.Equal(t, USD, mm.B)
	assert.ErrorIs(t, err, ErrCurrencyMismatch)

	_, err = eur.Sub(usd)
	assert.ErrorIs(t, err, ErrCurrencyMismatch)
	_, err = eur.Cmp(usd)
	assert.ErrorIs(t, err, ErrCurrencyMismatch)
	_, err = Sum(eur, eur, usd)
	assert.ErrorIs(t, err, ErrCurrencyMismatch)
}

func TestZeroValueAdoptsCurrency(t *testing.T) {
	var total Amount
	assert.True(t, total.IsZero())
	assert.True(t, total.Currency().IsZero())
	sum, err := total.Add(MustParse("2.50 EUR"))
	require.NoError(t, err)
	assert.Equal(t, "2.50 EUR", sum.String())
	diff, err := MustParse("2.50 EUR").Sub(Amount{})
	require.NoError(t, err)
	assert.Equal(t, "2.50 EUR", diff.String())
	c, err := Amount{}.Cmp(MustParse("-1 JPY"))
	require.NoError(t, err)
	assert.Equal(t, 1, c)
	// A non-zero amount never adopts another currency.
	_, err = MustParse("1.00 EUR").Add(Zero(USD))
	assert.ErrorIs(t, err, ErrCurrencyMismatch)
}

func TestArithmetic(t *testing.T) {
	a := MustParse("10.25 EUR")
	b := MustParse("0.75 EUR")
	sum, err := a.Add(b)
	require.NoError(t, err)
	assert.True(t, sum.Equal(MustParse("11 EUR")))
	diff, err := b.Sub(a)
	require.NoError(t, err)
	assert.Equal(t, "-9.50 EUR", diff.String())
	assert.Equal(t, -1, diff.Sign())
	assert.True(t, diff.IsNegative())
	assert.Equal(t, "9.50 EUR", diff.Neg().String())
	assert.Equal(t, "9.50 EUR", diff.Abs().String())
	assert.Equal(t, "30.75 EUR", a.Mul(dec("3")).String())
	assert.Equal(t, "0.0375 EUR", b.Mul(dec("0.05")).String(), "Mul keeps full precision")
	c, err := a.Cmp(b)
	require.NoError(t, err)
	assert.Equal(t, 1, c)
	lo, err := Min(a, b)
	require.NoError(t, err)
	assert.Equal(t, b, lo)
	hi, err := Max(a, b)
	require.NoError(t, err)
	assert.Equal(t, a, hi)
}

func TestImmutability(t *testing.T) {
	a := MustParse("1.00 EUR")
	before := a.String()
	_, _ = a.Add(MustParse("5.00 EUR"))
	a.Neg()
	a.Mul(dec("7"))
	_, _ = a.Round(RoundUp)
	assert.Equal(t, before, a.String())
}

func TestEqual(t *testing.T) {
	assert.True(t, MustParse("1.5 EUR").Equal(MustParse("1.50 EUR")))
	assert.False(t, MustParse("1.50 EUR").Equal(MustParse("1.50 USD")))
	assert.True(t, Zero(EUR).Equal(Zero(USD)), "zero is zero in any currency")
	assert.True(t, Amount{}.Equal(Zero(JPY)))
}

func TestRounding(t *testing.T) {
	tests := []struct {
		in   string
		mode RoundingMode
		want string
	}{
		{"2.345 EUR", RoundHalfAwayFromZero, "2.35 EUR"},
		{"-2.345 EUR", RoundHalfAwayFromZero, "-2.35 EUR"},
		{"2.345 EUR", "", "2.35 EUR"},
		{"2.345 EUR", RoundHalfEven, "2.34 EUR"},
		{"2.355 EUR", RoundHalfEven, "2.36 EUR"},
		{"-2.345 EUR", RoundHalfEven, "-2.34 EUR"},
		{"2.341 EUR", RoundUp, "2.35 EUR"},
		{"-2.341 EUR", RoundUp, "-2.35 EUR"},
		{"2.349 EUR", RoundDown, "2.34 EUR"},
		{"-2.349 EUR", RoundDown, "-2.34 EUR"},
		{"-2.349 EUR", RoundCeiling, "-2.34 EUR"},
		{"2.341 EUR", RoundCeiling, "2.35 EUR"},
		{"-2.341 EUR", RoundFloor, "-2.35 EUR"},
		{"2.349 EUR", RoundFloor, "2.34 EUR"},
		{"1234.5 JPY", RoundHalfAwayFromZero, "1235 JPY"},
		{"1234.5 JPY", RoundHalfEven, "1234 JPY"},
		{"1.2345 KWD", RoundHalfAwayFromZero, "1.235 KWD"},
		{"1.2344 KWD", RoundHalfAwayFromZero, "1.234 KWD"},
		{"-0.5 CLP", RoundHalfAwayFromZero, "-1 CLP"},
	}
	for _, tt := range tests {
		t.Run(tt.in+"/"+string(tt.mode), func(t *testing.T) {
			got, err := MustParse(tt.in).Round(tt.mode)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.String())
		})
	}
	_, err := MustParse("1 EUR").Round("sideways")
	assert.Error(t, err)
	got, err := MustParse("1.23456 EUR").RoundTo(4, RoundHalfAwayFromZero)
	require.NoError(t, err)
	assert.Equal(t, "1.2346 EUR", got.String())
	assert.Equal(t, "2.35 EUR", MustParse("2.345 EUR").RoundedHalfUp().String())
}

func TestQuo(t *testing.T) {
	tests := []struct {
		a, by string
		scale int32
		mode  RoundingMode
		want  string
	}{
		{"100.00 EUR", "3", 2, RoundHalfAwayFromZero, "33.33 EUR"},
		{"200.00 EUR", "3", 2, RoundHalfAwayFromZero, "66.67 EUR"},
		{"-200.00 EUR", "3", 2, RoundHalfAwayFromZero, "-66.67 EUR"},
		{"1.00 EUR", "8", 2, RoundHalfAwayFromZero, "0.13 EUR"}, // 0.125 tie -> away
		{"1.00 EUR", "8", 2, RoundHalfEven, "0.12 EUR"},         // 0.125 tie -> even
		{"1.00 EUR", "-8", 2, RoundHalfAwayFromZero, "-0.13 EUR"},
		{"0.01 EUR", "3", 2, RoundUp, "0.01 EUR"},
		{"0.01 EUR", "3", 2, RoundDown, "0.00 EUR"},
		{"-0.01 EUR", "3", 2, RoundCeiling, "0.00 EUR"},
		{"-0.01 EUR", "3", 2, RoundFloor, "-0.01 EUR"},
		// 1/3 × 10^-20 away from a tie must not be taken for one.
		{"1.00500000000000000000001 EUR", "1", 2, RoundHalfEven, "1.01 EUR"},
		{"10 EUR", "0.3", 4, RoundHalfAwayFromZero, "33.3333 EUR"},
		{"100 JPY", "7", 0, RoundHalfAwayFromZero, "14 JPY"},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.by+"/"+string(tt.mode), func(t *testing.T) {
			got, err := MustParse(tt.a).Quo(dec(tt.by), tt.scale, tt.mode)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.String())
		})
	}
	_, err := MustParse("1 EUR").Quo(decimal.Zero, 2, "")
	assert.ErrorIs(t, err, ErrDivisionByZero)
	_, err = QuoRound(dec("1"), decimal.Zero, 2, "")
	assert.ErrorIs(t, err, ErrDivisionByZero)
	_, err = MustParse("1 EUR").Quo(dec("3"), 2, "bogus")
	assert.Error(t, err)
}

func TestMinorUnits(t *testing.T) {
	m, err := MustParse("10.50 EUR").MinorUnits()
	require.NoError(t, err)
	assert.EqualValues(t, 1050, m)
	m, err = MustParse("-1050 JPY").MinorUnits()
	require.NoError(t, err)
	assert.EqualValues(t, -1050, m)
	m, err = MustParse("1.234 KWD").MinorUnits()
	require.NoError(t, err)
	assert.EqualValues(t, 1234, m)
	_, err = MustParse("1.005 EUR").MinorUnits()
	assert.Error(t, err)
	_, err = MustParse("100000000000000000000 EUR").MinorUnits()
	assert.True(t, errors.Is(err, ErrOverflow))
	assert.Equal(t, "10.50 EUR", FromMinor(1050, EUR).String())
	assert.Equal(t, "1050 JPY", FromMinor(1050, JPY).String())
	assert.Equal(t, "1.050 KWD", FromMinor(1050, KWD).String())
}
