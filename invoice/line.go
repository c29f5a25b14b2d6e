package invoice

import (
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/tax"
)

// VAT is the VAT category and rate of a line (BT-151, BT-152) or of a
// document level allowance or charge (BT-95/BT-96, BT-102/BT-103).
type VAT struct {
	// Category is the EN 16931 VAT category code. Required.
	Category tax.Category `json:"category"`
	// Rate is the rate in percent, such as 20 or 5.5. It must be positive
	// for S, zero for Z, E, AE, K and G, and is left at zero for O, which
	// carries no rate.
	Rate decimal.Decimal `json:"rate"`
}

// Line is an invoice line (BG-25).
type Line struct {
	// ID identifies the line within the document (BT-126). Required, unique.
	ID string `json:"id"`
	// Name is the item name (BT-153). Required.
	Name string `json:"name"`
	// Description is the item description (BT-154).
	Description string `json:"description,omitempty"`
	// Quantity is the invoiced quantity (BT-129). Required, non-zero; a
	// negative quantity returns goods.
	Quantity decimal.Decimal `json:"quantity"`
	// UnitCode is the unit of measure of the quantity, a code of UN/ECE
	// Recommendation 20 such as "C62" (one), "HUR" (hour), "DAY", "MON"
	// (month) or "KGM" (BT-130). Required.
	UnitCode string `json:"unit_code"`
	// UnitPrice is the item net price (BT-146), in the document currency,
	// for BaseQuantity units. It includes VAT when the document's
	// Pricing.PricesIncludeVAT is set. Required, not negative.
	UnitPrice money.Amount `json:"unit_price"`
	// BaseQuantity is the number of units the price is for (BT-149), such
	// as 1000 for a price per thousand. Unset means 1; set, it must be positive.
	BaseQuantity decimal.NullDecimal `json:"base_quantity,omitzero"`
	// Allowances are the line allowances (BG-27), such as discounts.
	Allowances []LineAllowanceCharge `json:"allowances,omitempty"`
	// Charges are the line charges (BG-28).
	Charges []LineAllowanceCharge `json:"charges,omitempty"`
	// VAT is the line's VAT category and rate. Required.
	VAT VAT `json:"vat"`
	// ExemptionReason says why no VAT is charged, for the categories that
	// require one (E, AE, K, G, O). It becomes the exemption reason of the
	// line's VAT breakdown (BT-120, BT-121).
	ExemptionReason tax.ExemptionReason `json:"exemption_reason,omitzero"`
	// Period is the line's service period (BG-26).
	Period date.Range `json:"period,omitzero"`
	// ContractLineRef and QuoteLineRef identify, for the host, the contract
	// line and the quote line the invoice line comes from.
	ContractLineRef string `json:"contract_line_ref,omitempty"`
	QuoteLineRef    string `json:"quote_line_ref,omitempty"`
	// CreditedLineID is set on a credit note line: the ID of the line of
	// the corrected invoice that it credits.
	CreditedLineID string `json:"credited_line_id,omitempty"`
	// CreditedQuantity is the quantity of that invoice line that the credit
	// note line gives back; zero for a price reduction.
	CreditedQuantity decimal.Decimal `json:"credited_quantity,omitzero"`

	// NetAmount is the invoice line net amount without VAT (BT-131).
	// Calculate sets it.
	NetAmount money.Amount `json:"net_amount"`
	// GrossAmount is the line amount VAT included, as the buyer saw it,
	// when prices include VAT. Calculate sets it; it stays zero otherwise.
	GrossAmount money.Amount `json:"gross_amount,omitzero"`
}

// LineAllowanceCharge is an allowance (BG-27) or a charge (BG-28) on one
// line. It takes the VAT of its line.
type LineAllowanceCharge struct {
	// Amount is the allowance or charge amount (BT-136, BT-141), positive.
	// When Percent is set, Calculate computes it.
	Amount money.Amount `json:"amount"`
	// Percent, when set, makes the amount Base × Percent ÷ 100 (BT-138, BT-143).
	Percent decimal.Decimal `json:"percent,omitzero"`
	// Base is the amount the percentage applies to (BT-137, BT-142). Left
	// empty with a percentage, it is quantity × unit price ÷ base quantity.
	Base money.Amount `json:"base,omitzero"`
	// Reason explains the allowance or charge (BT-139, BT-144).
	Reason string `json:"reason,omitempty"`
	// ReasonCode is its UNTDID 5189 (allowance) or UNTDID 7161 (charge)
	// code (BT-140, BT-145). Reason or ReasonCode is required.
	ReasonCode string `json:"reason_code,omitempty"`
}

// clone returns a copy of l that shares no slice with it.
func (l Line) clone() Line {
	l.Allowances = append([]LineAllowanceCharge(nil), l.Allowances...)
	l.Charges = append([]LineAllowanceCharge(nil), l.Charges...)
	return l
}
