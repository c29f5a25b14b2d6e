package billing

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/notify"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/validation"
)

// KindApprovalDecided is the kind of the notification that tells a
// requester their approval request was approved or rejected.
const KindApprovalDecided notify.Kind = "approval_decided"

// approvePermission is the permission that deciding a request of a kind
// needs, besides holding the step's role.
func approvePermission(k ApprovalKind) Permission {
	switch k {
	case ApprovalQuoteDiscount:
		return PermQuoteApprove
	case ApprovalCreditNote:
		return PermCreditNoteApprove
	case ApprovalWriteOff:
		return PermInvoiceWriteOff
	default:
		return PermInvoiceApprove
	}
}

// openRequest stores a new pending approval request and tells the people
// who may decide its first step. It records the authors of the request's
// document, and whether the rule lets them decide.
func (e *Engine) openRequest(ctx context.Context, tx Tx, c *change, r ApprovalRequest) (ApprovalRequest, error) {
	r.ID = e.newID().String()
	r.RequestedBy, r.RequestedAt, r.Status = c.actor, e.now(), ApprovalPending
	if r.Kind != ApprovalWriteOff { // a write-off has no document of its own
		if r.Kind == ApprovalQuoteDiscount {
			r.AuthorsMayDecide = e.qAuthors
		} else if rule := e.rule(r.Kind, r.Amount); rule != nil {
			r.AuthorsMayDecide = rule.AllowAuthors
		}
		authors, err := e.authors(ctx, tx, c, r.Object)
		if err != nil {
			return ApprovalRequest{}, err
		}
		r.Authors = authors
	}
	v, err := tx.Approvals().Put(ctx, Record[ApprovalRequest]{ID: r.ID, Value: r})
	if err != nil {
		return ApprovalRequest{}, err
	}
	c.record(approvalRef(r.ID), ActionApprovalRequested, nil, approvalFields(r), v, r.Reason)
	e.announce(c, r, notify.KindApprovalRequested, "Approval requested: "+r.Summary)
	return r, nil
}

// authoring reports whether an action draws up, edits or submits a
// document, and whether it is the document's creation.
func authoring(a Action) (authored, created bool) {
	switch a {
	case ActionQuoteCreated, ActionInvoiceCreated, ActionCreditNoteCreated:
		return true, true
	case ActionQuoteEdited, ActionQuoteSubmitted, ActionInvoiceEdited, ActionInvoiceSubmitted:
		return true, false
	}
	return false, false
}

// authors returns the users who drew up, edited or submitted the document
// ref, in the order they first did: from its audit trail, the events c
// recorded so far, and c's actor, who is submitting it. The trail of a
// document that c created holds nothing yet and is not read.
func (e *Engine) authors(ctx context.Context, tx Tx, c *change, ref collab.Ref) ([]string, error) {
	var out []string
	add := func(evs []Event) {
		for _, ev := range evs {
			if authored, _ := authoring(ev.Action); authored && ev.Object == ref && !slices.Contains(out, ev.Actor) {
				out = append(out, ev.Actor)
			}
		}
	}
	createdNow := slices.ContainsFunc(c.events, func(ev Event) bool {
		_, created := authoring(ev.Action)
		return created && ev.Object == ref
	})
	if !createdNow {
		evs, err := tx.Events().Object(ctx, ref, EventQuery{})
		if err != nil {
			return nil, err
		}
		add(evs)
	}
	add(c.events)
	if !slices.Contains(out, c.actor) {
		out = append(out, c.actor)
	}
	return out, nil
}

// announce notifies the people who may decide the request's current step.
func (e *Engine) announce(c *change, r ApprovalRequest, kind notify.Kind, subject string) {
	i := r.Current()
	if i < 0 {
		return
	}
	for _, u := range e.access.deciders(r, i) {
		if u == r.RequestedBy {
			continue
		}
		c.notify(notify.Notification{Recipient: u, Kind: kind, Subject: subject,
			Object: notify.Object{Kind: string(r.Object.Kind), ID: r.Object.ID},
			Data:   map[string]string{"approval_id": r.ID}})
	}
}

// deciders returns the users who hold the permission and role a step
// needs, sorted.
func (a *Access) deciders(r ApprovalRequest, step int) []string {
	a.mu.RLock()
	ids := make([]string, 0, len(a.users))
	for id := range a.users {
		ids = append(ids, id)
	}
	a.mu.RUnlock()
	slices.Sort(ids)
	out := ids[:0]
	for _, id := range ids {
		if a.mayDecide(id, r, step) == nil {
			out = append(out, id)
		}
	}
	return out
}

// mayDecide returns why userID may not decide step of r, or nil.
func (a *Access) mayDecide(userID string, r ApprovalRequest, step int) error {
	perm := approvePermission(r.Kind)
	if err := a.Check(userID, perm); err != nil {
		return err
	}
	if userID == r.RequestedBy {
		return &ForbiddenError{User: userID, Permission: perm, Reason: "an approver cannot decide on their own request"}
	}
	if !r.AuthorsMayDecide && slices.Contains(r.Authors, userID) {
		return &ForbiddenError{User: userID, Permission: perm,
			Reason: "whoever drew up, edited or submitted a document cannot approve it"}
	}
	s := r.Steps[step]
	if s.Role != "" && !a.HasRole(userID, s.Role) {
		return &ForbiddenError{User: userID, Permission: perm, Reason: "this step needs the role " + s.Role}
	}
	if s.Level != "" && len(a.quoteLevels(userID)) == 0 {
		return &ForbiddenError{User: userID, Permission: perm, Reason: "this step needs the quote level " + s.Level}
	}
	for _, prev := range r.Steps[:step] {
		if prev.DecidedBy == userID {
			return &ForbiddenError{User: userID, Permission: perm, Reason: "each step of a chain needs a different approver"}
		}
	}
	return nil
}

// Approval returns an approval request. Anyone who may decide requests of
// its kind may read it, and so may its requester as long as they may see
// the request's object (quote.view for a quote, invoice.view for an
// invoice or a credit note): a requester who lost their roles no longer
// may. A refusal is a *ForbiddenError.
func (e *Engine) Approval(ctx context.Context, userID, id string) (ApprovalRequest, error) {
	var out ApprovalRequest
	err := e.view(ctx, func(tx Tx) error {
		rec, err := tx.Approvals().Get(ctx, id)
		if err != nil {
			return err
		}
		r := rec.Value
		perm := approvePermission(r.Kind)
		if r.RequestedBy == userID && !e.access.Can(userID, perm) {
			if view, ok := viewPermission(r.Object.Kind); ok {
				perm = view
			}
		}
		if err := e.access.Check(userID, perm); err != nil {
			return err
		}
		out = r
		return nil
	})
	return out, err
}

// approvePermissions lists the permissions that decide approval requests
// of some kind.
var approvePermissions = []Permission{PermQuoteApprove, PermInvoiceApprove, PermCreditNoteApprove, PermInvoiceWriteOff}

// PendingApprovals returns the pending requests whose current step the
// user may decide: their approval inbox, oldest first. Requests the user
// may not decide, such as those about a document they wrote, are left
// out. It needs one of quote.approve, invoice.approve, creditnote.approve
// or invoice.writeoff (a *ForbiddenError otherwise).
func (e *Engine) PendingApprovals(ctx context.Context, userID string) ([]ApprovalRequest, error) {
	if !slices.ContainsFunc(approvePermissions, func(p Permission) bool { return e.access.Can(userID, p) }) {
		return nil, &ForbiddenError{User: userID, Permission: PermInvoiceApprove,
			Reason: "the approval inbox needs quote.approve, invoice.approve, creditnote.approve or invoice.writeoff"}
	}
	var out []ApprovalRequest
	err := e.view(ctx, func(tx Tx) error {
		return scanAll(ctx, tx.Approvals(), func(rec Record[ApprovalRequest]) error {
			r := rec.Value
			if i := r.Current(); i >= 0 && e.access.mayDecide(userID, r, i) == nil {
				out = append(out, r)
			}
			return nil
		})
	})
	return out, err
}

// Approve approves the current step of a pending request. When it was the
// last step, the action goes ahead in the same transaction: the invoice
// or credit note is approved, the invoice written off, the quote approved.
// The requester may not approve, nor may anyone who approved an earlier
// step, nor, unless the request's AuthorsMayDecide, anyone who drew up,
// edited or submitted the document (its Authors); each is a
// *ForbiddenError with its Reason. The same rules apply to Reject.
//
// Approve and Reject take an idempotency key (see WithIdempotencyKey). A
// decision's permission depends on its request, so the retry of a
// decision is answered only to a user who still holds the permission
// that decides requests of its kind.
func (e *Engine) Approve(ctx context.Context, userID, requestID string) (ApprovalRequest, error) {
	return idempotentIf(ctx, e, userID, OpApprove, []any{requestID}, e.mayHaveDecided(userID),
		func(ctx context.Context, out *ApprovalRequest) error {
			return e.decide(ctx, userID, requestID, "", out)
		})
}

// Reject rejects a pending request, for a reason that is required: one
// line of at most validation.MaxReasonLength characters. The action does
// not go ahead: an invoice or credit note goes back to draft, a quote goes
// back to its author.
func (e *Engine) Reject(ctx context.Context, userID, requestID, reason string) (ApprovalRequest, error) {
	return idempotentIf(ctx, e, userID, OpReject, []any{requestID, reason}, e.mayHaveDecided(userID),
		func(ctx context.Context, out *ApprovalRequest) error {
			if strings.TrimSpace(reason) == "" {
				return validation.New("reason", validation.CodeRequired, "a rejection needs a reason")
			}
			if err := checkReason(reason); err != nil {
				return err
			}
			return e.decide(ctx, userID, requestID, strings.TrimSpace(reason), out)
		})
}

// mayHaveDecided returns the check that lets userID read again a decision
// they made: they must still hold the permission that decides requests of
// its kind.
func (e *Engine) mayHaveDecided(userID string) func(ApprovalRequest) error {
	return func(r ApprovalRequest) error { return e.access.Check(userID, approvePermission(r.Kind)) }
}

// decide records userID's decision on a request, and sets out to the
// request saved.
func (e *Engine) decide(ctx context.Context, userID, requestID, rejectReason string, out *ApprovalRequest) error {
	return e.update(ctx, userID, func(tx Tx, c *change) error {
		rec, err := tx.Approvals().Get(ctx, requestID)
		if err != nil {
			return err
		}
		r := rec.Value
		before := approvalFields(r)
		i := r.Current()
		if i < 0 {
			return &DecidedError{ID: r.ID, Status: r.Status}
		}
		if err := e.access.mayDecide(userID, r, i); err != nil {
			return err
		}
		now := e.now()
		action := ActionApprovalApproved
		if rejectReason != "" {
			r.Steps[i] = ApprovalStep{Role: r.Steps[i].Role, Level: r.Steps[i].Level, Decision: ApprovalRejected,
				DecidedBy: userID, DecidedAt: now, Reason: rejectReason}
			r.Status, action = ApprovalRejected, ActionApprovalRejected
		} else {
			r.Steps[i].Decision, r.Steps[i].DecidedBy, r.Steps[i].DecidedAt = ApprovalApproved, userID, now
		}
		if err := e.apply(ctx, tx, c, &r, i, rejectReason); err != nil {
			return err
		}
		if r.Status == ApprovalPending && r.Current() < 0 {
			r.Status = ApprovalApproved
		}
		v, err := tx.Approvals().Put(ctx, Record[ApprovalRequest]{ID: r.ID, Version: rec.Version, Value: r})
		if err != nil {
			return err
		}
		c.record(approvalRef(r.ID), action, before, approvalFields(r), v, rejectReason)
		e.tellRequester(c, r)
		e.tellOthers(c, r, i, userID)
		if r.Status == ApprovalPending {
			e.announce(c, r, notify.KindApprovalRequested, "Approval requested: "+r.Summary)
		}
		*out = r
		return nil
	})
}

// tellRequester notifies the requester of a final decision.
func (e *Engine) tellRequester(c *change, r ApprovalRequest) {
	var subject string
	switch r.Status {
	case ApprovalApproved:
		subject = "Approved: " + r.Summary
	case ApprovalRejected:
		subject = "Rejected: " + r.Summary
	default:
		return
	}
	c.notify(notify.Notification{Recipient: r.RequestedBy, Kind: KindApprovalDecided, Subject: subject,
		Object: notify.Object{Kind: string(r.Object.Kind), ID: r.Object.ID},
		Data:   map[string]string{"approval_id": r.ID, "status": string(r.Status)}})
}

// tellOthers tells the other people who were asked to decide step i that
// decider has, so that the request leaves their to-do lists.
func (e *Engine) tellOthers(c *change, r ApprovalRequest, i int, decider string) {
	verb := "Approved"
	if r.Steps[i].Decision == ApprovalRejected {
		verb = "Rejected"
	}
	for _, u := range e.access.deciders(r, i) {
		if u == decider || u == r.RequestedBy {
			continue
		}
		c.notify(notify.Notification{Recipient: u, Kind: KindApprovalDecided,
			Subject: verb + " by " + e.access.displayName(decider) + ", nothing left to do: " + r.Summary,
			Object:  notify.Object{Kind: string(r.Object.Kind), ID: r.Object.ID},
			Data:    map[string]string{"approval_id": r.ID, "status": string(r.Status), "decided_by": decider}})
	}
}

// apply carries a decision over to the object: quotes record each
// approval; the other kinds act once the request is decided.
func (e *Engine) apply(ctx context.Context, tx Tx, c *change, r *ApprovalRequest, step int, rejectReason string) error {
	if r.Kind == ApprovalQuoteDiscount {
		return e.applyQuoteDecision(ctx, tx, c, r, step, rejectReason)
	}
	switch {
	case rejectReason != "":
		return e.rejectAction(ctx, tx, c, *r, rejectReason)
	case r.Current() < 0:
		return e.approveAction(ctx, tx, c, *r)
	}
	return nil
}

// applyQuoteDecision records the approver's decision on the quote, whose
// own rules say which levels an approval covers.
func (e *Engine) applyQuoteDecision(ctx context.Context, tx Tx, c *change, r *ApprovalRequest, step int, rejectReason string) error {
	q, v, err := loadQuote(ctx, tx, r.Object.ID)
	if err != nil {
		return err
	}
	before := quoteFields(q.Snapshot())
	by := quote.User{ID: c.actor, Level: e.bestLevel(c.actor, q)}
	action := ActionQuoteApproved
	if rejectReason != "" {
		err = q.RejectApproval(by, rejectReason, e.now())
		action = ActionQuoteRejected
	} else {
		err = q.Approve(by, e.now())
	}
	var ae *quote.ApprovalError
	if errors.As(err, &ae) {
		return &ForbiddenError{User: c.actor, Permission: PermQuoteApprove, Reason: ae.Error()}
	}
	if err != nil {
		return err
	}
	if rejectReason == "" {
		// The approval covers every level up to the approver's: mark the
		// steps no longer pending as decided by them.
		pending := q.PendingLevels()
		for k := range r.Steps {
			if k != step && r.Steps[k].Decision == "" && !slices.Contains(pending, r.Steps[k].Level) {
				r.Steps[k].Decision, r.Steps[k].DecidedBy, r.Steps[k].DecidedAt = ApprovalApproved, c.actor, e.now()
			}
		}
	}
	snap := q.Snapshot()
	nv, err := tx.Quotes().Put(ctx, Record[quote.Snapshot]{ID: r.Object.ID, Version: v, Value: snap})
	if err != nil {
		return err
	}
	c.record(quoteRef(r.Object.ID), action, before, quoteFields(snap), nv, rejectReason)
	return nil
}

// bestLevel returns the user's highest quote level among the quote's
// levels.
func (e *Engine) bestLevel(userID string, q *quote.Quote) string {
	levels := q.Snapshot().Levels
	best, rank := "", -1
	for _, l := range e.access.quoteLevels(userID) {
		if k := slices.Index(levels, l); k > rank {
			best, rank = l, k
		}
	}
	return best
}

// requestFor builds a pending request for the chain of roles.
func requestFor(kind ApprovalKind, ref collab.Ref, amount money.Amount, summary, reason string, roles []string) ApprovalRequest {
	steps := make([]ApprovalStep, len(roles))
	for i, r := range roles {
		steps[i] = ApprovalStep{Role: r}
	}
	return ApprovalRequest{Kind: kind, Object: ref, Amount: amount, Summary: summary, Reason: reason, Steps: steps}
}

// scanAll calls fn for every record of a collection, in ID order.
func scanAll[T any](ctx context.Context, col Collection[T], fn func(Record[T]) error) error {
	return scanPages(ctx, col.Scan, func(page []Record[T]) error {
		for _, r := range page {
			if err := fn(r); err != nil {
				return err
			}
		}
		return nil
	})
}

// scanPages calls fn with every record that scan (a collection's Scan or
// ScanShared) lists, a page at a time, in ID order. fn may keep the page.
func scanPages[T any](ctx context.Context, scan func(ctx context.Context, after string, limit int) ([]Record[T], error), fn func([]Record[T]) error) error {
	const page = 1000
	after := ""
	for {
		recs, err := scan(ctx, after, page)
		if err != nil {
			return err
		}
		if err := fn(recs); err != nil {
			return err
		}
		if len(recs) < page {
			return nil
		}
		after = recs[len(recs)-1].ID
	}
}
