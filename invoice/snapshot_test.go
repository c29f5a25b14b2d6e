package invoice

import (
	"encoding/json"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSnapshotRoundTrip(t *testing.T) {
	var seq MemorySequence
	inv := issued(t, &seq, frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20)))
	require.NoError(t, inv.MarkSent(issD))
	_, err := issueCredit(t, &seq, inv, CreditRequest{Lines: []LineCredit{{LineID: "1", Quantity: dec("1")}}})
	require.NoError(t, err)

	data, err := json.Marshal(inv.Snapshot())
	require.NoError(t, err)
	var s Snapshot
	require.NoError(t, json.Unmarshal(data, &s))
	back, err := Restore(s)
	require.NoError(t, err)

	assert.Equal(t, inv.ID(), back.ID())
	assert.Equal(t, inv.Status(), back.Status())
	assert.Equal(t, inv.Number(), back.Number())
	assert.Equal(t, inv.SentOn(), back.SentOn())
	assert.Equal(t, inv.Fingerprint(), back.Fingerprint())
	assert.Equal(t, inv.Total().String(), back.Total().String())
	assert.Equal(t, inv.Credited().String(), back.Credited().String())
	assert.Equal(t, "120.00 EUR", back.DueAfterCredits().String())
	// The restored invoice goes on with its life: the rest can be credited.
	_, err = issueCredit(t, &seq, back, CreditRequest{})
	require.NoError(t, err)
	assert.Equal(t, StatusVoid, back.Status())
}

func TestRestoreRefusals(t *testing.T) {
	var seq MemorySequence
	inv := issued(t, &seq, frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20)))
	tests := []struct {
		name   string
		change func(s *Snapshot)
		check  func(t *testing.T, err error)
	}{
		{"tampered amount", func(s *Snapshot) { s.Document.Lines[0].Quantity = dec("1") },
			func(t *testing.T, err error) { assert.ErrorIs(t, err, ErrTampered) }},
		{"tampered status to draft", func(s *Snapshot) { s.Status = StatusDraft },
			func(t *testing.T, err error) { assert.Equal(t, []string{"document.number forbidden"}, faults(t, err)) }},
		{"fingerprint removed", func(s *Snapshot) { s.Fingerprint = "" },
			func(t *testing.T, err error) { assert.Equal(t, []string{"fingerprint required"}, faults(t, err)) }},
		{"void with number but no fingerprint", func(s *Snapshot) { s.Status, s.Fingerprint = StatusVoid, "" },
			func(t *testing.T, err error) { assert.ErrorIs(t, err, ErrTampered) }},
		{"unknown status and type", func(s *Snapshot) { s.Status, s.Document.Type, s.ID = "lost", "1", uuid.Nil },
			func(t *testing.T, err error) {
				assert.Equal(t, []string{"id required", "status not_allowed", "document.type not_allowed"}, faults(t, err))
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := inv.Snapshot()
			tt.change(&s)
			back, err := Restore(s)
			assert.Nil(t, back)
			tt.check(t, err)
		})
	}
	draft := draftOf(t, frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20)))
	back, err := Restore(draft.Snapshot())
	require.NoError(t, err)
	assert.Equal(t, StatusDraft, back.Status())
}

func TestSnapshotIsACopy(t *testing.T) {
	inv := draftOf(t, frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20)))
	s := inv.Snapshot()
	s.Document.Lines[0].Name = "changed"
	assert.Equal(t, "Conseil", inv.Document().Lines[0].Name)
}
