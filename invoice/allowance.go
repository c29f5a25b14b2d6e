package invoice

import (
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/money"
)

// AllowanceCharge is a document level allowance (BG-20) or charge (BG-21),
// such as a global discount or a delivery charge. It has its own VAT
// category and rate and enters the taxable base of that VAT breakdown.
type AllowanceCharge struct {
	// Amount is the allowance or charge amount (BT-92, BT-99), positive. It
	// includes VAT when the document's Pricing.PricesIncludeVAT is set.
	// When Percent is set, Calculate computes it.
	Amount money.Amount `json:"amount"`
	// Percent, when set, makes the amount Base × Percent ÷ 100 (BT-94, BT-101).
	Percent decimal.Decimal `json:"percent,omitzero"`
	// Base is the amount the percentage applies to (BT-93, BT-100). Left
	// empty with a percentage, it is the sum of the line amounts that have
	// the same VAT category and rate, so that "10 % off everything" is
	// written as one allowance per VAT rate, each with Percent 10.
	Base money.Amount `json:"base,omitzero"`
	// Reason explains the allowance or charge (BT-97, BT-104).
	Reason string `json:"reason,omitempty"`
	// ReasonCode is its UNTDID 5189 (allowance) or UNTDID 7161 (charge)
	// code (BT-98, BT-105). Reason or ReasonCode is required.
	ReasonCode string `json:"reason_code,omitempty"`
	// VAT is the VAT category and rate it belongs to (BT-95/BT-96,
	// BT-102/BT-103). Required.
	VAT VAT `json:"vat"`

	// NetAmount is the amount without VAT that EN 16931 documents carry
	// (BT-92, BT-99). Calculate sets it: it equals Amount unless prices
	// include VAT.
	NetAmount money.Amount `json:"net_amount"`
}
