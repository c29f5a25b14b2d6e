package quote

import (
	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/schedule"
	"github.com/billkit/billkit/validation"
)

// checkTemplate records the faults of a plan template under at: its amounts
// must be left empty, as they derive from the negotiated line amount. The
// rest of the plan is checked once the amounts are filled in.
func checkTemplate(errs *validation.Errors, at string, p *schedule.Plan, cur money.Currency) {
	const derived = "derives from the negotiated line amount; leave it empty"
	switch {
	case p.Kind == "":
		errs.Add(at+".kind", validation.CodeRequired, "is required")
	case !p.Kind.Valid():
		errs.Add(at+".kind", validation.CodeNotAllowed, "must be one of: one_time, recurring, milestones, installments, usage")
	case p.Kind == schedule.KindOneTime && p.OneTime != nil && isSet(p.OneTime.Amount):
		errs.Add(at+".one_time.amount", validation.CodeForbidden, derived)
	case p.Kind == schedule.KindRecurring && p.Recurring != nil && isSet(p.Recurring.Amount):
		errs.Add(at+".recurring.amount", validation.CodeForbidden, derived)
	case p.Kind == schedule.KindMilestones && p.Milestones != nil && isSet(p.Milestones.Total):
		errs.Add(at+".milestones.total", validation.CodeForbidden, derived)
	case p.Kind == schedule.KindInstallments && p.Installments != nil && isSet(p.Installments.Total):
		errs.Add(at+".installments.total", validation.CodeForbidden, derived)
	case p.Kind == schedule.KindUsage && p.Usage != nil && !p.Usage.Currency.IsZero() && p.Usage.Currency != cur:
		errs.Add(at+".usage.currency", validation.CodeMismatch, "must be the quote's currency "+cur.Code())
	}
}

// checkBilling records a fault when plan p does not bill a price the way
// the catalogue charges it: once (one-time, milestones or installments),
// every interval (recurring with the same interval) or on usage.
func checkBilling(errs *validation.Errors, at string, b catalog.Billing, p *schedule.Plan) {
	if !p.Kind.Valid() {
		return
	}
	switch b.Kind {
	case catalog.BillingOneTime:
		if p.Kind != schedule.KindOneTime && p.Kind != schedule.KindMilestones && p.Kind != schedule.KindInstallments {
			errs.Add(at+".kind", CodeBilling, "the price is charged once: bill it one_time, by milestones or by installments")
		}
	case catalog.BillingRecurring:
		switch {
		case p.Kind != schedule.KindRecurring:
			errs.Add(at+".kind", CodeBilling, "the price is charged every "+b.Interval.String()+": bill it recurring")
		case p.Recurring != nil && !sameInterval(b.Interval, p.Recurring.Interval):
			errs.Add(at+".recurring.interval", CodeBilling, "must be "+b.Interval.String()+", the interval the price is for")
		}
	case catalog.BillingUsage:
		switch {
		case p.Kind != schedule.KindUsage:
			errs.Add(at+".kind", CodeBilling, "the price is charged on usage: bill it by usage")
		case p.Usage != nil && !b.Interval.IsZero() && !sameInterval(b.Interval, p.Usage.Interval):
			errs.Add(at+".usage.interval", CodeBilling, "must be "+b.Interval.String()+", the period usage is summed over")
		}
	}
}

// sameInterval reports whether a catalogue interval and a schedule interval
// are the same length. Both packages name units alike; a zero schedule
// count means 1.
func sameInterval(c catalog.Interval, s schedule.Interval) bool {
	count := s.Count
	if count == 0 {
		count = 1
	}
	return string(c.Unit) == string(s.Unit) && c.Count == count
}

// fillPlan returns a copy of template with its amounts derived from the net
// line amount.
func fillPlan(template schedule.Plan, net money.Amount) schedule.Plan {
	p := template.Clone()
	switch {
	case p.Kind == schedule.KindOneTime && p.OneTime != nil:
		p.OneTime.Amount = net
	case p.Kind == schedule.KindRecurring && p.Recurring != nil:
		p.Recurring.Amount = net
	case p.Kind == schedule.KindMilestones && p.Milestones != nil:
		p.Milestones.Total = net
	case p.Kind == schedule.KindInstallments && p.Installments != nil:
		p.Installments.Total = net
	case p.Kind == schedule.KindUsage && p.Usage != nil:
		p.Usage.Currency = net.Currency()
	}
	return p
}

// termOf returns the service term of a valid plan: its first day and the
// day after its last (zero when it runs until further notice). Milestones
// have no dates of their own: their term starts on the day the contract
// was made.
func termOf(p schedule.Plan, signed date.Date) (start, end date.Date) {
	switch p.Kind {
	case schedule.KindOneTime:
		return p.OneTime.Date, p.OneTime.Date.AddDays(1)
	case schedule.KindRecurring:
		return p.Recurring.Start, p.Recurring.End
	case schedule.KindUsage:
		return p.Usage.Start, p.Usage.End
	case schedule.KindInstallments:
		for i, it := range p.Installments.Items {
			if i == 0 || it.Date.Before(start) {
				start = it.Date
			}
			if after := it.Date.AddDays(1); i == 0 || after.After(end) {
				end = after
			}
		}
		return start, end
	}
	return signed, date.Date{}
}
