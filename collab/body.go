package collab

import (
	"context"
	"errors"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/billkit/billkit/validation"
)

// MaxBodyLength is the longest message body, in characters (Unicode code
// points): about four pages of text, enough for a discussion and short
// enough to keep notifications and feeds light. Longer content belongs in
// an attachment.
const MaxBodyLength = 10000

// checkBody records a fault when body is empty, too long, not valid UTF-8
// or holds control characters other than tab and line breaks (NUL, which
// PostgreSQL cannot store, among them).
func checkBody(errs *validation.Errors, field, body string) {
	switch {
	case strings.TrimSpace(body) == "":
		errs.Add(field, validation.CodeRequired, "is required")
	case !utf8.ValidString(body):
		errs.Add(field, validation.CodeInvalid, "must be valid UTF-8")
	case utf8.RuneCountInString(body) > MaxBodyLength:
		errs.Add(field, validation.CodeOutOfRange, "must have at most 10000 characters")
	default:
		for _, r := range body {
			if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' {
				errs.Add(field, validation.CodeInvalid, "must not contain control characters")
				return
			}
		}
	}
}

// resolve parses body and resolves its mentions through the directory. It
// returns the spans of the body (resolved mentions, links, emphasis) and
// the principals mentioned, each once. A mention that the directory does
// not know, or of a private group the author is not a member of, stays
// plain text.
func (s *Service) resolve(ctx context.Context, author, body string) ([]Span, []Principal, error) {
	parsed := scan(body)
	spans := parsed.spans
	var mentioned []Principal
	known := map[string]*Principal{} // lower-cased name -> principal, nil if unknown
	for _, tok := range parsed.mentions {
		key := strings.ToLower(tok.Name)
		p, seen := known[key]
		if !seen {
			found, err := s.lookupMentionable(ctx, author, tok.Name)
			if err != nil {
				return nil, nil, err
			}
			p = found
			known[key] = p
		}
		if p == nil {
			continue
		}
		spans = append(spans, Span{Kind: SpanMention, Start: tok.Start, End: tok.End, Target: p.ID, Principal: p.Type})
		if !slices.ContainsFunc(mentioned, func(q Principal) bool { return q.ID == p.ID }) {
			mentioned = append(mentioned, *p)
		}
	}
	slices.SortStableFunc(spans, func(a, b Span) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	return spans, mentioned, nil
}

// lookupMentionable returns the principal author may mention as name, or
// nil.
func (s *Service) lookupMentionable(ctx context.Context, author, name string) (*Principal, error) {
	p, err := s.dir.Lookup(ctx, name)
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if p.Type == PrincipalGroup && p.Private {
		member, err := s.isMember(ctx, author, p.ID)
		if err != nil || !member {
			return nil, err
		}
	}
	return &p, nil
}

// excerpt returns body cut to at most n characters, with an ellipsis when
// cut.
func excerpt(body string, n int) string {
	if utf8.RuneCountInString(body) <= n {
		return body
	}
	i := 0
	for range n - 1 {
		_, size := utf8.DecodeRuneInString(body[i:])
		i += size
	}
	return strings.TrimRightFunc(body[:i], unicode.IsSpace) + "…"
}
