package schedule

import (
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
	"slices"
)

// Kind is the kind of a billing plan. It is serialised as its string value
// and says which section of a Plan holds its terms.
type Kind string

// Kinds of plans.
const (
	KindOneTime      Kind = "one_time"     // Plan.OneTime
	KindRecurring    Kind = "recurring"    // Plan.Recurring
	KindMilestones   Kind = "milestones"   // Plan.Milestones
	KindInstallments Kind = "installments" // Plan.Installments
	KindUsage        Kind = "usage"        // Plan.Usage
)

// Kinds lists every kind of plan.
func Kinds() []Kind {
	return []Kind{KindOneTime, KindRecurring, KindMilestones, KindInstallments, KindUsage}
}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	switch k {
	case KindOneTime, KindRecurring, KindMilestones, KindInstallments, KindUsage:
		return true
	}
	return false
}

// Plan says when and how much a contract line is billed. It is a tagged
// value: Kind names the one section that holds the terms, and the other
// sections are nil. It round-trips through JSON as
// {"kind":"recurring","recurring":{...}}.
//
// A Plan is pure data: its methods read it and never change it, and the
// same plan and window always give the same charges.
type Plan struct {
	// Kind says which section holds the terms.
	Kind Kind `json:"kind"`
	// OneTime holds the terms of a one-time plan.
	OneTime *OneTime `json:"one_time,omitempty"`
	// Recurring holds the terms of a recurring plan.
	Recurring *Recurring `json:"recurring,omitempty"`
	// Milestones holds the terms of a milestone plan.
	Milestones *Milestones `json:"milestones,omitempty"`
	// Installments holds the terms of an installment plan.
	Installments *Installments `json:"installments,omitempty"`
	// Usage holds the terms of a usage plan.
	Usage *Usage `json:"usage,omitempty"`
}

// OneTimePlan returns a plan that bills amount once, on day on.
func OneTimePlan(on date.Date, amount money.Amount) Plan {
	return Plan{Kind: KindOneTime, OneTime: &OneTime{Date: on, Amount: amount}}
}

// Clone returns a deep copy of p: its sections are pointers and the
// milestones and installments are lists, so a copy made by assignment
// shares them with p. Stores and hosts that hand plans out and must not
// see them changed keep a clone.
func (p Plan) Clone() Plan {
	if p.OneTime != nil {
		v := *p.OneTime
		p.OneTime = &v
	}
	if p.Recurring != nil {
		v := *p.Recurring
		p.Recurring = &v
	}
	if p.Milestones != nil {
		v := *p.Milestones
		v.Items = slices.Clone(v.Items)
		p.Milestones = &v
	}
	if p.Installments != nil {
		v := *p.Installments
		v.Items = slices.Clone(v.Items)
		p.Installments = &v
	}
	if p.Usage != nil {
		v := *p.Usage
		p.Usage = &v
	}
	return p
}

// RecurringPlan returns a recurring plan with the terms r.
func RecurringPlan(r Recurring) Plan { return Plan{Kind: KindRecurring, Recurring: &r} }

// MilestonePlan returns a milestone plan with the terms m.
func MilestonePlan(m Milestones) Plan { return Plan{Kind: KindMilestones, Milestones: &m} }

// InstallmentPlan returns an installment plan with the terms i.
func InstallmentPlan(i Installments) Plan { return Plan{Kind: KindInstallments, Installments: &i} }

// UsagePlan returns a usage plan with the terms u.
func UsagePlan(u Usage) Plan { return Plan{Kind: KindUsage, Usage: &u} }

// Inputs are the facts a plan's charges depend on that are not terms of
// the plan: when milestones were reached, what was used and at what price.
// Plans that need none of them take the zero Inputs.
type Inputs struct {
	// Reached gives the day each reached milestone was marked reached, by
	// milestone name. Milestones that are not in the map are not reached.
	Reached map[string]date.Date
	// Usage reports the quantities used, for usage plans.
	Usage Meter
	// Pricer prices the quantities used, for usage plans.
	Pricer Pricer
}

// Validate reports every fault of the plan as a *validation.Error, with
// field paths such as "recurring.interval.unit" or "milestones.items[1].percent".
func (p Plan) Validate() error {
	var errs validation.Errors
	p.validate(&errs)
	return errs.Err()
}

func (p *Plan) validate(errs *validation.Errors) {
	sections := [...]struct {
		kind  Kind
		name  string
		isSet bool
	}{
		{KindOneTime, "one_time", p.OneTime != nil},
		{KindRecurring, "recurring", p.Recurring != nil},
		{KindMilestones, "milestones", p.Milestones != nil},
		{KindInstallments, "installments", p.Installments != nil},
		{KindUsage, "usage", p.Usage != nil},
	}
	switch {
	case p.Kind == "":
		errs.Add("kind", validation.CodeRequired, "is required")
	case !p.Kind.Valid():
		errs.Add("kind", validation.CodeNotAllowed, "must be one of: one_time, recurring, milestones, installments, usage")
	}
	for _, s := range sections {
		switch {
		case s.kind == p.Kind && !s.isSet:
			errs.Add(s.name, validation.CodeRequired, "is required for a "+string(p.Kind)+" plan")
		case s.kind != p.Kind && s.isSet:
			errs.Add(s.name, validation.CodeForbidden, "must be empty for a "+string(p.Kind)+" plan")
		}
	}
	switch {
	case p.Kind == KindOneTime && p.OneTime != nil:
		p.OneTime.validate(errs, "one_time")
	case p.Kind == KindRecurring && p.Recurring != nil:
		p.Recurring.validate(errs, "recurring")
	case p.Kind == KindMilestones && p.Milestones != nil:
		p.Milestones.validate(errs, "milestones")
	case p.Kind == KindInstallments && p.Installments != nil:
		p.Installments.validate(errs, "installments")
	case p.Kind == KindUsage && p.Usage != nil:
		p.Usage.validate(errs, "usage")
	}
}

// Charges returns the charges of the plan whose billing date is in window,
// ordered by billing date (charges due the same day keep the plan's order).
// See Charge for the billing date convention.
//
// Because a charge belongs to the window that contains its billing date,
// the charges of [a, c) are exactly those of [a, b) followed by those of
// [b, c), for any b between a and c: consecutive bill runs never bill a
// charge twice or miss one, and a dry run gives what the real run will.
//
// The plan is validated first; an invalid plan, window or input is a
// *validation.Error. A usage plan needs in.Usage and in.Pricer, and their
// failures are reported as a *UsageError.
func (p Plan) Charges(window date.Range, in Inputs) ([]Charge, error) {
	var errs validation.Errors
	p.validate(&errs)
	checkWindow(&errs, window)
	if p.Kind == KindMilestones && p.Milestones != nil {
		p.Milestones.checkReached(&errs, in.Reached)
	}
	if p.Kind == KindUsage {
		if in.Usage == nil {
			errs.Add("inputs.usage", validation.CodeRequired, "a usage plan needs a meter")
		}
		if in.Pricer == nil {
			errs.Add("inputs.pricer", validation.CodeRequired, "a usage plan needs a pricer")
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	var out []Charge
	var err error
	switch p.Kind {
	case KindOneTime:
		out = p.OneTime.charges(out, window)
	case KindRecurring:
		out, err = p.Recurring.charges(out, window)
	case KindMilestones:
		out, err = p.Milestones.charges(out, window, in.Reached)
	case KindInstallments:
		out, err = p.Installments.charges(out, window)
	case KindUsage:
		out, err = p.Usage.charges(out, window, in.Usage, in.Pricer)
	}
	if err != nil {
		return nil, err
	}
	if out == nil {
		out = []Charge{}
	}
	return out, nil
}

// Periods returns the billing periods of a recurring or usage plan that
// have at least one day in window; see Cycle.Periods. Other plans have no
// periods: asking for them is a *KindError wrapping ErrNoPeriods.
func (p Plan) Periods(window date.Range) ([]date.Range, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	switch p.Kind {
	case KindRecurring:
		return p.Recurring.Periods(window)
	case KindUsage:
		return p.Usage.Periods(window)
	}
	return nil, &KindError{Op: "periods", Kind: p.Kind, Err: ErrNoPeriods}
}
