package kpi

import (
	"maps"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/validation"
)

// ActiveCustomers returns the keys, sorted, of the customers that have at
// least one recurring line counting on day on (see MRR for when a line
// counts), whatever its amount and currency: a customer on a free plan is
// active. Customers are keyed with BuyerKey unless WithCustomerKey says
// otherwise. Faults in the contracts are a *validation.Error.
func ActiveCustomers(contracts []*quote.Contract, on date.Date, opts ...Option) ([]string, error) {
	cfg := newConfig(opts)
	var errs validation.Errors
	requireDate(&errs, "on", on)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	lines, _, err := recurringLines(contracts, &cfg, false)
	if err != nil {
		return nil, err
	}
	return activeOn(lines, on), nil
}

// activeOn returns the sorted keys of the customers with a line counting
// on day on.
func activeOn(lines []recurringLine, on date.Date) []string {
	set := map[string]struct{}{}
	for i := range lines {
		if lines[i].activeOn(on) {
			set[lines[i].customer] = struct{}{}
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// Cohort is the retention of the customers active on a start day.
type Cohort struct {
	Start date.Date `json:"start"`
	End   date.Date `json:"end"`
	// Customers are the customers active on Start: the cohort.
	Customers []string `json:"customers"`
	// Retained are those of them still active on End; Churned the others.
	Retained []string `json:"retained"`
	Churned  []string `json:"churned"`
	// RetentionRate is len(Retained) ÷ len(Customers), rounded half away
	// from zero to RateScale decimals (0.8333 is 83.33 %).
	RetentionRate decimal.Decimal `json:"retention_rate"`
	// ChurnRate is 1 − RetentionRate, so that the two always sum to 1.
	ChurnRate decimal.Decimal `json:"churn_rate"`
}

// Retention follows the cohort of the customers active on day start (see
// ActiveCustomers) to day end:
//
//	retention rate = |active on start ∩ active on end| ÷ |active on start|
//	churn rate     = 1 − retention rate
//
// Customers who become active after start are not in the cohort, so the
// rate never exceeds 1. Over a one-month span (end = start + 1 month) the
// churn rate is the monthly churn rate of LTVInput. An empty cohort is an
// *UndefinedError wrapping ErrNoCustomers; end must be after start.
func Retention(contracts []*quote.Contract, start, end date.Date, opts ...Option) (Cohort, error) {
	cfg := newConfig(opts)
	var errs validation.Errors
	requireDate(&errs, "start", start)
	requireDate(&errs, "end", end)
	if !start.IsZero() && !end.IsZero() && !end.After(start) {
		errs.Add("end", validation.CodeOutOfRange, "must be after start")
	}
	if err := errs.Err(); err != nil {
		return Cohort{}, err
	}
	lines, _, err := recurringLines(contracts, &cfg, false)
	if err != nil {
		return Cohort{}, err
	}
	c := Cohort{Start: start, End: end, Customers: activeOn(lines, start), Retained: []string{}, Churned: []string{}}
	if len(c.Customers) == 0 {
		return Cohort{}, &UndefinedError{KPI: "retention", Reason: "no customer is active on " + start.String(), Err: ErrNoCustomers}
	}
	still := activeOn(lines, end)
	for _, k := range c.Customers {
		if _, ok := slices.BinarySearch(still, k); ok {
			c.Retained = append(c.Retained, k)
		} else {
			c.Churned = append(c.Churned, k)
		}
	}
	c.RetentionRate = quo(decimal.NewFromInt(int64(len(c.Retained))), decimal.NewFromInt(int64(len(c.Customers))), RateScale)
	c.ChurnRate = one.Sub(c.RetentionRate)
	return c, nil
}
