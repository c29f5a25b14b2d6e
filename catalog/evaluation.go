package catalog

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/money"
)

// Limit names a minimum or maximum that replaced a computed amount. It is
// serialised as its string value; the zero Limit means none applied.
type Limit string

// Limits.
const (
	// LimitMinimum means the amount was raised to a minimum.
	LimitMinimum Limit = "minimum"
	// LimitMaximum means the amount was lowered to a maximum.
	LimitMaximum Limit = "maximum"
)

// Line is one step of an evaluation, for an invoice line to show: units of
// one tier at one price, a flat amount, packages, or a percentage of one
// base amount. Fields that do not apply to the model are zero.
type Line struct {
	// Tier is the 1-based tier of a graduated or volume price, 0 otherwise.
	Tier int `json:"tier,omitempty"`
	// From is the quantity priced by earlier tiers of a graduated price:
	// the line prices the units above From, up to From + Quantity.
	From decimal.Decimal `json:"from,omitzero"`
	// Quantity is the number of units priced, or of packages for the
	// package model.
	Quantity decimal.Decimal `json:"quantity,omitzero"`
	// UnitPrice is the price of one unit, or one package.
	UnitPrice decimal.Decimal `json:"unit_price,omitzero"`
	// FlatFee is the flat amount of the flat model or the flat fee of a
	// tier.
	FlatFee decimal.Decimal `json:"flat_fee,omitzero"`
	// Base is the base amount of the percentage model, such as a payment.
	Base money.Amount `json:"base,omitzero"`
	// FeeLimit tells when the percentage model's minimum or maximum fee
	// replaced the computed fee.
	FeeLimit Limit `json:"fee_limit,omitempty"`
	// Amount is the exact amount of the line.
	Amount money.Amount `json:"amount"`
}

// Evaluation is the result of pricing a quantity or base amounts: the
// amount and how it was reached. It is a value: Lines returns a new slice on
// each call, so an Evaluation can be shared freely.
//
// Amounts are exact, NOT rounded to the currency's precision: 3 units at
// 0.0015 EUR are 0.0045 EUR. Rounding belongs to the invoice, which rounds
// at its documented steps (EN 16931 line net amounts); rounding here too
// would round twice.
type Evaluation struct {
	Model Model
	// Quantity is the quantity evaluated; zero for the percentage model.
	Quantity decimal.Decimal
	// PackageSize is the number of units in a package (package model).
	PackageSize decimal.Decimal
	// Percent is the rate applied to each base amount (percentage model).
	Percent decimal.Decimal
	// Subtotal is the sum of the amounts of the lines.
	Subtotal money.Amount
	// Limit tells whether the price's minimum or maximum charge replaced
	// Subtotal.
	Limit Limit
	// Amount is what the evaluation charges: Subtotal within the price's
	// minimum and maximum charge.
	Amount money.Amount

	// The lines are prefix then last (when hasLast). prefix is never
	// modified: for graduated prices it is shared with the Price, which
	// computes the lines of full tiers once.
	prefix  []Line
	last    Line
	hasLast bool
}

// Lines returns the lines that explain the amount, in order; their amounts
// sum to Subtotal. There are none for a zero quantity, except for the flat
// and per-unit models. The slice is new on each call.
func (e Evaluation) Lines() []Line {
	out := make([]Line, len(e.prefix), e.numLines())
	copy(out, e.prefix)
	if e.hasLast {
		out = append(out, e.last)
	}
	return out
}

func (e Evaluation) numLines() int {
	if e.hasLast {
		return len(e.prefix) + 1
	}
	return len(e.prefix)
}

// evaluationJSON is the JSON form of an Evaluation.
type evaluationJSON struct {
	Model       Model           `json:"model"`
	Quantity    decimal.Decimal `json:"quantity"`
	PackageSize decimal.Decimal `json:"package_size,omitzero"`
	Percent     decimal.Decimal `json:"percent,omitzero"`
	Lines       []Line          `json:"lines"`
	Subtotal    money.Amount    `json:"subtotal"`
	Limit       Limit           `json:"limit,omitempty"`
	Amount      money.Amount    `json:"amount"`
}

// MarshalJSON encodes e with its lines, so that a host can keep the
// explanation of a charge with the invoice line it produced.
func (e Evaluation) MarshalJSON() ([]byte, error) {
	return json.Marshal(evaluationJSON{Model: e.Model, Quantity: e.Quantity, PackageSize: e.PackageSize,
		Percent: e.Percent, Lines: e.Lines(), Subtotal: e.Subtotal, Limit: e.Limit, Amount: e.Amount})
}

// UnmarshalJSON decodes the form written by MarshalJSON.
func (e *Evaluation) UnmarshalJSON(data []byte) error {
	var v evaluationJSON
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*e = Evaluation{Model: v.Model, Quantity: v.Quantity, PackageSize: v.PackageSize, Percent: v.Percent,
		Subtotal: v.Subtotal, Limit: v.Limit, Amount: v.Amount, prefix: v.Lines}
	return nil
}

// String explains e on one line, such as
// "0–10 × 5.00 + 11–25 × 4.00 = 110.00 EUR". A minimum or maximum charge
// that applied is written after the subtotal:
// "0–10 × 5.00 = 50.00, minimum charge 100.00 EUR".
func (e Evaluation) String() string {
	cur := e.Amount.Currency()
	var b strings.Builder
	if e.numLines() == 0 {
		if e.Model == ModelPercentage {
			b.WriteString("no base amount")
		} else {
			b.WriteString("quantity ")
			b.WriteString(e.Quantity.String())
		}
	}
	for i, l := range e.prefix {
		if i > 0 {
			b.WriteString(" + ")
		}
		e.writeLine(&b, l, cur)
	}
	if e.hasLast {
		if len(e.prefix) > 0 {
			b.WriteString(" + ")
		}
		e.writeLine(&b, e.last, cur)
	}
	b.WriteString(" = ")
	if e.Limit == "" {
		b.WriteString(e.Amount.String())
		return b.String()
	}
	b.WriteString(plain(e.Subtotal.Number(), cur))
	b.WriteString(", ")
	b.WriteString(string(e.Limit))
	b.WriteString(" charge ")
	b.WriteString(e.Amount.String())
	return b.String()
}

func (e Evaluation) writeLine(b *strings.Builder, l Line, cur money.Currency) {
	switch e.Model {
	case ModelFlat:
		b.WriteString("flat ")
		b.WriteString(plain(l.FlatFee, cur))
		return
	case ModelGraduated:
		to := l.From.Add(l.Quantity)
		lo := l.From
		if !lo.IsZero() && lo.IsInteger() && to.IsInteger() {
			lo = lo.Add(decimal.NewFromInt(1))
		}
		b.WriteString(lo.String())
		b.WriteString("–")
		b.WriteString(to.String())
		b.WriteString(" × ")
		b.WriteString(plain(l.UnitPrice, cur))
	case ModelVolume:
		b.WriteString(l.Quantity.String())
		b.WriteString(" × ")
		b.WriteString(plain(l.UnitPrice, cur))
		b.WriteString(" (tier ")
		b.WriteString(strconv.Itoa(l.Tier))
		b.WriteString(")")
	case ModelPackage:
		b.WriteString(l.Quantity.String())
		if l.Quantity.Equal(decimal.NewFromInt(1)) {
			b.WriteString(" pack × ")
		} else {
			b.WriteString(" packs × ")
		}
		b.WriteString(plain(l.UnitPrice, cur))
		b.WriteString(" (")
		b.WriteString(e.Quantity.String())
		b.WriteString(" in packs of ")
		b.WriteString(e.PackageSize.String())
		b.WriteString(")")
	case ModelPercentage:
		b.WriteString(e.Percent.String())
		b.WriteString("% of ")
		b.WriteString(plain(l.Base.Number(), cur))
		if l.FeeLimit != "" {
			b.WriteString(" (")
			b.WriteString(string(l.FeeLimit))
			b.WriteString(" fee ")
			b.WriteString(plain(l.Amount.Number(), cur))
			b.WriteString(")")
		}
	default: // ModelPerUnit
		b.WriteString(l.Quantity.String())
		b.WriteString(" × ")
		b.WriteString(plain(l.UnitPrice, cur))
	}
	if !l.FlatFee.IsZero() {
		b.WriteString(" + flat ")
		b.WriteString(plain(l.FlatFee, cur))
	}
}

// plain writes d like an amount in cur, without the currency code: with at
// least the currency's decimals, and any further decimals d has.
func plain(d decimal.Decimal, cur money.Currency) string {
	s := money.New(d, cur).String()
	if i := strings.IndexByte(s, ' '); i >= 0 {
		s = s[:i]
	}
	return s
}
