package quote_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/billkit/billkit/quote"
)

func TestErrors(t *testing.T) {
	req := quote.Requirement{LineID: "1", Discount: dec("18"), Limit: dec("10"), Level: "sales_manager"}
	tests := []struct {
		err      error
		sentinel error
		message  string
	}{
		{&quote.TransitionError{Number: "Q-1", Revision: 2, Op: "send", From: quote.StatusInReview, To: quote.StatusSent},
			quote.ErrInvalidTransition, "quote Q-1 revision 2: cannot send: in_review -> sent is not allowed"},
		{&quote.TransitionError{Number: "Q-1", Revision: 1, Op: "submit", From: quote.StatusDraft, To: quote.StatusInReview, Reason: "it needs no approval: send it"},
			quote.ErrInvalidTransition, "quote Q-1 revision 1: cannot submit: draft -> in_review is not allowed (it needs no approval: send it)"},
		{&quote.ImmutableError{Number: "Q-1", Revision: 1, Status: quote.StatusSent},
			quote.ErrImmutable, "quote Q-1 revision 1 is sent: only drafts can be edited; revise it instead"},
		{&quote.ApprovalRequiredError{Number: "Q-1", Revision: 1, Pending: []string{"sales_manager"}, Requirements: []quote.Requirement{req}},
			quote.ErrApprovalRequired, "quote Q-1 revision 1 needs approval by sales_manager: line 1: discount 18 % is over the author's limit of 10 %, needs sales_manager"},
		{&quote.ExpiredError{Number: "Q-1", Revision: 1, ValidUntil: validUntil, On: day("2026-04-01")},
			quote.ErrExpired, "quote Q-1 revision 1 was valid until 2026-03-31, not on 2026-04-01"},
		{&quote.ApprovalError{Number: "Q-1", Revision: 1, Approver: alice, Err: quote.ErrSelfApproval},
			quote.ErrSelfApproval, "quote Q-1 revision 1: alice wrote the quote and cannot decide on its approval"},
		{&quote.ApprovalError{Number: "Q-1", Revision: 1, Approver: dave, Pending: []string{"sales_manager", "finance"}, Err: quote.ErrLevelNotNeeded},
			quote.ErrLevelNotNeeded, "quote Q-1 revision 1: level sales_rep of dave covers none of the levels still needed (sales_manager, finance)"},
	}
	for _, tt := range tests {
		t.Run(tt.sentinel.Error(), func(t *testing.T) {
			assert.Equal(t, tt.message, tt.err.Error())
			assert.True(t, errors.Is(tt.err, tt.sentinel))
		})
	}
}
