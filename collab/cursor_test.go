package collab

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func TestCursorRoundTrip(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		c := cursor{
			pos: Position{
				At: time.Unix(rapid.Int64Range(-62135596800, 253402300799).Draw(rt, "secs"),
					rapid.Int64Range(0, 999999999).Draw(rt, "nanos")).UTC(),
				ID: rapid.StringN(1, 60, -1).Draw(rt, "id"),
			},
			source:     rapid.SampledFrom([]byte{sourceHistory, sourceMessage}).Draw(rt, "source"),
			descending: rapid.Bool().Draw(rt, "descending"),
		}
		got, err := decodeCursor(c.encode(), c.descending)
		require.NoError(rt, err)
		assert.Equal(rt, c, got)
		_, err = decodeCursor(c.encode(), !c.descending)
		assert.Error(rt, err, "a cursor is bound to its order")
	})
}

func FuzzDecodeCursor(f *testing.F) {
	f.Add(cursor{pos: Position{At: time.Unix(1, 2), ID: "m-1"}, source: sourceMessage}.encode())
	f.Add("")
	f.Add("AQ")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := decodeCursor(s, false)
		if err == nil && (c.pos.ID == "" || c.descending) {
			t.Fatalf("accepted a cursor without ID or of the wrong order: %q", s)
		}
	})
}

func TestKeyOrder(t *testing.T) {
	at := time.Unix(100, 0)
	history := key{pos: Position{At: at, ID: "x"}, source: sourceHistory}
	message := key{pos: Position{At: at, ID: "x"}, source: sourceMessage}
	later := key{pos: Position{At: at, ID: "y"}, source: sourceHistory}
	assert.Negative(t, history.compare(message), "history first at equal time and ID")
	assert.Negative(t, message.compare(later), "then by ID")
	assert.Zero(t, message.compare(message))
}
