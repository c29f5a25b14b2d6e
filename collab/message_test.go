package collab_test

import (
	"strings"
	"testing"

	"github.com/billkit/billkit/collab"
	"github.com/stretchr/testify/assert"
)

func TestReactionValid(t *testing.T) {
	assert.True(t, collab.ReactionLike.Valid())
	assert.True(t, collab.Reaction("thumbs_up").Valid())
	assert.False(t, collab.Reaction("").Valid())
	assert.False(t, collab.Reaction(strings.Repeat("a", 33)).Valid())
}

func TestMessageCloneSharesNothing(t *testing.T) {
	m := collab.Message{
		Spans:     []collab.Span{{Kind: collab.SpanBold}},
		Mentions:  []collab.Principal{{ID: "u-1"}},
		History:   []collab.Revision{{Body: "old"}},
		Reactions: []collab.ReactionCount{{Reaction: collab.ReactionLike, Users: []string{"u-1"}}},
	}
	c := m.Clone()
	c.Spans[0].Kind = collab.SpanLink
	c.Mentions[0].ID = "x"
	c.History[0].Body = "x"
	c.Reactions[0].Users[0] = "x"
	assert.Equal(t, collab.SpanBold, m.Spans[0].Kind)
	assert.Equal(t, "u-1", m.Mentions[0].ID)
	assert.Equal(t, "old", m.History[0].Body)
	assert.Equal(t, "u-1", m.Reactions[0].Users[0])
}
