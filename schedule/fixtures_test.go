package schedule

import (
	"errors"
	"testing"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
	"github.com/stretchr/testify/require"
)

// Package-level sinks keep benchmark results alive, typed so that storing
// them costs nothing.
var (
	sinkCharges    []Charge
	sinkPeriods    []date.Range
	sinkAdjustment Adjustment
)

func day(s string) date.Date { return date.MustParse(s) }

// span returns the half-open range [a, b).
func span(a, b string) date.Range { return date.Range{Start: day(a), End: day(b)} }

func amt(s string) money.Amount { return money.MustParse(s) }

// recurring returns a valid recurring plan of amount per month from start,
// billed in advance on the anniversary, changed by the options.
func recurring(t testing.TB, start, amount string, opts ...func(*Recurring)) Plan {
	t.Helper()
	r := Recurring{
		Cycle:  Cycle{Interval: Interval{Unit: Month}, Start: day(start)},
		Amount: amt(amount),
	}
	for _, o := range opts {
		o(&r)
	}
	p := RecurringPlan(r)
	require.NoError(t, p.Validate())
	return p
}

func inArrears(r *Recurring) { r.Timing = InArrears }

func withEnd(end string) func(*Recurring) { return func(r *Recurring) { r.End = day(end) } }

func withRule(dc DayCount) func(*Recurring) { return func(r *Recurring) { r.DayCount = dc } }

func withInterval(u Unit, n int) func(*Recurring) {
	return func(r *Recurring) { r.Interval = Interval{Unit: u, Count: n} }
}

func withCalendar(r *Recurring) { r.Alignment = AlignCalendar }

func withBillingDay(n int) func(*Recurring) {
	return func(r *Recurring) { r.Alignment, r.BillingDay = AlignBillingDay, n }
}

func withLeading(p LeadingPolicy) func(*Recurring) { return func(r *Recurring) { r.Leading = p } }

// requireFault asserts that err is a *validation.Error holding a fault on
// field with code.
func requireFault(t *testing.T, err error, field, code string) {
	t.Helper()
	require.Error(t, err)
	require.True(t, errors.Is(err, validation.ErrInvalid), "want a validation error, got %v", err)
	var verr *validation.Error
	require.True(t, errors.As(err, &verr))
	require.True(t, verr.Has(field, code), "want fault %s/%s in %v", field, code, err)
}

// amounts returns the amounts of charges as strings.
func amounts(cs []Charge) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Amount.String()
	}
	return out
}

// strs returns the String of each value.
func strs[T interface{ String() string }](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.String()
	}
	return out
}
