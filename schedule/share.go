package schedule

import (
	"strconv"

	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
	"github.com/shopspring/decimal"
)

// hundred is 100, for percentages.
var hundred = decimal.NewFromInt(100)

// Share is the part of a plan's total that one milestone or installment
// bills: a percentage of the total, a fixed amount, or the rest. Exactly
// one of the three is set.
//
// The shares of a plan always sum exactly to its total: they are allocated
// together with money.Amount.Allocate, so "10 %, 25 %, rest" of 999.99 EUR
// gives 100.00, 250.00 and 649.99 EUR, never independently rounded parts.
type Share struct {
	// Percent is a percentage of the total, such as 10 or 12.5.
	Percent decimal.Decimal `json:"percent,omitzero"`
	// Amount is a fixed amount in the total's currency.
	Amount money.Amount `json:"amount,omitzero"`
	// Rest takes what the other shares leave of the total; a plan has at
	// most one.
	Rest bool `json:"rest,omitempty"`
}

// hasAmount reports whether s.Amount is set.
func (s Share) hasAmount() bool { return !s.Amount.Currency().IsZero() || !s.Amount.IsZero() }

// validateShares checks total and the shares, found at items[i] under
// prefix, and that they add up to the total.
func validateShares(errs *validation.Errors, prefix string, total money.Amount, shares []Share) {
	totalField := validation.Join(prefix, "total")
	checkAmount(errs, prefix, "total", total)
	if !total.Currency().IsZero() && !total.IsPositive() {
		errs.Add(totalField, validation.CodeOutOfRange, "must be positive")
	}
	itemsField := validation.Join(prefix, "items")
	if len(shares) == 0 {
		errs.Add(itemsField, validation.CodeRequired, "needs at least one item")
		return
	}
	var percents, amounts decimal.Decimal
	rests, before := 0, errs.Len()
	for i, s := range shares {
		field := itemsField + "[" + strconv.Itoa(i) + "]"
		set := 0
		if !s.Percent.IsZero() {
			set++
			if s.Percent.Sign() < 0 || s.Percent.GreaterThan(hundred) {
				errs.Add(validation.Join(field, "percent"), validation.CodeOutOfRange, "must be more than 0 and at most 100")
			}
			percents = percents.Add(s.Percent)
		}
		if s.hasAmount() {
			set++
			checkAmount(errs, field, "amount", s.Amount)
			switch {
			case s.Amount.Currency() != total.Currency():
				errs.Add(validation.Join(field, "amount"), validation.CodeMismatch,
					"must be in the currency of the total")
			case !s.Amount.IsPositive():
				errs.Add(validation.Join(field, "amount"), validation.CodeOutOfRange, "must be positive")
			}
			amounts = amounts.Add(s.Amount.Number())
		}
		if s.Rest {
			set++
			rests++
			if rests > 1 {
				errs.Add(validation.Join(field, "rest"), validation.CodeDuplicate, "only one item may take the rest")
			}
		}
		switch {
		case set == 0:
			errs.Add(field, validation.CodeRequired, "needs a percent, an amount or rest")
		case set > 1:
			errs.Add(field, validation.CodeInvalid, "must have only one of percent, amount and rest")
		}
	}
	if errs.Len() > before || total.Currency().IsZero() {
		return
	}
	if percents.GreaterThan(hundred) {
		errs.Add(itemsField, validation.CodeOutOfRange, "percentages sum to "+percents.String()+" %, over 100 %")
		return
	}
	taken := percentOf(total.Number(), percents).Add(amounts)
	switch cmp := taken.Cmp(total.Number()); {
	case cmp > 0:
		errs.Add(itemsField, validation.CodeOutOfRange,
			"shares sum to "+money.New(taken, total.Currency()).String()+", over the total "+total.String())
	case cmp < 0 && rests == 0:
		errs.Add(itemsField, validation.CodeInconsistent,
			"shares sum to "+money.New(taken, total.Currency()).String()+", not the total "+total.String()+
				"; add a rest item or adjust them")
	}
}

// allocateShares splits total between valid shares, exactly, and explains
// each part.
func allocateShares(total money.Amount, shares []Share) ([]money.Amount, []Explanation, error) {
	weights := make([]decimal.Decimal, len(shares))
	rest := -1
	taken := decimal.Zero
	for i, s := range shares {
		switch {
		case s.Rest:
			rest = i
			continue
		case s.hasAmount():
			weights[i] = s.Amount.Number()
		default:
			weights[i] = percentOf(total.Number(), s.Percent)
		}
		taken = taken.Add(weights[i])
	}
	if rest >= 0 {
		weights[rest] = total.Number().Sub(taken)
	}
	parts, err := total.Allocate(weights...)
	if err != nil {
		return nil, nil, err
	}
	explained := make([]Explanation, len(shares))
	for i, s := range shares {
		e := Explanation{Base: total}
		switch {
		case s.Rest:
			e.Basis, e.Part = BasisRest, total.Number().Sub(parts[i].Number())
		case s.hasAmount():
			e.Basis, e.Part = BasisFixed, s.Amount.Number()
		default:
			e.Basis, e.Part = BasisPercent, s.Percent
		}
		explained[i] = e
	}
	return parts, explained, nil
}

// percentOf returns n × p / 100, exactly.
func percentOf(n, p decimal.Decimal) decimal.Decimal { return n.Mul(p).Shift(-2) }
