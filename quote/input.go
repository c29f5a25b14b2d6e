package quote

import (
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/schedule"
	"github.com/billkit/billkit/tax"
)

// MaxLines is the largest number of lines a quote may have. Its text
// fields follow the lengths of the validation package: the number, price
// book, line and product IDs are codes (64 characters, one line), a line's
// description a description (4,000 characters, several lines).
const MaxLines = 1000

// Input is what a salesperson writes on a quote: the buyer, the price book
// and currency, the dates, and the lines with their negotiated terms.
// Everything else (list prices, VAT, totals, approvals needed) the Desk
// computes from the catalogue and the policy.
//
// The struct tags hold the rules a tag can say; fields the Desk checks
// itself are tagged validate:"-" so that the validator does not walk them.
type Input struct {
	// Number identifies the quote and all its revisions, such as
	// "Q-2026-0042". Required.
	Number string `json:"number" validate:"required,max=64,text"`
	// Seller is the party that makes the offer; optional until the
	// contract is invoiced. Its country is the default TaxCountry. Its
	// texts, and the Buyer's, are checked as an invoice's (see
	// invoice.MaxLines).
	Seller invoice.Party `json:"seller,omitzero" validate:"-"`
	// Buyer is the customer. Its name is required.
	Buyer invoice.Party `json:"buyer" validate:"-"`
	// Currency of every price and amount of the quote. Required.
	Currency money.Currency `json:"currency" validate:"-"`
	// BookID is the catalogue price book the lines are priced from.
	// Required.
	BookID string `json:"book_id" validate:"required,max=64,text"`
	// Date is the quote date: lines are priced at the prices, and VAT at
	// the rates, in force that day. Required.
	Date date.Date `json:"date" validate:"-"`
	// ValidUntil is the last day the buyer may accept the quote; it is
	// neither sent nor accepted after it. Required, not before Date.
	ValidUntil date.Date `json:"valid_until" validate:"-"`
	// TaxCountry is the ISO 3166-1 alpha-2 country whose VAT rates apply;
	// empty means the seller's country.
	TaxCountry string `json:"tax_country,omitempty" validate:"omitempty,iso3166_1_alpha2"`
	// RoundingMode is how amounts are rounded, here and on the invoices of
	// the contract; the zero value is money.RoundHalfAwayFromZero.
	RoundingMode money.RoundingMode `json:"rounding_mode,omitempty"`
	// Lines are the quote lines, 1 to MaxLines.
	Lines []LineInput `json:"lines" validate:"required,min=1,max=1000,dive"`
}

// LineInput is one line of a quote: a product, a quantity, the negotiated
// terms and how the line is billed.
type LineInput struct {
	// ID identifies the line within the quote and across its revisions.
	// Required, unique.
	ID string `json:"id" validate:"required,max=64,text"`
	// ProductID is the catalogue product. Required.
	ProductID string `json:"product_id" validate:"required,max=64,text"`
	// Quantity is the quantity sold, or for a usage line the quantity
	// expected per period, which the quote totals estimate. Positive,
	// below 10^15, with at most 12 decimals.
	Quantity decimal.Decimal `json:"quantity" validate:"-"`
	// Discount is a negotiated discount off the list amount.
	Discount Discount `json:"discount,omitzero" validate:"-"`
	// UnitPrice is a negotiated unit price that replaces the list price;
	// it excludes Discount. A zero amount in the quote's currency makes
	// the line free.
	UnitPrice money.Amount `json:"unit_price,omitzero" validate:"-"`
	// Description replaces the product's description on the line: at most
	// 4,000 characters, on several lines if need be.
	Description string `json:"description,omitempty" validate:"max=4000,multiline"`
	// TaxCategory replaces the product's VAT category, such as
	// tax.ReverseCharge for a business buyer in another member state.
	TaxCategory tax.Category `json:"tax_category,omitempty"`
	// VATRate replaces the rate looked up for the product's rate kind, in
	// percent. It is required for categories L and M without a rate kind.
	VATRate decimal.NullDecimal `json:"vat_rate,omitzero" validate:"-"`
	// ExemptionReason is required for categories E, and replaces the
	// default reason of AE, K, G and O.
	ExemptionReason tax.ExemptionReason `json:"exemption_reason,omitzero" validate:"-"`
	// Plan is how the line is billed, with its amounts left empty: they
	// derive from the negotiated line amount. A one-time amount, a
	// recurring amount per period, the total of milestones or
	// installments; a usage plan prices each period at the negotiated
	// terms. Required.
	Plan schedule.Plan `json:"plan" validate:"-"`
}

// clone returns a deep copy of in.
func (in Input) clone() Input {
	out := in
	if in.Lines != nil {
		out.Lines = make([]LineInput, len(in.Lines))
		for i, l := range in.Lines {
			l.Plan = l.Plan.Clone()
			out.Lines[i] = l
		}
	}
	return out
}

// taxCountry returns the country whose VAT rates apply.
func (in *Input) taxCountry() string {
	if in.TaxCountry != "" {
		return in.TaxCountry
	}
	return in.Seller.Address.Country
}

// fitDecimals returns d with at most maxInvoiceDecimals decimals, and false
// when it has more significant ones or is 10^15 or more in absolute value:
// the numbers an invoice line accepts. It checks the exponent before any
// arithmetic, so that a hostile number costs nothing.
func fitDecimals(d decimal.Decimal) (decimal.Decimal, bool) {
	const maxExponent = 15
	e := d.Exponent()
	switch {
	case d.IsZero():
		return decimal.Zero, true
	case e > maxExponent || e < -maxInvoiceDecimals-40:
		return d, false
	case e < -maxInvoiceDecimals:
		r := d.Round(maxInvoiceDecimals)
		if !r.Equal(d) {
			return d, false
		}
		d = r
	}
	return d, d.Abs().LessThan(decimal.New(1, maxExponent))
}
