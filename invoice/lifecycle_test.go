package invoice

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/money"
)

func TestSubmitApprovalPolicy(t *testing.T) {
	tests := []struct {
		name   string
		policy ApprovalPolicy
		want   Status
	}{
		{"no approval", ApprovalPolicy{}, StatusApproved},
		{"always", ApprovalPolicy{Always: true}, StatusPendingApproval},
		{"below the threshold", ApprovalPolicy{Threshold: amt("240.01 EUR")}, StatusApproved},
		{"at the threshold", ApprovalPolicy{Threshold: amt("240.00 EUR")}, StatusPendingApproval},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inv := draftOf(t, frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20))) // 240.00 EUR
			require.NoError(t, inv.Submit(tt.policy))
			assert.Equal(t, tt.want, inv.Status())
		})
	}
	inv := draftOf(t, frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20)))
	assert.Equal(t, []string{"threshold mismatch"}, faults(t, inv.Submit(ApprovalPolicy{Threshold: amt("100.00 USD")})))
	assert.Equal(t, StatusDraft, inv.Status())
}

func TestSubmitValidates(t *testing.T) {
	doc := frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20))
	doc.Buyer.Name = ""
	inv := draftOf(t, doc)
	assert.Equal(t, []string{"buyer.name BR-07"}, faults(t, inv.Submit(ApprovalPolicy{})))
	assert.Equal(t, StatusDraft, inv.Status())
}

func TestApprovalFlow(t *testing.T) {
	inv := draftOf(t, frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20)))
	require.NoError(t, inv.Submit(ApprovalPolicy{Always: true}))
	require.NoError(t, inv.Reject())
	assert.Equal(t, StatusDraft, inv.Status())
	require.NoError(t, inv.Submit(ApprovalPolicy{Always: true}))
	require.NoError(t, inv.Approve())
	require.NoError(t, inv.Reopen())
	assert.Equal(t, StatusDraft, inv.Status())
	require.NoError(t, inv.Discard())
	assert.Equal(t, StatusVoid, inv.Status())
}

func TestPaymentStatuses(t *testing.T) {
	var seq MemorySequence
	inv := issued(t, &seq, frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20)))
	require.NoError(t, inv.MarkPartiallyPaid())
	require.NoError(t, inv.MarkUnpaid())
	assert.Equal(t, StatusIssued, inv.Status(), "never sent, so back to issued")

	require.NoError(t, inv.MarkSent(issD.AddDays(1)))
	assert.Equal(t, issD.AddDays(1), inv.SentOn())
	require.NoError(t, inv.MarkPartiallyPaid())
	require.NoError(t, inv.MarkPartiallyPaid())
	require.NoError(t, inv.MarkPaid())
	require.NoError(t, inv.MarkUnpaid())
	assert.Equal(t, StatusSent, inv.Status())
	require.NoError(t, inv.MarkUncollectible())
	require.NoError(t, inv.MarkPaid())
	assert.Equal(t, StatusPaid, inv.Status())
}

func TestInvalidTransitions(t *testing.T) {
	draft := func(t *testing.T) *Invoice {
		return draftOf(t, frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20)))
	}
	paid := func(t *testing.T) *Invoice {
		var seq MemorySequence
		inv := issued(t, &seq, frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20)))
		require.NoError(t, inv.MarkPaid())
		return inv
	}
	tests := []struct {
		name  string
		inv   func(t *testing.T) *Invoice
		op    func(inv *Invoice) error
		from  Status
		to    Status
		label string
	}{
		{"approve a draft", draft, (*Invoice).Approve, StatusDraft, StatusApproved, "approve"},
		{"reject a draft", draft, (*Invoice).Reject, StatusDraft, StatusDraft, "reject"},
		{"reopen a draft", draft, (*Invoice).Reopen, StatusDraft, StatusDraft, "reopen"},
		{"pay a draft", draft, (*Invoice).MarkPaid, StatusDraft, StatusPaid, "mark paid"},
		{"send a draft", draft, func(inv *Invoice) error { return inv.MarkSent(issD) }, StatusDraft, StatusSent, "mark sent"},
		{"issue a draft", draft, func(inv *Invoice) error {
			var seq MemorySequence
			return inv.Issue(context.Background(), &seq, testSeries, issD)
		}, StatusDraft, StatusIssued, "issue"},
		{"write off a draft", draft, (*Invoice).MarkUncollectible, StatusDraft, StatusUncollectible, "mark uncollectible"},
		{"unpay a draft", draft, (*Invoice).MarkUnpaid, StatusDraft, StatusIssued, "mark unpaid"},
		{"discard an issued invoice", paid, (*Invoice).Discard, StatusPaid, StatusVoid, "discard"},
		{"pay twice", paid, (*Invoice).MarkPaid, StatusPaid, StatusPaid, "mark paid"},
		{"write off a paid invoice", paid, (*Invoice).MarkUncollectible, StatusPaid, StatusUncollectible, "mark uncollectible"},
		{"submit a paid invoice", paid, func(inv *Invoice) error { return inv.Submit(ApprovalPolicy{}) }, StatusPaid, StatusApproved, "submit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inv := tt.inv(t)
			err := tt.op(inv)
			var te *TransitionError
			require.ErrorAs(t, err, &te)
			assert.Equal(t, TransitionError{Op: tt.label, From: tt.from, To: tt.to}, *te)
			assert.ErrorIs(t, err, ErrInvalidTransition)
			assert.Equal(t, tt.from, inv.Status(), "a refused transition changes nothing")
		})
	}
}

func TestMarkSentDate(t *testing.T) {
	var seq MemorySequence
	inv := issued(t, &seq, frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20)))
	assert.Equal(t, []string{"sent_on out_of_range"}, faults(t, inv.MarkSent(issD.AddDays(-1))))
	assert.Equal(t, StatusIssued, inv.Status())
}

func TestApprovalPolicyRequires(t *testing.T) {
	inv := draftOf(t, frenchInvoice(item("1", "Retour", "-2", "HUR", "100.00 EUR", s20)))
	// A negative total counts by its absolute value: |-240.00| >= 200.00.
	needs, err := ApprovalPolicy{Threshold: money.MustParse("200.00 EUR")}.Requires(inv)
	require.NoError(t, err)
	assert.True(t, needs)
}
