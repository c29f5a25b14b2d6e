package schedule

import (
	"encoding/json"
	"testing"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// examplePlans returns one valid plan of each kind.
func examplePlans(t *testing.T) map[Kind]Plan {
	t.Helper()
	return map[Kind]Plan{
		KindOneTime: OneTimePlan(day("2026-03-10"), amt("500.00 EUR")),
		KindRecurring: recurring(t, "2026-01-15", "99.90 EUR", withCalendar, inArrears,
			withRule(DayCount30E360), withEnd("2027-01-15"), withLeading(LeadingFree)),
		KindMilestones: milestones(t),
		KindInstallments: InstallmentPlan(Installments{Total: amt("1000 JPY"), Items: []Installment{
			{Label: "Signature", Date: day("2026-01-05"), Share: Share{Percent: decimal.RequireFromString("12.5")}},
			{Label: "Delivery", Date: day("2026-04-05"), Share: Share{Amount: amt("300 JPY")}},
			{Label: "Acceptance", Date: day("2026-06-05"), Share: Share{Rest: true}},
		}}),
		KindUsage: UsagePlan(Usage{
			Cycle:    Cycle{Interval: Interval{Unit: Month}, Start: day("2026-01-31"), Anchor: day("2025-12-31")},
			Currency: money.USD,
		}),
	}
}

func TestPlanJSONRoundTrip(t *testing.T) {
	in := Inputs{
		Reached: map[string]date.Date{"Kick-off": day("2026-02-01"), "Acceptance": day("2026-09-01")},
		Usage:   UsageRecords{{Date: day("2026-02-03"), Quantity: decimal.NewFromInt(3)}},
		Pricer:  perUnit{price: amt("1.50 USD")},
	}
	window := span("2026-01-01", "2027-02-01")
	for kind, plan := range examplePlans(t) {
		t.Run(string(kind), func(t *testing.T) {
			require.NoError(t, plan.Validate())
			data, err := json.Marshal(plan)
			require.NoError(t, err)
			var back Plan
			require.NoError(t, json.Unmarshal(data, &back))
			again, err := json.Marshal(back)
			require.NoError(t, err)
			assert.JSONEq(t, string(data), string(again))
			assert.Equal(t, kind, back.Kind)

			want, err := plan.Charges(window, in)
			require.NoError(t, err)
			got, err := back.Charges(window, in)
			require.NoError(t, err)
			require.NotEmpty(t, want)
			assert.Equal(t, strs(want), strs(got))
		})
	}
}

func TestPlanJSONShape(t *testing.T) {
	data, err := json.Marshal(recurring(t, "2026-01-01", "100.00 EUR", inArrears))
	require.NoError(t, err)
	assert.JSONEq(t, `{"kind":"recurring","recurring":{
		"interval":{"unit":"month"},"start":"2026-01-01",
		"amount":{"amount":"100.00","currency":"EUR"},"timing":"in_arrears"}}`, string(data))
}

func TestPlanValidate(t *testing.T) {
	r := recurring(t, "2026-01-01", "100.00 EUR").Recurring
	tests := []struct {
		name  string
		plan  Plan
		field string
		code  string
	}{
		{"missing kind", Plan{Recurring: r}, "kind", validation.CodeRequired},
		{"unknown kind", Plan{Kind: "barter"}, "kind", validation.CodeNotAllowed},
		{"missing section", Plan{Kind: KindRecurring}, "recurring", validation.CodeRequired},
		{"extra section", Plan{Kind: KindRecurring, Recurring: r, OneTime: &OneTime{}}, "one_time", validation.CodeForbidden},
		{"section of another kind", Plan{Kind: KindUsage, Recurring: r}, "usage", validation.CodeRequired},
		{"faults carry the section path", Plan{Kind: KindUsage, Usage: &Usage{Currency: money.EUR}}, "usage.start", validation.CodeRequired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			requireFault(t, tt.plan.Validate(), tt.field, tt.code)
			_, err := tt.plan.Charges(span("2026-01-01", "2026-02-01"), Inputs{})
			requireFault(t, err, tt.field, tt.code)
		})
	}
}

func TestPlanChargesRejectsBadWindow(t *testing.T) {
	_, err := recurring(t, "2026-01-01", "100.00 EUR").Charges(date.Range{Start: day("2026-01-01")}, Inputs{})
	requireFault(t, err, "window", validation.CodeInvalid)
}

func TestPlanPeriods(t *testing.T) {
	plans := examplePlans(t)
	got, err := plans[KindRecurring].Periods(span("2026-01-01", "2026-03-01"))
	require.NoError(t, err)
	assert.Equal(t, []date.Range{span("2026-01-15", "2026-02-01"), span("2026-02-01", "2026-03-01")}, got)

	got, err = plans[KindUsage].Periods(span("2026-01-31", "2026-03-01"))
	require.NoError(t, err)
	assert.Equal(t, []date.Range{span("2026-01-31", "2026-02-28"), span("2026-02-28", "2026-03-31")}, got)

	for _, kind := range []Kind{KindOneTime, KindMilestones, KindInstallments} {
		t.Run(string(kind), func(t *testing.T) {
			_, err := plans[kind].Periods(span("2026-01-01", "2026-03-01"))
			require.ErrorIs(t, err, ErrNoPeriods)
			var ke *KindError
			require.ErrorAs(t, err, &ke)
			assert.Equal(t, kind, ke.Kind)
		})
	}

	_, err = Plan{Kind: KindRecurring}.Periods(span("2026-01-01", "2026-03-01"))
	requireFault(t, err, "recurring", validation.CodeRequired)
}

func TestKindsAreValid(t *testing.T) {
	for _, k := range Kinds() {
		assert.True(t, k.Valid(), k)
	}
	assert.False(t, Kind("").Valid())
}

func TestPlanCloneSharesNothing(t *testing.T) {
	for kind, p := range examplePlans(t) {
		before, err := json.Marshal(p)
		require.NoError(t, err)
		c := p.Clone()
		assert.Equal(t, p, c, kind)
		// Change every section and list of the clone.
		if c.OneTime != nil {
			c.OneTime.Amount = amt("1.00 EUR")
		}
		if c.Recurring != nil {
			c.Recurring.Amount = amt("1.00 EUR")
		}
		if c.Milestones != nil {
			c.Milestones.Items[0].Name = "changed"
			c.Milestones.Total = amt("1.00 EUR")
		}
		if c.Installments != nil {
			c.Installments.Items[0].Label = "changed"
			c.Installments.Total = amt("1.00 JPY")
		}
		if c.Usage != nil {
			c.Usage.Currency = money.JPY
		}
		after, err := json.Marshal(p)
		require.NoError(t, err)
		assert.JSONEq(t, string(before), string(after), "%s: the original changed", kind)
	}
}
