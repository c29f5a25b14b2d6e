package billing

import (
	"time"

	"github.com/billkit/billkit/collab"
)

// Event is one change to a business object, as the audit trail records
// it: who did what to which object, when, field by field, and the object's
// version afterwards. Events are immutable once appended.
type Event struct {
	// ID identifies the event: a UUIDv7, so IDs sort in time order. The
	// event that records a payment (payment.recorded) has instead a UUIDv5
	// derived from the payment's ID, which keeps a payment ID from being
	// recorded twice (see Engine.RecordPayment).
	ID string `json:"id"`
	// At is when the change was committed, in UTC.
	At time.Time `json:"at"`
	// Actor is the ID of the user who made the change.
	Actor string `json:"actor"`
	// Object is the object changed.
	Object collab.Ref `json:"object"`
	// Action is a stable, machine-readable name such as "invoice.issued"
	// (see the Action constants).
	Action Action `json:"action"`
	// Changes lists the fields that changed, with their values before and
	// after, in field order. A creation lists the fields set.
	Changes []Change `json:"changes,omitempty"`
	// Version is the object's version after the change.
	Version uint64 `json:"version"`
	// Reason is why, when the actor gave a reason (a rejection, a
	// write-off, a credit note).
	Reason string `json:"reason,omitempty"`
}

// Position returns the event's place in time order, for cursors.
func (e Event) Position() collab.Position { return collab.Position{At: e.At, ID: e.ID} }

// Change is one field's change. Values are their canonical text: amounts
// as "120.00 EUR", dates as "2026-03-02", statuses by name.
type Change struct {
	Field  string `json:"field"`
	Before string `json:"before,omitempty"`
	After  string `json:"after,omitempty"`
}

// EventQuery selects events in time order, ordered by (At, ID).
type EventQuery struct {
	// Since, when not zero, keeps events at or after it.
	Since time.Time
	// Until, when not zero, keeps events before it.
	Until time.Time
	// After, when not zero, is a cursor: only events strictly after it in
	// the query's order are returned (strictly before it when Descending).
	// Pass the Position of the last event of a page to get the next page.
	After collab.Position
	// Descending returns the newest events first.
	Descending bool
	// Limit is the maximum number of events returned; 0 means no limit.
	Limit int
}

// Action names what an event records.
type Action string

// Actions recorded by the engine.
const (
	ActionQuoteCreated      Action = "quote.created"
	ActionQuoteEdited       Action = "quote.edited"
	ActionQuoteSubmitted    Action = "quote.submitted"
	ActionQuoteApproved     Action = "quote.approved"
	ActionQuoteRejected     Action = "quote.approval_rejected"
	ActionQuoteSent         Action = "quote.sent"
	ActionQuoteAccepted     Action = "quote.accepted"
	ActionQuoteDeclined     Action = "quote.declined"
	ActionQuoteRevised      Action = "quote.revised"
	ActionContractCreated   Action = "contract.created"
	ActionMilestoneReached  Action = "contract.milestone_reached"
	ActionInvoiceCreated    Action = "invoice.created"
	ActionInvoiceEdited     Action = "invoice.edited"
	ActionInvoiceSubmitted  Action = "invoice.submitted"
	ActionInvoiceApproved   Action = "invoice.approved"
	ActionInvoiceRejected   Action = "invoice.rejected"
	ActionInvoiceIssued     Action = "invoice.issued"
	ActionInvoiceSent       Action = "invoice.sent"
	ActionInvoicePaid       Action = "invoice.payment_applied"
	ActionInvoiceWrittenOff Action = "invoice.written_off"
	ActionInvoiceReminded   Action = "invoice.reminded"
	ActionCreditNoteCreated Action = "creditnote.created"
	ActionCreditNoteIssued  Action = "creditnote.issued"
	ActionPaymentRecorded   Action = "payment.recorded"
	ActionApprovalRequested Action = "approval.requested"
	ActionApprovalApproved  Action = "approval.approved"
	ActionApprovalRejected  Action = "approval.rejected"
)

// Clone returns a copy of e that shares no memory with it.
func (e Event) Clone() Event {
	e.Changes = append([]Change(nil), e.Changes...)
	return e
}
