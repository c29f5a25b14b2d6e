package schedule

import (
	"testing"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/validation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// milestones returns a valid plan: 30 % at kick-off, 2000 EUR at delivery,
// the rest at acceptance, of 10000 EUR.
func milestones(t *testing.T) Plan {
	t.Helper()
	p := MilestonePlan(Milestones{
		Total: amt("10000.00 EUR"),
		Items: []Milestone{
			{Name: "Kick-off", Share: pct(30)},
			{Name: "Delivery", Share: Share{Amount: amt("2000.00 EUR")}},
			{Name: "Acceptance", Share: Share{Rest: true}},
		},
	})
	require.NoError(t, p.Validate())
	return p
}

func TestMilestoneCharges(t *testing.T) {
	plan := milestones(t)
	tests := []struct {
		name    string
		reached map[string]date.Date
		window  date.Range
		want    []string
	}{
		{"nothing reached", nil, span("2026-01-01", "2027-01-01"), []string{}},
		{"one reached", map[string]date.Date{"Kick-off": day("2026-02-10")}, span("2026-01-01", "2027-01-01"),
			[]string{`2026-02-10: 3000.00 EUR "Kick-off" = 30 % of 10000.00 EUR`}},
		{"reached outside the window", map[string]date.Date{"Kick-off": day("2026-02-10")}, span("2026-03-01", "2027-01-01"),
			[]string{}},
		{"all reached, listed by date", map[string]date.Date{
			"Acceptance": day("2026-09-01"), "Delivery": day("2026-06-01"), "Kick-off": day("2026-02-10"),
		}, span("2026-01-01", "2027-01-01"), []string{
			`2026-02-10: 3000.00 EUR "Kick-off" = 30 % of 10000.00 EUR`,
			`2026-06-01: 2000.00 EUR "Delivery" = fixed 2000.00 EUR of 10000.00 EUR`,
			`2026-09-01: 5000.00 EUR "Acceptance" = rest of 10000.00 EUR after 5000.00 EUR`,
		}},
		{"reached the same day keep the plan's order", map[string]date.Date{
			"Acceptance": day("2026-06-01"), "Kick-off": day("2026-06-01"),
		}, span("2026-06-01", "2026-06-02"), []string{
			`2026-06-01: 3000.00 EUR "Kick-off" = 30 % of 10000.00 EUR`,
			`2026-06-01: 5000.00 EUR "Acceptance" = rest of 10000.00 EUR after 5000.00 EUR`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, err := plan.Charges(tt.window, Inputs{Reached: tt.reached})
			require.NoError(t, err)
			assert.Equal(t, tt.want, strs(cs))
			for _, c := range cs {
				assert.Equal(t, 1, c.Period.Days(), "a milestone's period is its day")
			}
		})
	}
}

func TestMilestoneReachedInputs(t *testing.T) {
	plan := milestones(t)
	window := span("2026-01-01", "2027-01-01")
	_, err := plan.Charges(window, Inputs{Reached: map[string]date.Date{"Kickoff": day("2026-02-01")}})
	requireFault(t, err, `reached["Kickoff"]`, validation.CodeUnknown)

	_, err = plan.Charges(window, Inputs{Reached: map[string]date.Date{"Delivery": {}}})
	requireFault(t, err, `reached["Delivery"]`, validation.CodeRequired)
}

func TestMilestoneValidate(t *testing.T) {
	tests := []struct {
		name  string
		items []Milestone
		field string
		code  string
	}{
		{"missing name", []Milestone{{Share: Share{Rest: true}}}, "items[0].name", validation.CodeRequired},
		{"duplicate name", []Milestone{{Name: "A", Share: pct(50)}, {Name: "A", Share: pct(50)}},
			"items[1].name", validation.CodeDuplicate},
		{"percentages over 100 %", []Milestone{{Name: "A", Share: pct(60)}, {Name: "B", Share: pct(50)}},
			"items", validation.CodeOutOfRange},
		{"percentages under 100 % without rest", []Milestone{{Name: "A", Share: pct(60)}, {Name: "B", Share: pct(30)}},
			"items", validation.CodeInconsistent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Milestones{Total: amt("100.00 EUR"), Items: tt.items}
			requireFault(t, m.Validate(), tt.field, tt.code)
			requireFault(t, MilestonePlan(m).Validate(), "milestones."+tt.field, tt.code)
		})
	}
}
