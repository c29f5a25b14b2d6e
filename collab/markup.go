package collab

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SpanKind says what a span of a message body is.
type SpanKind string

// Span kinds.
const (
	SpanMention SpanKind = "mention" // a resolved @mention
	SpanBold    SpanKind = "bold"    // *text*
	SpanItalic  SpanKind = "italic"  // _text_
	SpanLink    SpanKind = "link"    // an http or https URL
)

// Span marks a part of a message body for display. The body itself stays
// plain text: a renderer escapes it and wraps each span in its own markup.
type Span struct {
	// Kind says what the span is.
	Kind SpanKind `json:"kind"`
	// Start and End are byte offsets into the body; End is exclusive. A
	// bold or italic span includes its two markers, so its text is
	// body[Start+1 : End-1].
	Start int `json:"start"`
	End   int `json:"end"`
	// Target is the URL of a link, or the ID of the mentioned principal.
	Target string `json:"target,omitempty"`
	// Principal is the type of the mentioned principal.
	Principal PrincipalType `json:"principal,omitempty"`
}

// maxEmphasisLength bounds the distance between two emphasis markers, which
// keeps parsing linear on hostile input.
const maxEmphasisLength = 1000

// ParseMarkup returns the links and the bold and italic spans of text,
// ordered by Start (an enclosing span before the spans it contains).
// Mentions are not included: they become spans only once resolved, which
// the Service does when a message is posted. Like ParseMentions it accepts
// any input and never panics.
//
// The light markup is *bold* and _italic_ within one line, markers hugging
// the text and not inside words, and bare http:// or https:// links, which
// end at white space and lose trailing punctuation.
func ParseMarkup(text string) []Span {
	return scan(text).spans
}

type scanned struct {
	mentions []MentionToken
	spans    []Span // links and emphasis
}

// scan finds links first, then mentions outside links, then emphasis that
// neither splits a link or a mention nor crosses another emphasis.
func scan(text string) scanned {
	var out scanned
	out.spans = links(text)
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '@')
		if j < 0 {
			break
		}
		at := i + j
		i = at + 1
		if inside(out.spans, at) {
			continue
		}
		if tok, ok := mentionAt(text, at); ok {
			out.mentions = append(out.mentions, tok)
			i = tok.End
		}
	}
	blocked := make([]Span, 0, len(out.spans)+len(out.mentions))
	blocked = append(blocked, out.spans...)
	for _, m := range out.mentions {
		blocked = append(blocked, Span{Kind: SpanMention, Start: m.Start, End: m.End})
	}
	bold := emphasis(text, '*', SpanBold, blocked, nil)
	italic := emphasis(text, '_', SpanItalic, blocked, bold)
	out.spans = append(append(out.spans, bold...), italic...)
	slices.SortFunc(out.spans, func(a, b Span) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	return out
}

// inside reports whether offset i falls within one of spans.
func inside(spans []Span, i int) bool {
	for _, s := range spans {
		if i >= s.Start && i < s.End {
			return true
		}
	}
	return false
}

func links(text string) []Span {
	var out []Span
	for i := 0; i < len(text); {
		j := indexFold(text[i:], "http")
		if j < 0 {
			break
		}
		start := i + j
		i = start + 4
		var prefix int
		switch {
		case hasPrefixFold(text[start:], "https://"):
			prefix = len("https://")
		case hasPrefixFold(text[start:], "http://"):
			prefix = len("http://")
		default:
			continue
		}
		if start > 0 {
			if r, _ := utf8.DecodeLastRuneInString(text[:start]); unicode.IsLetter(r) || unicode.IsDigit(r) {
				continue
			}
		}
		end := start + prefix
		for end < len(text) {
			r, size := utf8.DecodeRuneInString(text[end:])
			if r == utf8.RuneError || unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune(`<>"`, r) {
				break
			}
			end += size
		}
		url := trimURL(text[start:end])
		if len(url) <= prefix {
			continue
		}
		out = append(out, Span{Kind: SpanLink, Start: start, End: start + len(url), Target: url})
		i = start + len(url)
	}
	return out
}

// trimURL drops trailing punctuation that ends a sentence rather than the
// URL, and a closing parenthesis that has no opening one in the URL.
func trimURL(url string) string {
	for url != "" {
		last := url[len(url)-1]
		switch {
		case strings.IndexByte(".,;:!?'*_", last) >= 0:
			url = url[:len(url)-1]
		case last == ')' && strings.Count(url, "(") < strings.Count(url, ")"):
			url = url[:len(url)-1]
		default:
			return url
		}
	}
	return url
}

// emphasis finds the spans between pairs of marker. No marker may fall
// inside a link or mention (atoms), and no span may cross an atom or
// another emphasis span (others); nesting is fine.
func emphasis(text string, marker byte, kind SpanKind, atoms, others []Span) []Span {
	var out []Span
	for i := 0; i < len(text); i++ {
		if text[i] != marker || inside(atoms, i) || !openingMarker(text, i, marker) {
			continue
		}
		limit := min(len(text), i+maxEmphasisLength)
		for j := i + 2; j < limit; j++ {
			c := text[j]
			if c == '\n' {
				break
			}
			if c != marker || inside(atoms, j) || !closingMarker(text, j) {
				continue
			}
			s := Span{Kind: kind, Start: i, End: j + 1}
			if crosses(s, atoms) || crosses(s, others) || crosses(s, out) {
				continue
			}
			out = append(out, s)
			i = j
			break
		}
	}
	return out
}

func openingMarker(text string, i int, marker byte) bool {
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == utf8.RuneError {
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(text[i+1:])
	return i+1 < len(text) && !unicode.IsSpace(r) && r != rune(marker) && r != utf8.RuneError
}

func closingMarker(text string, j int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:j])
	if unicode.IsSpace(r) || r == utf8.RuneError {
		return false
	}
	if j+1 < len(text) {
		next, _ := utf8.DecodeRuneInString(text[j+1:])
		if unicode.IsLetter(next) || unicode.IsDigit(next) {
			return false
		}
	}
	return true
}

// crosses reports whether s partially overlaps one of spans: each must be
// disjoint from s, or contain it, or be contained in it.
func crosses(s Span, spans []Span) bool {
	for _, o := range spans {
		disjoint := o.End <= s.Start || s.End <= o.Start
		nested := (o.Start <= s.Start && s.End <= o.End) || (s.Start <= o.Start && o.End <= s.End)
		if !disjoint && !nested {
			return true
		}
	}
	return false
}

func indexFold(s, substr string) int {
	for i := 0; i+len(substr) <= len(s); i++ {
		if hasPrefixFold(s[i:], substr) {
			return i
		}
	}
	return -1
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
