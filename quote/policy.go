package quote

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// User is a person acting on a quote: its author or an approver, with the
// approval level the host grants them (one of Policy.Levels). The host
// fills it from its own directory of users; it is never typed in by the
// user.
type User struct {
	ID    string `json:"id"`
	Level string `json:"level"`
}

// Policy is the guardrails of a price list: who may grant which discount,
// and the prices no discount may go under.
//
// Levels are the host's approval levels, lowest rank first, such as
// "sales_rep", "sales_manager", "finance". Each Rule gives discount limits
// by level and minimum prices for a product, a price book, both, or
// everything. For a quote line the most specific rule that sets limits
// applies (product and book, then product, then book, then the rule that
// names neither), and likewise for the floor in the quote's currency.
//
// A level may grant, alone, any discount up to its limit. A level without a
// limit in the rule takes the limit of the nearest level listed below it,
// or 0 % when there is none, except that levels ranked above every listed
// level may grant any discount: "up to 10 % the sales rep, up to 25 % the
// sales manager, beyond that finance" is the rule with limits 10 for
// sales_rep and 25 for sales_manager. When no rule sets limits for a line,
// only the highest level may grant a discount on it.
type Policy struct {
	Levels []string `json:"levels"`
	Rules  []Rule   `json:"rules,omitempty"`
}

// Rule holds the guardrails for a product, a price book, both, or, with
// both IDs empty, every line no other rule covers.
type Rule struct {
	ProductID string `json:"product_id,omitempty"`
	BookID    string `json:"book_id,omitempty"`
	// Limits are the largest discounts levels may grant alone.
	Limits []Limit `json:"limits,omitempty"`
	// Floors are the minimum net unit prices, at most one per currency:
	// a negotiated price under the floor is refused outright.
	Floors []money.Amount `json:"floors,omitempty"`
}

// Limit is the largest discount, in percent of the list amount, that users
// of a level may grant without approval.
type Limit struct {
	Level   string          `json:"level"`
	Percent decimal.Decimal `json:"percent"`
}

// Validate returns a *validation.Error listing every fault of p: no
// levels, a level repeated, two rules for the same product and book, a
// limit for an unknown level or outside 0–100 %, limits that fall as the
// rank rises, two floors in one currency or a negative floor.
func (p Policy) Validate() error {
	var errs validation.Errors
	rank := make(map[string]int, len(p.Levels))
	if len(p.Levels) == 0 {
		errs.Add("levels", validation.CodeRequired, "needs at least one approval level")
	}
	for i, l := range p.Levels {
		at := "levels[" + strconv.Itoa(i) + "]"
		switch _, dup := rank[l]; {
		case l == "":
			errs.Add(at, validation.CodeRequired, "is required")
		case dup:
			errs.Add(at, validation.CodeDuplicate, "repeats level "+strconv.Quote(l))
		default:
			rank[l] = i
		}
	}
	type scope struct{ product, book string }
	seen := make(map[scope]int, len(p.Rules))
	for i, r := range p.Rules {
		at := "rules[" + strconv.Itoa(i) + "]"
		if j, dup := seen[scope{r.ProductID, r.BookID}]; dup {
			errs.Add(at, validation.CodeDuplicate, "covers the same product and price book as rules["+strconv.Itoa(j)+"]")
		} else {
			seen[scope{r.ProductID, r.BookID}] = i
		}
		validateLimits(&errs, at, r.Limits, rank)
		validateFloors(&errs, at, r.Floors)
	}
	return errs.Err()
}

func validateLimits(errs *validation.Errors, at string, limits []Limit, rank map[string]int) {
	byRank := make(map[int]decimal.Decimal, len(limits))
	for j, l := range limits {
		lat := at + ".limits[" + strconv.Itoa(j) + "]"
		r, ok := rank[l.Level]
		switch {
		case !ok:
			errs.Add(lat+".level", validation.CodeUnknown, "is not one of the policy's levels")
		case hasRank(byRank, r):
			errs.Add(lat+".level", validation.CodeDuplicate, "has another limit in this rule")
		}
		if l.Percent.Sign() < 0 || l.Percent.GreaterThan(hundred) {
			errs.Add(lat+".percent", validation.CodeOutOfRange, "must be from 0 to 100")
		}
		if ok {
			byRank[r] = l.Percent
		}
	}
	for j, l := range limits {
		r, ok := rank[l.Level]
		if !ok {
			continue
		}
		for lower, pct := range byRank {
			if lower < r && pct.GreaterThan(l.Percent) {
				errs.Add(at+".limits["+strconv.Itoa(j)+"].percent", validation.CodeInconsistent,
					"must not be below the limit of a lower level")
				break
			}
		}
	}
}

func hasRank(m map[int]decimal.Decimal, r int) bool { _, ok := m[r]; return ok }

func validateFloors(errs *validation.Errors, at string, floors []money.Amount) {
	seen := make(map[money.Currency]bool, len(floors))
	for j, f := range floors {
		fat := at + ".floors[" + strconv.Itoa(j) + "]"
		switch {
		case f.Currency().IsZero():
			errs.Add(fat, validation.CodeRequired, "needs a currency")
		case seen[f.Currency()]:
			errs.Add(fat, validation.CodeDuplicate, "repeats the floor in "+f.Currency().Code())
		case f.IsNegative():
			errs.Add(fat, validation.CodeOutOfRange, "must not be negative")
		}
		seen[f.Currency()] = true
	}
}

// clonePolicy returns a deep copy of p, so that a Desk is not changed by
// its caller afterwards.
func clonePolicy(p Policy) Policy {
	out := Policy{Levels: append([]string(nil), p.Levels...), Rules: make([]Rule, len(p.Rules))}
	for i, r := range p.Rules {
		r.Limits = append([]Limit(nil), r.Limits...)
		r.Floors = append([]money.Amount(nil), r.Floors...)
		out.Rules[i] = r
	}
	return out
}
