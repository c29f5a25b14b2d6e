package invoice

import (
	"fmt"

	"github.com/google/uuid"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/validation"
)

// Snapshot is the whole state of an Invoice as plain data, for stores to
// save (as JSON or in columns) and to load back with Restore.
type Snapshot struct {
	ID       uuid.UUID `json:"id"`
	Status   Status    `json:"status"`
	Document Document  `json:"document"`
	// SentOn is the day the document was sent, if it was.
	SentOn date.Date `json:"sent_on,omitzero"`
	// Fingerprint is recorded when the document is issued.
	Fingerprint string `json:"fingerprint,omitempty"`
	// Credits is what credit notes have credited of an invoice.
	Credits CreditState `json:"credits,omitzero"`
}

// Snapshot returns a copy of the state of inv.
func (inv *Invoice) Snapshot() Snapshot {
	return Snapshot{ID: inv.id, Status: inv.status, Document: inv.doc.Clone(), SentOn: inv.sentOn,
		Fingerprint: inv.fingerprint, Credits: inv.credits.clone()}
}

// Restore rebuilds an Invoice from a snapshot, as a store loads it. An
// issued document must match its fingerprint: a document changed in storage
// since it was issued returns an error wrapping ErrTampered. A document
// that was never issued must have no number and no fingerprint.
func Restore(s Snapshot) (*Invoice, error) {
	var errs validation.Errors
	if s.ID == uuid.Nil {
		errs.Add("id", validation.CodeRequired, "is required")
	}
	if !s.Status.Valid() {
		errs.Add("status", validation.CodeNotAllowed, "is not a known status")
	}
	if !s.Document.Type.Valid() {
		errs.Add("document.type", validation.CodeNotAllowed, "must be 380 or 381")
	}
	issuedStatus := s.Status != StatusDraft && s.Status != StatusPendingApproval && s.Status != StatusApproved && s.Status != StatusVoid
	switch {
	case issuedStatus && (s.Document.Number == "" || s.Fingerprint == ""):
		errs.Add("fingerprint", validation.CodeRequired, "an issued document has a number and a fingerprint")
	case !issuedStatus && s.Status != StatusVoid && (s.Document.Number != "" || s.Fingerprint != ""):
		errs.Add("document.number", validation.CodeForbidden, "a document that was never issued has no number")
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	inv := &Invoice{id: s.ID, status: s.Status, doc: s.Document.Clone(), sentOn: s.SentOn,
		fingerprint: s.Fingerprint, credits: s.Credits.clone()}
	if err := inv.VerifyFingerprint(); err != nil {
		return nil, fmt.Errorf("invoice %s: %w", s.Document.Number, err)
	}
	return inv, nil
}
