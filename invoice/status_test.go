package invoice

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestStatusTransitions(t *testing.T) {
	tests := []struct {
		from, to Status
		allowed  bool
	}{
		{StatusDraft, StatusPendingApproval, true},
		{StatusDraft, StatusApproved, true},
		{StatusDraft, StatusIssued, false},
		{StatusPendingApproval, StatusApproved, true},
		{StatusPendingApproval, StatusDraft, true},
		{StatusApproved, StatusIssued, true},
		{StatusIssued, StatusDraft, false},
		{StatusIssued, StatusSent, true},
		{StatusSent, StatusIssued, false},
		{StatusSent, StatusPaid, true},
		{StatusPartiallyPaid, StatusPartiallyPaid, true},
		{StatusPaid, StatusPartiallyPaid, true},
		{StatusPaid, StatusUncollectible, false},
		{StatusUncollectible, StatusPaid, true},
		{StatusIssued, StatusVoid, true},
		{StatusVoid, StatusDraft, false},
		{StatusVoid, StatusPaid, false},
		{"unknown", StatusDraft, false},
	}
	for _, tt := range tests {
		t.Run(string(tt.from)+" to "+string(tt.to), func(t *testing.T) {
			assert.Equal(t, tt.allowed, tt.from.CanTransition(tt.to))
		})
	}
}

func TestStatusPredicates(t *testing.T) {
	for _, s := range Statuses() {
		t.Run(string(s), func(t *testing.T) {
			assert.True(t, s.Valid())
			assert.Equal(t, string(s), s.String())
			assert.Equal(t, s == StatusDraft, s.IsEditable())
			assert.Equal(t, s == StatusIssued || s == StatusSent || s == StatusPartiallyPaid, s.AwaitsPayment())
		})
	}
	assert.False(t, Status("archived").Valid())
}
