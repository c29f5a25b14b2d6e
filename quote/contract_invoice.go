package quote

import (
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/schedule"
	"github.com/billkit/billkit/validation"
)

// Charges returns the charges of the line's plan whose billing date is in
// window (see schedule.Plan.Charges). A usage line prices each period at
// its negotiated terms, with the price version of the quote date: in.Pricer
// must be left nil, for a pricer of the caller's would bill other terms.
func (l ContractLine) Charges(window date.Range, in schedule.Inputs) ([]schedule.Charge, error) {
	if l.Plan.Kind == schedule.KindUsage {
		if in.Pricer != nil {
			return nil, validation.New("inputs.pricer", validation.CodeForbidden,
				"usage is priced at the contract line's negotiated terms; leave it nil")
		}
		in.Pricer = l.Pricer()
	}
	return l.Plan.Charges(window, in)
}

// Pricer returns the pricer of the line's usage: the list price of the
// quantity on the quote date with the negotiated discount, or the
// negotiated unit price, each computed as an invoice line computes it.
func (l ContractLine) Pricer() schedule.Pricer { return usagePricer{line: l} }

type usagePricer struct{ line ContractLine }

// Amount prices quantity q at the line's terms.
func (p usagePricer) Amount(q decimal.Decimal) (money.Amount, error) {
	t, err := p.line.usageTerms(q)
	if err != nil {
		return money.Amount{}, err
	}
	return invoice.LineNet(t.invoiceLine("1", p.line.Name, ""), p.line.UnitPrice.Currency(), p.line.RoundingMode)
}

// InvoiceLine returns the invoice line, with the given ID, that bills
// charge c of the line. It carries the negotiated terms (quantity, unit
// price, discount, VAT), the charge's service period and the references
// of the contract line and the quote line. A usage charge is billed for
// the quantity used.
//
// When the charge is not one whole billing of the terms (a prorated
// period, a milestone's or an installment's share, a credit), the line
// also carries an allowance, or a charge, that brings its net amount to the
// charge's amount exactly, with the charge's explanation as its reason:
// calculated with the contract's rounding mode, the line's net amount is
// always the charge's amount.
func (l ContractLine) InvoiceLine(id string, c schedule.Charge) (invoice.Line, error) {
	cur := l.UnitPrice.Currency()
	if c.Amount.Currency() != cur {
		return invoice.Line{}, validation.New("charge.amount", validation.CodeMismatch, "must be in "+cur.Code())
	}
	t := l.Terms
	if c.Explanation.Basis == schedule.BasisUsage {
		var err error
		if t, err = l.usageTerms(c.Explanation.Quantity); err != nil {
			return invoice.Line{}, err
		}
	} else if c.Amount.IsNegative() {
		t.Quantity = t.Quantity.Neg()
	}
	line := t.invoiceLine(id, l.Name, l.Description)
	net, err := invoice.LineNet(line, cur, l.RoundingMode)
	if err != nil {
		return invoice.Line{}, err
	}
	diff, err := c.Amount.Sub(net)
	if err != nil {
		return invoice.Line{}, err
	}
	switch diff.Sign() {
	case -1:
		line.Allowances = append(line.Allowances, invoice.LineAllowanceCharge{Amount: diff.Neg(), Reason: adjustment(c)})
	case 1:
		line.Charges = append(line.Charges, invoice.LineAllowanceCharge{Amount: diff, Reason: adjustment(c)})
	}
	line.Period = c.Period
	line.ContractLineRef = l.Ref()
	line.QuoteLineRef = l.QuoteLineRef()
	return line, nil
}

// adjustment is the reason of the allowance or charge that brings an
// invoice line to the amount of charge c.
func adjustment(c schedule.Charge) string {
	if c.Label != "" {
		return c.Label + ", billed as " + c.Explanation.String()
	}
	return "Billed as " + c.Explanation.String()
}

// usageTerms returns the terms of the line for quantity q used in a
// period. A zero quantity, which an invoice line cannot carry, is billed as
// one lump sum of what the price charges for nothing (a flat fee or a
// minimum charge).
func (l ContractLine) usageTerms(q decimal.Decimal) (Terms, error) {
	q, ok := fitDecimals(q)
	switch {
	case !ok:
		return Terms{}, validation.New("quantity", validation.CodeOutOfRange, outOfBounds)
	case q.IsNegative():
		return Terms{}, validation.New("quantity", validation.CodeOutOfRange, "must not be negative")
	}
	t := l.Terms
	t.Quantity = q
	if !t.Negotiated {
		lp, fits, err := listPrice(l.Price, q)
		switch {
		case err != nil:
			return Terms{}, err
		case !fits:
			return Terms{}, validation.New("quantity", validation.CodeOutOfRange,
				"the list amount "+lp.Amount.String()+" has more than 12 decimals, more than an invoice line carries")
		}
		t.UnitPrice, t.BaseQuantity = lp.UnitPrice, lp.BaseQuantity
	}
	if q.IsZero() {
		t.Quantity, t.UnitCode, t.BaseQuantity = decimal.NewFromInt(1), string(catalog.UnitLumpSum), decimal.NullDecimal{}
		if t.Negotiated {
			t.UnitPrice = money.Zero(t.UnitPrice.Currency())
		}
	}
	return t, nil
}
