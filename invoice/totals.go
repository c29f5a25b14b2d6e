package invoice

import (
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/tax"
)

// Totals are the document totals (BG-22), set by Document.Calculate. They
// always satisfy the EN 16931 identities:
//
//	LineTotal    = Σ line net amounts                  BT-106, BR-CO-10
//	TaxExclusive = LineTotal − AllowanceTotal + ChargeTotal   BT-109, BR-CO-13
//	VAT          = Σ VAT breakdown tax amounts         BT-110, BR-CO-14
//	TaxInclusive = TaxExclusive + VAT                  BT-112, BR-CO-15
//	Due          = TaxInclusive − Prepaid + Rounding   BT-115, BR-CO-16
type Totals struct {
	LineTotal      money.Amount `json:"line_total"`      // BT-106
	AllowanceTotal money.Amount `json:"allowance_total"` // BT-107
	ChargeTotal    money.Amount `json:"charge_total"`    // BT-108
	TaxExclusive   money.Amount `json:"tax_exclusive"`   // BT-109
	VAT            money.Amount `json:"vat"`             // BT-110
	TaxInclusive   money.Amount `json:"tax_inclusive"`   // BT-112
	Prepaid        money.Amount `json:"prepaid"`         // BT-113
	Rounding       money.Amount `json:"rounding"`        // BT-114
	Due            money.Amount `json:"due"`             // BT-115
}

// VATBreakdown is the VAT of one category and rate (BG-23).
type VATBreakdown struct {
	Category tax.Category    `json:"category"` // BT-118
	Rate     decimal.Decimal `json:"rate"`     // BT-119, in percent
	// TaxableAmount is the sum of the line net amounts plus the document
	// level charges minus the document level allowances of this category
	// and rate (BT-116).
	TaxableAmount money.Amount `json:"taxable_amount"`
	// TaxAmount is the VAT of the breakdown (BT-117).
	TaxAmount money.Amount `json:"tax_amount"`
	// ExemptionReason is the reason given by the breakdown's lines, for the
	// categories that require one (BT-120, BT-121).
	ExemptionReason tax.ExemptionReason `json:"exemption_reason,omitzero"`
}

// vatKey identifies a VAT breakdown: a category and a rate. Category O has
// no rate, so its key always has rate zero.
type vatKey struct {
	cat  tax.Category
	rate decimal.Decimal
}

func keyOf(v VAT) vatKey {
	if !v.Category.HasRate() {
		return vatKey{cat: v.Category}
	}
	return vatKey{cat: v.Category, rate: v.Rate}
}

func (k vatKey) equal(o vatKey) bool { return k.cat == o.cat && k.rate.Equal(o.rate) }

func (k vatKey) String() string {
	if !k.cat.HasRate() {
		return string(k.cat)
	}
	return string(k.cat) + " " + k.rate.String() + "%"
}
