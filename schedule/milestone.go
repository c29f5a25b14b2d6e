package schedule

import (
	"slices"
	"strconv"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// Milestones is a plan that bills shares of a total as named milestones are
// reached: "30 % at kick-off, 40 % at delivery, rest at acceptance". The day
// a milestone is reached is not part of the plan; it is given to
// Plan.Charges in Inputs.Reached, and is the milestone's billing date.
type Milestones struct {
	// Total is the amount the milestones share, positive and at the
	// currency's precision.
	Total money.Amount `json:"total"`
	// Items are the milestones, in the order they are expected.
	Items []Milestone `json:"items"`
}

// Milestone is one milestone of a Milestones plan and its share of the
// total.
type Milestone struct {
	// Name identifies the milestone within its plan, such as "Delivery".
	Name string `json:"name"`
	Share
}

// Validate reports every fault of the plan as a *validation.Error.
func (m Milestones) Validate() error {
	var errs validation.Errors
	m.validate(&errs, "")
	return errs.Err()
}

func (m *Milestones) validate(errs *validation.Errors, prefix string) {
	seen := make(map[string]bool, len(m.Items))
	for i, it := range m.Items {
		field := validation.Join(prefix, "items["+strconv.Itoa(i)+"].name")
		switch {
		case it.Name == "":
			errs.Add(field, validation.CodeRequired, "is required")
		case seen[it.Name]:
			errs.Add(field, validation.CodeDuplicate, "must be unique within the plan")
		}
		seen[it.Name] = true
	}
	validateShares(errs, prefix, m.Total, m.shares())
}

func (m *Milestones) shares() []Share {
	out := make([]Share, len(m.Items))
	for i, it := range m.Items {
		out[i] = it.Share
	}
	return out
}

// checkReached reports names in reached that are not milestones of m, and
// dates that are missing.
func (m *Milestones) checkReached(errs *validation.Errors, reached map[string]date.Date) {
	names := make([]string, 0, len(reached))
	for name := range reached {
		names = append(names, name)
	}
	slices.Sort(names) // report faults in a stable order
	for _, name := range names {
		field := "reached[" + strconv.Quote(name) + "]"
		switch {
		case !slices.ContainsFunc(m.Items, func(it Milestone) bool { return it.Name == name }):
			errs.Add(field, validation.CodeUnknown, "is not a milestone of the plan")
		case reached[name].IsZero():
			errs.Add(field, validation.CodeRequired, "needs the date the milestone was reached")
		}
	}
}

// charges appends to dst the charges of the milestones reached in window,
// ordered by date, then in plan order.
func (m *Milestones) charges(dst []Charge, window date.Range, reached map[string]date.Date) ([]Charge, error) {
	var due []int
	for i, it := range m.Items {
		if on, ok := reached[it.Name]; ok && window.Contains(on) {
			due = append(due, i)
		}
	}
	if len(due) == 0 {
		return dst, nil
	}
	parts, explained, err := allocateShares(m.Total, m.shares())
	if err != nil {
		return nil, err
	}
	first := len(dst)
	for _, i := range due {
		on := reached[m.Items[i].Name]
		dst = append(dst, Charge{
			Label: m.Items[i].Name, Period: oneDay(on), BillingDate: on,
			Amount: parts[i], Explanation: explained[i],
		})
	}
	sortByBillingDate(dst[first:])
	return dst, nil
}

// sortByBillingDate orders charges by billing date, keeping the order of
// charges due on the same day.
func sortByBillingDate(cs []Charge) {
	slices.SortStableFunc(cs, func(a, b Charge) int { return a.BillingDate.Compare(b.BillingDate) })
}
