package quote_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/validation"
)

// A quote saved as JSON and restored is the same quote, and goes on with
// its lifecycle.
func TestSnapshotRoundTrip(t *testing.T) {
	for _, s := range quote.Statuses() {
		t.Run(string(s), func(t *testing.T) {
			q := quoteIn(t, s)
			data, err := json.Marshal(q.Snapshot())
			require.NoError(t, err)
			var snap quote.Snapshot
			require.NoError(t, json.Unmarshal(data, &snap))
			r, err := quote.Restore(snap)
			require.NoError(t, err)
			again, err := json.Marshal(r.Snapshot())
			require.NoError(t, err)
			assert.JSONEq(t, string(data), string(again))
			assert.Equal(t, q.Status(), r.Status())
			assert.Equal(t, q.PendingLevels(), r.PendingLevels())
		})
	}
	q := quoteIn(t, quote.StatusInReview)
	r, err := quote.Restore(q.Snapshot())
	require.NoError(t, err)
	require.NoError(t, r.Approve(bob, approvedAt))
	assert.Equal(t, quote.StatusApproved, r.Status())
	assert.Equal(t, quote.StatusInReview, q.Status(), "the restored quote is a copy")
}

func TestRestoreFaults(t *testing.T) {
	type fault = [2]string
	tests := []struct {
		name string
		edit func(s *quote.Snapshot)
		want []fault
	}{
		{"no ID", func(s *quote.Snapshot) { s.ID = [16]byte{} }, []fault{{"id", validation.CodeRequired}}},
		{"no revision", func(s *quote.Snapshot) { s.Revision = 0 }, []fault{{"revision", validation.CodeOutOfRange}}},
		{"unknown status", func(s *quote.Snapshot) { s.Status = "won" }, []fault{{"status", validation.CodeNotAllowed}}},
		{"no number", func(s *quote.Snapshot) { s.Input.Number = "" }, []fault{{"input.number", validation.CodeRequired}}},
		{"author of no level", func(s *quote.Snapshot) { s.Author.Level = "ceo" }, []fault{{"author", validation.CodeInvalid}}},
		{"lines missing", func(s *quote.Snapshot) { s.Lines = s.Lines[:1] }, []fault{{"lines", validation.CodeInconsistent}}},
		{"unknown levels", func(s *quote.Snapshot) {
			s.Requirements[0].Level = "ceo"
			s.Approvals = []quote.Approval{{Approver: quote.User{ID: "x", Level: "ceo"}}}
		}, []fault{{"requirements[0].level", validation.CodeUnknown}, {"approvals[0].approver.level", validation.CodeUnknown}}},
		{"totals changed", func(s *quote.Snapshot) { s.Document.Totals.TaxInclusive = amt("1.00 EUR") },
			[]fault{{"document.totals", validation.CodeInconsistent}}},
		{"document not calculable", func(s *quote.Snapshot) { s.Document.Lines[0].UnitPrice = amt("1.00 USD") },
			[]fault{{"document.lines[0].unit_price", validation.CodeMismatch}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := quoteIn(t, quote.StatusInReview).Snapshot()
			tt.edit(&s)
			q, err := quote.Restore(s)
			requireFaults(t, err, tt.want...)
			assert.Nil(t, q)
		})
	}
}
