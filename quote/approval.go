package quote

import (
	"slices"
	"strings"
	"time"

	"github.com/billkit/billkit/validation"
)

// Approval records that an approver approved the quote's discounts at
// their level. It covers every level needed up to that rank.
type Approval struct {
	Approver User      `json:"approver"`
	At       time.Time `json:"at"`
}

// Rejection records that an approver refused the quote's discounts and
// sent it back to draft, and why.
type Rejection struct {
	Approver User      `json:"approver"`
	Reason   string    `json:"reason"`
	At       time.Time `json:"at"`
}

// Requirements returns, line by line, the discounts over what the author
// may grant alone, with the level each needs. None means the quote can be
// sent without approval.
func (q *Quote) Requirements() []Requirement { return slices.Clone(q.reqs) }

// NeedsApproval reports whether the quote's discounts need approval.
func (q *Quote) NeedsApproval() bool { return len(q.reqs) > 0 }

// RequiredLevels returns the approval levels the quote's discounts need,
// lowest rank first.
func (q *Quote) RequiredLevels() []string { return q.levelsAbove(-1) }

// PendingLevels returns the levels still needed: those required and not yet
// covered by an approval of the same or a higher rank.
func (q *Quote) PendingLevels() []string {
	covered := -1
	for _, a := range q.approvals {
		covered = max(covered, q.rank(a.Approver.Level))
	}
	return q.levelsAbove(covered)
}

// Approvals returns the approvals given since the quote was last submitted.
func (q *Quote) Approvals() []Approval { return slices.Clone(q.approvals) }

// Rejections returns every rejection of the quote's approval, oldest first.
func (q *Quote) Rejections() []Rejection { return slices.Clone(q.rejections) }

// rank returns the rank of a level, or -1 for an unknown one.
func (q *Quote) rank(level string) int { return slices.Index(q.levels, level) }

// levelsAbove returns the required levels ranked above rank, in order.
func (q *Quote) levelsAbove(rank int) []string {
	var out []string
	for k, l := range q.levels {
		if k > rank && slices.ContainsFunc(q.reqs, func(r Requirement) bool { return r.Level == l }) {
			out = append(out, l)
		}
	}
	return out
}

// Submit sends a draft whose discounts need approval to review. A quote
// that needs none is sent directly: submitting it is a *TransitionError.
func (q *Quote) Submit() error {
	if q.status != StatusDraft {
		return q.transitionError("submit", StatusInReview, "")
	}
	if !q.NeedsApproval() {
		return q.transitionError("submit", StatusInReview, "it needs no approval: send it")
	}
	q.status = StatusInReview
	return nil
}

// Approve records the approval of by at instant at. Once every level needed
// is covered the quote is approved. The author cannot approve their own
// quote, and an approver whose level covers none of the levels still
// needed cannot either: both are an *ApprovalError. A quote that is not in
// review is a *TransitionError, and a missing approver or time a
// *validation.Error.
func (q *Quote) Approve(by User, at time.Time) error {
	if err := q.checkApprover("approve", StatusApproved, by, at, ""); err != nil {
		return err
	}
	q.approvals = append(q.approvals, Approval{Approver: by, At: at.UTC()})
	if len(q.PendingLevels()) == 0 {
		q.status = StatusApproved
	}
	return nil
}

// RejectApproval records that by refused the quote's discounts for reason,
// at instant at, and sends the quote back to draft, dropping the approvals
// given so far. The same approvers may reject as may approve.
func (q *Quote) RejectApproval(by User, reason string, at time.Time) error {
	if err := q.checkApprover("reject", StatusDraft, by, at, reason); err != nil {
		return err
	}
	q.rejections = append(q.rejections, Rejection{Approver: by, Reason: strings.TrimSpace(reason), At: at.UTC()})
	q.approvals = nil
	q.status = StatusDraft
	return nil
}

// Reopen sends a quote in review or approved back to draft, so that its
// author can change it, and drops its approvals.
func (q *Quote) Reopen() error {
	if q.status != StatusInReview && q.status != StatusApproved {
		return q.transitionError("reopen", StatusDraft, "")
	}
	q.approvals = nil
	q.status = StatusDraft
	return nil
}

// checkApprover checks that by may decide on the quote now.
func (q *Quote) checkApprover(op string, to Status, by User, at time.Time, reason string) error {
	if q.status != StatusInReview {
		return q.transitionError(op, to, "")
	}
	var errs validation.Errors
	if by.ID == "" {
		errs.Add("approver.id", validation.CodeRequired, "is required")
	}
	if q.rank(by.Level) < 0 {
		errs.Add("approver.level", validation.CodeUnknown, "must be one of the policy's levels: "+strings.Join(q.levels, ", "))
	}
	if at.IsZero() {
		errs.Add("at", validation.CodeRequired, "is required")
	}
	if to == StatusDraft && strings.TrimSpace(reason) == "" {
		errs.Add("reason", validation.CodeRequired, "is required")
	}
	errs.Text("reason", reason, validation.MaxReasonLength)
	if err := errs.Err(); err != nil {
		return err
	}
	pending := q.PendingLevels()
	switch {
	case by.ID == q.author.ID:
		return &ApprovalError{Number: q.input.Number, Revision: q.revision, Approver: by, Pending: pending, Err: ErrSelfApproval}
	case len(pending) == 0 || q.rank(by.Level) < q.rank(pending[0]):
		return &ApprovalError{Number: q.input.Number, Revision: q.revision, Approver: by, Pending: pending, Err: ErrLevelNotNeeded}
	}
	return nil
}

// transitionError returns a *TransitionError for op from the current
// status.
func (q *Quote) transitionError(op string, to Status, reason string) error {
	return &TransitionError{Number: q.input.Number, Revision: q.revision, Op: op, From: q.status, To: to, Reason: reason}
}
