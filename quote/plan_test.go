package quote

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/schedule"
	"github.com/billkit/billkit/validation"
)

func TestSameInterval(t *testing.T) {
	tests := []struct {
		name string
		c    catalog.Interval
		s    schedule.Interval
		want bool
	}{
		{"one month", catalog.Interval{Unit: catalog.IntervalMonth, Count: 1}, schedule.Interval{Unit: schedule.Month}, true},
		{"three months", catalog.Interval{Unit: catalog.IntervalMonth, Count: 3}, schedule.Interval{Unit: schedule.Month, Count: 3}, true},
		{"quarter is not three months", catalog.Interval{Unit: catalog.IntervalQuarter, Count: 1}, schedule.Interval{Unit: schedule.Month, Count: 3}, false},
		{"year", catalog.Interval{Unit: catalog.IntervalYear, Count: 1}, schedule.Interval{Unit: schedule.Year, Count: 1}, true},
		{"week and day", catalog.Interval{Unit: catalog.IntervalWeek, Count: 1}, schedule.Interval{Unit: schedule.Day, Count: 7}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, sameInterval(tt.c, tt.s))
		})
	}
}

// fillPlan tolerates a plan whose section is missing: Validate reports it.
func TestFillPlanMissingSection(t *testing.T) {
	net := money.MustParse("10.00 EUR")
	for _, k := range schedule.Kinds() {
		t.Run(string(k), func(t *testing.T) {
			p := fillPlan(schedule.Plan{Kind: k}, net)
			var ve *validation.Error
			assert.ErrorAs(t, p.Validate(), &ve)
		})
	}
}
