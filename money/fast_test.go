package money

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// TestQuoRound64AsBig checks the int64 quotient against the big.Int one
// it stands in for, near the int64 limits and the halfway points too.
func TestQuoRound64AsBig(t *testing.T) {
	coef := rapid.OneOf(
		rapid.Int64Range(-100_000, 100_000),
		rapid.Int64(),
		rapid.SampledFrom([]int64{math.MaxInt64, math.MinInt64, math.MinInt64 + 1, 5, -5, 15, 25, 1}),
	)
	rapid.Check(t, func(t *rapid.T) {
		x := decimal.New(coef.Draw(t, "x"), int32(rapid.IntRange(-8, 4).Draw(t, "ex")))
		cy := coef.Draw(t, "y")
		if cy == 0 {
			cy = 1
		}
		y := decimal.New(cy, int32(rapid.IntRange(-8, 4).Draw(t, "ey")))
		scale := int32(rapid.IntRange(0, 8).Draw(t, "scale"))
		mode := rapid.SampledFrom(RoundingModes()).Draw(t, "mode")
		shift := int64(x.Exponent()) - int64(y.Exponent()) + int64(scale)
		want := quoRoundBig(x, y, shift, scale, mode)
		q, ok := quoRound64(x, y, shift, mode)
		if !ok {
			return
		}
		if got := decimal.New(q, -scale); !got.Equal(want) {
			t.Fatalf("%s ÷ %s to %d places %s: %s, want %s", x, y, scale, mode, got, want)
		}
	})
}

func TestQuoRoundHalfway(t *testing.T) {
	for _, tt := range []struct {
		x, y string
		mode RoundingMode
		want string
	}{
		{"0.125", "1", RoundHalfEven, "0.12"},
		{"0.135", "1", RoundHalfEven, "0.14"},
		{"-0.125", "1", RoundHalfAwayFromZero, "-0.13"},
		{"10", "3", RoundCeiling, "3.34"},
		{"-10", "3", RoundCeiling, "-3.33"},
		{"-10", "3", RoundFloor, "-3.34"},
		{"10", "-3", RoundUp, "-3.34"},
		{"10", "3", RoundDown, "3.33"},
		{"92233720368547758.07", "0.01", RoundHalfEven, "9223372036854775807"},
	} {
		got, err := QuoRound(dec(tt.x), dec(tt.y), 2, tt.mode)
		if err != nil || !got.Equal(dec(tt.want)) {
			t.Errorf("QuoRound(%s, %s, 2, %s) = %s, %v; want %s", tt.x, tt.y, tt.mode, got, err, tt.want)
		}
	}
}

func TestQuoRoundSmallAllocations(t *testing.T) {
	x, y := dec("2000.00"), dec("20")
	allocs := testing.AllocsPerRun(100, func() {
		_, _ = QuoRound(x.Mul(y), dec100, 2, RoundHalfAwayFromZero)
	})
	// The product and the quotient, each a big.Int and its digits.
	if allocs > 4 {
		t.Fatalf("%v allocations", allocs)
	}
}

var dec100 = decimal.NewFromInt(100)

func TestAppendTextAsString(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := rapid.SampledFrom([]Currency{EUR, JPY, KWD, {}}).Draw(t, "currency")
		coef := rapid.OneOf(rapid.Int64Range(-1_000_000, 1_000_000), rapid.Int64()).Draw(t, "coef")
		a := New(decimal.New(coef, int32(rapid.IntRange(-6, 2).Draw(t, "exp"))), c)
		got, err := a.AppendText([]byte("x"))
		if err != nil || string(got) != "x"+a.String() {
			t.Fatalf("AppendText(%s) = %q, %v", a.String(), got, err)
		}
	})
	a := MustParse("-0.50 EUR")
	buf := make([]byte, 0, 32)
	if n := testing.AllocsPerRun(100, func() { buf, _ = a.AppendText(buf[:0]) }); n != 0 {
		t.Fatalf("%v allocations", n)
	}
	if string(buf) != "-0.50 EUR" {
		t.Fatalf("got %q", buf)
	}
}

// TestRoundDecimalAsShopspring checks RoundDecimal, which rounds in int64
// when it can, against shopspring/decimal's rounding: value and exponent.
func TestRoundDecimalAsShopspring(t *testing.T) {
	ref := map[RoundingMode]func(decimal.Decimal, int32) decimal.Decimal{
		"": decimal.Decimal.Round, RoundHalfAwayFromZero: decimal.Decimal.Round, RoundHalfEven: decimal.Decimal.RoundBank,
		RoundUp: decimal.Decimal.RoundUp, RoundDown: decimal.Decimal.RoundDown,
		RoundCeiling: decimal.Decimal.RoundCeil, RoundFloor: decimal.Decimal.RoundFloor,
	}
	rapid.Check(t, func(t *rapid.T) {
		coef := rapid.OneOf(rapid.Int64Range(-100_000, 100_000), rapid.Int64(),
			rapid.SampledFrom([]int64{5, -5, 15, -15, 25, 250, -250, 1, math.MaxInt64, math.MinInt64})).Draw(t, "coef")
		d := decimal.New(coef, int32(rapid.IntRange(-12, 3).Draw(t, "exp")))
		scale := int32(rapid.IntRange(-2, 8).Draw(t, "scale"))
		mode := rapid.SampledFrom([]RoundingMode{"", RoundHalfAwayFromZero, RoundHalfEven, RoundUp, RoundDown, RoundCeiling, RoundFloor}).Draw(t, "mode")
		got, err := RoundDecimal(d, scale, mode)
		want := ref[mode](d, scale)
		if err != nil || !got.Equal(want) || got.Exponent() != want.Exponent() {
			t.Fatalf("RoundDecimal(%s e%d, %d, %q) = %s e%d, %v; want %s e%d", d, d.Exponent(), scale, mode,
				got, got.Exponent(), err, want, want.Exponent())
		}
	})
}

// TestMarshalJSONAsEncodingJSON checks that MarshalJSON writes the bytes
// encoding/json writes for the same fields, which fingerprints of issued
// invoices depend on, and that they read back.
func TestMarshalJSONAsEncodingJSON(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := rapid.SampledFrom([]Currency{EUR, JPY, KWD, {}}).Draw(t, "currency")
		coef := rapid.OneOf(rapid.Int64Range(-1_000_000, 1_000_000), rapid.Int64()).Draw(t, "coef")
		if c.IsZero() {
			coef = 0 // a non-zero amount needs a currency
		}
		a := New(decimal.New(coef, int32(rapid.IntRange(-8, 2).Draw(t, "exp"))), c)
		got, err := a.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		s := a.String()
		if i := strings.IndexByte(s, ' '); i >= 0 {
			s = s[:i]
		}
		want, _ := json.Marshal(amountJSON{Amount: s, Currency: c.Code()})
		if string(got) != string(want) {
			t.Fatalf("MarshalJSON(%s) = %s, want %s", a.String(), got, want)
		}
		var back Amount
		if err := back.UnmarshalJSON(got); err != nil || back.String() != a.String() {
			t.Fatalf("UnmarshalJSON(%s) = %s, %v", got, back.String(), err)
		}
	})
}

// FuzzAmountJSONOf checks that the fast reading of amounts agrees with
// encoding/json whenever it reads anything.
func FuzzAmountJSONOf(f *testing.F) {
	for _, s := range []string{`{"amount":"12.50","currency":"EUR"}`, `{"amount":"0","currency":""}`,
		`{"amount":"1\"2","currency":"EUR"}`, `{"amount":"1","currency":"E\u0055R"}`, `{"amount": "1","currency":"EUR"}`,
		`{"amount":"1","currency":"EUR"}x`, `{"amount":"1","currency":"EUR","x":1}`,
		`{"amount": "12.50", "currency": "EUR"}`, " {\n\t\"amount\" : \"1\" ,\"currency\":\"EUR\" } "} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fast, ok := amountJSONOf(data)
		if !ok {
			return
		}
		var slow amountJSON
		if err := json.Unmarshal(data, &slow); err != nil || slow != fast {
			t.Fatalf("%q: fast %+v, encoding/json %+v, %v", data, fast, slow, err)
		}
	})
}

func TestAmountJSONOfReadsCompactAndJSONB(t *testing.T) {
	// As MarshalJSON writes it, and as PostgreSQL gives jsonb back.
	for _, s := range []string{`{"amount":"12.50","currency":"EUR"}`, `{"amount": "12.50", "currency": "EUR"}`} {
		v, ok := amountJSONOf([]byte(s))
		if !ok || v != (amountJSON{Amount: "12.50", Currency: "EUR"}) {
			t.Errorf("amountJSONOf(%s) = %+v, %v", s, v, ok)
		}
	}
}
