package catalog

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// Evaluate prices quantity with a quantity-based model (every model but
// ModelPercentage) and explains the result.
//
// A zero quantity is valid: the flat model still charges its amount, the
// others give zero, and a minimum charge applies. A negative quantity, or
// one outside the bounds MaxIntegerDigits and MaxDecimals, is a
// *validation.Error on field "quantity". A percentage price, or the zero
// Price, gives a *ModelError.
//
// The amount is exact, not rounded: see Evaluation.
func (p Price) Evaluate(quantity decimal.Decimal) (Evaluation, error) {
	pl, err := p.quantityPlan(quantity)
	if err != nil {
		return Evaluation{}, err
	}
	return pl.evaluate(quantity), nil
}

// Amount prices quantity like Evaluate and returns only the exact amount.
// It makes Price a usage pricer for the schedule package.
func (p Price) Amount(quantity decimal.Decimal) (money.Amount, error) {
	pl, err := p.quantityPlan(quantity)
	if err != nil {
		return money.Amount{}, err
	}
	return pl.evaluate(quantity).Amount, nil
}

func (p Price) quantityPlan(quantity decimal.Decimal) (*plan, error) {
	if p.v == nil {
		return nil, &ModelError{}
	}
	pl := &p.v.plan
	if !pl.model.QuantityBased() {
		return nil, &ModelError{PriceID: pl.id, Model: pl.model, Want: "a base amount: use EvaluateBase"}
	}
	if err := checkQuantity(quantity); err != nil {
		return nil, err
	}
	return pl, nil
}

// EvaluateBase prices base amounts with ModelPercentage: each base amount,
// such as one payment, is charged Percent of itself, raised to MinFee or
// lowered to MaxFee; the fees are summed and the price's minimum and
// maximum charge apply to the sum. With no base amount the subtotal is zero.
//
// Base amounts must be in the price's currency (a zero Amount without
// currency counts as zero) and not negative; every fault is reported in one
// *validation.Error, on fields "bases[i]". A quantity-based price, or the
// zero Price, gives a *ModelError.
//
// The amount is exact, not rounded: see Evaluation.
func (p Price) EvaluateBase(bases ...money.Amount) (Evaluation, error) {
	if p.v == nil {
		return Evaluation{}, &ModelError{}
	}
	pl := &p.v.plan
	if pl.model != ModelPercentage {
		return Evaluation{}, &ModelError{PriceID: pl.id, Model: pl.model, Want: "a quantity: use Evaluate"}
	}
	var errs validation.Errors
	for i, base := range bases {
		field := "bases[" + strconv.Itoa(i) + "]"
		if c := base.Currency(); c != pl.cur && !(c.IsZero() && base.IsZero()) {
			errs.Add(field, validation.CodeMismatch, "is in "+c.Code()+", the price is in "+pl.cur.Code())
			continue
		}
		checkNumber(&errs, field, base.Number())
	}
	if err := errs.Err(); err != nil {
		return Evaluation{}, err
	}
	return pl.evaluateBases(bases), nil
}
