package quote_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/billkit/billkit/quote"
)

func TestStatusTransitions(t *testing.T) {
	allowed := map[quote.Status][]quote.Status{
		quote.StatusDraft:    {quote.StatusInReview, quote.StatusSent},
		quote.StatusInReview: {quote.StatusApproved, quote.StatusDraft},
		quote.StatusApproved: {quote.StatusSent, quote.StatusDraft},
		quote.StatusSent:     {quote.StatusAccepted, quote.StatusRejected, quote.StatusExpired},
	}
	for _, from := range quote.Statuses() {
		for _, to := range quote.Statuses() {
			t.Run(string(from)+" -> "+string(to), func(t *testing.T) {
				assert.Equal(t, slices.Contains(allowed[from], to), from.CanTransition(to))
			})
		}
	}
	assert.False(t, quote.Status("won").CanTransition(quote.StatusDraft))
}

func TestStatusPredicates(t *testing.T) {
	tests := []struct {
		status                     quote.Status
		valid, editable, revisable bool
		final                      bool
	}{
		{quote.StatusDraft, true, true, false, false},
		{quote.StatusInReview, true, false, false, false},
		{quote.StatusApproved, true, false, false, false},
		{quote.StatusSent, true, false, true, false},
		{quote.StatusAccepted, true, false, false, true},
		{quote.StatusRejected, true, false, true, true},
		{quote.StatusExpired, true, false, true, true},
		{"won", false, false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.status.String(), func(t *testing.T) {
			assert.Equal(t, tt.valid, tt.status.Valid())
			assert.Equal(t, tt.editable, tt.status.IsEditable())
			assert.Equal(t, tt.revisable, tt.status.IsRevisable())
			assert.Equal(t, tt.final, tt.status.IsFinal())
		})
	}
}
