package collab_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/billkit/billkit/collab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseMentions(t *testing.T) {
	tests := []struct {
		text string
		want []string // the names found, in order
	}{
		{"@alice can you check?", []string{"alice"}},
		{"ping @alice and @bob", []string{"alice", "bob"}},
		{`ask @"Alice Martin" about line 3`, []string{"Alice Martin"}},
		{`@"  Alice Martin  " trims`, []string{"Alice Martin"}},
		{"@finance-team please review", []string{"finance-team"}},
		{"thanks @alice.", []string{"alice"}},
		{"thanks @alice!", []string{"alice"}},
		{"(@alice)", []string{"alice"}},
		{"*@alice*", []string{"alice"}},
		{"cc:@alice", []string{"alice"}},
		{"@j.doe-2_x ok", []string{"j.doe-2_x"}},
		{"@élodie merci", []string{"élodie"}},
		{"@alice,@bob", []string{"alice", "bob"}},
		{"mail bob@example.com", nil},
		{"@bob@example.com", nil},
		{"see https://social.example/@alice", nil},
		{"https://example.com,@alice is inside the link", nil},
		{"a@b", nil},
		{"@", nil},
		{"@@alice", nil},
		{"@ alice", nil},
		{"@-alice", nil},
		{"@_", nil},
		{`@"unterminated`, nil},
		{`@""`, nil},
		{"@\"two\nlines\"", nil},
		{"50 @ 3 %", nil},
		{"@" + strings.Repeat("a", 65), nil},
		{"@" + strings.Repeat("a", 64), []string{strings.Repeat("a", 64)}},
		{"\xff@alice", nil},
		{"@alice\xff", []string{"alice"}},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var names []string
			for _, m := range collab.ParseMentions(tt.text) {
				names = append(names, m.Name)
			}
			assert.Equal(t, tt.want, names)
		})
	}
}

func TestParseMentionsOffsets(t *testing.T) {
	text := `Hi @bob, see @"Alice Martin".`
	got := collab.ParseMentions(text)
	require.Len(t, got, 2)
	assert.Equal(t, collab.MentionToken{Start: 3, End: 7, Name: "bob"}, got[0])
	assert.Equal(t, `@"Alice Martin"`, text[got[1].Start:got[1].End])
	assert.True(t, got[1].Quoted)
}

func FuzzParseMentions(f *testing.F) {
	for _, seed := range []string{
		"@alice", `@"Alice Martin"`, "bob@example.com", "@bob@x", "(@a) *@b* _@c_",
		"https://x.example/@alice", `@"`, "@\xff", "\xff@a", "@" + strings.Repeat("é", 40),
		"*bold* _it_ http://x.example/a_b_c.", "@a.@b", "@\"x\"@y",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prevEnd := 0
		for _, m := range collab.ParseMentions(text) {
			if m.Start < prevEnd || m.Start >= m.End || m.End > len(text) {
				t.Fatalf("bad offsets %+v in %q", m, text)
			}
			prevEnd = m.End
			if text[m.Start] != '@' {
				t.Fatalf("mention %+v does not start at '@' in %q", m, text)
			}
			if m.Name == "" || !strings.Contains(text[m.Start:m.End], m.Name) || !utf8.ValidString(m.Name) {
				t.Fatalf("bad name %+v in %q", m, text)
			}
		}
	})
}

func FuzzParseMarkup(f *testing.F) {
	for _, seed := range []string{
		"*bold* and _italic_", "_*both*_", "*_crossed*_", "see http://example.com/a_b.", "**double**",
		"(https://example.com/x))", "*@alice*", "_", "**", "*\n*", "\xff*a*",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		spans := collab.ParseMarkup(text)
		for i, s := range spans {
			if s.Start < 0 || s.Start >= s.End || s.End > len(text) {
				t.Fatalf("bad span %+v in %q", s, text)
			}
			if i > 0 && spans[i-1].Start > s.Start {
				t.Fatalf("spans out of order in %q", text)
			}
			for _, o := range spans[:i] {
				disjoint := o.End <= s.Start || s.End <= o.Start
				nested := (o.Start <= s.Start && s.End <= o.End) || (s.Start <= o.Start && o.End <= s.End)
				if !disjoint && !nested {
					t.Fatalf("spans %+v and %+v cross in %q", o, s, text)
				}
			}
		}
	})
}
