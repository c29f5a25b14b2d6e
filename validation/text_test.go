package validation

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTextFault(t *testing.T) {
	tests := []struct {
		name      string
		s         string
		max       int
		multiline bool
		code      string
		message   string
	}{
		{"empty", "", 10, false, "", ""},
		{"ASCII", "Boulangerie Martin", 20, false, "", ""},
		{"accents and symbols", "Société Générale – 10 000 €", 30, false, "", ""},
		{"right to left", "شركة", 4, false, "", ""},
		{"emoji", "👍", 1, false, "", ""},
		{"exactly the length", strings.Repeat("é", 5), 5, false, "", ""},
		{"one character too many", strings.Repeat("é", 6), 5, false, CodeOutOfRange, "must have at most 5 characters"},
		{"a megabyte", strings.Repeat("a", 1<<20), MaxNoteLength, true, CodeOutOfRange, "must have at most 10000 characters"},
		{"invalid UTF-8", "ok \xff", 10, false, CodeInvalid, "must be valid UTF-8 (an invalid byte at character 4)"},
		{"a surrogate encoded", "\xed\xa0\x80", 10, false, CodeInvalid, "must be valid UTF-8 (an invalid byte at character 1)"},
		{"NUL", "a\x00b", 10, false, CodeInvalid, "must not contain control characters (U+0000 at character 2)"},
		{"escape", "\x1b[2J", 10, false, CodeInvalid, "must not contain control characters (U+001B at character 1)"},
		{"DEL", "a\x7f", 10, false, CodeInvalid, "must not contain control characters (U+007F at character 2)"},
		{"C1 control", "a\u0085", 10, false, CodeInvalid, "must not contain control characters (U+0085 at character 2)"},
		{"tab in one line", "a\tb", 10, false, CodeInvalid, "must not contain control characters (U+0009 at character 2)"},
		{"line feed in one line", "a\nb", 10, false, CodeInvalid, "must not contain control characters (U+000A at character 2)"},
		{"tab and line feeds", "a\tb\nc\r\nd", 10, true, "", ""},
		{"a lone carriage return", "a\rb", 10, true, CodeInvalid,
			"must not contain control characters other than tabs and line breaks (U+000D at character 2)"},
		{"NUL in many lines", "a\n\x00", 10, true, CodeInvalid,
			"must not contain control characters other than tabs and line breaks (U+0000 at character 3)"},
		{"U+FFFF", "a\uffff", 10, false, CodeInvalid, "must not contain U+FFFF, which XML cannot carry (at character 2)"},
		{"U+FFFE", "\ufffe", 10, true, CodeInvalid, "must not contain U+FFFE, which XML cannot carry (at character 1)"},
		{"U+FFFD is a character", "a\ufffd", 10, false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, msg := TextFault(tt.s, tt.max, tt.multiline)
			assert.Equal(t, tt.code, code)
			assert.Equal(t, tt.message, msg)
		})
	}
}

func TestErrorsText(t *testing.T) {
	var errs Errors
	assert.True(t, errs.Text("name", "ACME", MaxNameLength))
	assert.True(t, errs.MultilineText("notes[0].text", "line 1\nline 2", MaxNoteLength))
	assert.False(t, errs.Text("lines[2].name", "a\x00", MaxNameLength))
	assert.False(t, errs.MultilineText("notes[1].text", strings.Repeat("x", MaxNoteLength+1), MaxNoteLength))
	err := errs.Err()
	var ve *Error
	require.ErrorAs(t, err, &ve)
	assert.Len(t, ve.Faults, 2)
	assert.True(t, ve.Has("lines[2].name", CodeInvalid))
	assert.True(t, ve.Has("notes[1].text", CodeOutOfRange))
}

type labelled struct {
	Name  string   `json:"name" validate:"required,max=10,text"`
	Note  string   `json:"note" validate:"max=20,multiline"`
	Tags  []string `json:"tags" validate:"dive,max=5,text"`
	Other int      `json:"other" validate:"text"`
}

func TestStructTextTags(t *testing.T) {
	require.NoError(t, Struct(labelled{Name: "ACME", Note: "a\nb", Tags: []string{"x"}}))
	tests := []struct {
		name    string
		in      labelled
		field   string
		code    string
		message string
	}{
		{"NUL in a name", labelled{Name: "a\x00"}, "name", CodeInvalid, "must not contain control characters (U+0000 at character 2)"},
		{"line feed in a name", labelled{Name: "a\nb"}, "name", CodeInvalid, "must not contain control characters (U+000A at character 2)"},
		{"invalid UTF-8 in a note", labelled{Name: "a", Note: "\xc3"}, "note", CodeInvalid, "must be valid UTF-8 (an invalid byte at character 1)"},
		{"a long name", labelled{Name: "abcdefghijk"}, "name", CodeOutOfRange, "must have at most 10 characters"},
		{"a tag", labelled{Name: "a", Tags: []string{"ok", "\x1b"}}, "tags[1]", CodeInvalid, "must not contain control characters (U+001B at character 1)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Struct(tt.in)
			var ve *Error
			require.ErrorAs(t, err, &ve)
			require.Len(t, ve.Faults, 1, ve.Error())
			assert.Equal(t, Fault{Field: tt.field, Code: tt.code, Message: tt.message}, ve.Faults[0])
		})
	}
}

// Text that TextFault accepts reads back from JSON byte for byte, as the
// stores keep it; text it refuses is invalid UTF-8 or holds a character
// that is not text.
func FuzzTextFault(f *testing.F) {
	for _, s := range []string{"", "ACME", "a\x00b", "ok \xff", "a\r\nb", "a\rb", "\uffff", "Société – €", "\u2028"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, multiline bool) {
		code, msg := TextFault(s, MaxNoteLength, multiline)
		if code != "" {
			assert.NotEmpty(t, msg)
			return
		}
		require.True(t, utf8.ValidString(s))
		for _, r := range s {
			require.False(t, unicode.IsControl(r) && !(multiline && (r == '\t' || r == '\n' || r == '\r')), "%q", r)
		}
		raw, err := json.Marshal(s)
		require.NoError(t, err)
		var back string
		require.NoError(t, json.Unmarshal(raw, &back))
		require.Equal(t, s, back)
	})
}
