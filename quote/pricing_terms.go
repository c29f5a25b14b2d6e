package quote

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/schedule"
	"github.com/billkit/billkit/validation"
)

const outOfBounds = "must be below 10^15 with at most 12 decimals"

// checkTerms checks the quantity and the negotiated terms of li and returns
// them normalised: at most 12 decimals, in the quote's currency.
func (p *pricing) checkTerms(at string, li *LineInput) (decimal.Decimal, Terms) {
	errs, cur := &p.errs, p.in.Currency
	q, ok := fitDecimals(li.Quantity)
	switch {
	case !ok:
		errs.Add(at+".quantity", validation.CodeOutOfRange, outOfBounds)
	case q.Sign() <= 0:
		errs.Add(at+".quantity", validation.CodeOutOfRange, "must be positive")
	}
	t := Terms{Quantity: q}
	d := li.Discount
	hasPercent, hasAmount := !d.Percent.IsZero(), d.hasAmount()
	if isSet(li.UnitPrice) {
		price, ok := fitDecimals(li.UnitPrice.Number())
		switch {
		case !cur.IsZero() && li.UnitPrice.Currency() != cur:
			errs.Add(at+".unit_price", validation.CodeMismatch, "must be in "+cur.Code()+", not "+li.UnitPrice.Currency().Code())
		case !ok:
			errs.Add(at+".unit_price", validation.CodeOutOfRange, outOfBounds)
		case price.IsNegative():
			errs.Add(at+".unit_price", validation.CodeOutOfRange, "must not be negative")
		}
		if hasPercent || hasAmount {
			errs.Add(at+".discount", validation.CodeForbidden, "must be empty with a negotiated unit price")
		}
		t.UnitPrice, t.Negotiated = money.New(price, cur), true
		return q, t
	}
	switch {
	case hasPercent && hasAmount:
		errs.Add(at+".discount", validation.CodeInvalid, "give a percent or an amount, not both")
	case hasPercent:
		pct, ok := fitDecimals(d.Percent)
		if !ok || pct.Sign() <= 0 || pct.GreaterThan(hundred) {
			errs.Add(at+".discount.percent", validation.CodeOutOfRange, "must be more than 0 and at most 100, with at most 12 decimals")
		}
		t.Discount.Percent = pct
	case hasAmount:
		a := d.Amount
		n, ok := fitDecimals(a.Number())
		switch {
		case !cur.IsZero() && a.Currency() != cur:
			errs.Add(at+".discount.amount", validation.CodeMismatch, "must be in "+cur.Code()+", not "+a.Currency().Code())
		case !ok:
			errs.Add(at+".discount.amount", validation.CodeOutOfRange, outOfBounds)
		case !n.IsPositive():
			errs.Add(at+".discount.amount", validation.CodeOutOfRange, "must be positive")
		case !cur.IsZero() && !n.Equal(n.Round(int32(cur.Digits()))):
			errs.Add(at+".discount.amount", validation.CodeInvalid,
				"must have at most "+strconv.Itoa(cur.Digits())+" decimals in "+cur.Code())
		case li.Plan.Kind == schedule.KindUsage:
			errs.Add(at+".discount.amount", validation.CodeNotAllowed,
				"a usage line takes a percent discount or a negotiated unit price, not an amount off")
		}
		t.Discount.Amount = a
	}
	return q, t
}

// termField is the field of a line whose terms make its price: the
// negotiated unit price, the discount, or with neither the product itself.
func termField(li *LineInput) string {
	switch {
	case isSet(li.UnitPrice):
		return "unit_price"
	case !li.Discount.IsZero():
		return "discount"
	}
	return "product_id"
}

// settle completes a line once the document is calculated: its net amount,
// discount, floor and guardrails, and its billing plan. It returns what the
// line needs approved, if anything.
func (p *pricing) settle(at string, li *LineInput, line *Line, calculated *invoice.Line, authorRank int) *Requirement {
	cur := p.in.Currency
	net := calculated.NetAmount
	line.NetAmount = net
	if net.IsNegative() {
		list, _ := net.Add(line.Discount.Amount) // the same currency: checked
		p.errs.Add(at+".discount.amount", validation.CodeOutOfRange, "must not exceed the list amount "+list.String())
		return nil
	}
	d := line.discount(net)
	line.DiscountPercent = d.percent()
	g := &p.desk.guard
	field := at + "." + termField(li)
	if floor, ok := g.floor(line.ProductID, p.in.BookID, cur); ok && net.Number().LessThan(floor.Number().Mul(line.Quantity)) {
		// The quantity is positive, so QuoRound cannot fail; rounding down
		// never shows a price under the floor as equal to it.
		unit, _ := money.QuoRound(net.Number(), line.Quantity, int32(cur.Digits())+2, money.RoundDown)
		p.errs.Add(field, CodeUnderFloor, "the net unit price "+money.New(unit, cur).String()+
			" is below the floor of "+floor.String())
	}
	req, ok, most := g.assess(line.ID, line.ProductID, p.in.BookID, authorRank, d)
	if !ok {
		p.errs.Add(field, CodeDiscountLimit, "the discount of "+line.DiscountPercent.String()+" % is over "+
			most.String()+" %, the most any level may grant")
	}
	line.Plan = fillPlan(li.Plan, net)
	p.errs.MergeAt(at+".plan", line.Plan.Validate())
	return req
}
