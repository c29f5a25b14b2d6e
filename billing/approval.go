package billing

import (
	"slices"
	"time"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/money"
)

// ApprovalKind names the kind of money-changing action an approval
// request is about.
type ApprovalKind string

// Kinds of approval requests.
const (
	// ApprovalQuoteDiscount: a quote whose discounts exceed what its
	// author may grant.
	ApprovalQuoteDiscount ApprovalKind = "quote.discount"
	// ApprovalInvoice: an invoice whose total reaches a threshold, before
	// it can be issued.
	ApprovalInvoice ApprovalKind = "invoice"
	// ApprovalCreditNote: a credit note, before it is issued.
	ApprovalCreditNote ApprovalKind = "creditnote"
	// ApprovalWriteOff: writing an invoice off as a bad debt.
	ApprovalWriteOff ApprovalKind = "invoice.writeoff"
)

// ApprovalStatus is where an approval request stands.
type ApprovalStatus string

// Approval statuses.
const (
	ApprovalPending  ApprovalStatus = "pending"
	ApprovalApproved ApprovalStatus = "approved"
	ApprovalRejected ApprovalStatus = "rejected"
)

// ApprovalRequest is a request for one or more people to approve a
// money-changing action. Its steps are decided in order; the action goes
// ahead once the last step approves, and a rejection at any step ends it.
type ApprovalRequest struct {
	ID     string       `json:"id"`
	Kind   ApprovalKind `json:"kind"`
	Object collab.Ref   `json:"object"`
	// Amount is the amount at stake: the invoice's or credit note's total,
	// the amount written off, the quote's total.
	Amount money.Amount `json:"amount"`
	// Summary says what is asked, for people.
	Summary string `json:"summary"`
	// RequestedBy is the user whose action needs the approval; they may
	// not decide any of its steps.
	RequestedBy string    `json:"requested_by"`
	RequestedAt time.Time `json:"requested_at"`
	// Authors are the users who drew up, edited or submitted the request's
	// invoice, credit note or quote, as its audit trail tells, the
	// requester included, in the order they first did. They are
	// recorded when the request is opened: the document cannot change
	// while the request is pending, and a request opened after it changes
	// again records them anew. Empty for write-offs.
	//
	// None of them may decide a step, so that nobody approves what they
	// wrote (segregation of duties), unless AuthorsMayDecide.
	Authors []string `json:"authors,omitempty"`
	// AuthorsMayDecide lets the authors other than the requester decide
	// steps: it is set when the request is opened under an approval rule
	// whose AllowAuthors is set (for quote discounts, under
	// WithQuoteApprovalAllowAuthors).
	AuthorsMayDecide bool `json:"authors_may_decide,omitempty"`
	// Reason is what the requester gave as a reason (a write-off's, a
	// credit note's).
	Reason string         `json:"reason,omitempty"`
	Steps  []ApprovalStep `json:"steps"`
	Status ApprovalStatus `json:"status"`
	// Data carries what the engine needs to carry the action out when the
	// request is approved.
	Data map[string]string `json:"data,omitempty"`
}

// ApprovalStep is one level of an approval chain: someone holding Role
// must decide.
type ApprovalStep struct {
	// Role is the role whose holders may decide this step.
	Role string `json:"role"`
	// Level is the quote approval level the step stands for, for quote
	// discounts.
	Level string `json:"level,omitempty"`
	// Decision is empty while the step waits, then approved or rejected.
	Decision ApprovalStatus `json:"decision,omitempty"`
	// DecidedBy and DecidedAt say who decided and when.
	DecidedBy string    `json:"decided_by,omitempty"`
	DecidedAt time.Time `json:"decided_at,omitzero"`
	// Reason is why the step was rejected.
	Reason string `json:"reason,omitempty"`
}

// Current returns the index of the first undecided step, or -1 when every
// step is decided.
func (r ApprovalRequest) Current() int {
	if r.Status != ApprovalPending {
		return -1
	}
	for i, s := range r.Steps {
		if s.Decision == "" {
			return i
		}
	}
	return -1
}

// Clone returns a copy of r that shares no memory with it.
func (r ApprovalRequest) Clone() ApprovalRequest {
	r.Steps = append([]ApprovalStep(nil), r.Steps...)
	r.Authors = slices.Clone(r.Authors)
	if r.Data != nil {
		m := make(map[string]string, len(r.Data))
		for k, v := range r.Data {
			m[k] = v
		}
		r.Data = m
	}
	return r
}
