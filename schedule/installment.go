package schedule

import (
	"strconv"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// Installments is a plan that bills shares of a total on set dates: "10 %
// at signature, 25 % at delivery, rest at acceptance", each on its planned
// day.
type Installments struct {
	// Total is the amount the installments share, positive and at the
	// currency's precision.
	Total money.Amount `json:"total"`
	// Items are the installments.
	Items []Installment `json:"items"`
}

// Installment is one installment of an Installments plan and its share of
// the total.
type Installment struct {
	// Label says what the installment is for, such as "Signature".
	Label string `json:"label,omitempty"`
	// Date is the day the installment is due.
	Date date.Date `json:"date"`
	Share
}

// Validate reports every fault of the plan as a *validation.Error.
func (p Installments) Validate() error {
	var errs validation.Errors
	p.validate(&errs, "")
	return errs.Err()
}

func (p *Installments) validate(errs *validation.Errors, prefix string) {
	for i, it := range p.Items {
		if it.Date.IsZero() {
			errs.Add(validation.Join(prefix, "items["+strconv.Itoa(i)+"].date"), validation.CodeRequired, "is required")
		}
	}
	validateShares(errs, prefix, p.Total, p.shares())
}

func (p *Installments) shares() []Share {
	out := make([]Share, len(p.Items))
	for i, it := range p.Items {
		out[i] = it.Share
	}
	return out
}

// charges appends to dst the installments due in window, ordered by date,
// then in plan order.
func (p *Installments) charges(dst []Charge, window date.Range) ([]Charge, error) {
	var due []int
	for i, it := range p.Items {
		if window.Contains(it.Date) {
			due = append(due, i)
		}
	}
	if len(due) == 0 {
		return dst, nil
	}
	parts, explained, err := allocateShares(p.Total, p.shares())
	if err != nil {
		return nil, err
	}
	first := len(dst)
	for _, i := range due {
		it := p.Items[i]
		dst = append(dst, Charge{
			Label: it.Label, Period: oneDay(it.Date), BillingDate: it.Date,
			Amount: parts[i], Explanation: explained[i],
		})
	}
	sortByBillingDate(dst[first:])
	return dst, nil
}
