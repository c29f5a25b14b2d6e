package collab

import (
	"strings"
	"testing"

	"github.com/billkit/billkit/validation"
	"github.com/stretchr/testify/assert"
)

func TestExcerpt(t *testing.T) {
	tests := []struct {
		body string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"éééééééééééé", 5, "éééé…"},
		{"cut at a space here", 8, "cut at…"},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			assert.Equal(t, tt.want, excerpt(tt.body, tt.n))
		})
	}
}

func TestCheckBody(t *testing.T) {
	tests := []struct {
		name string
		body string
		code string // empty when valid
	}{
		{"plain", "hello", ""},
		{"tabs and line breaks", "a\tb\r\nc", ""},
		{"longest", strings.Repeat("x", MaxBodyLength), ""},
		{"empty", "", validation.CodeRequired},
		{"too long", strings.Repeat("x", MaxBodyLength+1), validation.CodeOutOfRange},
		{"bell", "ding\a", validation.CodeInvalid},
		{"invalid UTF-8", "\xc3", validation.CodeInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var errs validation.Errors
			checkBody(&errs, "body", tt.body)
			if tt.code == "" {
				assert.Zero(t, errs.Len())
				return
			}
			var ve *validation.Error
			if assert.ErrorAs(t, errs.Err(), &ve) {
				assert.True(t, ve.Has("body", tt.code), "%v", ve)
			}
		})
	}
}
