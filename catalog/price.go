package catalog

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// PriceSpec describes one version of the price of a product in a price book
// and a currency. It is the input of NewPrice and Catalog.AddPrice, and what
// a host stores.
type PriceSpec struct {
	ID        string         `json:"id" validate:"required,max=64,text"`
	ProductID string         `json:"product_id" validate:"required,max=64,text"`
	BookID    string         `json:"book_id" validate:"required,max=64,text"`
	Currency  money.Currency `json:"currency"`
	// EffectiveFrom is the first day the version is in force.
	EffectiveFrom date.Date `json:"effective_from"`
	// EffectiveTo is the first day the version is no longer in force
	// (exclusive), or the zero Date for a version without end.
	EffectiveTo date.Date `json:"effective_to,omitzero"`
	Pricing     Pricing   `json:"pricing"`
	Billing     Billing   `json:"billing"`
}

// Validate returns a *validation.Error listing every fault of s, with field
// paths such as "pricing.tiers[1].up_to".
func (s PriceSpec) Validate() error {
	var errs validation.Errors
	errs.Merge(validation.Struct(s))
	checkID(&errs, "id", s.ID)
	checkID(&errs, "product_id", s.ProductID)
	checkID(&errs, "book_id", s.BookID)
	if s.Currency.IsZero() {
		errs.Add("currency", validation.CodeRequired, "is required")
	}
	switch {
	case s.EffectiveFrom.IsZero():
		errs.Add("effective_from", validation.CodeRequired, "is required")
	case !s.EffectiveTo.IsZero() && !s.EffectiveTo.After(s.EffectiveFrom):
		errs.Add("effective_to", validation.CodeOutOfRange, "must be after effective_from")
	}
	errs.MergeAt("pricing", s.Pricing.Validate())
	errs.MergeAt("billing", s.Billing.Validate())
	return errs.Err()
}

// checkID records a fault for an identifier with surrounding spaces, which
// would look like another one.
func checkID(errs *validation.Errors, field, id string) {
	if id != "" && strings.TrimSpace(id) != id {
		errs.Add(field, validation.CodeInvalid, "must not begin or end with spaces")
	}
}

// Price is one validated version of the price of a product in a price book
// and a currency, in force over [EffectiveFrom, EffectiveTo). It is an
// immutable value, cheap to copy and safe to share between goroutines; its
// pricing is prepared once, when it is built, so that evaluating it is fast.
//
// Build a Price with NewPrice or Catalog.AddPrice. The zero Price has no
// pricing model and every evaluation of it fails.
type Price struct {
	v *priceValue
}

type priceValue struct {
	spec PriceSpec
	plan plan
}

// NewPrice validates spec and returns the Price it describes, or a
// *validation.Error listing every fault.
func NewPrice(spec PriceSpec) (Price, error) {
	if err := spec.Validate(); err != nil {
		return Price{}, err
	}
	spec.Pricing = spec.Pricing.clone()
	v := &priceValue{spec: spec}
	v.plan = newPlan(spec.ID, spec.Currency, spec.Pricing)
	return Price{v: v}, nil
}

// IsZero reports whether p is the zero Price.
func (p Price) IsZero() bool { return p.v == nil }

// spec returns the specification of p, the zero one for the zero Price.
func (p Price) spec() *PriceSpec {
	if p.v == nil {
		return &PriceSpec{}
	}
	return &p.v.spec
}

// ID returns the ID of the price version.
func (p Price) ID() string { return p.spec().ID }

// ProductID returns the ID of the priced product.
func (p Price) ProductID() string { return p.spec().ProductID }

// BookID returns the ID of the price book the version belongs to.
func (p Price) BookID() string { return p.spec().BookID }

// Currency returns the currency of the price.
func (p Price) Currency() money.Currency { return p.spec().Currency }

// EffectiveFrom returns the first day the version is in force.
func (p Price) EffectiveFrom() date.Date { return p.spec().EffectiveFrom }

// EffectiveTo returns the first day the version is no longer in force, or
// the zero Date when it has no end.
func (p Price) EffectiveTo() date.Date { return p.spec().EffectiveTo }

// Model returns the pricing model of the price.
func (p Price) Model() Model { return p.spec().Pricing.Model }

// Pricing returns a copy of the pricing model and its parameters.
func (p Price) Pricing() Pricing { return p.spec().Pricing.clone() }

// Billing returns when the price is charged.
func (p Price) Billing() Billing { return p.spec().Billing }

// Spec returns a copy of the specification p was built from; NewPrice of it
// gives p back.
func (p Price) Spec() PriceSpec {
	s := *p.spec()
	s.Pricing = s.Pricing.clone()
	return s
}

// InForce reports whether the version is in force on day on:
// EffectiveFrom <= on < EffectiveTo.
func (p Price) InForce(on date.Date) bool {
	s := p.spec()
	return p.v != nil && !on.IsZero() && !on.Before(s.EffectiveFrom) &&
		(s.EffectiveTo.IsZero() || on.Before(s.EffectiveTo))
}

// Period describes the days the version is in force, such as
// "2026-01-01..2026-12-31" or "from 2026-01-01" for a version without end.
func (p Price) Period() string { return periodString(p.EffectiveFrom(), p.EffectiveTo()) }

func periodString(from, to date.Date) string {
	if to.IsZero() {
		return "from " + from.String()
	}
	return date.Range{Start: from, End: to}.String()
}

// MarshalJSON encodes p as its PriceSpec, and the zero Price as null.
func (p Price) MarshalJSON() ([]byte, error) {
	if p.v == nil {
		return []byte("null"), nil
	}
	return json.Marshal(p.spec())
}

// UnmarshalJSON decodes a PriceSpec and builds the Price with NewPrice, so
// that a stored price is validated again when it is read. JSON null gives
// the zero Price.
func (p *Price) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		*p = Price{}
		return nil
	}
	var spec PriceSpec
	if err := json.Unmarshal(data, &spec); err != nil {
		return err
	}
	built, err := NewPrice(spec)
	if err != nil {
		return err
	}
	*p = built
	return nil
}
