package quote

import (
	"slices"

	"github.com/google/uuid"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
)

// Quote is one revision of a quote with its lifecycle: the input as written,
// its lines priced from the catalogue, totals and VAT as an invoice computes
// them, the approvals its discounts need, and what became of it. Its fields
// are unexported and every read returns a copy: a quote changes only
// through the Desk while it is a draft, and through its lifecycle methods.
//
// A Quote is not safe for concurrent use: a host serialises the operations
// on one quote, as its store does with a version or a row lock.
type Quote struct {
	id       uuid.UUID
	previous uuid.UUID
	next     uuid.UUID // the revision that replaced this one (see Supersede)
	revision int
	status   Status
	author   User
	input    Input
	levels   []string
	lines    []Line
	doc      invoice.Document
	reqs     []Requirement

	approvals  []Approval
	rejections []Rejection
	sentOn     date.Date
	closedOn   date.Date
	reason     string
	contractID uuid.UUID
}

// set stores a priced input and the approval levels it was priced under.
func (q *Quote) set(in Input, pr *priced, levels []string) {
	q.input, q.lines, q.doc, q.reqs = in, pr.lines, pr.doc, pr.reqs
	q.levels = slices.Clone(levels)
}

// ID returns the ID of this revision.
func (q *Quote) ID() uuid.UUID { return q.id }

// Number returns the quote number, shared by all its revisions.
func (q *Quote) Number() string { return q.input.Number }

// Revision returns the revision number, from 1.
func (q *Quote) Revision() int { return q.revision }

// PreviousID returns the ID of the revision this one revises, or uuid.Nil
// for the first.
func (q *Quote) PreviousID() uuid.UUID { return q.previous }

// NextID returns the ID of the revision that replaced this one (see
// Supersede), or uuid.Nil while none has.
func (q *Quote) NextID() uuid.UUID { return q.next }

// Status returns the lifecycle status.
func (q *Quote) Status() Status { return q.status }

// Author returns who wrote this revision.
func (q *Quote) Author() User { return q.author }

// Input returns a copy of the input the quote was priced from.
func (q *Quote) Input() Input { return q.input.clone() }

// Buyer returns the buyer.
func (q *Quote) Buyer() invoice.Party { return q.input.Buyer }

// Currency returns the currency of the quote.
func (q *Quote) Currency() money.Currency { return q.input.Currency }

// Date returns the quote date, on which the lines were priced.
func (q *Quote) Date() date.Date { return q.input.Date }

// ValidUntil returns the last day the quote may be accepted.
func (q *Quote) ValidUntil() date.Date { return q.input.ValidUntil }

// IsExpired reports whether the quote's validity has passed on day on.
func (q *Quote) IsExpired(on date.Date) bool { return on.After(q.input.ValidUntil) }

// Lines returns a copy of the priced lines.
func (q *Quote) Lines() []Line {
	out := make([]Line, len(q.lines))
	for i, l := range q.lines {
		out[i] = l.clone()
	}
	return out
}

// Line returns a copy of the line with the given ID, and whether there is
// one.
func (q *Quote) Line(id string) (Line, bool) {
	for _, l := range q.lines {
		if l.ID == id {
			return l.clone(), true
		}
	}
	return Line{}, false
}

// Document returns a copy of the quote as an invoice document, calculated:
// one invoice line per quote line with its negotiated terms, the VAT
// breakdown and the totals. It has no number, dates or payment terms: it
// shows what an invoice of every line billed once would amount to.
func (q *Quote) Document() invoice.Document { return q.doc.Clone() }

// Totals returns the totals of the quote, computed by invoice calculation:
// every line billed once (see Line.NetAmount).
func (q *Quote) Totals() invoice.Totals { return q.doc.Totals }

// VATBreakdown returns a copy of the VAT breakdown of the quote.
func (q *Quote) VATBreakdown() []invoice.VATBreakdown { return slices.Clone(q.doc.VATBreakdown) }

// SentOn returns the day the quote was sent, or the zero Date.
func (q *Quote) SentOn() date.Date { return q.sentOn }

// ClosedOn returns the day the quote was accepted, rejected or expired, or
// the zero Date.
func (q *Quote) ClosedOn() date.Date { return q.closedOn }

// RejectionReason returns why the buyer rejected the quote, if they did.
func (q *Quote) RejectionReason() string { return q.reason }

// ContractID returns the ID of the contract made when the quote was
// accepted, or uuid.Nil.
func (q *Quote) ContractID() uuid.UUID { return q.contractID }
