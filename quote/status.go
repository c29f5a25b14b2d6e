package quote

import "slices"

// Status is where a quote stands in its lifecycle. It is serialised as its
// string value.
//
//	draft ─┬─> in_review ─> approved ─┬─> sent ─┬─> accepted
//	       │       │            │     │         ├─> rejected
//	       │       v            v     │         └─> expired
//	       │     draft        draft   │
//	       └──────────────────────────┘ (when no approval is needed)
//
// A quote in review goes back to draft when an approver rejects it or its
// author withdraws it, and an approved quote when its author reopens it;
// either way its approvals are dropped. Accepted, rejected and expired are
// final. A sent, rejected or expired quote is changed by a revision: a new
// draft with the same number and the next revision number, which leaves
// the old one as it was.
type Status string

// The statuses of a quote.
const (
	StatusDraft    Status = "draft"     // being prepared; lines can change
	StatusInReview Status = "in_review" // waiting for the approvals its discounts need
	StatusApproved Status = "approved"  // approved, ready to be sent
	StatusSent     Status = "sent"      // offered to the buyer
	StatusAccepted Status = "accepted"  // accepted by the buyer: a contract was made
	StatusRejected Status = "rejected"  // declined by the buyer
	StatusExpired  Status = "expired"   // not accepted before its validity ended
)

// transitions lists, for each status, the statuses it can move to.
var transitions = map[Status][]Status{
	StatusDraft:    {StatusInReview, StatusSent},
	StatusInReview: {StatusApproved, StatusDraft},
	StatusApproved: {StatusSent, StatusDraft},
	StatusSent:     {StatusAccepted, StatusRejected, StatusExpired},
	StatusAccepted: nil,
	StatusRejected: nil,
	StatusExpired:  nil,
}

// Statuses returns every status, in lifecycle order.
func Statuses() []Status {
	return []Status{StatusDraft, StatusInReview, StatusApproved, StatusSent,
		StatusAccepted, StatusRejected, StatusExpired}
}

// Valid reports whether s is one of the statuses above.
func (s Status) Valid() bool {
	_, ok := transitions[s]
	return ok
}

// CanTransition reports whether a quote in status s may move to status to,
// for example to decide which actions a screen offers. Whether a given
// quote may is also a matter of its approvals and dates.
func (s Status) CanTransition(to Status) bool {
	return slices.Contains(transitions[s], to)
}

// IsEditable reports whether the content of a quote in status s can change:
// only drafts can.
func (s Status) IsEditable() bool { return s == StatusDraft }

// IsRevisable reports whether a quote in status s is changed by a revision:
// sent, rejected and expired quotes are.
func (s Status) IsRevisable() bool {
	return s == StatusSent || s == StatusRejected || s == StatusExpired
}

// IsFinal reports whether s is a final status: accepted, rejected or
// expired.
func (s Status) IsFinal() bool {
	return s.Valid() && len(transitions[s]) == 0
}

// String returns the value of s.
func (s Status) String() string { return string(s) }
