package quote

import (
	"github.com/google/uuid"

	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/tax"
	"github.com/billkit/billkit/validation"
)

// Desk prices quotes: it reads list prices from the catalogue, VAT rates from
// the rate table, and applies the guardrails of its policy. It creates
// quotes, edits drafts and revises quotes that were sent; everything else a
// quote does on its own.
//
// A Desk keeps no quote and reads no clock: dates come with each quote.
// It is safe for concurrent use.
type Desk struct {
	catalog *catalog.Catalog
	rates   *tax.Rates
	policy  Policy
	guard   guard
}

// NewDesk returns a desk that prices from cat with the VAT rates of rates,
// under policy. A nil catalogue or rate table, or an invalid policy, is a
// *validation.Error. The desk keeps a copy of the policy.
func NewDesk(cat *catalog.Catalog, rates *tax.Rates, policy Policy) (*Desk, error) {
	var errs validation.Errors
	if cat == nil {
		errs.Add("catalog", validation.CodeRequired, "is required")
	}
	if rates == nil {
		errs.Add("rates", validation.CodeRequired, "is required")
	}
	errs.MergeAt("policy", policy.Validate())
	if err := errs.Err(); err != nil {
		return nil, err
	}
	p := clonePolicy(policy)
	return &Desk{catalog: cat, rates: rates, policy: p, guard: newGuard(p)}, nil
}

// Rates returns the VAT rates the desk looks rates up in: those a
// contract's invoices look up again on their billing date
// (ContractLine.VATOn).
func (d *Desk) Rates() *tax.Rates { return d.rates }

// Policy returns a copy of the desk's policy.
func (d *Desk) Policy() Policy { return clonePolicy(d.policy) }

// New prices in and returns a draft quote, revision 1, with the given ID (a
// UUIDv7 from the host) written by author. Every fault of the input, an
// unknown or archived product, an inactive price book, a missing price,
// amounts in another currency, a price under its floor or a discount no
// level may grant, is reported in one *validation.Error with field paths
// such as "lines[2].discount.amount".
func (d *Desk) New(id uuid.UUID, author User, in Input) (*Quote, error) {
	if id == uuid.Nil {
		return nil, validation.New("id", validation.CodeRequired, "is required")
	}
	in = in.clone()
	pr, err := d.price(id, author, &in)
	if err != nil {
		return nil, err
	}
	q := &Quote{id: id, revision: 1, status: StatusDraft, author: author}
	q.set(in, pr, d.policy.Levels)
	return q, nil
}

// Edit changes a draft: edit receives a copy of its input, and if it
// returns nil and the result prices without fault, the quote takes it,
// priced anew at the prices of its (possibly new) date. Otherwise nothing
// changes and Edit returns edit's error or the pricing's. A nil edit
// prices the quote again as it is. A quote that is not a draft is an
// *ImmutableError; its number cannot change.
func (d *Desk) Edit(q *Quote, edit func(in *Input) error) error {
	if q.status != StatusDraft {
		return &ImmutableError{Number: q.input.Number, Revision: q.revision, Status: q.status}
	}
	in, err := d.edited(q, edit)
	if err != nil {
		return err
	}
	pr, err := d.price(q.id, q.author, &in)
	if err != nil {
		return err
	}
	q.set(in, pr, d.policy.Levels)
	return nil
}

// Revise starts the next revision of a sent, rejected or expired quote: a
// draft with the given ID, the same number and the next revision number,
// written by author, whose input is old's changed by edit (nil keeps it)
// and priced anew. old is left as it was and stays readable; the host
// then records with old.Supersede that the revision replaces it. Revising
// a quote in another status, or one a revision replaced already, is a
// *TransitionError.
func (d *Desk) Revise(old *Quote, id uuid.UUID, author User, edit func(in *Input) error) (*Quote, error) {
	if err := old.checkCurrent("revise", StatusDraft); err != nil {
		return nil, err
	}
	if !old.status.IsRevisable() {
		return nil, &TransitionError{Number: old.input.Number, Revision: old.revision, Op: "revise",
			From: old.status, To: StatusDraft, Reason: "only sent, rejected and expired quotes are revised"}
	}
	switch id {
	case uuid.Nil:
		return nil, validation.New("id", validation.CodeRequired, "is required")
	case old.id:
		return nil, validation.New("id", validation.CodeDuplicate, "is the ID of the revision revised")
	}
	in, err := d.edited(old, edit)
	if err != nil {
		return nil, err
	}
	pr, err := d.price(id, author, &in)
	if err != nil {
		return nil, err
	}
	q := &Quote{id: id, previous: old.id, revision: old.revision + 1, status: StatusDraft, author: author}
	q.set(in, pr, d.policy.Levels)
	return q, nil
}

// edited returns a copy of q's input changed by edit, keeping its number.
func (d *Desk) edited(q *Quote, edit func(in *Input) error) (Input, error) {
	in := q.input.clone()
	if edit == nil {
		return in, nil
	}
	if err := edit(&in); err != nil {
		return Input{}, err
	}
	if in.Number != q.input.Number {
		return Input{}, validation.New("number", validation.CodeForbidden, "is the number of every revision and cannot change")
	}
	return in.clone(), nil
}
