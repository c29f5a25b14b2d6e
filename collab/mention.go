package collab

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of the mention syntax.
const (
	// MaxHandleLength is the longest handle, in bytes, that @handle can
	// mention.
	MaxHandleLength = 64
	// MaxQuotedNameLength is the longest display name, in bytes, that
	// @"Display Name" can mention.
	MaxQuotedNameLength = 128
)

// MentionToken is a mention found in a text, before it is resolved
// against the Directory.
type MentionToken struct {
	// Start is the byte offset of the '@' in the text.
	Start int `json:"start"`
	// End is the byte offset just after the mention, so that
	// text[Start:End] is "@alice" or `@"Alice Martin"`.
	End int `json:"end"`
	// Name is the handle or the display name mentioned, without '@' or
	// quotes.
	Name string `json:"name"`
	// Quoted is set for the @"Display Name" form.
	Quoted bool `json:"quoted,omitempty"`
}

// ParseMentions returns the mentions in text, in order. It accepts any
// input, including invalid UTF-8, and never panics; the offsets of the
// tokens are always valid byte offsets into text.
//
// Two forms are recognised:
//
//   - @handle, where handle is letters, digits, '_', '-' and '.', starts
//     with a letter or digit, and loses any trailing '.', '-' or '_' (so
//     "ask @alice." mentions "alice");
//   - @"Display Name", a quoted name on one line, at most
//     MaxQuotedNameLength bytes.
//
// An '@' that follows a letter, a digit or one of . - + @ / \ = & % # ~ is
// not a mention, so e-mail addresses (bob@example.com) and URL paths
// (https://example.com/@alice) are left alone; so is an @handle followed by
// another '@', and any '@' inside a link.
func ParseMentions(text string) []MentionToken {
	return scan(text).mentions
}

// mentionAt returns the mention that starts at the '@' at offset at, if
// there is one.
func mentionAt(text string, at int) (MentionToken, bool) {
	if !mentionBoundary(text, at) {
		return MentionToken{}, false
	}
	rest := text[at+1:]
	if strings.HasPrefix(rest, `"`) {
		return quotedMention(text, at)
	}
	n := 0
	for n < len(rest) {
		r, size := utf8.DecodeRuneInString(rest[n:])
		if r == utf8.RuneError || !isHandleRune(r) {
			break
		}
		n += size
	}
	handle := strings.TrimRight(rest[:n], ".-_")
	if handle == "" || len(handle) > MaxHandleLength || n > MaxHandleLength+8 {
		return MentionToken{}, false
	}
	if first, _ := utf8.DecodeRuneInString(handle); !unicode.IsLetter(first) && !unicode.IsDigit(first) {
		return MentionToken{}, false
	}
	end := at + 1 + len(handle)
	if strings.HasPrefix(text[at+1+n:], "@") {
		return MentionToken{}, false // @bob@example.com is an address, not a mention
	}
	return MentionToken{Start: at, End: end, Name: handle}, true
}

func quotedMention(text string, at int) (MentionToken, bool) {
	open := at + 2 // after @"
	limit := min(len(text), open+MaxQuotedNameLength+1)
	i := strings.IndexByte(text[open:limit], '"')
	if i < 0 {
		return MentionToken{}, false
	}
	raw := text[open : open+i]
	name := strings.TrimSpace(raw)
	if name == "" || !utf8.ValidString(raw) || hasControl(raw) {
		return MentionToken{}, false
	}
	return MentionToken{Start: at, End: open + i + 1, Name: name, Quoted: true}, true
}

// mentionBoundary reports whether the '@' at offset at may start a
// mention, judging by what precedes it.
func mentionBoundary(text string, at int) bool {
	if at == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:at])
	if r == utf8.RuneError {
		return false
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
		return false
	}
	return !strings.ContainsRune(`.-+@/\=&%#~`, r)
}

func isHandleRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' || r == '.'
}

// validHandle reports whether h can be mentioned as @h in full: the
// parser would read exactly h.
func validHandle(h string) bool {
	if h == "" || len(h) > MaxHandleLength {
		return false
	}
	tok, ok := mentionAt("@"+h, 0)
	return ok && tok.Name == h
}
