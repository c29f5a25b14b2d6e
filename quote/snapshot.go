package quote

import (
	"slices"
	"strconv"

	"github.com/google/uuid"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/validation"
)

// Snapshot is the whole state of a Quote as plain data, for stores to save
// (as JSON or in columns) and to load back with Restore.
type Snapshot struct {
	ID         uuid.UUID `json:"id"`
	PreviousID uuid.UUID `json:"previous_id,omitzero"`
	// NextID is the revision that replaced this one (see Quote.Supersede).
	NextID       uuid.UUID        `json:"next_id,omitzero"`
	Revision     int              `json:"revision"`
	Status       Status           `json:"status"`
	Author       User             `json:"author"`
	Input        Input            `json:"input"`
	Levels       []string         `json:"levels"`
	Lines        []Line           `json:"lines"`
	Document     invoice.Document `json:"document"`
	Requirements []Requirement    `json:"requirements,omitempty"`
	Approvals    []Approval       `json:"approvals,omitempty"`
	Rejections   []Rejection      `json:"rejections,omitempty"`
	SentOn       date.Date        `json:"sent_on,omitzero"`
	ClosedOn     date.Date        `json:"closed_on,omitzero"`
	// Reason is why the buyer rejected the quote.
	Reason     string    `json:"reason,omitempty"`
	ContractID uuid.UUID `json:"contract_id,omitzero"`
}

// Snapshot returns a copy of the state of q.
func (q *Quote) Snapshot() Snapshot {
	return Snapshot{
		ID: q.id, PreviousID: q.previous, NextID: q.next, Revision: q.revision, Status: q.status, Author: q.author,
		Input: q.input.clone(), Levels: slices.Clone(q.levels), Lines: q.Lines(), Document: q.doc.Clone(),
		Requirements: q.Requirements(), Approvals: q.Approvals(), Rejections: q.Rejections(),
		SentOn: q.sentOn, ClosedOn: q.closedOn, Reason: q.reason, ContractID: q.contractID,
	}
}

// Restore rebuilds a Quote from a snapshot, as a store loads it. It checks
// that the snapshot holds together: an ID, a revision, a known status, the
// author's level among the levels, one priced line and one document line
// per input line, levels for every requirement and approval, and totals
// that the document's own calculation gives again. Any fault is a
// *validation.Error and no quote is returned.
func Restore(s Snapshot) (*Quote, error) {
	var errs validation.Errors
	if s.ID == uuid.Nil {
		errs.Add("id", validation.CodeRequired, "is required")
	}
	if s.Revision < 1 {
		errs.Add("revision", validation.CodeOutOfRange, "must be at least 1")
	}
	if !s.Status.Valid() {
		errs.Add("status", validation.CodeNotAllowed, "must be a quote status")
	}
	switch {
	case s.NextID == uuid.Nil:
	case s.NextID == s.ID || s.NextID == s.PreviousID:
		errs.Add("next_id", validation.CodeInvalid, "must be another revision than this one and the one it revises")
	case s.Status.Valid() && !s.Status.IsRevisable():
		errs.Add("next_id", validation.CodeForbidden, "only a sent, rejected or expired quote is replaced by a revision")
	}
	if s.Input.Number == "" {
		errs.Add("input.number", validation.CodeRequired, "is required")
	}
	if s.Author.ID == "" || !slices.Contains(s.Levels, s.Author.Level) {
		errs.Add("author", validation.CodeInvalid, "needs an ID and one of the levels")
	}
	if len(s.Lines) != len(s.Input.Lines) || len(s.Document.Lines) != len(s.Input.Lines) {
		errs.Add("lines", validation.CodeInconsistent, "must hold one priced line and one document line per input line")
	}
	for i, r := range s.Requirements {
		if !slices.Contains(s.Levels, r.Level) {
			errs.Add("requirements["+strconv.Itoa(i)+"].level", validation.CodeUnknown, "is not one of the levels")
		}
	}
	for i, a := range s.Approvals {
		if !slices.Contains(s.Levels, a.Approver.Level) {
			errs.Add("approvals["+strconv.Itoa(i)+"].approver.level", validation.CodeUnknown, "is not one of the levels")
		}
	}
	doc := s.Document.Clone()
	if err := doc.Calculate(); err != nil {
		errs.MergeAt("document", err)
	} else if !sameTotals(doc.Totals, s.Document.Totals) {
		errs.Add("document.totals", validation.CodeInconsistent, "do not match the document's lines")
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	q := &Quote{
		id: s.ID, previous: s.PreviousID, next: s.NextID, revision: s.Revision, status: s.Status, author: s.Author,
		input: s.Input.clone(), levels: slices.Clone(s.Levels), doc: doc,
		reqs: slices.Clone(s.Requirements), approvals: slices.Clone(s.Approvals), rejections: slices.Clone(s.Rejections),
		sentOn: s.SentOn, closedOn: s.ClosedOn, reason: s.Reason, contractID: s.ContractID,
		lines: make([]Line, len(s.Lines)),
	}
	for i, l := range s.Lines {
		q.lines[i] = l.clone()
	}
	return q, nil
}

// sameTotals reports whether two sets of totals are equal, amount by amount.
func sameTotals(a, b invoice.Totals) bool {
	return a.LineTotal.Equal(b.LineTotal) && a.AllowanceTotal.Equal(b.AllowanceTotal) &&
		a.ChargeTotal.Equal(b.ChargeTotal) && a.TaxExclusive.Equal(b.TaxExclusive) && a.VAT.Equal(b.VAT) &&
		a.TaxInclusive.Equal(b.TaxInclusive) && a.Prepaid.Equal(b.Prepaid) && a.Rounding.Equal(b.Rounding) &&
		a.Due.Equal(b.Due)
}
