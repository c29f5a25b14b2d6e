package schedule

import (
	"testing"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOneTimeCharges(t *testing.T) {
	plan := OneTimePlan(day("2026-03-10"), amt("500.00 EUR"))
	tests := []struct {
		name   string
		window date.Range
		want   []string
	}{
		{"in the window", span("2026-03-01", "2026-04-01"), []string{"2026-03-10: 500.00 EUR = one-time charge of 500.00 EUR"}},
		{"on the window start", span("2026-03-10", "2026-03-11"), []string{"2026-03-10: 500.00 EUR = one-time charge of 500.00 EUR"}},
		{"on the window end", span("2026-03-01", "2026-03-10"), []string{}},
		{"after the window", span("2026-01-01", "2026-02-01"), []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, err := plan.Charges(tt.window, Inputs{})
			require.NoError(t, err)
			assert.Equal(t, tt.want, strs(cs))
			for _, c := range cs {
				assert.Equal(t, span("2026-03-10", "2026-03-11"), c.Period)
			}
		})
	}
}

func TestOneTimeValidate(t *testing.T) {
	requireFault(t, OneTime{Amount: amt("1.00 EUR")}.Validate(), "date", validation.CodeRequired)
	requireFault(t, OneTime{Date: day("2026-01-01")}.Validate(), "amount", validation.CodeRequired)
	requireFault(t, OneTime{Date: day("2026-01-01"), Amount: money.New(amt("1.00 EUR").Number(), money.Currency{})}.Validate(),
		"amount", validation.CodeRequired)
	requireFault(t, OneTimePlan(date.Date{}, amt("1.00 EUR")).Validate(), "one_time.date", validation.CodeRequired)
}
