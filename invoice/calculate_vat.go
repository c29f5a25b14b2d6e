package invoice

import (
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/internal/fastdec"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/tax"
)

// vatGroup gathers the lines, allowances and charges of one VAT breakdown.
type vatGroup struct {
	key        vatKey
	lines      []int
	allowances []int
	charges    []int
	sum        decimal.Decimal // Σ line amounts + Σ charges − Σ allowances, as entered
	base       decimal.Decimal // BT-116
	vat        decimal.Decimal // BT-117
	adjust     decimal.Decimal // what net + VAT misses of the gross amount (prices with VAT)
	reason     tax.ExemptionReason
}

// taxed reports whether VAT is charged in the group at all.
func (g *vatGroup) taxed() bool { return g.key.cat.HasRate() && !g.key.rate.IsZero() }

func groupFor(groups []*vatGroup, key vatKey) ([]*vatGroup, *vatGroup) {
	for _, g := range groups {
		if g.key.equal(key) {
			return groups, g
		}
	}
	g := &vatGroup{key: key}
	return append(groups, g), g
}

// breakdown computes steps 3, 5 and 6: it groups the lines, allowances and
// charges by VAT category and rate and settles each group.
func (c *calculator) breakdown(r *result) {
	d := c.doc
	var g *vatGroup
	for i := range d.Lines {
		r.groups, g = groupFor(r.groups, keyOf(d.Lines[i].VAT))
		g.lines = append(g.lines, i)
		g.sum = fastdec.Add(g.sum, r.lines[i].amount)
		if g.reason == (tax.ExemptionReason{}) {
			g.reason = d.Lines[i].ExemptionReason
		}
	}
	for i := range d.Allowances {
		r.groups, g = groupFor(r.groups, keyOf(d.Allowances[i].VAT))
		g.allowances = append(g.allowances, i)
		g.sum = fastdec.Sub(g.sum, r.allowances[i].amount)
	}
	for i := range d.Charges {
		r.groups, g = groupFor(r.groups, keyOf(d.Charges[i].VAT))
		g.charges = append(g.charges, i)
		g.sum = fastdec.Add(g.sum, r.charges[i].amount)
	}
	for _, g := range r.groups {
		c.settle(g, r)
	}
}

// settle computes the taxable amount and the VAT of one group, and the net
// amounts of its parts when prices include VAT.
func (c *calculator) settle(g *vatGroup, r *result) {
	if !g.taxed() {
		g.base = g.sum // no VAT: the amounts are net amounts
		return
	}
	rate := g.key.rate
	switch {
	case !c.inclusive && !c.perLine:
		g.base, g.vat = g.sum, c.vatOf(g.sum, rate)
	case !c.inclusive:
		g.base = g.sum
		g.forEach(r, func(p *decimal.Decimal, amount decimal.Decimal, sign int) {
			g.vat = addSigned(g.vat, c.vatOf(amount, rate), sign)
		})
	case !c.perLine:
		g.base, g.vat, g.adjust = c.splitGross(g.sum, rate)
		g.forEach(r, func(net *decimal.Decimal, amount decimal.Decimal, _ int) {
			*net = c.quo(amount.Mul(hundred), hundred.Add(rate))
		})
	default:
		g.forEach(r, func(net *decimal.Decimal, amount decimal.Decimal, sign int) {
			n, v, a := c.splitGross(amount, rate)
			*net = n
			g.base = addSigned(g.base, n, sign)
			g.vat = addSigned(g.vat, v, sign)
			g.adjust = addSigned(g.adjust, a, sign)
		})
	}
	c.applyLimit(g)
	if c.inclusive {
		c.distribute(g, r)
	}
}

// forEach calls fn for each part of the group with a pointer to its net
// amount, its amount as entered, and +1 for lines and charges or -1 for
// allowances.
func (g *vatGroup) forEach(r *result, fn func(net *decimal.Decimal, amount decimal.Decimal, sign int)) {
	for _, i := range g.lines {
		fn(&r.lines[i].net, r.lines[i].amount, 1)
	}
	for _, i := range g.charges {
		fn(&r.charges[i].net, r.charges[i].amount, 1)
	}
	for _, i := range g.allowances {
		fn(&r.allowances[i].net, r.allowances[i].amount, -1)
	}
}

func addSigned(x, y decimal.Decimal, sign int) decimal.Decimal {
	if sign < 0 {
		return fastdec.Sub(x, y)
	}
	return fastdec.Add(x, y)
}

// vatOf returns net × rate ÷ 100, rounded.
func (c *calculator) vatOf(net, rate decimal.Decimal) decimal.Decimal {
	return c.quo(net.Mul(rate), hundred)
}

// split returns the taxable amount, VAT and adjustment of a breakdown whose
// amount as priced is x, rounding per breakdown.
func (c *calculator) split(x, rate decimal.Decimal) (base, vat, adjust decimal.Decimal) {
	if c.inclusive {
		return c.splitGross(x, rate)
	}
	return x, c.vatOf(x, rate), decimal.Decimal{}
}

// splitGross splits a gross amount into a net amount and its VAT (step 5):
// the net whose rounded VAT completes the gross exactly, if one exists, and
// otherwise the rounded gross ÷ (1 + rate) with the missing minor unit
// returned as adjust. f(N) = N + round(N × r) grows with N by one or two
// minor units at a time, and f(round(G ÷ (1 + r))) is within one unit of G,
// so a solution, when there is one, is that net or one unit next to it.
func (c *calculator) splitGross(gross, rate decimal.Decimal) (net, vat, adjust decimal.Decimal) {
	n0 := c.quo(gross.Mul(hundred), hundred.Add(rate))
	for _, n := range [...]decimal.Decimal{n0, n0.Sub(c.unit), n0.Add(c.unit)} {
		v := c.vatOf(n, rate)
		if n.Add(v).Equal(gross) {
			return n, v, decimal.Decimal{}
		}
	}
	v := c.vatOf(n0, rate)
	return n0, v, gross.Sub(n0).Sub(v)
}

// applyLimit applies the credit limit of the group's breakdown, if the
// document (a credit note) has one. Rounding per breakdown, the credit note
// takes the difference between the breakdown of everything credited with
// it and the breakdown of everything credited before it, both computed as
// the invoice's own: VAT is rounded on the cumulated amount, so the credit
// notes of an invoice add up to its VAT exactly, and each one is within one
// minor unit of its taxable amount × rate. Rounding per line, a credit note
// that credits all that remains takes the remaining amounts, and none takes
// more VAT than remains.
func (c *calculator) applyLimit(g *vatGroup) {
	for _, l := range c.doc.CreditLimits {
		if !keyOf(VAT{l.Category, l.Rate}).equal(g.key) {
			continue
		}
		if !c.perLine {
			prior := l.Credited.Number()
			pb, pv, pa := c.split(prior, g.key.rate)
			nb, nv, na := c.split(fastdec.Add(prior, g.sum), g.key.rate)
			g.base, g.vat, g.adjust = fastdec.Sub(nb, pb), fastdec.Sub(nv, pv), fastdec.Sub(na, pa)
			return
		}
		base, vat := l.TaxableAmount.Number(), l.TaxAmount.Number()
		switch {
		case g.sum.Equal(l.Amount.Number()):
			g.base, g.vat = base, vat
			if c.inclusive {
				g.adjust = fastdec.Sub(fastdec.Sub(g.sum, base), vat)
			}
		case g.vat.Sign()*vat.Sign() >= 0 && g.vat.Abs().Cmp(vat.Abs()) > 0:
			g.vat = vat
			if c.inclusive {
				g.base, g.adjust = fastdec.Sub(g.sum, vat), decimal.Decimal{}
			}
		}
		return
	}
}

// distribute makes the net amounts of the group's parts sum exactly to its
// taxable amount (step 6): the difference goes to the part with the largest
// amount, lines first, then charges, then allowances.
func (c *calculator) distribute(g *vatGroup, r *result) {
	var sum decimal.Decimal
	g.forEach(r, func(net *decimal.Decimal, _ decimal.Decimal, sign int) {
		sum = addSigned(sum, *net, sign)
	})
	diff := fastdec.Sub(g.base, sum)
	if diff.IsZero() {
		return
	}
	var target *decimal.Decimal
	sign := 1
	var largest decimal.Decimal
	pick := func(net *decimal.Decimal, amount decimal.Decimal, s int) {
		if target == nil || amount.Abs().Cmp(largest) > 0 {
			target, largest, sign = net, amount.Abs(), s
		}
	}
	switch {
	case len(g.lines) > 0:
		for _, i := range g.lines {
			pick(&r.lines[i].net, r.lines[i].amount, 1)
		}
	case len(g.charges) > 0:
		for _, i := range g.charges {
			pick(&r.charges[i].net, r.charges[i].amount, 1)
		}
	default:
		for _, i := range g.allowances {
			pick(&r.allowances[i].net, r.allowances[i].amount, -1)
		}
	}
	*target = addSigned(*target, diff, sign)
}

// totals computes step 4.
func (c *calculator) totals(r *result) {
	t := &r.totals
	for i := range r.lines {
		t.lineTotal = fastdec.Add(t.lineTotal, r.lines[i].net)
	}
	for i := range r.allowances {
		t.allowanceTotal = fastdec.Add(t.allowanceTotal, r.allowances[i].net)
	}
	for i := range r.charges {
		t.chargeTotal = fastdec.Add(t.chargeTotal, r.charges[i].net)
	}
	t.taxExclusive = fastdec.Add(fastdec.Sub(t.lineTotal, t.allowanceTotal), t.chargeTotal)
	t.rounding = c.doc.RoundingAmount.Number()
	for _, g := range r.groups {
		t.vat = fastdec.Add(t.vat, g.vat)
		t.rounding = fastdec.Add(t.rounding, g.adjust)
	}
	t.taxInclusive = fastdec.Add(t.taxExclusive, t.vat)
	t.prepaid = c.doc.PaidAmount.Number()
	t.due = fastdec.Add(fastdec.Sub(t.taxInclusive, t.prepaid), t.rounding)
}

// apply stores the results in d.
func (r *result) apply(d *Document) {
	cur := d.Currency
	amt := func(x decimal.Decimal) money.Amount { return money.New(x, cur) }
	inclusive := d.Pricing.PricesIncludeVAT
	for i := range d.Lines {
		l, lc := &d.Lines[i], &r.lines[i]
		l.NetAmount = amt(lc.net)
		l.GrossAmount = money.Amount{}
		if inclusive {
			l.GrossAmount = amt(lc.amount)
		}
		for j := range l.Allowances {
			applyLineAdjustment(&l.Allowances[j], lc.allowances[j], cur)
		}
		for j := range l.Charges {
			applyLineAdjustment(&l.Charges[j], lc.charges[j], cur)
		}
	}
	for i := range d.Allowances {
		applyAdjustment(&d.Allowances[i], r.allowances[i], cur)
	}
	for i := range d.Charges {
		applyAdjustment(&d.Charges[i], r.charges[i], cur)
	}
	d.VATBreakdown = make([]VATBreakdown, len(r.groups))
	for i, g := range r.groups {
		b := VATBreakdown{Category: g.key.cat, Rate: g.key.rate, TaxableAmount: amt(g.base), TaxAmount: amt(g.vat)}
		if g.key.cat.RequiresExemptionReason() {
			b.ExemptionReason = g.reason
		}
		d.VATBreakdown[i] = b
	}
	t := &r.totals
	d.Totals = Totals{
		LineTotal: amt(t.lineTotal), AllowanceTotal: amt(t.allowanceTotal), ChargeTotal: amt(t.chargeTotal),
		TaxExclusive: amt(t.taxExclusive), VAT: amt(t.vat), TaxInclusive: amt(t.taxInclusive),
		Prepaid: amt(t.prepaid), Rounding: amt(t.rounding), Due: amt(t.due),
	}
}

func applyLineAdjustment(a *LineAllowanceCharge, ac adjustmentCalc, cur money.Currency) {
	if ac.pct {
		a.Amount, a.Base = money.New(ac.amount, cur), money.New(ac.base, cur)
	}
}

func applyAdjustment(a *AllowanceCharge, ac adjustmentCalc, cur money.Currency) {
	if ac.pct {
		a.Amount, a.Base = money.New(ac.amount, cur), money.New(ac.base, cur)
	}
	a.NetAmount = money.New(ac.net, cur)
}
