package billing

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/billkit/billkit/collab"
)

// An action without words of its own reads as its name alone to a viewer
// without audit.read: the summary that an auditor reads with the changed
// values gives none of them away.
func TestHistoryEntryWithoutWordsHidesChanges(t *testing.T) {
	ev := Event{ID: "ev-1", At: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), Actor: "carol",
		Object: collab.Ref{Kind: collab.KindInvoice, ID: "x"}, Action: "host.repriced",
		Changes: []Change{{Field: "total", Before: "100.00 EUR", After: "120.00 EUR"}}}
	full, bare := historyEntry(ev, true), historyEntry(ev, false)
	assert.Equal(t, "host.repriced; total: 100.00 EUR → 120.00 EUR", full.Summary)
	assert.Equal(t, map[string]string{"total": "120.00 EUR"}, full.Data)
	assert.Equal(t, "host.repriced", bare.Summary)
	assert.Empty(t, bare.Data)

	// An action with words keeps them, the value they end with included.
	ev.Action, ev.Changes = ActionInvoiceIssued, []Change{{Field: "number", After: "F2026-000001"}, {Field: "due", Before: "", After: "120.00 EUR"}}
	bare = historyEntry(ev, false)
	assert.Equal(t, "issued it as F2026-000001", bare.Summary)
	assert.Empty(t, bare.Data)
}
