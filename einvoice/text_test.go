package einvoice

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestValidText(t *testing.T) {
	cases := []struct {
		name string
		text string
		ok   bool
	}{
		{"empty", "", true},
		{"accents and euro", "Société Générale, 10 000 €", true},
		{"tab, new line and carriage return", "a\tb\nc\rd", true},
		{"emoji", "café ☕ 🥐", true},
		{"NUL", "a\x00b", false},
		{"escape", "\x1b[0m", false},
		{"invalid UTF-8", "caf\xe9", false},
		{"U+FFFE", "a\uFFFEb", false},
		{"U+FFFF", "a\uFFFFb", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.ok, validText(c.text), "%q", c.text)
		})
	}
}
