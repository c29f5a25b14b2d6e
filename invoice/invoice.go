package invoice

import (
	"github.com/google/uuid"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// Invoice is an invoice or a credit note with its lifecycle: a Document
// that can be edited while it is a draft, goes through approval, and is
// frozen when it is issued with its number. Its fields are unexported and
// every read returns a copy, so an issued document cannot be changed
// through the API; its fingerprint detects any change made behind it, for
// instance in storage (see Restore).
//
// An Invoice is not safe for concurrent use: a host serialises the
// operations on one invoice, as its store does with a version or a row lock.
type Invoice struct {
	id          uuid.UUID
	doc         Document
	status      Status
	sentOn      date.Date
	fingerprint string
	credits     CreditState
}

// NewDraft returns a draft commercial invoice with the given ID (a UUIDv7
// from the host) and content. The content is copied and calculated; it need
// not be complete or valid yet, but it must be calculable (see
// Document.Calculate), have no number (issuing assigns it) and not be a
// credit note (see NewCreditNote). An empty Type means TypeCommercialInvoice.
func NewDraft(id uuid.UUID, doc Document) (*Invoice, error) {
	doc = doc.Clone()
	if doc.Type == "" {
		doc.Type = TypeCommercialInvoice
	}
	var errs validation.Errors
	if id == uuid.Nil {
		errs.Add("id", validation.CodeRequired, "is required")
	}
	switch {
	case doc.Type == TypeCreditNote:
		errs.Add("type", validation.CodeNotAllowed, "credit notes are drawn up from their invoice with NewCreditNote")
	case !doc.Type.Valid():
		errs.Add("type", validation.CodeNotAllowed, "must be 380 (commercial invoice)")
	}
	if doc.Number != "" {
		errs.Add("number", validation.CodeForbidden, "is assigned when the invoice is issued")
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	if err := doc.Calculate(); err != nil {
		return nil, err
	}
	return &Invoice{id: id, doc: doc, status: StatusDraft}, nil
}

// Edit changes the content of a draft: fn receives a copy of the document,
// and if it returns nil and the result can be calculated, the copy replaces
// the content. Otherwise nothing changes and Edit returns fn's error or the
// calculation's. Only drafts can be edited: any other status is an
// *ImmutableError. The type and the number cannot change, nor the reference
// and limits of a credit note.
func (inv *Invoice) Edit(fn func(doc *Document) error) error {
	if inv.status != StatusDraft {
		return &ImmutableError{Status: inv.status, Number: inv.doc.Number}
	}
	doc := inv.doc.Clone()
	if err := fn(&doc); err != nil {
		return err
	}
	var errs validation.Errors
	if doc.Type != inv.doc.Type {
		errs.Add("type", validation.CodeForbidden, "cannot change")
	}
	if doc.Number != inv.doc.Number {
		errs.Add("number", validation.CodeForbidden, "is assigned when the invoice is issued")
	}
	if inv.doc.Type == TypeCreditNote {
		if !sameReferences(doc.Preceding, inv.doc.Preceding) {
			errs.Add("preceding", validation.CodeForbidden, "a credit note keeps the reference of the invoice it corrects")
		}
		if !sameLimits(doc.CreditLimits, inv.doc.CreditLimits) {
			errs.Add("credit_limits", validation.CodeForbidden, "are set from the corrected invoice")
		}
	}
	if err := errs.Err(); err != nil {
		return err
	}
	if err := doc.Calculate(); err != nil {
		return err
	}
	inv.doc = doc
	return nil
}

// ID returns the invoice's ID.
func (inv *Invoice) ID() uuid.UUID { return inv.id }

// Type returns the document type (BT-3).
func (inv *Invoice) Type() DocumentType { return inv.doc.Type }

// Status returns the lifecycle status.
func (inv *Invoice) Status() Status { return inv.status }

// Number returns the document number (BT-1), or "" before it is issued.
func (inv *Invoice) Number() string { return inv.doc.Number }

// IsIssued reports whether the document was issued: it has a number and its
// content is frozen, whatever its later status.
func (inv *Invoice) IsIssued() bool { return inv.doc.Number != "" }

// IssueDate returns the issue date (BT-2), or the zero Date before issue.
func (inv *Invoice) IssueDate() date.Date { return inv.doc.IssueDate }

// DueDate returns the payment due date (BT-9), or the zero Date.
func (inv *Invoice) DueDate() date.Date { return inv.doc.DueDate }

// SentOn returns the day the invoice was sent, or the zero Date.
func (inv *Invoice) SentOn() date.Date { return inv.sentOn }

// Currency returns the document currency (BT-5).
func (inv *Invoice) Currency() money.Currency { return inv.doc.Currency }

// Seller returns the seller (BG-4).
func (inv *Invoice) Seller() Party { return inv.doc.Seller }

// Buyer returns the buyer (BG-7).
func (inv *Invoice) Buyer() Party { return inv.doc.Buyer }

// Totals returns the document totals (BG-22).
func (inv *Invoice) Totals() Totals { return inv.doc.Totals }

// Total returns the total amount with VAT (BT-112).
func (inv *Invoice) Total() money.Amount { return inv.doc.Totals.TaxInclusive }

// AmountDue returns the amount due for payment (BT-115): the total with VAT
// less what was paid before issue, plus rounding.
func (inv *Invoice) AmountDue() money.Amount { return inv.doc.Totals.Due }

// Document returns a copy of the content.
func (inv *Invoice) Document() Document { return inv.doc.Clone() }

// Fingerprint returns the fingerprint of the issued document, "sha256:"
// followed by the hexadecimal SHA-256 of its canonical form, or "" before
// issue. Storing it apart from the document (an audit log, a signature)
// proves later that the document was not altered.
func (inv *Invoice) Fingerprint() string { return inv.fingerprint }

// IsOverdue reports whether the invoice awaits payment (issued, sent or
// partially paid) and its due date is before on.
func (inv *Invoice) IsOverdue(on date.Date) bool {
	return inv.status.AwaitsPayment() && inv.doc.Type == TypeCommercialInvoice &&
		!inv.doc.DueDate.IsZero() && on.After(inv.doc.DueDate)
}

// DaysOverdue returns the number of days between the due date and on when
// the invoice is overdue on that day, and 0 otherwise.
func (inv *Invoice) DaysOverdue(on date.Date) int {
	if !inv.IsOverdue(on) {
		return 0
	}
	return on.DaysSince(inv.doc.DueDate)
}

func sameReferences(a, b []DocumentReference) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func sameLimits(a, b []CreditLimit) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Category != b[i].Category || !a[i].Rate.Equal(b[i].Rate) ||
			!a[i].Credited.Equal(b[i].Credited) || !a[i].Amount.Equal(b[i].Amount) ||
			!a[i].TaxableAmount.Equal(b[i].TaxableAmount) || !a[i].TaxAmount.Equal(b[i].TaxAmount) {
			return false
		}
	}
	return true
}
