package quote

import (
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/money"
)

var hundred = decimal.NewFromInt(100)

// Requirement says why a quote line needs approval: its discount is over
// the limit of the quote's author, and Level is the lowest level that may
// grant it.
type Requirement struct {
	LineID string `json:"line_id"`
	// Discount is the line's discount in percent of its list amount,
	// rounded up to 2 decimals, so that a discount over a limit never
	// reads as equal to it.
	Discount decimal.Decimal `json:"discount"`
	// Limit is the largest discount, in percent, the author may grant.
	Limit decimal.Decimal `json:"limit"`
	// Level is the lowest approval level whose limit covers the discount.
	Level string `json:"level"`
}

// String describes r for a person, such as "line 2: discount 18 % is over
// the author's limit of 10 %, needs sales_manager".
func (r Requirement) String() string {
	return "line " + r.LineID + ": discount " + r.Discount.String() + " % is over the author's limit of " +
		r.Limit.String() + " %, needs " + r.Level
}

// guard is a validated Policy prepared for lookups.
type guard struct {
	levels []string
	rank   map[string]int
	rules  []Rule
}

func newGuard(p Policy) guard {
	g := guard{levels: p.Levels, rank: make(map[string]int, len(p.Levels)), rules: p.Rules}
	for i, l := range p.Levels {
		g.rank[l] = i
	}
	return g
}

// limit is the largest discount a level may grant: pct percent, or any.
type limit struct {
	pct       decimal.Decimal
	unlimited bool
}

// ruleFor returns the most specific rule covering the product and book
// among those for which has is true, or nil.
func (g *guard) ruleFor(productID, bookID string, has func(*Rule) bool) *Rule {
	var best *Rule
	bestScore := -1
	for i := range g.rules {
		r := &g.rules[i]
		if r.ProductID != "" && r.ProductID != productID || r.BookID != "" && r.BookID != bookID || !has(r) {
			continue
		}
		score := 0
		if r.ProductID != "" {
			score += 2
		}
		if r.BookID != "" {
			score++
		}
		if score > bestScore {
			best, bestScore = r, score
		}
	}
	return best
}

// limits returns the limit of each level, by rank, for a line of the
// product in the book (see Policy).
func (g *guard) limits(productID, bookID string) []limit {
	out := make([]limit, len(g.levels))
	r := g.ruleFor(productID, bookID, func(r *Rule) bool { return len(r.Limits) > 0 })
	if r == nil {
		out[len(out)-1].unlimited = true
		return out
	}
	set := make([]bool, len(out))
	top := -1
	for _, l := range r.Limits {
		k := g.rank[l.Level]
		out[k].pct, set[k] = l.Percent, true
		top = max(top, k)
	}
	carry := decimal.Zero
	for k := range out {
		switch {
		case set[k]:
			carry = out[k].pct
		case k > top:
			out[k].unlimited = true
		default:
			out[k].pct = carry
		}
	}
	return out
}

// floor returns the minimum net unit price in cur for a line of the
// product in the book, if the policy sets one.
func (g *guard) floor(productID, bookID string, cur money.Currency) (money.Amount, bool) {
	in := func(r *Rule) (money.Amount, bool) {
		for _, f := range r.Floors {
			if f.Currency() == cur {
				return f, true
			}
		}
		return money.Amount{}, false
	}
	r := g.ruleFor(productID, bookID, func(r *Rule) bool { _, ok := in(r); return ok })
	if r == nil {
		return money.Amount{}, false
	}
	return in(r)
}

// discount is the share of a list amount given away, num/den: exact, so
// that comparing it with a limit never depends on rounding. A zero den
// means no discount.
type discount struct {
	num, den decimal.Decimal
}

// percent returns the discount in percent rounded up (away from zero) to 2
// decimals.
func (d discount) percent() decimal.Decimal {
	if d.den.IsZero() || d.num.IsZero() {
		return decimal.Zero
	}
	// den is not zero, so QuoRound cannot fail.
	p, _ := money.QuoRound(d.num.Mul(hundred), d.den, 2, money.RoundUp)
	return p
}

// within reports whether the discount is no more than l allows.
func (d discount) within(l limit) bool {
	if l.unlimited || d.den.IsZero() || d.num.Sign() <= 0 {
		return true
	}
	return d.num.Mul(hundred).Cmp(l.pct.Mul(d.den)) <= 0
}

// assess finds what granting d on a line of the product in the book takes
// from an author of the given rank: nothing (ok and no requirement), the
// approval of a higher level (a requirement), or more than any level may
// grant (not ok, with the largest limit of all).
func (g *guard) assess(lineID, productID, bookID string, authorRank int, d discount) (req *Requirement, ok bool, most decimal.Decimal) {
	lims := g.limits(productID, bookID)
	if d.within(lims[authorRank]) {
		return nil, true, decimal.Zero
	}
	for k := authorRank + 1; k < len(lims); k++ {
		if d.within(lims[k]) {
			return &Requirement{LineID: lineID, Discount: d.percent(), Limit: lims[authorRank].pct, Level: g.levels[k]}, true, decimal.Zero
		}
	}
	return nil, false, lims[len(lims)-1].pct
}
