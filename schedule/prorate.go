package schedule

import (
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
	"github.com/shopspring/decimal"
)

// Adjustment is the outcome of a mid-period change: the credits to record,
// and the plans that replace the changed one.
//
// The host records Credits as charges of their own, and replaces the plan
// with Before (the old terms, now ending) and After (the new terms, now
// starting). Between them, Before, After and Credits bill every day once:
//
//   - Billed in advance, with the period already billed and ProrateNow:
//     Before keeps the billed period whole and ends with it, Credits gives
//     back the unused part of what was billed, and After bills the rest of
//     the period under the new terms from the effective date.
//   - Otherwise with ProrateNow: Before ends on the effective date (its
//     last period is prorated) and After starts on it, with the rest of the
//     period prorated.
//   - AtNextPeriod: Before ends with the current period, After starts with
//     the next one.
//   - NoProration: Before ends with the current period; After starts on the
//     effective date and does not charge for the rest of the period (on a
//     period's first day, After starts with the next period).
//
// After keeps the plan's period boundaries, whatever its alignment and
// interval: it carries the plan's anchor along (Cycle.Anchor), so that it
// renews on the days the plan would have. When it starts inside the
// changed period it bills the rest of it as the share of the new price
// that the days used leave, measured as the plan measured them
// (Recurring.ProrateFrom): what the credit gave back, or what Before
// leaves unbilled. The days of a free leading period stay free.
//
// Preview lists, for review only, the charges that Before and After will
// bill for the changed period and that are not billed yet; Net adds them
// to the credits. Do not record the preview: Before.Charges and
// After.Charges produce it.
type Adjustment struct {
	// Kind is the kind of change.
	Kind ChangeKind `json:"kind"`
	// Policy is the policy applied.
	Policy Policy `json:"policy"`
	// Effective is the first day under the new terms.
	Effective date.Date `json:"effective"`
	// Period is the billing period in which the change falls.
	Period date.Range `json:"period"`
	// Credits are the credits to record: negative charges for the unused
	// part of what was billed, due on the effective date.
	Credits []Charge `json:"credits"`
	// Preview lists the charges still to be billed for Period by Before and
	// After. It is for review; do not record it.
	Preview []Charge `json:"preview"`
	// Net is the sum of Credits and Preview: what the change period will
	// still cost.
	Net money.Amount `json:"net"`
	// Before is the plan under the old terms, ending; nil for a
	// resumption and when it would have no day of service left.
	Before *Plan `json:"before,omitempty"`
	// After is the plan under the new terms; nil for a cancellation, for a
	// pause without a resume date, and when the plan ends first.
	After *Plan `json:"after,omitempty"`
}

// Prorate applies a mid-period change to a recurring plan. For a
// resumption, plan holds the terms to resume, typically the plan as it was
// before the pause.
//
// Credits are computed from what was actually billed (change.Billed),
// never from the current price, and split it exactly: the used and the
// credited parts add up to the amount billed. When what was billed is what
// the plan bills for the period, the part used is what the plan bills for
// the days used, so that a period billed in advance and one billed in
// arrears cost the same; otherwise what was billed is split in proportion
// to the days used and unused under the plan's day-count rule.
//
// Within the changed period, the old terms and the new ones price their
// days from the same origin (the period's first day, or the day its
// billing began), each part rounded to the currency's precision, half away
// from zero, as the difference of two cumulative prorations. So:
//
//   - a change to the same price costs nothing, under every day-count
//     rule and however many times the period changes, when what was
//     billed is the plan's own price: the new terms bill exactly what the
//     credit gave back (or what Before leaves unbilled);
//   - a single change in a whole period (one the plan's start or end does
//     not cut) costs no more than the period's price under the dearer
//     terms. Each part is rounded on its own, so a period cut short, or
//     changed n times at different prices, may cost up to n minor units
//     more than its price under the dearest terms;
//   - the plans returned keep the plan's period boundaries.
//
// A plan that is not recurring is a *KindError wrapping ErrNotRecurring;
// an invalid plan or change is a *validation.Error (with the plan's faults
// under "plan").
func Prorate(plan Plan, change Change) (Adjustment, error) {
	var errs validation.Errors
	errs.MergeAt("plan", plan.Validate())
	if errs.Len() > 0 {
		return Adjustment{}, errs.Err()
	}
	if plan.Kind != KindRecurring {
		return Adjustment{}, &KindError{Op: "prorate", Kind: plan.Kind, Err: ErrNotRecurring}
	}
	r := plan.Recurring
	k, err := r.calc()
	if err != nil {
		return Adjustment{}, err
	}
	x := change.Effective
	var current, full date.Range
	if !x.IsZero() && !x.Before(r.Start) && (r.End.IsZero() || x.Before(r.End)) {
		if current, full, err = k.period(k.index(x)); err != nil {
			return Adjustment{}, err
		}
	}
	change.validate(&errs, r, current)
	if err := errs.Err(); err != nil {
		return Adjustment{}, err
	}
	p := prorating{r: r, k: &k, ch: &change, current: current, full: full}
	return p.run()
}

// prorating holds the state of one Prorate call.
type prorating struct {
	r       *Recurring
	k       *calc
	ch      *Change
	current date.Range // the plan's period containing the effective date
	full    date.Range // the full period it belongs to
}

func (p *prorating) run() (Adjustment, error) {
	x, policy := p.ch.Effective, p.ch.policy()
	adj := Adjustment{Kind: p.ch.Kind, Policy: policy, Effective: x, Period: p.current, Credits: []Charge{}}
	billed := p.ch.Billed != nil
	var beforeEnd date.Date
	switch policy {
	case ProrateNow:
		beforeEnd = x
		if billed {
			beforeEnd = p.current.End
			credit, err := p.credit()
			if err != nil {
				return Adjustment{}, err
			}
			adj.Credits = append(adj.Credits, credit)
		}
	case AtNextPeriod:
		beforeEnd = p.current.End
		adj.Effective = p.current.End
	case NoProration:
		beforeEnd = p.current.End
	}
	if p.ch.Kind != ChangeResume {
		adj.Before = p.before(beforeEnd)
	}
	switch {
	case p.ch.Kind.repricing():
		start := adj.Effective
		if policy == NoProration && x == p.current.Start {
			// The current period is billed as it was, in full: the new
			// terms start with the next one.
			start = p.current.End
		}
		adj.After = p.after(*p.ch.Amount, start, policy)
	case p.ch.Kind == ChangeResume:
		adj.Effective = p.resumeDay(x, policy)
		adj.After = p.after(p.r.Amount, x, policy)
	case p.ch.Kind == ChangePause && !p.ch.Resume.IsZero():
		adj.After = p.after(p.r.Amount, p.ch.Resume, policy)
	}
	if err := p.preview(&adj, billed); err != nil {
		return Adjustment{}, err
	}
	return adj, nil
}

// credit returns the credit for the part of the billed amount after the
// effective date.
//
// When what was billed is what the plan bills for the period, the credit
// is what the plan bills for the days after the effective date, priced
// from the same origin: the days used keep exactly what the plan bills for
// them, as Before would bill them had the period not been billed yet.
// Otherwise (a discount, an older price) what was billed is split in
// proportion to the measures of the days used and unused.
func (p *prorating) credit() (Charge, error) {
	b, x := p.ch.Billed, p.ch.Effective
	unused := Charge{Period: date.Range{Start: x, End: b.Period.End}, BillingDate: x}
	if x == b.Period.Start {
		used, _, err := p.r.DayCount.measure(b.Period, p.full, p.k.months)
		if err != nil {
			return Charge{}, err
		}
		unused.Amount = b.Amount.Neg()
		unused.Explanation = Explanation{Basis: BasisCredit, Base: b.Amount, Part: decimal.NewFromInt(used),
			Whole: decimal.NewFromInt(used), Rule: p.r.DayCount.orDefault(), Span: unused.Period}
		return unused, nil
	}
	// The days are measured as the plan measured them when it billed the
	// period: from the period's start when it billed it as a whole, from
	// the day its leading period is measured from otherwise.
	from, origin := p.r.pricedFrom(p.current, p.full)
	own, err := p.r.charge(p.current, p.full, p.k)
	if err != nil {
		return Charge{}, err
	}
	if own.Amount.Equal(b.Amount) && own.Explanation.Basis != BasisFree {
		amount, e, err := spanPrice(p.r.Amount, origin, x, b.Period.End, p.full, p.k.months, p.r.DayCount)
		if err != nil {
			return Charge{}, err
		}
		unused.Amount, unused.Explanation = amount.Neg(), e
		unused.Explanation.Basis = BasisCredit
		return unused, nil
	}
	rule, span := p.r.DayCount, date.Range{Start: from, End: b.Period.End}
	nothing, err := measuresNothing(rule, origin, span, p.full, p.k.months)
	if err != nil {
		return Charge{}, err
	}
	if nothing {
		// The rule gives the days billed no measure (a week within the
		// started month that whole months count): they weigh alike.
		rule, span, origin = DayCountActual, b.Period, b.Period.Start
	}
	parts, err := split(b.Amount, span, p.full, p.k.months, rule, []date.Date{x}, origin)
	if err != nil {
		return Charge{}, err
	}
	unused.Amount = parts[1].Amount.Neg()
	unused.Explanation = parts[1].Explanation
	unused.Explanation.Basis = BasisCredit
	return unused, nil
}

// before returns the plan under the old terms ending on end, or nil when it
// would have no day left.
func (p *prorating) before(end date.Date) *Plan {
	if !end.After(p.r.Start) {
		return nil
	}
	r := *p.r
	r.End = end
	plan := RecurringPlan(r)
	return &plan
}

// resumeDay returns the first day billed under terms that apply from day
// under policy: the next period boundary for AtNextPeriod, day otherwise.
func (p *prorating) resumeDay(day date.Date, policy Policy) date.Date {
	if policy != AtNextPeriod {
		return day
	}
	if b := p.k.boundary(p.k.index(day)); b == day {
		return day
	}
	return p.k.boundary(p.k.index(day) + 1)
}

// after returns the plan under the terms amount from day on, with the
// plan's anchor and so its period boundaries, or nil when the plan ends
// first.
func (p *prorating) after(amount money.Amount, day date.Date, policy Policy) *Plan {
	start := p.resumeDay(day, policy)
	if start.IsZero() || (!p.r.End.IsZero() && !start.Before(p.r.End)) {
		return nil
	}
	r := *p.r
	r.Amount, r.Start, r.Leading, r.ProrateFrom = amount, start, LeadingProrate, date.Date{}
	// Counting periods from the plan's own anchor keeps its boundaries: a
	// calendar or billing-day anchor derived from the new start would
	// count whole intervals from another month.
	r.Anchor = p.k.anchor
	switch {
	case policy == NoProration:
		r.Leading = LeadingFree
	case p.ch.Kind == ChangeResume || !p.full.Contains(start) || start == p.full.Start:
		// A resumption, or new terms from a period boundary or from a later
		// period, start afresh.
	case start == p.current.Start:
		// The new terms take over the plan's whole leading period: they
		// bill it as the plan did.
		r.Leading, r.ProrateFrom = p.r.Leading, p.r.ProrateFrom
	case p.current.Start.After(p.full.Start) && p.r.Leading == LeadingFree:
		// The days of a free leading period stay free.
		r.Leading = LeadingFree
	default:
		// The rest of the period is billed as the share of the new price
		// that the days used leave, measured as the plan measured them:
		// what the credit gave back, or what Before left unbilled.
		if _, origin := p.r.pricedFrom(p.current, p.full); origin != start {
			r.ProrateFrom = origin
		}
	}
	plan := RecurringPlan(r)
	return &plan
}

// preview fills adj.Preview with what Before and After will bill for the
// changed period and is not billed yet, and adj.Net.
func (p *prorating) preview(adj *Adjustment, billed bool) error {
	window := p.current
	if p.r.Timing == InArrears {
		window = date.Range{Start: window.Start.AddDays(1), End: window.End.AddDays(1)}
	}
	adj.Preview = []Charge{}
	if window.IsEmpty() {
		return nil
	}
	for _, plan := range []*Plan{adj.Before, adj.After} {
		if plan == nil || (billed && plan == adj.Before) {
			continue
		}
		cs, err := plan.Charges(window, Inputs{})
		if err != nil {
			return err
		}
		adj.Preview = append(adj.Preview, cs...)
	}
	sortByBillingDate(adj.Preview)
	net := money.Zero(p.r.Amount.Currency())
	for _, cs := range [][]Charge{adj.Credits, adj.Preview} {
		for _, c := range cs {
			var err error
			if net, err = net.Add(c.Amount); err != nil {
				return err
			}
		}
	}
	adj.Net = net
	return nil
}
