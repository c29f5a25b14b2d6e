package money

import (
	"bytes"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// maxInputLen bounds the text accepted by the parsers, so that hostile input
// cannot make them build enormous numbers.
const maxInputLen = 128

// String returns a in the canonical form "1234.50 EUR": a plain decimal with at
// least the currency's minor digits, a space and the code. The zero Amount
// without currency is "0". String and Parse round-trip exactly.
func (a Amount) String() string {
	places := a.currency.digits
	if e := -a.number.Exponent(); e > places {
		// Keep the amount's own extra precision, without trailing zeros.
		trimmed := strings.TrimRight(a.number.StringFixed(e), "0")
		if i := strings.IndexByte(trimmed, '.'); i >= 0 && int32(len(trimmed)-i-1) > places {
			places = int32(len(trimmed) - i - 1)
		}
	}
	s := a.number.StringFixed(places)
	if a.currency.IsZero() {
		return s
	}
	return s + " " + a.currency.Code()
}

// AppendText implements encoding.TextAppender: it appends to b what String
// returns. Amounts of up to 18 significant digits are written without
// allocating when b has room.
func (a Amount) AppendText(b []byte) ([]byte, error) {
	places := a.currency.digits
	exp := a.number.Exponent()
	if a.number.NumDigits() > 18 || -exp > places || exp > 0 {
		return append(b, a.String()...), nil
	}
	// The coefficient scaled to the currency's places fits in an int64.
	v, ok := mulPow10(a.number.CoefficientInt64(), int64(places+exp))
	if !ok {
		return append(b, a.String()...), nil
	}
	if v < 0 {
		b = append(b, '-')
	}
	u := absUint64(v)
	if places == 0 {
		b = strconv.AppendUint(b, u, 10)
	} else {
		p := pow10Uint64[places]
		b = strconv.AppendUint(b, u/p, 10)
		b = append(b, '.')
		frac := u % p
		for q := p / 10; q > 0; q /= 10 {
			b = append(b, byte('0'+frac/q%10))
		}
	}
	if a.currency.IsZero() {
		return b, nil
	}
	return a.currency.appendCode(append(b, ' ')), nil
}

// Parse reads an amount written as "1234.50 EUR" or "EUR 1234.50". The number
// is a plain decimal: an optional sign, digits, and an optional fraction
// after a dot; no exponent, no grouping. A bad input is a *ParseError.
func Parse(s string) (Amount, error) {
	if len(s) > maxInputLen {
		return Amount{}, &ParseError{Input: s[:maxInputLen] + "…", Reason: "too long"}
	}
	fields := strings.Fields(s)
	if len(fields) != 2 {
		return Amount{}, &ParseError{Input: s, Reason: `want "<number> <currency code>"`}
	}
	num, code := fields[0], fields[1]
	if isCurrencyLike(num) && !isCurrencyLike(code) {
		num, code = code, num
	}
	c, err := ParseCurrency(code)
	if err != nil {
		return Amount{}, &ParseError{Input: s, Reason: "unknown currency", Err: err}
	}
	d, err := ParseNumber(num)
	if err != nil {
		return Amount{}, &ParseError{Input: s, Reason: "bad number", Err: err}
	}
	return Amount{number: d, currency: c}, nil
}

// MustParse is like Parse but panics on bad input. It is meant for literals
// in programs and tests, never for user input.
func MustParse(s string) Amount {
	a, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return a
}

// ParseIn reads a plain decimal number (see Parse) as an amount in c.
func ParseIn(s string, c Currency) (Amount, error) {
	d, err := ParseNumber(s)
	if err != nil {
		return Amount{}, err
	}
	return Amount{number: d, currency: c}, nil
}

// ParseNumber reads a plain decimal number: an optional sign, at least one
// digit, and an optional fraction after a dot with at least one digit. It
// refuses exponents, grouping, spaces and anything longer than 128 bytes,
// returning a *ParseError.
func ParseNumber(s string) (decimal.Decimal, error) {
	if len(s) > maxInputLen {
		return decimal.Decimal{}, &ParseError{Input: s[:maxInputLen] + "…", Reason: "too long"}
	}
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	intDigits, fracDigits, dot := 0, 0, false
	for ; i < len(s); i++ {
		switch b := s[i]; {
		case b >= '0' && b <= '9':
			if dot {
				fracDigits++
			} else {
				intDigits++
			}
		case b == '.' && !dot:
			dot = true
		default:
			return decimal.Decimal{}, &ParseError{Input: s, Reason: fmt.Sprintf("unexpected %q", rune(b))}
		}
	}
	if intDigits == 0 || (dot && fracDigits == 0) {
		return decimal.Decimal{}, &ParseError{Input: s, Reason: "want digits, optionally followed by a dot and digits"}
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, &ParseError{Input: s, Reason: "not a decimal number", Err: err}
	}
	return d, nil
}

func isCurrencyLike(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if b := s[i] | 0x20; b < 'a' || b > 'z' {
			return false
		}
	}
	return true
}

type amountJSON struct {
	Amount   string `json:"amount"`
	Currency string `json:"currency"`
}

// MarshalJSON encodes a as {"amount":"1234.50","currency":"EUR"}: the number
// is a string so no JSON reader turns it into a float.
func (a Amount) MarshalJSON() ([]byte, error) {
	// The bytes encoding/json writes for an amountJSON: the number (digits,
	// a sign, a dot) and the ISO 4217 code (capital letters) need no
	// escaping. Documents are fingerprinted from these bytes.
	b := make([]byte, 0, 48)
	b = append(b, `{"amount":"`...)
	b, _ = a.AppendText(b) // never fails
	if !a.currency.IsZero() {
		b = b[:len(b)-len(a.currency.code)-1] // the space and the code
	}
	b = append(b, `","currency":"`...)
	b = a.currency.appendCode(b)
	return append(b, `"}`...), nil
}

// UnmarshalJSON decodes the form written by MarshalJSON. JSON null leaves a
// unchanged.
func (a *Amount) UnmarshalJSON(data []byte) error {
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		return nil
	}
	v, ok := amountJSONOf(data)
	if !ok {
		if err := json.Unmarshal(data, &v); err != nil {
			return &ParseError{Input: string(data), Reason: "want an object with amount and currency", Err: err}
		}
	}
	var c Currency
	if v.Currency != "" {
		var err error
		if c, err = ParseCurrency(v.Currency); err != nil {
			return &ParseError{Input: string(data), Reason: "unknown currency", Err: err}
		}
	}
	d, err := ParseNumber(v.Amount)
	if err != nil {
		return err
	}
	if c.IsZero() && !d.IsZero() {
		return &ParseError{Input: string(data), Reason: "a non-zero amount needs a currency"}
	}
	*a = Amount{number: d, currency: c}
	return nil
}

// amountJSONOf reads data when it is the object MarshalJSON writes, its
// two fields in that order, with or without spaces between the tokens
// (PostgreSQL writes jsonb with them) and no escapes in the strings,
// without encoding/json's reflection: stores decode thousands of amounts
// per page of invoices. ok is false for any other form, which
// encoding/json then reads.
func amountJSONOf(data []byte) (v amountJSON, ok bool) {
	p := jsonScanner{b: data}
	ok = p.byte('{') && p.str() == "amount" && p.byte(':')
	if !ok {
		return v, false
	}
	num := p.str()
	ok = p.ok && p.byte(',') && p.str() == "currency" && p.byte(':')
	if !ok {
		return v, false
	}
	code := p.str()
	if !p.ok || !p.byte('}') {
		return v, false
	}
	if p.skipSpace(); len(p.b) != 0 {
		return v, false
	}
	return amountJSON{Amount: num, Currency: code}, true
}

// jsonScanner reads the few tokens of a small JSON object; ok turns false
// at the first token it cannot read.
type jsonScanner struct {
	b  []byte
	ok bool
}

func (p *jsonScanner) skipSpace() {
	for len(p.b) > 0 && (p.b[0] == ' ' || p.b[0] == '\t' || p.b[0] == '\n' || p.b[0] == '\r') {
		p.b = p.b[1:]
	}
}

// byte reads the punctuation c.
func (p *jsonScanner) byte(c byte) bool {
	p.skipSpace()
	p.ok = len(p.b) > 0 && p.b[0] == c
	if p.ok {
		p.b = p.b[1:]
	}
	return p.ok
}

// str reads a string of plain text, or sets ok to false.
func (p *jsonScanner) str() string {
	p.skipSpace()
	p.ok = false
	if len(p.b) == 0 || p.b[0] != '"' {
		return ""
	}
	i := bytes.IndexByte(p.b[1:], '"')
	if i < 0 || !plainText(p.b[1:1+i]) {
		return ""
	}
	s := string(p.b[1 : 1+i])
	p.b, p.ok = p.b[2+i:], true
	return s
}

// plainText reports whether b is printable ASCII without quotes or
// backslashes: JSON string content that means itself.
func plainText(b []byte) bool {
	for _, c := range b {
		if c < 0x20 || c > 0x7e || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}

// Value implements driver.Valuer: an amount is stored as its canonical string
// "1234.50 EUR". Stores that keep the number and the currency in separate
// columns use Number and Currency instead.
func (a Amount) Value() (driver.Value, error) { return a.String(), nil }

// Scan implements sql.Scanner for the form written by Value. SQL NULL gives
// the zero Amount.
func (a *Amount) Scan(src any) error {
	var s string
	switch v := src.(type) {
	case nil:
		*a = Amount{}
		return nil
	case string:
		s = v
	case []byte:
		s = string(v)
	default:
		return &ParseError{Input: fmt.Sprint(src), Reason: fmt.Sprintf("cannot scan a %T", src)}
	}
	if s == "0" {
		*a = Amount{}
		return nil
	}
	parsed, err := Parse(s)
	if err != nil {
		return err
	}
	*a = parsed
	return nil
}
