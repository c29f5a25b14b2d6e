package date

import (
	"bytes"
	"encoding/json"
)

// layoutLen is the length of "YYYY-MM-DD".
const layoutLen = 10

// Parse parses a date in the ISO 8601 calendar date format YYYY-MM-DD,
// strictly: exactly four digits of year, two of month and two of day
// separated by hyphens, with no sign, space, time or zone. It returns an
// [*Error] wrapping [ErrInvalid] naming the faulty part.
func Parse(s string) (Date, error) {
	if len(s) != layoutLen || s[4] != '-' || s[7] != '-' {
		return Date{}, &Error{Part: PartFormat, Input: s, Reason: "want YYYY-MM-DD"}
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, &Error{Part: PartFormat, Input: s, Reason: "want YYYY-MM-DD"}
	}
	if err := check(y, m, d, s); err != nil {
		return Date{}, err
	}
	return Date{year: int16(y), month: uint8(m), day: uint8(d)}, nil
}

// MustParse is like [Parse] but panics when s is not a valid date. It is
// meant for literal dates in tests, examples and package-level variables;
// use [Parse] for anything that comes from input.
func MustParse(s string) Date {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// digits returns the value of s when it is made only of ASCII digits.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// String returns d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	var buf [layoutLen]byte
	return string(d.appendTo(buf[:0]))
}

// appendTo appends d as YYYY-MM-DD to b. d must not be zero.
func (d Date) appendTo(b []byte) []byte {
	y, m, dd := int(d.year), int(d.month), int(d.day)
	return append(b,
		byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-',
		byte('0'+dd/10), byte('0'+dd%10))
}

// AppendText implements encoding.TextAppender: it appends d as MarshalText
// writes it, without allocating when b has room.
func (d Date) AppendText(b []byte) ([]byte, error) {
	if d.IsZero() {
		return b, nil
	}
	return d.appendTo(b), nil
}

// MarshalText implements encoding.TextMarshaler: YYYY-MM-DD, or empty text
// for the zero Date.
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	return d.appendTo(make([]byte, 0, layoutLen)), nil
}

// UnmarshalText implements encoding.TextUnmarshaler. It accepts what
// [Parse] accepts, and empty text as the zero Date.
func (d *Date) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*d = Date{}
		return nil
	}
	v, err := Parse(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalJSON implements json.Marshaler: a JSON string "YYYY-MM-DD", or
// null for the zero Date. Use the omitzero struct tag option to leave
// missing dates out instead.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	b := make([]byte, 0, layoutLen+2)
	b = append(b, '"')
	b = d.appendTo(b)
	return append(b, '"'), nil
}

// UnmarshalJSON implements json.Unmarshaler. It accepts a JSON string in
// the form [Parse] accepts, and JSON null or "" as the zero Date (null
// clears a date that was set, since the zero Date is how billkit says "no
// date").
func (d *Date) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	if string(data) == "null" {
		*d = Date{}
		return nil
	}
	// Fast path for the usual unescaped form.
	if len(data) >= 2 && data[0] == '"' && data[len(data)-1] == '"' &&
		bytes.IndexByte(data, '\\') < 0 {
		return d.UnmarshalText(data[1 : len(data)-1])
	}
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return &Error{Part: PartFormat, Input: string(data), Reason: "want a JSON string YYYY-MM-DD or null"}
	}
	return d.UnmarshalText([]byte(s))
}
