package invoice

import "slices"

// Status is where an invoice or credit note stands in its lifecycle. It is
// serialised as its string value.
//
//	draft ─┬─> pending_approval ─> approved ─> issued ─> sent
//	       └──────────────────────> approved      │        │
//	                                              v        v
//	                           partially_paid <─> paid   uncollectible
//
// A draft, pending or approved invoice can be reopened as a draft or
// discarded (void); it has no number yet, so discarding it leaves no gap in
// the numbering. Once issued, an invoice is never deleted nor voided
// directly: a credit note corrects it, and an invoice whose whole amount has
// been credited becomes void. Payments move it between issued or sent,
// partially_paid and paid; a write-off makes it uncollectible. Being overdue
// is not a status: it follows from the due date (see Invoice.IsOverdue).
type Status string

// The statuses of an invoice.
const (
	StatusDraft           Status = "draft"            // being prepared; content can change
	StatusPendingApproval Status = "pending_approval" // waiting for someone's approval
	StatusApproved        Status = "approved"         // ready to be issued
	StatusIssued          Status = "issued"           // numbered and frozen
	StatusSent            Status = "sent"             // delivered to the buyer
	StatusPartiallyPaid   Status = "partially_paid"   // some of the amount due was paid
	StatusPaid            Status = "paid"             // settled
	StatusVoid            Status = "void"             // discarded before issue, or fully credited after
	StatusUncollectible   Status = "uncollectible"    // written off as a bad debt
)

// transitions lists, for each status, the statuses it can move to.
var transitions = map[Status][]Status{
	StatusDraft:           {StatusPendingApproval, StatusApproved, StatusVoid},
	StatusPendingApproval: {StatusApproved, StatusDraft, StatusVoid},
	StatusApproved:        {StatusIssued, StatusDraft, StatusVoid},
	StatusIssued:          {StatusSent, StatusPartiallyPaid, StatusPaid, StatusUncollectible, StatusVoid},
	StatusSent:            {StatusPartiallyPaid, StatusPaid, StatusUncollectible, StatusVoid},
	StatusPartiallyPaid:   {StatusPartiallyPaid, StatusPaid, StatusIssued, StatusSent, StatusUncollectible, StatusVoid},
	StatusPaid:            {StatusPartiallyPaid, StatusIssued, StatusSent, StatusVoid},
	StatusUncollectible:   {StatusPartiallyPaid, StatusPaid, StatusVoid},
	StatusVoid:            nil,
}

// Statuses returns every status, in lifecycle order.
func Statuses() []Status {
	return []Status{StatusDraft, StatusPendingApproval, StatusApproved, StatusIssued, StatusSent,
		StatusPartiallyPaid, StatusPaid, StatusVoid, StatusUncollectible}
}

// Valid reports whether s is one of the statuses above.
func (s Status) Valid() bool {
	_, ok := transitions[s]
	return ok
}

// CanTransition reports whether an invoice in status s may move to status
// to, for example to decide which actions a screen offers.
func (s Status) CanTransition(to Status) bool {
	return slices.Contains(transitions[s], to)
}

// IsEditable reports whether the content of an invoice in status s can
// change: only drafts can.
func (s Status) IsEditable() bool { return s == StatusDraft }

// AwaitsPayment reports whether an invoice in status s is issued and not yet
// settled: issued, sent or partially paid. Only such invoices can be overdue.
func (s Status) AwaitsPayment() bool {
	return s == StatusIssued || s == StatusSent || s == StatusPartiallyPaid
}

// String returns the value of s.
func (s Status) String() string { return string(s) }
