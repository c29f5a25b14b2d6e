package schedule

import (
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// OneTime is a plan billed once, on a given date: a set-up fee, a licence
// bought outright.
type OneTime struct {
	// Date is the day the amount is due.
	Date date.Date `json:"date"`
	// Amount is the amount due, at the currency's precision.
	Amount money.Amount `json:"amount"`
}

// Validate reports every fault of the plan as a *validation.Error.
func (o OneTime) Validate() error {
	var errs validation.Errors
	o.validate(&errs, "")
	return errs.Err()
}

func (o *OneTime) validate(errs *validation.Errors, prefix string) {
	if o.Date.IsZero() {
		errs.Add(validation.Join(prefix, "date"), validation.CodeRequired, "is required")
	}
	checkAmount(errs, prefix, "amount", o.Amount)
}

// charges appends the charge of o to dst when it is due in window.
func (o *OneTime) charges(dst []Charge, window date.Range) []Charge {
	if !window.Contains(o.Date) {
		return dst
	}
	return append(dst, Charge{
		Period:      oneDay(o.Date),
		BillingDate: o.Date,
		Amount:      o.Amount,
		Explanation: Explanation{Basis: BasisOneTime, Base: o.Amount},
	})
}

// oneDay returns the range made of the single day d.
func oneDay(d date.Date) date.Range { return date.Range{Start: d, End: d.AddDays(1)} }
