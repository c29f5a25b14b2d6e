package quote

import (
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/validation"
)

// Send records that the quote was sent to the buyer on day on. A draft is
// sent directly when its discounts need no approval; otherwise it must be
// approved first, and sending it is an *ApprovalRequiredError saying which
// levels are needed and why. A day before the quote date is a
// *validation.Error, and one after its validity an *ExpiredError.
func (q *Quote) Send(on date.Date) error {
	switch {
	case q.status == StatusDraft && q.NeedsApproval():
		return &ApprovalRequiredError{Number: q.input.Number, Revision: q.revision,
			Pending: q.PendingLevels(), Requirements: q.Requirements()}
	case q.status != StatusDraft && q.status != StatusApproved:
		return q.transitionError("send", StatusSent, "")
	}
	if err := q.checkDay(on, q.input.Date, "the quote date"); err != nil {
		return err
	}
	if q.IsExpired(on) {
		return q.expiredError(on)
	}
	q.status, q.sentOn = StatusSent, on
	return nil
}

// Reject records that the buyer declined the quote on day on, for reason.
// Only a sent quote can be rejected; a missing reason (or one that is not
// one line of text of at most validation.MaxReasonLength characters) or a
// day before it was sent is a *validation.Error.
func (q *Quote) Reject(reason string, on date.Date) error {
	if err := q.checkCurrent("reject", StatusRejected); err != nil {
		return err
	}
	if q.status != StatusSent {
		return q.transitionError("reject", StatusRejected, "")
	}
	var errs validation.Errors
	if strings.TrimSpace(reason) == "" {
		errs.Add("reason", validation.CodeRequired, "is required")
	}
	errs.Text("reason", reason, validation.MaxReasonLength)
	errs.Merge(q.checkDay(on, q.sentOn, "the day it was sent"))
	if err := errs.Err(); err != nil {
		return err
	}
	q.status, q.closedOn, q.reason = StatusRejected, on, strings.TrimSpace(reason)
	return nil
}

// Expire records that a sent quote was not accepted in time. on must be
// after its validity (see IsExpired); an earlier day is a
// *validation.Error.
func (q *Quote) Expire(on date.Date) error {
	if err := q.checkCurrent("expire", StatusExpired); err != nil {
		return err
	}
	if q.status != StatusSent {
		return q.transitionError("expire", StatusExpired, "")
	}
	if err := q.checkDay(on, q.sentOn, "the day it was sent"); err != nil {
		return err
	}
	if !q.IsExpired(on) {
		return validation.New("on", validation.CodeOutOfRange, "the quote is valid until "+q.input.ValidUntil.String())
	}
	q.status, q.closedOn = StatusExpired, on
	return nil
}

// Accept records that the buyer accepted the quote on day on, and returns
// the contract it makes, with the given ID (a UUIDv7 from the host): one
// contract line per quote line, carrying its negotiated terms and billing
// plan. Only a sent quote can be accepted, and only until its validity:
// after it, Accept returns an *ExpiredError and changes nothing.
func (q *Quote) Accept(contractID uuid.UUID, on date.Date) (*Contract, error) {
	if err := q.checkCurrent("accept", StatusAccepted); err != nil {
		return nil, err
	}
	if q.status != StatusSent {
		return nil, q.transitionError("accept", StatusAccepted, "")
	}
	var errs validation.Errors
	if contractID == uuid.Nil {
		errs.Add("contract_id", validation.CodeRequired, "is required")
	}
	errs.Merge(q.checkDay(on, q.sentOn, "the day it was sent"))
	if err := errs.Err(); err != nil {
		return nil, err
	}
	if q.IsExpired(on) {
		return nil, q.expiredError(on)
	}
	c := q.contract(contractID, on)
	q.status, q.closedOn, q.contractID = StatusAccepted, on, contractID
	return c, nil
}

// Supersede records that next, the revision Desk.Revise made of q,
// replaces q: the buyer is then answered with next, and q can no longer
// be accepted, rejected, expired or revised again, each of which is a
// *TransitionError saying so. q stays readable as it was, its NextID
// naming next. A quote that next does not revise, or that was replaced
// already, is a *validation.Error or a *TransitionError, and q is left
// unchanged.
func (q *Quote) Supersede(next *Quote) error {
	if err := q.checkCurrent("supersede", q.status); err != nil {
		return err
	}
	if next == nil || next.previous != q.id || next.revision != q.revision+1 || next.input.Number != q.input.Number {
		return validation.New("next", validation.CodeInvalid, "must be the next revision of quote "+q.input.Number)
	}
	if !q.status.IsRevisable() {
		return q.transitionError("supersede", q.status, "only a sent, rejected or expired quote is replaced by a revision")
	}
	q.next = next.id
	return nil
}

// checkCurrent refuses op on a quote that a revision replaced.
func (q *Quote) checkCurrent(op string, to Status) error {
	if q.next == uuid.Nil {
		return nil
	}
	return q.transitionError(op, to, "revision "+strconv.Itoa(q.revision+1)+" replaced it")
}

// checkDay checks the day of an operation: required, and not before
// earliest.
func (q *Quote) checkDay(on, earliest date.Date, what string) error {
	switch {
	case on.IsZero():
		return validation.New("on", validation.CodeRequired, "is required")
	case on.Before(earliest):
		return validation.New("on", validation.CodeOutOfRange, "must not be before "+what+", "+earliest.String())
	}
	return nil
}

func (q *Quote) expiredError(on date.Date) error {
	return &ExpiredError{Number: q.input.Number, Revision: q.revision, ValidUntil: q.input.ValidUntil, On: on}
}
