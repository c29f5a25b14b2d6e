package schedule

import (
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// ChangeKind is the kind of a mid-period change to a recurring plan. It is
// serialised as its string value.
type ChangeKind string

// Kinds of changes.
const (
	// ChangeUpgrade moves to a dearer per-period amount.
	ChangeUpgrade ChangeKind = "upgrade"
	// ChangeDowngrade moves to a cheaper per-period amount.
	ChangeDowngrade ChangeKind = "downgrade"
	// ChangeQuantity changes the quantity, and so the per-period amount.
	ChangeQuantity ChangeKind = "quantity"
	// ChangeCancel ends the plan.
	ChangeCancel ChangeKind = "cancel"
	// ChangePause suspends the plan, until Change.Resume when it is set.
	ChangePause ChangeKind = "pause"
	// ChangeResume resumes a paused plan on the effective date.
	ChangeResume ChangeKind = "resume"
)

// ChangeKinds lists every kind of change.
func ChangeKinds() []ChangeKind {
	return []ChangeKind{ChangeUpgrade, ChangeDowngrade, ChangeQuantity, ChangeCancel, ChangePause, ChangeResume}
}

// Valid reports whether k is a known kind of change.
func (k ChangeKind) Valid() bool {
	switch k {
	case ChangeUpgrade, ChangeDowngrade, ChangeQuantity, ChangeCancel, ChangePause, ChangeResume:
		return true
	}
	return false
}

// repricing reports whether k changes the per-period amount.
func (k ChangeKind) repricing() bool {
	return k == ChangeUpgrade || k == ChangeDowngrade || k == ChangeQuantity
}

// Policy says how a mid-period change is billed. It is serialised as its
// string value; the zero value means ProrateNow.
type Policy string

// Proration policies.
const (
	// ProrateNow applies the change on its effective date: the unused part
	// of what was billed for the period is credited, and the rest of the
	// period is billed under the new terms.
	ProrateNow Policy = "prorate_now"
	// AtNextPeriod applies the change from the end of the period that
	// contains its effective date; the current period is billed as it was.
	AtNextPeriod Policy = "next_period"
	// NoProration applies the change on its effective date without any
	// proration: no credit, the current period is billed as it was, and
	// the new terms are not billed before the next period.
	NoProration Policy = "none"
)

// Valid reports whether p is a known policy or the zero value.
func (p Policy) Valid() bool {
	return p == "" || p == ProrateNow || p == AtNextPeriod || p == NoProration
}

// Billed is what was billed for a period: the input from which credits are
// computed. It is the amount that actually appeared on the invoice,
// whatever the price is now.
type Billed struct {
	// Period is the service period that was billed.
	Period date.Range `json:"period"`
	// Amount is the amount billed for it.
	Amount money.Amount `json:"amount"`
}

// Change is a change to a recurring plan that takes effect during a
// period.
type Change struct {
	// Kind is the kind of change.
	Kind ChangeKind `json:"kind"`
	// Effective is the first day under the new terms: the first day of the
	// upgrade, the first day without service for a cancellation or a pause,
	// the first day of service again for a resumption.
	Effective date.Date `json:"effective"`
	// Policy says how the change is billed; zero means ProrateNow.
	Policy Policy `json:"policy,omitempty"`
	// Amount is the new amount per full period, for upgrades, downgrades
	// and quantity changes.
	Amount *money.Amount `json:"amount,omitempty"`
	// Resume is the day service resumes after a pause, when it is known.
	Resume date.Date `json:"resume,omitzero"`
	// Billed is what was billed for the period that contains Effective,
	// for plans billed in advance whose current period has been billed:
	// an amount in the plan's currency, at the currency's precision, and
	// not negative (not positive for a plan of a negative amount).
	// Leave it nil when that period has not been billed yet, and always for
	// plans billed in arrears.
	Billed *Billed `json:"billed,omitempty"`
}

// policy returns the policy, with the zero value meaning ProrateNow.
func (c *Change) policy() Policy {
	if c.Policy == "" {
		return ProrateNow
	}
	return c.Policy
}

// validate checks c against the valid plan r, whose period containing the
// effective date is current (when the effective date is within the plan).
func (c *Change) validate(errs *validation.Errors, r *Recurring, current date.Range) {
	switch {
	case c.Kind == "":
		errs.Add("kind", validation.CodeRequired, "is required")
	case !c.Kind.Valid():
		errs.Add("kind", validation.CodeNotAllowed,
			"must be one of: upgrade, downgrade, quantity, cancel, pause, resume")
	}
	if !c.Policy.Valid() {
		errs.Add("policy", validation.CodeNotAllowed, "must be one of: prorate_now, next_period, none")
	}
	switch {
	case c.Effective.IsZero():
		errs.Add("effective", validation.CodeRequired, "is required")
	case c.Effective.Before(r.Start) || (!r.End.IsZero() && !c.Effective.Before(r.End)):
		errs.Add("effective", validation.CodeOutOfRange, "must be a day of service of the plan")
	}
	switch {
	case c.Kind.repricing() && c.Amount == nil:
		errs.Add("amount", validation.CodeRequired, "is required for a "+string(c.Kind))
	case c.Kind.repricing():
		checkAmount(errs, "", "amount", *c.Amount)
		if !c.Amount.Currency().IsZero() && c.Amount.Currency() != r.Amount.Currency() {
			errs.Add("amount", validation.CodeMismatch, "must be in the plan's currency, "+r.Amount.Currency().Code())
		}
	case c.Amount != nil && c.Kind.Valid():
		errs.Add("amount", validation.CodeForbidden, "must be empty for a "+string(c.Kind))
	}
	if !c.Resume.IsZero() {
		switch {
		case c.Kind != ChangePause:
			errs.Add("resume", validation.CodeForbidden, "is only allowed for a pause")
		case !c.Resume.After(c.Effective):
			errs.Add("resume", validation.CodeOutOfRange, "must be after the effective date")
		case c.policy() == AtNextPeriod && !current.IsEmpty() && !c.Resume.After(current.End):
			errs.Add("resume", validation.CodeOutOfRange, "must be after "+current.End.String()+
				", when the pause begins")
		case !r.End.IsZero() && !c.Resume.Before(r.End):
			errs.Add("resume", validation.CodeOutOfRange, "must be before the plan ends")
		}
	}
	if c.Billed != nil {
		c.validateBilled(errs, r, current)
	}
}

func (c *Change) validateBilled(errs *validation.Errors, r *Recurring, current date.Range) {
	switch {
	case c.Kind == ChangeResume:
		errs.Add("billed", validation.CodeForbidden, "must be empty when resuming")
		return
	case r.Timing == InArrears:
		errs.Add("billed", validation.CodeForbidden,
			"must be empty: a plan billed in arrears has not billed the current period")
		return
	}
	if !current.IsEmpty() && c.Billed.Period != current {
		errs.Add("billed.period", validation.CodeMismatch,
			"must be the period containing the effective date, "+current.String())
	}
	a := c.Billed.Amount
	switch cur := a.Currency(); {
	case cur.IsZero():
		errs.Add("billed.amount", validation.CodeRequired, "needs a currency")
	case cur != r.Amount.Currency():
		errs.Add("billed.amount", validation.CodeMismatch, "must be in the plan's currency, "+r.Amount.Currency().Code())
	case a.Sign() < 0 && r.Amount.Sign() >= 0:
		// A negative amount billed would turn the credit into a charge.
		errs.Add("billed.amount", validation.CodeOutOfRange, "must not be negative")
	case a.Sign() > 0 && r.Amount.Sign() < 0:
		errs.Add("billed.amount", validation.CodeOutOfRange, "must not be positive for a plan of a negative amount")
	case !atPrecision(a):
		// An invoice never carries more decimals than its currency has.
		errs.Add("billed.amount", validation.CodeInvalid, "has more decimals than "+cur.Code()+" allows")
	}
}
