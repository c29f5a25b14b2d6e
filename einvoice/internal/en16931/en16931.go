// Package en16931 derives, once for both syntaxes, the values that the UBL
// and CII writers put in the XML: amounts at the currency's precision,
// dates in each syntax's format, and each line's price and allowances and
// charges as EN 16931 states them (without VAT).
package en16931

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
)

// Specification is the specification identifier of EN 16931 (BT-24).
const Specification = "urn:cen.eu:en16931:2017"

// FoldedReason is the reason of the allowance or charge that carries the
// net amount of a line priced VAT included when its price cannot (see LineOf).
const FoldedReason = "Allowances and charges of the line, VAT excluded"

// Amount returns a at the precision of cur, such as "72.00" in EUR, "948"
// in JPY or "2.284" in KWD.
func Amount(a money.Amount, cur money.Currency) string {
	return a.Number().StringFixed(int32(cur.Digits()))
}

// Price returns a price with at least the precision of cur and more decimals
// when the price has them, such as "7.333" in EUR.
func Price(a money.Amount, cur money.Currency) string {
	places := int32(cur.Digits())
	if e := -a.Number().Exponent(); e > places {
		trimmed := strings.TrimRight(a.Number().StringFixed(e), "0")
		if i := strings.IndexByte(trimmed, '.'); i >= 0 && int32(len(trimmed)-i-1) > places {
			places = int32(len(trimmed) - i - 1)
		}
	}
	return a.Number().StringFixed(places)
}

// Decimal returns a quantity or a percentage in plain notation, such as
// "2.5" or "20".
func Decimal(d decimal.Decimal) string { return d.String() }

// ISODate returns d as YYYY-MM-DD, the date format of UBL.
func ISODate(d date.Date) string { return d.String() }

// Date102 returns d as YYYYMMDD, format 102 of UNTDID 2379 used by CII.
func Date102(d date.Date) string { return strings.ReplaceAll(d.String(), "-", "") }

// Adjustment is an allowance or a charge as the XML states it.
type Adjustment struct {
	Charge bool
	// Amount is the amount without VAT (BT-92, BT-99, BT-136, BT-141).
	Amount money.Amount
	// Percent and Base are stated when Percent is not zero (BT-93/BT-94, ...).
	Percent decimal.Decimal
	Base    money.Amount
	// Reason and ReasonCode (BT-97/BT-98, ...).
	Reason, ReasonCode string
	// VAT is the VAT of a document level allowance or charge.
	VAT invoice.VAT
}

// DocumentAdjustments returns the document level allowances, then the
// charges. With prices including VAT, their amounts are the net amounts
// Calculate derived, and no percentage is stated: it applied to amounts VAT
// included, so the base and percentage would not give the net amount.
func DocumentAdjustments(d *invoice.Document) []Adjustment {
	n := len(d.Allowances) + len(d.Charges)
	if n == 0 {
		return nil
	}
	out := make([]Adjustment, 0, n)
	add := func(charge bool, a invoice.AllowanceCharge) {
		adj := Adjustment{Charge: charge, Amount: a.NetAmount, Reason: a.Reason, ReasonCode: a.ReasonCode, VAT: a.VAT}
		if !d.Pricing.PricesIncludeVAT && !a.Percent.IsZero() {
			adj.Percent, adj.Base = a.Percent, a.Base
		}
		out = append(out, adj)
	}
	for _, a := range d.Allowances {
		add(false, a)
	}
	for _, c := range d.Charges {
		add(true, c)
	}
	return out
}

// Line is the price of a line and its allowances and charges as the XML
// states them, such that quantity × Price ÷ BaseQuantity, rounded, minus
// the allowances plus the charges is the line net amount (BT-131).
type Line struct {
	// Price is the item net price (BT-146), never negative.
	Price money.Amount
	// BaseQuantity is the item price base quantity (BT-149); zero when
	// not stated.
	BaseQuantity decimal.Decimal
	// Adjustments are the line allowances, then the charges.
	Adjustments []Adjustment
}

// LineOf returns how l is stated. For a document whose prices exclude VAT
// it is the line as it is. EN 16931 states prices without VAT: for a
// document priced VAT included, the price is the line net amount for the
// whole quantity (BT-146 = |BT-131|, BT-149 = |BT-129|), into which the
// line's allowances and charges, given VAT included, are folded. When the
// net amount and the quantity differ in sign, the price is zero and one
// allowance or charge with FoldedReason carries the net amount.
func LineOf(d *invoice.Document, l *invoice.Line) Line {
	if !d.Pricing.PricesIncludeVAT {
		out := Line{Price: l.UnitPrice}
		if l.BaseQuantity.Valid {
			out.BaseQuantity = l.BaseQuantity.Decimal
		}
		n := len(l.Allowances) + len(l.Charges)
		if n == 0 {
			return out
		}
		out.Adjustments = make([]Adjustment, 0, n)
		add := func(charge bool, a invoice.LineAllowanceCharge) {
			adj := Adjustment{Charge: charge, Amount: a.Amount, Reason: a.Reason, ReasonCode: a.ReasonCode}
			if !a.Percent.IsZero() {
				adj.Percent, adj.Base = a.Percent, a.Base
			}
			out.Adjustments = append(out.Adjustments, adj)
		}
		for _, a := range l.Allowances {
			add(false, a)
		}
		for _, c := range l.Charges {
			add(true, c)
		}
		return out
	}
	net, cur := l.NetAmount, d.Currency
	out := Line{BaseQuantity: l.Quantity.Abs()}
	if net.Sign()*l.Quantity.Sign() >= 0 {
		out.Price = net.Abs()
		return out
	}
	out.Price = money.Zero(cur)
	out.Adjustments = []Adjustment{{Charge: net.IsPositive(), Amount: net.Abs(), Reason: FoldedReason}}
	return out
}

// LegalIDScheme returns the ISO/IEC 6523 scheme of a party's legal
// registration identifier (BT-30-1, BT-47-1) when it can be told: 0002 for
// a French SIREN, 0009 for a SIRET; "" otherwise.
func LegalIDScheme(p invoice.Party) string {
	if p.Address.Country != "FR" || p.LegalID == "" {
		return ""
	}
	for i := 0; i < len(p.LegalID); i++ {
		if p.LegalID[i] < '0' || p.LegalID[i] > '9' {
			return ""
		}
	}
	switch len(p.LegalID) {
	case 9:
		return "0002"
	case 14:
		return "0009"
	}
	return ""
}
