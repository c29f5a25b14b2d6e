package schedule

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestInterval(t *testing.T) {
	tests := []struct {
		iv     Interval
		text   string
		months int
		days   int
	}{
		{Interval{Unit: Month}, "1 month", 1, 0},
		{Interval{Unit: Month, Count: 1}, "1 month", 1, 0},
		{Interval{Unit: Quarter, Count: 2}, "2 quarters", 6, 0},
		{Interval{Unit: Year}, "1 year", 12, 0},
		{Interval{Unit: Week, Count: 2}, "2 weeks", 0, 14},
		{Interval{Unit: Day, Count: 10}, "10 days", 0, 10},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			assert.Equal(t, tt.text, tt.iv.String())
			assert.Equal(t, tt.months, tt.iv.Months())
			assert.Equal(t, tt.days, tt.iv.days())
		})
	}
}

func TestUnitsAndAlignmentsAreValid(t *testing.T) {
	for _, u := range Units() {
		assert.True(t, u.Valid(), u)
	}
	assert.False(t, Unit("").Valid())
	for _, a := range append(Alignments(), "") {
		assert.True(t, a.Valid(), a)
	}
	assert.False(t, Alignment("lunar").Valid())
	for _, tm := range []Timing{"", InAdvance, InArrears} {
		assert.True(t, tm.Valid(), tm)
	}
	assert.False(t, Timing("later").Valid())
	for _, p := range []LeadingPolicy{"", LeadingProrate, LeadingFree, LeadingFull} {
		assert.True(t, p.Valid(), p)
	}
	assert.False(t, LeadingPolicy("half").Valid())
}
