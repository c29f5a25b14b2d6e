package date_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/billkit/billkit/date"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in       string
		wantPart string // "" when valid
	}{
		{"2026-01-31", ""},
		{"0001-01-01", ""},
		{"9999-12-31", ""},
		{"2024-02-29", ""},
		{"2000-02-29", ""},
		{"1900-02-29", date.PartDay},
		{"2023-02-29", date.PartDay},
		{"2026-04-31", date.PartDay},
		{"2026-01-00", date.PartDay},
		{"2026-00-01", date.PartMonth},
		{"2026-13-01", date.PartMonth},
		{"0000-01-01", date.PartYear},
		{"", date.PartFormat},
		{"2026-1-31", date.PartFormat},
		{"2026/01/31", date.PartFormat},
		{"20260131", date.PartFormat},
		{"2026-01-31T00:00:00Z", date.PartFormat},
		{" 2026-01-31", date.PartFormat},
		{"2026-01-31 ", date.PartFormat},
		{"+202-01-31", date.PartFormat},
		{"-001-01-01", date.PartFormat},
		{"2026-0a-31", date.PartFormat},
		{"２０２６-01-31", date.PartFormat},
		{"10000-01-01", date.PartFormat},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := date.Parse(tt.in)
			if tt.wantPart == "" {
				require.NoError(t, err)
				assert.Equal(t, tt.in, d.String())
				return
			}
			assert.ErrorIs(t, err, date.ErrInvalid)
			var de *date.Error
			require.ErrorAs(t, err, &de)
			assert.Equal(t, tt.wantPart, de.Part)
			assert.Equal(t, tt.in, de.Input)
			assert.True(t, d.IsZero())
		})
	}
}

func TestParseStringRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := genDate().Draw(t, "d")
		back, err := date.Parse(d.String())
		if err != nil || back != d {
			t.Fatalf("Parse(%q) = %v, %v; want %v", d.String(), back, err, d)
		}
	})
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"2026-01-31", "0001-01-01", "9999-12-31", "2024-02-29", "1900-02-29",
		"0000-00-00", "2026-13-40", "", "2026-1-1", "２０２６-01-31", "2026-01-31T00:00:00Z",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := date.Parse(s)
		if err != nil {
			if !d.IsZero() {
				t.Fatalf("Parse(%q) returned %v with error %v", s, d, err)
			}
			return
		}
		if d.String() != s {
			t.Fatalf("Parse(%q).String() = %q", s, d.String())
		}
		if _, err := date.New(d.Year(), d.Month(), d.Day()); err != nil {
			t.Fatalf("Parse(%q) accepted a date New rejects: %v", s, err)
		}
	})
}

type invoiceDates struct {
	Issued date.Date  `json:"issued"`
	Due    date.Date  `json:"due"`
	Paid   date.Date  `json:"paid,omitzero"`
	Period date.Range `json:"period"`
}

func TestJSONRoundTrip(t *testing.T) {
	in := invoiceDates{
		Issued: date.MustParse("2026-01-31"),
		Due:    date.MustParse("2026-03-02"),
		Period: date.Range{Start: date.MustParse("2026-01-01"), End: date.MustParse("2026-02-01")},
	}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t,
		`{"issued":"2026-01-31","due":"2026-03-02","period":{"start":"2026-01-01","end":"2026-02-01"}}`,
		string(b))

	var out invoiceDates
	require.NoError(t, json.Unmarshal(b, &out))
	assert.Equal(t, in, out)
}

func TestJSONZeroIsNull(t *testing.T) {
	b, err := json.Marshal(struct{ D date.Date }{})
	require.NoError(t, err)
	assert.Equal(t, `{"D":null}`, string(b))
}

func TestUnmarshalJSON(t *testing.T) {
	tests := []struct {
		name, in string
		want     string
		wantErr  bool
	}{
		{"string", `"2026-01-31"`, "2026-01-31", false},
		{"null", `null`, "", false},
		{"empty string", `""`, "", false},
		{"escaped", `"2026\u002d01-31"`, "2026-01-31", false},
		{"number", `20260131`, "", true},
		{"bad date", `"2026-02-30"`, "", true},
		{"object", `{}`, "", true},
		{"unterminated", `"2026-01-31`, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := date.MustParse("1999-12-31") // null and "" must clear it
			err := json.Unmarshal([]byte(tt.in), &d)
			if tt.wantErr {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, d.String())
		})
	}
}

func TestUnmarshalJSONErrorIsTyped(t *testing.T) {
	var d date.Date
	err := d.UnmarshalJSON([]byte(`"2026-02-30"`))
	assert.ErrorIs(t, err, date.ErrInvalid)
	err = d.UnmarshalJSON([]byte(`42`))
	assert.ErrorIs(t, err, date.ErrInvalid)
}

func TestTextRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := rapid.OneOf(genDate(), rapid.Just(date.Date{})).Draw(t, "d")
		text, err := d.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		appended, err := d.AppendText([]byte("on "))
		if err != nil || string(appended) != "on "+string(text) {
			t.Fatalf("AppendText = %q, %v; want %q", appended, err, "on "+string(text))
		}
		var back date.Date
		if err := back.UnmarshalText(text); err != nil || back != d {
			t.Fatalf("UnmarshalText(%q) = %v, %v; want %v", text, back, err, d)
		}
		j, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		back = date.MustParse("2000-01-01")
		if err := json.Unmarshal(j, &back); err != nil || back != d {
			t.Fatalf("json.Unmarshal(%s) = %v, %v; want %v", j, back, err, d)
		}
	})
}
