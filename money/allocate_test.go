package money

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func strs(as []Amount) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.String()
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		amount string
		n      int
		want   []string
	}{
		{"100.00 EUR", 3, []string{"33.34 EUR", "33.33 EUR", "33.33 EUR"}},
		{"-100.00 EUR", 3, []string{"-33.34 EUR", "-33.33 EUR", "-33.33 EUR"}},
		{"0.02 EUR", 3, []string{"0.01 EUR", "0.01 EUR", "0.00 EUR"}},
		{"100 JPY", 3, []string{"34 JPY", "33 JPY", "33 JPY"}},
		{"1.000 KWD", 3, []string{"0.334 KWD", "0.333 KWD", "0.333 KWD"}},
		{"0.00 EUR", 2, []string{"0.00 EUR", "0.00 EUR"}},
		{"10.00 EUR", 1, []string{"10.00 EUR"}},
		// More precision than the currency: parts keep it, and still sum exactly.
		{"1.001 EUR", 2, []string{"0.501 EUR", "0.50 EUR"}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%d", tt.amount, tt.n), func(t *testing.T) {
			parts, err := MustParse(tt.amount).Split(tt.n)
			require.NoError(t, err)
			assert.Equal(t, tt.want, strs(parts))
		})
	}
	_, err := MustParse("1 EUR").Split(0)
	assert.ErrorIs(t, err, ErrInvalidWeights)
}

func TestAllocate(t *testing.T) {
	tests := []struct {
		name    string
		amount  string
		weights []string
		want    []string
	}{
		{"10/25/65", "1000.00 EUR", []string{"10", "25", "65"}, []string{"100.00 EUR", "250.00 EUR", "650.00 EUR"}},
		{"thirds", "100.00 EUR", []string{"1", "1", "1"}, []string{"33.34 EUR", "33.33 EUR", "33.33 EUR"}},
		// 0.05 × 1/6 = 0.00833, × 2/6 = 0.01666, × 3/6 = 0.025: floors 0.00, 0.01, 0.02 leave
		// 0.02 to hand out; largest remainders are 0.00833 and 0.00666.
		{"largest remainder", "0.05 EUR", []string{"1", "2", "3"}, []string{"0.01 EUR", "0.02 EUR", "0.02 EUR"}},
		{"decimal weights", "10.00 EUR", []string{"0.5", "0.25", "0.25"}, []string{"5.00 EUR", "2.50 EUR", "2.50 EUR"}},
		{"zero weight gets nothing", "0.03 EUR", []string{"1", "0", "1"}, []string{"0.02 EUR", "0.00 EUR", "0.01 EUR"}},
		{"negative", "-0.05 EUR", []string{"1", "2", "3"}, []string{"-0.01 EUR", "-0.02 EUR", "-0.02 EUR"}},
		{"days 15/30", "100.00 EUR", []string{"15", "15"}, []string{"50.00 EUR", "50.00 EUR"}},
		{"days 14/31", "100.00 EUR", []string{"14", "17"}, []string{"45.16 EUR", "54.84 EUR"}},
		{"JPY", "1000 JPY", []string{"1", "1", "1"}, []string{"334 JPY", "333 JPY", "333 JPY"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := make([]decimal.Decimal, len(tt.weights))
			for i, w := range tt.weights {
				ws[i] = dec(w)
			}
			parts, err := MustParse(tt.amount).Allocate(ws...)
			require.NoError(t, err)
			assert.Equal(t, tt.want, strs(parts))
		})
	}
}

func TestAllocateInvalidWeights(t *testing.T) {
	a := MustParse("1 EUR")
	for name, ws := range map[string][]decimal.Decimal{
		"none":     nil,
		"negative": {dec("1"), dec("-1")},
		"all zero": {decimal.Zero, decimal.Zero},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := a.Allocate(ws...)
			assert.ErrorIs(t, err, ErrInvalidWeights)
		})
	}
}

// genAmount draws an amount in one of a zero-, two- and three-decimal currency,
// positive or negative, up to 10^15 in magnitude.
func genAmount(t *rapid.T) Amount {
	c := rapid.SampledFrom([]Currency{EUR, JPY, KWD}).Draw(t, "currency")
	minor := rapid.Int64Range(-1_000_000_000_000_000, 1_000_000_000_000_000).Draw(t, "minor")
	return FromMinor(minor, c)
}

func TestAllocateSumsToWholeProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := genAmount(t)
		n := rapid.IntRange(1, 12).Draw(t, "n")
		ws := make([]decimal.Decimal, n)
		for i := range ws {
			ws[i] = decimal.New(rapid.Int64Range(0, 1_000_000).Draw(t, "w"), -rapid.Int32Range(0, 4).Draw(t, "exp"))
		}
		ws[rapid.IntRange(0, n-1).Draw(t, "positive")] = decimal.NewFromInt(1)
		parts, err := a.Allocate(ws...)
		if err != nil {
			t.Fatalf("allocate: %v", err)
		}
		total, err := Sum(parts...)
		if err != nil {
			t.Fatalf("sum: %v", err)
		}
		if !total.Equal(a) {
			t.Fatalf("parts %v sum to %v, want %v", parts, total, a)
		}
		for i, p := range parts {
			if p.Currency() != a.Currency() {
				t.Fatalf("part %d currency %v", i, p.Currency())
			}
			if p.Sign()*a.Sign() < 0 {
				t.Fatalf("part %d = %v has the opposite sign of %v", i, p, a)
			}
			if ws[i].IsZero() && !p.IsZero() {
				t.Fatalf("zero weight got %v", p)
			}
		}
	})
}

func TestSplitIsFairProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := genAmount(t)
		n := rapid.IntRange(1, 50).Draw(t, "n")
		parts, err := a.Split(n)
		if err != nil {
			t.Fatal(err)
		}
		total, _ := Sum(parts...)
		if !total.Equal(a) {
			t.Fatalf("sum %v, want %v", total, a)
		}
		unit := FromMinor(1, a.Currency())
		for _, p := range parts {
			d, _ := p.Sub(parts[len(parts)-1])
			if c, _ := d.Abs().Cmp(unit); c > 0 {
				t.Fatalf("parts differ by more than one minor unit: %v", parts)
			}
		}
	})
}

// The int64 fast path and the big.Int path must agree to the last unit.
func TestAllocateFastPathMatchesBigProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := FromMinor(rapid.Int64Range(-1<<30, 1<<30).Draw(t, "minor"), EUR)
		n := rapid.IntRange(1, 10).Draw(t, "n")
		ws := make([]*big.Int, n)
		total := new(big.Int)
		for i := range ws {
			ws[i] = big.NewInt(rapid.Int64Range(0, 1<<20).Draw(t, "w"))
			total.Add(total, ws[i])
		}
		if total.Sign() == 0 {
			ws[0] = big.NewInt(1)
			total.SetInt64(1)
		}
		units := new(big.Int).Mul(a.number.Coefficient(), pow10(int64(a.number.Exponent()+2)))
		fast, ok := a.allocateSmall(units, ws, total, 2)
		if !ok {
			t.Fatal("fast path refused small numbers")
		}
		slow := bigAllocate(a, ws, total)
		for i := range fast {
			if !fast[i].Equal(slow[i]) {
				t.Fatalf("part %d: fast %v, big %v", i, fast[i], slow[i])
			}
		}
	})
}

// bigAllocate is the reference largest remainder computation with big.Int.
func bigAllocate(a Amount, ws []*big.Int, total *big.Int) []Amount {
	units := new(big.Int).Mul(a.number.Coefficient(), pow10(int64(a.number.Exponent()+2)))
	parts := make([]*big.Int, len(ws))
	rems := make([]*big.Int, len(ws))
	given := new(big.Int)
	for i, w := range ws {
		q, r := new(big.Int).QuoRem(new(big.Int).Mul(units, w), total, new(big.Int))
		parts[i], rems[i] = q, r.Abs(r)
		given.Add(given, q)
	}
	left := new(big.Int).Sub(units, given)
	step := big.NewInt(int64(left.Sign()))
	for k := left.Int64(); k != 0; k -= step.Int64() {
		best := -1
		for i := range rems {
			if rems[i].Sign() >= 0 && (best < 0 || rems[i].Cmp(rems[best]) > 0) {
				best = i
			}
		}
		parts[best].Add(parts[best], step)
		rems[best].SetInt64(-1)
	}
	out := make([]Amount, len(parts))
	for i, p := range parts {
		out[i] = Amount{number: decimal.NewFromBigInt(p, -2), currency: a.currency}
	}
	return out
}
