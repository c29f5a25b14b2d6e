package catalog

import (
	"sort"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/money"
)

// plan is a validated Pricing prepared for evaluation: the totals of full
// graduated tiers and their explanation lines are computed once, when the
// Price is built, so that an evaluation does a handful of decimal
// operations whatever the number of tiers.
type plan struct {
	id    string
	model Model
	cur   money.Currency
	price decimal.Decimal // flat amount, unit price or package price
	size  decimal.Decimal // package size
	tiers []tierPlan
	full  []Line // graduated: the line of each bounded tier used in full

	percent        decimal.Decimal
	minFee, maxFee optional

	minCharge, maxCharge optional
}

// tierPlan is a tier with its lower bound and, for graduated prices, the
// total of the tiers below it.
type tierPlan struct {
	from, upTo decimal.Decimal
	open       bool
	unitPrice  decimal.Decimal
	flatFee    decimal.Decimal
	before     decimal.Decimal // graduated: total of the tiers below, used in full
}

// newPlan prepares p, which must be valid, for evaluation.
func newPlan(id string, cur money.Currency, p Pricing) plan {
	pl := plan{
		id:        id,
		model:     p.Model,
		cur:       cur,
		percent:   p.Percent,
		minFee:    optionalOf(p.MinFee),
		maxFee:    optionalOf(p.MaxFee),
		minCharge: optionalOf(p.MinCharge),
		maxCharge: optionalOf(p.MaxCharge),
	}
	switch p.Model {
	case ModelFlat:
		pl.price = p.FlatAmount
	case ModelPerUnit:
		pl.price = p.UnitPrice
	case ModelPackage:
		pl.price, pl.size = p.PackagePrice, p.PackageSize
	case ModelGraduated, ModelVolume:
		pl.tiers = make([]tierPlan, len(p.Tiers))
		var from, before decimal.Decimal
		for i, t := range p.Tiers {
			tp := tierPlan{from: from, upTo: t.UpTo.Decimal, open: !t.UpTo.Valid,
				unitPrice: t.UnitPrice, flatFee: t.FlatFee, before: before}
			pl.tiers[i] = tp
			if tp.open || p.Model != ModelGraduated {
				from = tp.upTo
				continue
			}
			width := tp.upTo.Sub(from)
			amount := width.Mul(tp.unitPrice).Add(tp.flatFee)
			pl.full = append(pl.full, Line{Tier: i + 1, From: from, Quantity: width,
				UnitPrice: tp.unitPrice, FlatFee: tp.flatFee, Amount: money.New(amount, cur)})
			before = before.Add(amount)
			from = tp.upTo
		}
	}
	return pl
}

// tierOf returns the index of the tier that quantity q > 0 falls into.
func (pl *plan) tierOf(q decimal.Decimal) int {
	return sort.Search(len(pl.tiers), func(i int) bool {
		return pl.tiers[i].open || q.Cmp(pl.tiers[i].upTo) <= 0
	})
}

// evaluate prices quantity q, which must be valid, with a quantity-based
// model. It allocates nothing but the results of the decimal operations:
// the lines of full graduated tiers are shared with the plan.
func (pl *plan) evaluate(q decimal.Decimal) Evaluation {
	ev := Evaluation{Model: pl.model, Quantity: q}
	var sub decimal.Decimal
	switch pl.model {
	case ModelFlat:
		sub = pl.price
		ev.last, ev.hasLast = Line{FlatFee: pl.price}, true
	case ModelPerUnit:
		sub = q.Mul(pl.price)
		ev.last, ev.hasLast = Line{Quantity: q, UnitPrice: pl.price}, true
	case ModelPackage:
		ev.PackageSize = pl.size
		if q.Sign() > 0 {
			// The divisor is positive (validated), so QuoRound cannot fail.
			n, _ := money.QuoRound(q, pl.size, 0, money.RoundCeiling)
			sub = n.Mul(pl.price)
			ev.last, ev.hasLast = Line{Quantity: n, UnitPrice: pl.price}, true
		}
	case ModelVolume:
		if q.Sign() > 0 {
			k := pl.tierOf(q)
			t := &pl.tiers[k]
			sub = q.Mul(t.unitPrice)
			if !t.flatFee.IsZero() {
				sub = sub.Add(t.flatFee)
			}
			ev.last, ev.hasLast = Line{Tier: k + 1, Quantity: q, UnitPrice: t.unitPrice, FlatFee: t.flatFee}, true
		}
	case ModelGraduated:
		if q.Sign() > 0 {
			k := pl.tierOf(q)
			t := &pl.tiers[k]
			units := q.Sub(t.from)
			part := units.Mul(t.unitPrice)
			if !t.flatFee.IsZero() {
				part = part.Add(t.flatFee)
			}
			sub = part
			if k > 0 {
				sub = t.before.Add(part)
			}
			// Full capacity: appending to the shared prefix must copy it.
			ev.prefix = pl.full[:k:k]
			ev.last, ev.hasLast = Line{Tier: k + 1, From: t.from, Quantity: units,
				UnitPrice: t.unitPrice, FlatFee: t.flatFee, Amount: money.New(part, pl.cur)}, true
			pl.finish(&ev, sub)
			return ev
		}
	}
	if ev.hasLast {
		ev.last.Amount = money.New(sub, pl.cur)
	}
	pl.finish(&ev, sub)
	return ev
}

// evaluateBases prices base amounts, which must be valid and in the price's
// currency, with the percentage model.
func (pl *plan) evaluateBases(bases []money.Amount) Evaluation {
	ev := Evaluation{Model: pl.model, Percent: pl.percent}
	lines := make([]Line, 0, len(bases))
	var sub decimal.Decimal
	for _, base := range bases {
		// percent / 100 is an exact decimal shift: no division, no rounding.
		fee, limit := clamp(base.Number().Mul(pl.percent).Shift(-2), pl.minFee, pl.maxFee)
		lines = append(lines, Line{Base: money.New(base.Number(), pl.cur), FeeLimit: limit,
			Amount: money.New(fee, pl.cur)})
		sub = sub.Add(fee)
	}
	ev.prefix = lines
	pl.finish(&ev, sub)
	return ev
}

// finish sets the subtotal and applies the minimum and maximum charge.
func (pl *plan) finish(ev *Evaluation, sub decimal.Decimal) {
	ev.Subtotal = money.New(sub, pl.cur)
	amount, limit := clamp(sub, pl.minCharge, pl.maxCharge)
	ev.Limit = limit
	ev.Amount = money.New(amount, pl.cur)
}

// clamp returns d raised to lo or lowered to hi, and which of them applied.
func clamp(d decimal.Decimal, lo, hi optional) (decimal.Decimal, Limit) {
	switch {
	case lo.set && d.LessThan(lo.value):
		return lo.value, LimitMinimum
	case hi.set && d.GreaterThan(hi.value):
		return hi.value, LimitMaximum
	}
	return d, ""
}
