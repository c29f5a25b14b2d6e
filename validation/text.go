package validation

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// Lengths of text fields, in characters (Unicode code points). EN 16931
// sets no length on its text fields; these leave room for every real
// value while keeping what one request may store, and each document,
// small: an invoice of MaxLines lines holds at most a few megabytes of
// text.
//
//	kind         length  lines     fields
//	code             64  one       identifiers and codes people key in: quote and line IDs,
//	                                SKUs, unit, subject and reason codes, dunning step keys
//	reference       140  one       references copied from elsewhere: purchase orders, buyer
//	                                and contract references, invoice numbers, legal, VAT and
//	                                tax identifiers, bank references (140 is the length of
//	                                SEPA remittance information, which carries them)
//	name            200  one       names of parties, items, products and users, address
//	                                lines, cities, electronic addresses, titles
//	reason         1000  one       why something was done: approval, rejection, write-off,
//	                                decline and credit reasons, allowance and charge reasons,
//	                                VAT exemption reasons (one line: they end up in activity
//	                                feeds and notifications)
//	description    4000  multiple  item descriptions and payment terms
//	note          10000  multiple  notes of a document, messages (about four pages)
//
// Every text field also holds valid UTF-8 without control characters
// (see TextFault), so that it is stored, read back and exported byte for
// byte as it was given.
const (
	MaxCodeLength        = 64
	MaxReferenceLength   = 140
	MaxNameLength        = 200
	MaxReasonLength      = 1000
	MaxDescriptionLength = 4000
	MaxNoteLength        = 10000
)

// TextFault checks s as the value of a text field of at most maxLength
// characters and returns the code and message of its fault, or two empty
// strings when it has none. Text is valid UTF-8 (the SQL stores and JSON
// would otherwise replace the invalid bytes by U+FFFD, and an issued
// invoice would read back different from what was issued) without
// control characters (NUL, which PostgreSQL cannot store, escape
// sequences that rewrite a terminal, ...) nor U+FFFE and U+FFFF, which
// XML cannot carry. Multi-line text may also hold tabs and line breaks: a
// line feed, alone or after a carriage return.
//
// The length is checked first, so a text of a megabyte is refused as too
// long whatever it holds.
func TextFault(s string, maxLength int, multiline bool) (code, message string) {
	if len(s) > maxLength && utf8.RuneCountInString(s) > maxLength {
		return CodeOutOfRange, "must have at most " + strconv.Itoa(maxLength) + " characters"
	}
	chars := 0
	for i := 0; i < len(s); chars++ {
		c := s[i]
		if c >= 0x20 && c < 0x7F {
			i++
			continue
		}
		r, n := rune(c), 1
		if c >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case r == utf8.RuneError && n == 1:
			return CodeInvalid, "must be valid UTF-8 (an invalid byte at character " + strconv.Itoa(chars+1) + ")"
		case multiline && (r == '\t' || r == '\n' || r == '\r' && i+1 < len(s) && s[i+1] == '\n'):
		case r < 0x20 || r >= 0x7F && r < 0xA0:
			what := "control characters"
			if multiline {
				what = "control characters other than tabs and line breaks"
			}
			return CodeInvalid, "must not contain " + what + " (" + codePoint(r) + " at character " + strconv.Itoa(chars+1) + ")"
		case r == 0xFFFE || r == 0xFFFF:
			return CodeInvalid, "must not contain " + codePoint(r) + ", which XML cannot carry (at character " + strconv.Itoa(chars+1) + ")"
		}
		i += n
	}
	return "", ""
}

// codePoint writes r as U+XXXX.
func codePoint(r rune) string { return fmt.Sprintf("U+%04X", r) }

// Text records at field the fault of s as one line of text of at most
// maxLength characters (see TextFault), and reports whether there was
// none.
func (e *Errors) Text(field, s string, maxLength int) bool {
	return e.text(field, s, maxLength, false)
}

// MultilineText records at field the fault of s as text of at most
// maxLength characters that may hold tabs and line breaks (see
// TextFault), and reports whether there was none.
func (e *Errors) MultilineText(field, s string, maxLength int) bool {
	return e.text(field, s, maxLength, true)
}

func (e *Errors) text(field, s string, maxLength int, multiline bool) bool {
	code, msg := TextFault(s, maxLength, multiline)
	if code == "" {
		return true
	}
	e.Add(field, code, msg)
	return false
}
