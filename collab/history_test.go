package collab_test

import (
	"testing"
	"time"

	"github.com/billkit/billkit/collab"
	"github.com/stretchr/testify/assert"
)

func TestHistoryQueryApply(t *testing.T) {
	entries := []collab.HistoryEntry{
		{ID: "b", At: t0}, {ID: "a", At: t0}, {ID: "c", At: t0.Add(time.Second)}, {ID: "z", At: t0.Add(-time.Second)},
	}
	ids := func(es []collab.HistoryEntry) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.ID)
		}
		return out
	}
	assert.Equal(t, []string{"z", "a", "b"}, ids(collab.HistoryQuery{Limit: 3}.Apply(entries)))
	assert.Equal(t, []string{"b", "c"}, ids(collab.HistoryQuery{From: collab.Position{At: t0, ID: "b"}, Limit: 5}.Apply(entries)))
	assert.Equal(t, []string{"b", "a", "z"}, ids(collab.HistoryQuery{From: collab.Position{At: t0, ID: "b"}, Descending: true, Limit: 5}.Apply(entries)))
	assert.Equal(t, "b", entries[0].ID, "the input is not reordered")
}
