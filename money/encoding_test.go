package money

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"12.34 EUR", "12.34 EUR"},
		{"EUR 12.34", "12.34 EUR"},
		{"  -12.3 eur ", "-12.30 EUR"},
		{"+5 USD", "5.00 USD"},
		{"1000 JPY", "1000 JPY"},
		{"0.0015 EUR", "0.0015 EUR"},
		{"1.230 KWD", "1.230 KWD"},
		{"1.23000 EUR", "1.23 EUR"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			a, err := Parse(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, a.String())
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []string{
		"", "EUR", "12.34", "12.34 EUR extra", "12,34 EUR", "1e5 EUR", "1. EUR",
		".5 EUR", "- EUR", "12.34 ZZZ", "abc EUR", "0x10 EUR", "1_000 EUR",
		strings.Repeat("9", 200) + " EUR",
	}
	for _, in := range tests {
		t.Run(in, func(t *testing.T) {
			_, err := Parse(in)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidAmount)
			var pe *ParseError
			assert.ErrorAs(t, err, &pe)
		})
	}
	_, err := Parse("1 ZZZ")
	assert.ErrorIs(t, err, ErrUnknownCurrency, "the cause stays reachable")
}

func TestStringParseRoundTripProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := genAmount(t)
		// Also exercise amounts carrying more decimals than their currency.
		a = a.Mul(dec("0.001"))
		back, err := Parse(a.String())
		if err != nil {
			t.Fatalf("Parse(%q): %v", a.String(), err)
		}
		if !back.Equal(a) || back.Currency() != a.Currency() {
			t.Fatalf("%q parsed back as %v", a.String(), back)
		}
	})
}

func TestJSON(t *testing.T) {
	a := MustParse("1234.50 EUR")
	data, err := json.Marshal(a)
	require.NoError(t, err)
	assert.JSONEq(t, `{"amount":"1234.50","currency":"EUR"}`, string(data))

	var back Amount
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, a.String(), back.String())

	type line struct {
		Price *Amount `json:"price"`
		Total Amount  `json:"total"`
	}
	var l line
	require.NoError(t, json.Unmarshal([]byte(`{"price":null,"total":{"amount":"-0.001","currency":"KWD"}}`), &l))
	assert.Nil(t, l.Price)
	assert.Equal(t, "-0.001 KWD", l.Total.String())

	for _, bad := range []string{
		`{"amount":"1.5","currency":"ZZZ"}`,
		`{"amount":"1e3","currency":"EUR"}`,
		`{"amount":1.5,"currency":"EUR"}`,
		`{"amount":"1.5","currency":""}`,
		`"1.5 EUR"`,
	} {
		t.Run(bad, func(t *testing.T) {
			var x Amount
			assert.ErrorIs(t, json.Unmarshal([]byte(bad), &x), ErrInvalidAmount)
		})
	}
}

func TestJSONRoundTripProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := genAmount(t).Mul(dec("0.01"))
		data, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		var back Amount
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatalf("%s: %v", data, err)
		}
		if !back.Equal(a) || back.Currency() != a.Currency() {
			t.Fatalf("%s decoded as %v, want %v", data, back, a)
		}
	})
}

func TestSQL(t *testing.T) {
	a := MustParse("-42.10 CHF")
	v, err := a.Value()
	require.NoError(t, err)
	assert.Equal(t, "-42.10 CHF", v)

	var back Amount
	require.NoError(t, back.Scan(v))
	assert.True(t, back.Equal(a))
	require.NoError(t, back.Scan([]byte("7 JPY")))
	assert.Equal(t, "7 JPY", back.String())
	require.NoError(t, back.Scan(nil))
	assert.Equal(t, Amount{}, back)
	var zero Amount
	zv, err := zero.Value()
	require.NoError(t, err)
	require.NoError(t, back.Scan(zv))
	assert.Equal(t, Amount{}, back)
	assert.ErrorIs(t, back.Scan(12), ErrInvalidAmount)
	assert.ErrorIs(t, back.Scan("12 ZZZ"), ErrInvalidAmount)
}

func TestCurrencyText(t *testing.T) {
	var c Currency
	require.NoError(t, json.Unmarshal([]byte(`"jpy"`), &c))
	assert.Equal(t, JPY, c)
	data, err := json.Marshal(KWD)
	require.NoError(t, err)
	assert.Equal(t, `"KWD"`, string(data))
	assert.ErrorIs(t, json.Unmarshal([]byte(`"ABC"`), &c), ErrUnknownCurrency)
}

// FuzzParse checks that no input makes the parsers panic, and that whatever
// Parse accepts prints and parses back to the same amount.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{"12.34 EUR", "EUR -0.001", "1000 JPY", "1e9 EUR", "", " ", "9.99.9 USD", "-.5 KWD", "١٢ EUR"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := Parse(s)
		if err != nil {
			return
		}
		back, err := Parse(a.String())
		if err != nil {
			t.Fatalf("Parse(%q) ok but its String %q does not parse: %v", s, a.String(), err)
		}
		if !back.Equal(a) {
			t.Fatalf("round trip of %q: %v != %v", s, back, a)
		}
		_, _ = ParseNumber(s)
		_, _ = ParseLocalized(s, EUR, languageFrench)
		var x Amount
		_ = x.UnmarshalJSON([]byte(s))
		_ = x.Scan(s)
	})
}
