package invoice

import "github.com/billkit/billkit/money"

// RoundingPolicy says where VAT is rounded. It is serialised as its string
// value; the zero value means RoundPerBreakdown.
type RoundingPolicy string

// Rounding policies.
const (
	// RoundPerBreakdown computes the VAT of each VAT breakdown (BG-23) once,
	// on its taxable base: BT-117 = BT-116 × BT-119 ÷ 100, rounded to the
	// currency's precision. It is the EN 16931 rule (BR-CO-17) and the
	// default.
	RoundPerBreakdown RoundingPolicy = "per_breakdown"
	// RoundPerLine computes the VAT of each line and of each document level
	// allowance and charge, rounds each, and sums them per breakdown. Some
	// point-of-sale and B2C systems work this way. The breakdown VAT can
	// then differ from BT-116 × BT-119 by a few minor units, which the CEN
	// validation artefacts accept below one unit of the currency but a
	// strict reading of BR-CO-17 does not: use it only where the host's
	// practice requires it.
	RoundPerLine RoundingPolicy = "per_line"
)

// Valid reports whether p is a known policy or the zero value.
func (p RoundingPolicy) Valid() bool {
	return p == "" || p == RoundPerBreakdown || p == RoundPerLine
}

// Pricing holds the calculation options of a document. They are part of the
// document, so that recalculating or validating it later gives the same
// result.
type Pricing struct {
	// PricesIncludeVAT says that unit prices, line allowances and charges
	// and document level allowances and charges are given VAT included, as
	// shown to consumers. Calculate then derives the amounts without VAT
	// that EN 16931 documents carry; see Document.Calculate for the method.
	PricesIncludeVAT bool `json:"prices_include_vat,omitempty"`
	// Rounding says where VAT is rounded; the zero value is RoundPerBreakdown.
	Rounding RoundingPolicy `json:"rounding,omitempty"`
	// RoundingMode is how every amount is rounded to the currency's
	// precision; the zero value is money.RoundHalfAwayFromZero, the EN 16931
	// and French practice.
	RoundingMode money.RoundingMode `json:"rounding_mode,omitempty"`
}

func (p Pricing) perLine() bool { return p.Rounding == RoundPerLine }
