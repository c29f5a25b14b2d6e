package invoice

import (
	"context"
	"errors"
	"fmt"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/validation"
)

// Issue issues an approved commercial invoice on the given day: it sets the
// issue date (BT-2), calculates and validates the whole document, and only
// then takes the next number of the series from seq, sets it (BT-1),
// freezes the document and records its fingerprint. Nothing can fail after
// the number is taken, so a number is consumed exactly when an invoice is
// issued; if anything fails before, the invoice is unchanged and no number
// is used. A store calls Issue inside the transaction that saves the
// invoice, with a Sequence bound to that transaction.
//
// The issue date cannot be earlier than that of the last document of the
// series (a *ChronologyError from seq). Credit notes are issued with
// IssueCredit.
func (inv *Invoice) Issue(ctx context.Context, seq Sequence, series Series, on date.Date) error {
	if inv.doc.Type == TypeCreditNote {
		return fmt.Errorf("%w: issue a credit note with IssueCredit and its invoice", ErrWrongType)
	}
	p, err := inv.prepareIssue(seq, series, on)
	if err != nil {
		return err
	}
	return inv.commitIssue(ctx, seq, series, p, nil, nil)
}

// IssueCredit issues an approved credit note against the invoice it
// corrects, like Issue, and records the credit on orig in the same step:
// what remains to credit of orig's lines and total decreases, and orig
// becomes void when nothing remains. It refuses, before taking a number,
// a credit note dated before orig, one that no longer fits what remains of
// orig (an *OverCreditError), and one drawn up before another credit note
// changed orig (ErrCreditOutdated: draw it up again).
func (inv *Invoice) IssueCredit(ctx context.Context, orig *Invoice, seq Sequence, series Series, on date.Date) error {
	if inv.doc.Type != TypeCreditNote {
		return fmt.Errorf("%w: IssueCredit issues credit notes; issue an invoice with Issue", ErrWrongType)
	}
	if orig == nil || orig.doc.Type != TypeCommercialInvoice || !orig.IsIssued() || orig.status == StatusVoid {
		return fmt.Errorf("%w: only an issued commercial invoice that is not void can be credited", ErrNotCreditable)
	}
	if len(inv.doc.Preceding) == 0 || inv.doc.Preceding[0].Number != orig.doc.Number || inv.doc.Currency != orig.doc.Currency {
		return fmt.Errorf("%w: the credit note was drawn up for another invoice", ErrNotCreditable)
	}
	if !sameLimits(inv.doc.CreditLimits, orig.remainingLimits()) {
		return ErrCreditOutdated
	}
	p, err := inv.prepareIssue(seq, series, on)
	if err != nil {
		return err
	}
	if on.Before(orig.doc.IssueDate) {
		return validation.New("issue_date", validation.CodeOutOfRange, "a credit note cannot be dated before the invoice it corrects ("+orig.doc.IssueDate.String()+")")
	}
	credits, err := orig.applyCredit(inv.id, &p.doc)
	if err != nil {
		return err
	}
	return inv.commitIssue(ctx, seq, series, p, orig, &credits)
}

// preparedIssue is a document ready to be numbered.
type preparedIssue struct {
	doc     Document
	payload []byte
}

// prepareIssue runs every check of issuing on a copy of the document.
func (inv *Invoice) prepareIssue(seq Sequence, series Series, on date.Date) (*preparedIssue, error) {
	if inv.status != StatusApproved {
		return nil, &TransitionError{Op: "issue", From: inv.status, To: StatusIssued}
	}
	if seq == nil {
		return nil, errors.New("invoice: issue needs a Sequence")
	}
	if err := series.Validate(); err != nil {
		var errs validation.Errors
		errs.MergeAt("series", err)
		return nil, errs.Err()
	}
	if on.IsZero() {
		return nil, validation.New("issue_date", "BR-03", "is required")
	}
	doc := inv.doc.Clone()
	doc.IssueDate = on
	doc.Number = ""
	if err := doc.calculateDraft(); err != nil {
		return nil, err
	}
	payload, err := fingerprintPayload(inv.id, doc)
	if err != nil {
		return nil, err
	}
	return &preparedIssue{doc: doc, payload: payload}, nil
}

// commitIssue takes the number and commits: nothing after seq.Next fails.
func (inv *Invoice) commitIssue(ctx context.Context, seq Sequence, series Series, p *preparedIssue, orig *Invoice, credits *CreditState) error {
	on := p.doc.IssueDate
	n, err := seq.Next(ctx, series.Key(on), on)
	if err != nil {
		return err
	}
	p.doc.Number = series.Format(on, n)
	inv.doc = p.doc
	inv.fingerprint = fingerprintOf(p.doc.Number, p.payload)
	inv.status = StatusIssued
	if orig != nil {
		orig.credits = *credits
		if orig.credits.Total.Number().Equal(orig.doc.Totals.TaxInclusive.Number()) {
			orig.status = StatusVoid
		}
	}
	return nil
}
