package billing

import (
	"context"
	"slices"
	"strconv"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/validation"
)

// author returns the quote.User the desk sees for userID: their highest
// quote level among the desk policy's levels.
func (e *Engine) author(userID string) quote.User {
	levels := e.desk.Policy().Levels
	best, rank := "", -1
	for _, l := range e.access.quoteLevels(userID) {
		if k := slices.Index(levels, l); k > rank {
			best, rank = l, k
		}
	}
	return quote.User{ID: userID, Level: best}
}

// CreateQuote prices a new quote from the catalogue, with the acting user
// as its author. It needs quote.create, and takes an idempotency key (see
// WithIdempotencyKey).
func (e *Engine) CreateQuote(ctx context.Context, userID string, in quote.Input) (quote.Snapshot, error) {
	if err := e.access.Check(userID, PermQuoteCreate); err != nil {
		return quote.Snapshot{}, err
	}
	return idempotent(ctx, e, userID, OpCreateQuote, []any{in}, func(ctx context.Context, snap *quote.Snapshot) error {
		q, err := e.desk.New(e.newID(), e.author(userID), in)
		if err != nil {
			return err
		}
		*snap = q.Snapshot()
		return e.update(ctx, userID, func(tx Tx, c *change) error {
			v, err := tx.Quotes().Put(ctx, Record[quote.Snapshot]{ID: snap.ID.String(), Value: *snap})
			if err != nil {
				return err
			}
			c.record(quoteRef(snap.ID.String()), ActionQuoteCreated, nil, quoteFields(*snap), v, "")
			return nil
		})
	})
}

// Quote returns a quote. It needs quote.view.
func (e *Engine) Quote(ctx context.Context, userID, id string) (quote.Snapshot, error) {
	rec, err := e.QuoteRecord(ctx, userID, id)
	return rec.Value, err
}

// QuoteRecord returns a quote with its stored version, read together.
// An editor keeps the version and gives it back to EditQuote, which
// refuses the edit if the quote changed in between. It needs quote.view.
func (e *Engine) QuoteRecord(ctx context.Context, userID, id string) (Record[quote.Snapshot], error) {
	if err := e.access.Check(userID, PermQuoteView); err != nil {
		return Record[quote.Snapshot]{}, err
	}
	var out Record[quote.Snapshot]
	err := e.view(ctx, func(tx Tx) error {
		var err error
		out, err = tx.Quotes().Get(ctx, id)
		return err
	})
	if err != nil {
		return Record[quote.Snapshot]{}, err
	}
	return out, nil
}

// changeQuote loads a quote, lets fn change it, and saves it with an
// event; out is the quote saved, set in the transaction. A quote stored at
// another version than the one given is a *ConflictError (see
// checkVersion: 0 takes any).
func (e *Engine) changeQuote(ctx context.Context, userID string, perm Permission, id string, version uint64, action Action,
	out *quote.Snapshot, fn func(tx Tx, c *change, q *quote.Quote) error) error {
	if err := e.access.Check(userID, perm); err != nil {
		return err
	}
	return e.update(ctx, userID, func(tx Tx, c *change) error {
		q, v, err := loadQuote(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := checkVersion("quote", id, version, v); err != nil {
			return err
		}
		before := quoteFields(q.Snapshot())
		if err := fn(tx, c, q); err != nil {
			return err
		}
		*out = q.Snapshot()
		nv, err := tx.Quotes().Put(ctx, Record[quote.Snapshot]{ID: id, Version: v, Value: *out})
		if err != nil {
			return err
		}
		c.record(quoteRef(id), action, before, quoteFields(*out), nv, "")
		return nil
	})
}

// EditQuote changes a draft quote's input and prices it again. version is
// the version of the quote the editor read (see QuoteRecord), and is
// required: when the quote changed since, the edit would overwrite a
// change its author never saw, so it is refused with a *ConflictError
// (Expected the version given, Actual the one stored) and nothing is
// written. A successful edit stores the quote at version+1. It needs
// quote.create.
func (e *Engine) EditQuote(ctx context.Context, userID, id string, version uint64, edit func(in *quote.Input) error) (quote.Snapshot, error) {
	if err := requireVersion(version); err != nil {
		return quote.Snapshot{}, err
	}
	var out quote.Snapshot
	err := e.changeQuote(ctx, userID, PermQuoteCreate, id, version, ActionQuoteEdited, &out, func(_ Tx, _ *change, q *quote.Quote) error {
		return e.desk.Edit(q, edit)
	})
	return out, err
}

// SubmitQuote sends a draft quote whose discounts exceed its author's
// limit to review, and opens an approval request with one step per level
// needed. It needs quote.create. A quote that needs no approval is sent
// with SendQuote instead. It takes an idempotency key (see
// WithIdempotencyKey).
func (e *Engine) SubmitQuote(ctx context.Context, userID, id string) (quote.Snapshot, ApprovalRequest, error) {
	if err := e.access.Check(userID, PermQuoteCreate); err != nil {
		return quote.Snapshot{}, ApprovalRequest{}, err
	}
	out, err := idempotent(ctx, e, userID, OpSubmitQuote, []any{id}, func(ctx context.Context, out *submission[quote.Snapshot]) error {
		return e.changeQuote(ctx, userID, PermQuoteCreate, id, 0, ActionQuoteSubmitted, &out.Document, func(tx Tx, c *change, q *quote.Quote) error {
			if err := q.Submit(); err != nil {
				return err
			}
			levels := q.PendingLevels()
			steps := make([]ApprovalStep, len(levels))
			for i, l := range levels {
				steps[i] = ApprovalStep{Level: l}
			}
			var err error
			out.Request, err = e.openRequest(ctx, tx, c, ApprovalRequest{Kind: ApprovalQuoteDiscount, Object: quoteRef(id),
				Amount: q.Totals().TaxExclusive, Summary: "discounts of quote " + q.Number(), Steps: steps})
			return err
		})
	})
	return out.Document, out.Request, err
}

// SendQuote records that the quote was sent to the buyer on the given
// day. A quote that needs approval must be approved first (a
// *quote.ApprovalRequiredError otherwise). It needs quote.send, and
// takes an idempotency key (see WithIdempotencyKey).
func (e *Engine) SendQuote(ctx context.Context, userID, id string, on date.Date) (quote.Snapshot, error) {
	if err := e.access.Check(userID, PermQuoteSend); err != nil {
		return quote.Snapshot{}, err
	}
	return idempotent(ctx, e, userID, OpSendQuote, []any{id, on}, func(ctx context.Context, out *quote.Snapshot) error {
		return e.changeQuote(ctx, userID, PermQuoteSend, id, 0, ActionQuoteSent, out, func(_ Tx, _ *change, q *quote.Quote) error {
			return q.Send(on)
		})
	})
}

// AcceptQuote records the buyer's acceptance of a sent quote on the given
// day and creates its contract, which bill runs then bill. purchaseOrder
// is the buyer's order reference for the invoices, if any: one line of
// at most validation.MaxReferenceLength characters. It needs quote.send,
// and takes an idempotency key (see WithIdempotencyKey).
func (e *Engine) AcceptQuote(ctx context.Context, userID, id string, on date.Date, purchaseOrder string) (Contract, error) {
	if err := e.access.Check(userID, PermQuoteSend); err != nil {
		return Contract{}, err
	}
	return idempotent(ctx, e, userID, OpAcceptQuote, []any{id, on, purchaseOrder}, func(ctx context.Context, out *Contract) error {
		var errs validation.Errors
		if !errs.Text("purchase_order", purchaseOrder, validation.MaxReferenceLength) {
			return errs.Err()
		}
		var accepted quote.Snapshot
		return e.changeQuote(ctx, userID, PermQuoteSend, id, 0, ActionQuoteAccepted, &accepted, func(tx Tx, c *change, q *quote.Quote) error {
			qc, err := q.Accept(e.newID(), on)
			if err != nil {
				return err
			}
			*out = Contract{Contract: *qc, Customer: CustomerKey(qc.Buyer), PurchaseOrder: purchaseOrder}
			cid := qc.ID.String()
			v, err := tx.Contracts().Put(ctx, Record[Contract]{ID: cid, Value: *out})
			if err != nil {
				return err
			}
			c.record(contractRef(cid), ActionContractCreated, nil, contractFields(*out), v, "")
			return nil
		})
	})
}

// DeclineQuote records that the buyer declined a sent quote on the given
// day, for reason (required). The quote can then be revised. It needs
// quote.send, and takes an idempotency key (see WithIdempotencyKey).
func (e *Engine) DeclineQuote(ctx context.Context, userID, id string, on date.Date, reason string) (quote.Snapshot, error) {
	if err := e.access.Check(userID, PermQuoteSend); err != nil {
		return quote.Snapshot{}, err
	}
	return idempotent(ctx, e, userID, OpDeclineQuote, []any{id, on, reason}, func(ctx context.Context, out *quote.Snapshot) error {
		return e.changeQuote(ctx, userID, PermQuoteSend, id, 0, ActionQuoteDeclined, out, func(_ Tx, _ *change, q *quote.Quote) error {
			return q.Reject(reason, on)
		})
	})
}

// ReviseQuote starts the next revision of a sent, declined or expired
// quote: a new draft quote with the same number, the acting user as its
// author, the old revision's input changed by edit (nil keeps it), priced
// anew. In the same transaction the old revision records that the new one
// replaces it, after which it can no longer be accepted, declined or
// revised (a *quote.TransitionError). It returns the new revision and
// needs quote.create.
//
// Unlike EditQuote, ReviseQuote takes no version: edit changes the new
// revision, starting from an old one that can no longer change (only
// drafts are edited), and a quote already revised is refused, so a
// revision never overwrites a change its author did not see.
//
// ReviseQuote takes an idempotency key (see WithIdempotencyKey). The
// request a key stands for is then the quote revised and the input of the
// new revision: edit runs first on a copy of the old revision's input, so
// that a retry that makes the same revision gets the first one's result,
// and one that makes another is refused.
func (e *Engine) ReviseQuote(ctx context.Context, userID, id string, edit func(in *quote.Input) error) (quote.Snapshot, error) {
	if err := e.access.Check(userID, PermQuoteCreate); err != nil {
		return quote.Snapshot{}, err
	}
	args := []any{id}
	if _, ok := IdempotencyKeyFrom(ctx); ok {
		in, err := e.revisedInput(ctx, id, edit)
		if err != nil {
			return quote.Snapshot{}, err
		}
		args = append(args, in)
		edit = func(rev *quote.Input) error {
			*rev = in
			return nil
		}
	}
	return idempotent(ctx, e, userID, OpReviseQuote, args, func(ctx context.Context, out *quote.Snapshot) error {
		return e.revise(ctx, userID, id, edit, out)
	})
}

// revisedInput returns the input of quote id changed by edit (nil keeps
// it): the input of the revision that ReviseQuote would make of it.
func (e *Engine) revisedInput(ctx context.Context, id string, edit func(in *quote.Input) error) (quote.Input, error) {
	var in quote.Input
	err := e.view(ctx, func(tx Tx) error {
		rec, err := tx.Quotes().Get(ctx, id)
		in = rec.Value.Input
		return err
	})
	if err != nil || edit == nil {
		return in, err
	}
	return in, edit(&in)
}

// revise stores the revision of quote id that edit makes, in out.
func (e *Engine) revise(ctx context.Context, userID, id string, edit func(in *quote.Input) error, out *quote.Snapshot) error {
	return e.update(ctx, userID, func(tx Tx, c *change) error {
		old, v, err := loadQuote(ctx, tx, id)
		if err != nil {
			return err
		}
		rev, err := e.desk.Revise(old, e.newID(), e.author(userID), edit)
		if err != nil {
			return err
		}
		before := quoteFields(old.Snapshot())
		if err := old.Supersede(rev); err != nil {
			return err
		}
		oldSnap := old.Snapshot()
		ov, err := tx.Quotes().Put(ctx, Record[quote.Snapshot]{ID: id, Version: v, Value: oldSnap})
		if err != nil {
			return err
		}
		*out = rev.Snapshot()
		nid := out.ID.String()
		nv, err := tx.Quotes().Put(ctx, Record[quote.Snapshot]{ID: nid, Value: *out})
		if err != nil {
			return err
		}
		c.record(quoteRef(id), ActionQuoteRevised, before, quoteFields(oldSnap), ov, "")
		c.record(quoteRef(nid), ActionQuoteCreated, nil, quoteFields(*out), nv, "revision "+strconv.Itoa(out.Revision)+" of "+out.Input.Number)
		return nil
	})
}

// Contract returns a contract. It needs contract.view.
func (e *Engine) Contract(ctx context.Context, userID, id string) (Contract, error) {
	if err := e.access.Check(userID, PermContractView); err != nil {
		return Contract{}, err
	}
	var out Contract
	err := e.view(ctx, func(tx Tx) error {
		rec, err := tx.Contracts().Get(ctx, id)
		out = rec.Value
		return err
	})
	return out, err
}

// ReachMilestone records that a milestone of a contract line was reached
// on the given day, so that the next bill run bills it. It needs
// contract.edit, and takes an idempotency key (see WithIdempotencyKey).
func (e *Engine) ReachMilestone(ctx context.Context, userID, contractID, lineID, milestone string, on date.Date) (Contract, error) {
	if err := e.access.Check(userID, PermContractEdit); err != nil {
		return Contract{}, err
	}
	return idempotent(ctx, e, userID, OpReachMilestone, []any{contractID, lineID, milestone, on}, func(ctx context.Context, out *Contract) error {
		return e.reachMilestone(ctx, userID, contractID, lineID, milestone, on, out)
	})
}

// reachMilestone records a milestone reached, and sets out to the
// contract saved.
func (e *Engine) reachMilestone(ctx context.Context, userID, contractID, lineID, milestone string, on date.Date, out *Contract) error {
	return e.update(ctx, userID, func(tx Tx, c *change) error {
		rec, err := tx.Contracts().Get(ctx, contractID)
		if err != nil {
			return err
		}
		ct := rec.Value
		if err := checkMilestone(ct, lineID, milestone, on); err != nil {
			return err
		}
		before := contractFields(ct)
		if ct.Reached == nil {
			ct.Reached = map[string]map[string]date.Date{}
		}
		if ct.Reached[lineID] == nil {
			ct.Reached[lineID] = map[string]date.Date{}
		}
		ct.Reached[lineID][milestone] = on
		v, err := tx.Contracts().Put(ctx, Record[Contract]{ID: contractID, Version: rec.Version, Value: ct})
		if err != nil {
			return err
		}
		c.record(contractRef(contractID), ActionMilestoneReached, before, contractFields(ct), v, lineID+": "+milestone)
		*out = ct
		return nil
	})
}
