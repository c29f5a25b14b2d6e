package money

import (
	"sync"

	"golang.org/x/text/currency"
)

// Currency is an ISO 4217 currency with the number of minor digits used to
// round amounts in it (its precision). The zero Currency means "no currency";
// it is only ever carried by the zero Amount.
//
// Currency values are comparable with ==. They hold no pointer: the code
// is kept in the value itself, so the amounts of a large store cost the
// garbage collector nothing to scan for it.
type Currency struct {
	code   [3]byte
	digits int32
}

// Frequently used currencies.
var (
	EUR = MustCurrency("EUR")
	USD = MustCurrency("USD")
	GBP = MustCurrency("GBP")
	CHF = MustCurrency("CHF")
	JPY = MustCurrency("JPY")
	KWD = MustCurrency("KWD")
	CLP = MustCurrency("CLP")
)

var currencyCache sync.Map // code -> Currency

// ParseCurrency returns the currency with the given ISO 4217 alphabetic code.
// The code is case-insensitive. Precision comes from the CLDR data of
// golang.org/x/text/currency (standard, non-cash rounding). An unknown code
// returns an *UnknownCurrencyError.
func ParseCurrency(code string) (Currency, error) {
	if c, ok := currencyCache.Load(code); ok {
		return c.(Currency), nil
	}
	if len(code) != 3 {
		return Currency{}, &UnknownCurrencyError{Code: code}
	}
	var upper [3]byte
	for i := 0; i < 3; i++ {
		b := code[i]
		switch {
		case b >= 'A' && b <= 'Z':
		case b >= 'a' && b <= 'z':
			b -= 'a' - 'A'
		default:
			return Currency{}, &UnknownCurrencyError{Code: code}
		}
		upper[i] = b
	}
	unit, err := currency.ParseISO(string(upper[:]))
	if err != nil {
		return Currency{}, &UnknownCurrencyError{Code: code}
	}
	scale, _ := currency.Standard.Rounding(unit)
	c := Currency{code: upper, digits: int32(scale)}
	currencyCache.Store(code, c)
	return c, nil
}

// MustCurrency is like ParseCurrency but panics on an unknown code. It is
// meant for literals in programs and tests, never for user input.
func MustCurrency(code string) Currency {
	c, err := ParseCurrency(code)
	if err != nil {
		panic(err)
	}
	return c
}

// Code returns the ISO 4217 alphabetic code, such as "EUR", or "" for the
// zero Currency.
func (c Currency) Code() string {
	if c.code[0] == 0 {
		return ""
	}
	return string(c.code[:])
}

// appendCode appends the code to b: nothing for the zero Currency.
func (c Currency) appendCode(b []byte) []byte {
	if c.IsZero() {
		return b
	}
	return append(b, c.code[:]...)
}

// Digits returns the number of minor digits: 2 for EUR, 0 for JPY, 3 for KWD.
func (c Currency) Digits() int { return int(c.digits) }

// IsZero reports whether c is the zero Currency ("no currency").
func (c Currency) IsZero() bool { return c.code[0] == 0 }

// String returns the currency code.
func (c Currency) String() string { return c.Code() }

// MarshalText implements encoding.TextMarshaler.
func (c Currency) MarshalText() ([]byte, error) { return c.appendCode(nil), nil }

// UnmarshalText implements encoding.TextUnmarshaler. Empty text gives the
// zero Currency.
func (c *Currency) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*c = Currency{}
		return nil
	}
	parsed, err := ParseCurrency(string(text))
	if err != nil {
		return err
	}
	*c = parsed
	return nil
}

func (c Currency) unit() (currency.Unit, bool) {
	if c.IsZero() {
		return currency.Unit{}, false
	}
	u, err := currency.ParseISO(c.Code())
	return u, err == nil
}
