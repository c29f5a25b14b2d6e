package quote

import (
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/tax"
)

// The allowance that carries a negotiated discount on an invoice line.
const (
	// DiscountReason is the reason (BT-139) of the line allowance that
	// carries a negotiated discount.
	DiscountReason = "Negotiated discount"
	// DiscountReasonCode is its UNTDID 5189 code (BT-140): 95, "Discount".
	DiscountReasonCode = "95"
)

// maxInvoiceDecimals is the number of decimals an invoice quantity or price
// may have (see invoice.Document.Calculate).
const maxInvoiceDecimals = 12

// Discount is a negotiated discount on a line: a percentage of its list
// amount or a fixed amount off it. At most one of the two is set; the zero
// Discount is no discount.
type Discount struct {
	// Percent is a percentage of the list amount, more than 0 and at most
	// 100.
	Percent decimal.Decimal `json:"percent,omitzero"`
	// Amount is an amount off the list amount, positive, in the quote's
	// currency and at its precision.
	Amount money.Amount `json:"amount,omitzero"`
}

// IsZero reports whether d is no discount.
func (d Discount) IsZero() bool { return d.Percent.IsZero() && !d.hasAmount() }

func (d Discount) hasAmount() bool { return isSet(d.Amount) }

// isSet reports whether a was given: any amount with a currency, or a
// non-zero one. The zero Amount without currency stands for "not given".
func isSet(a money.Amount) bool { return !a.Currency().IsZero() || !a.IsZero() }

// ListPrice is what the catalogue charges for a line's quantity, and how
// it appears on an invoice line.
type ListPrice struct {
	// PriceID is the ID of the catalogue price version used.
	PriceID string `json:"price_id"`
	// Evaluation explains the amount, tier by tier.
	Evaluation catalog.Evaluation `json:"evaluation"`
	// Amount is the exact list amount, not rounded.
	Amount money.Amount `json:"amount"`
	// UnitPrice is the list price of BaseQuantity units: the average list
	// price of one unit when it is an exact decimal, else the whole list
	// amount for the whole quantity.
	UnitPrice money.Amount `json:"unit_price"`
	// BaseQuantity is set when UnitPrice is the price of the whole
	// quantity (BT-149).
	BaseQuantity decimal.NullDecimal `json:"base_quantity,omitzero"`
}

// Terms are the negotiated terms of a line, as its invoice lines carry them:
// quantity × unit price ÷ base quantity, less the discount, with its VAT.
type Terms struct {
	Quantity decimal.Decimal `json:"quantity"`
	// UnitCode is the UN/ECE Recommendation 20 unit of the quantity.
	UnitCode string `json:"unit_code"`
	// UnitPrice is the price of BaseQuantity units before the discount:
	// the negotiated unit price, or else the list unit price.
	UnitPrice    money.Amount        `json:"unit_price"`
	BaseQuantity decimal.NullDecimal `json:"base_quantity,omitzero"`
	// Negotiated says that UnitPrice is a negotiated unit price.
	Negotiated bool `json:"negotiated,omitempty"`
	// Discount is the negotiated discount, if any.
	Discount        Discount            `json:"discount,omitzero"`
	VAT             invoice.VAT         `json:"vat"`
	ExemptionReason tax.ExemptionReason `json:"exemption_reason,omitzero"`
	// RateKind and TaxCountry say where VAT.Rate came from when the quote
	// looked it up: the product's kind of rate in the tax country, on the
	// quote date. Both are empty when the line gave its rate, or when its
	// category has no rate to look up. A contract's invoices look the
	// rate up again on their billing date (ContractLine.VATOn), so that a
	// change of rate reaches them.
	RateKind   tax.RateKind `json:"rate_kind,omitempty"`
	TaxCountry string       `json:"tax_country,omitempty"`
}

// invoiceLine returns the invoice line that bills the terms once.
func (t Terms) invoiceLine(id, name, description string) invoice.Line {
	l := invoice.Line{
		ID: id, Name: name, Description: description,
		Quantity: t.Quantity, UnitCode: t.UnitCode, UnitPrice: t.UnitPrice, BaseQuantity: t.BaseQuantity,
		VAT: t.VAT, ExemptionReason: t.ExemptionReason,
	}
	switch {
	case !t.Discount.Percent.IsZero():
		l.Allowances = []invoice.LineAllowanceCharge{{Percent: t.Discount.Percent,
			Reason: DiscountReason, ReasonCode: DiscountReasonCode}}
	case t.Discount.hasAmount():
		l.Allowances = []invoice.LineAllowanceCharge{{Amount: t.Discount.Amount,
			Reason: DiscountReason, ReasonCode: DiscountReasonCode}}
	}
	return l
}

// listPrice evaluates price for quantity q >= 0 and chooses how an invoice
// line shows it. ok is false when the list amount has more decimals than
// an invoice line can carry.
func listPrice(price catalog.Price, q decimal.Decimal) (lp ListPrice, ok bool, err error) {
	ev, err := price.Evaluate(q)
	if err != nil {
		return ListPrice{}, false, err
	}
	lp = ListPrice{PriceID: price.ID(), Evaluation: ev, Amount: ev.Amount}
	amount := ev.Amount.Number()
	if !q.IsZero() {
		if unit, rem := amount.QuoRem(q, maxInvoiceDecimals); rem.IsZero() {
			lp.UnitPrice = money.New(unit, ev.Amount.Currency())
			return lp, true, nil
		}
		lp.BaseQuantity = decimal.NewNullDecimal(q)
	}
	if amount.Exponent() < -maxInvoiceDecimals {
		rounded := amount.Round(maxInvoiceDecimals)
		if !rounded.Equal(amount) {
			return lp, false, nil
		}
		amount = rounded
	}
	lp.UnitPrice = money.New(amount, ev.Amount.Currency())
	return lp, true, nil
}
