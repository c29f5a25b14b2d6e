package collab_test

import (
	"testing"

	"github.com/billkit/billkit/collab"
	"github.com/stretchr/testify/assert"
)

func TestParseMarkup(t *testing.T) {
	type span struct {
		kind collab.SpanKind
		text string
	}
	tests := []struct {
		text string
		want []span
	}{
		{"a *bold* word", []span{{collab.SpanBold, "*bold*"}}},
		{"an _italic_ word", []span{{collab.SpanItalic, "_italic_"}}},
		{"*bold with _italic_ inside*", []span{{collab.SpanBold, "*bold with _italic_ inside*"}, {collab.SpanItalic, "_italic_"}}},
		{"see https://billkit.example/inv/42.", []span{{collab.SpanLink, "https://billkit.example/inv/42"}}},
		{"(http://example.com/a_(b))", []span{{collab.SpanLink, "http://example.com/a_(b)"}}},
		{"(HTTPS://EXAMPLE.COM)", []span{{collab.SpanLink, "HTTPS://EXAMPLE.COM"}}},
		{"http://example.com/snake_case_path", []span{{collab.SpanLink, "http://example.com/snake_case_path"}}},
		{"*https://example.com*", []span{{collab.SpanBold, "*https://example.com*"}, {collab.SpanLink, "https://example.com"}}},
		{"*@alice*", []span{{collab.SpanBold, "*@alice*"}}},
		{"2*3*4 is arithmetic", nil},
		{"snake_case_name", nil},
		{"* not bold *", nil},
		{"*two\nlines*", nil},
		{"**", nil},
		{"http://", nil},
		{"xhttp://example.com", nil},
		{"*crossed _spans* end_", []span{{collab.SpanBold, "*crossed _spans*"}}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []span
			for _, s := range collab.ParseMarkup(tt.text) {
				got = append(got, span{s.Kind, tt.text[s.Start:s.End]})
				if s.Kind == collab.SpanLink {
					assert.Equal(t, tt.text[s.Start:s.End], s.Target)
				}
			}
			assert.Equal(t, tt.want, got)
		})
	}
}
