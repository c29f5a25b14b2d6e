package kpi_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/kpi"
	"github.com/billkit/billkit/schedule"
	"github.com/billkit/billkit/validation"
)

func TestMonthlyAmount(t *testing.T) {
	tests := []struct {
		amount string
		iv     schedule.Interval
		want   string // hand computed, rounded half away from zero to 2 + 4 decimals
	}{
		{"100.00 EUR", schedule.Interval{Unit: schedule.Month}, "100.00 EUR"},               // zero count is 1
		{"90.00 EUR", schedule.Interval{Unit: schedule.Month, Count: 2}, "45.00 EUR"},       // 90 ÷ 2
		{"300.00 EUR", schedule.Interval{Unit: schedule.Quarter, Count: 1}, "100.00 EUR"},   // 300 ÷ 3
		{"1000.00 EUR", schedule.Interval{Unit: schedule.Year, Count: 1}, "83.333333 EUR"},  // 1000 ÷ 12 = 83.3333333…
		{"2000.00 EUR", schedule.Interval{Unit: schedule.Year, Count: 2}, "83.333333 EUR"},  // 2000 ÷ 24
		{"10.00 EUR", schedule.Interval{Unit: schedule.Week, Count: 1}, "43.333333 EUR"},    // 10 × 52 ÷ 12 = 43.3333333…
		{"30.00 EUR", schedule.Interval{Unit: schedule.Week, Count: 2}, "65.00 EUR"},        // 30 × 52 ÷ 24
		{"1.00 EUR", schedule.Interval{Unit: schedule.Day, Count: 1}, "30.416667 EUR"},      // 365 ÷ 12 = 30.4166666…
		{"1000 JPY", schedule.Interval{Unit: schedule.Year, Count: 1}, "83.3333 JPY"},       // 0 + 4 decimals
		{"1.000 KWD", schedule.Interval{Unit: schedule.Quarter, Count: 1}, "0.3333333 KWD"}, // 3 + 4 decimals
		{"-12.00 EUR", schedule.Interval{Unit: schedule.Year, Count: 1}, "-1.00 EUR"},       // a discount line stays negative
		{"0.05 EUR", schedule.Interval{Unit: schedule.Quarter, Count: 1}, "0.016667 EUR"},   // 0.0166666… rounds up
	}
	for _, tt := range tests {
		t.Run(tt.amount+" per "+tt.iv.String(), func(t *testing.T) {
			got, err := kpi.MonthlyAmount(amt(tt.amount), tt.iv)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.String())
		})
	}
}

func TestMonthlyAmountRejectsBadIntervals(t *testing.T) {
	tests := []struct {
		name  string
		iv    schedule.Interval
		field string
		code  string
	}{
		{"no unit", schedule.Interval{}, "interval.unit", validation.CodeNotAllowed},
		{"unknown unit", schedule.Interval{Unit: "fortnight"}, "interval.unit", validation.CodeNotAllowed},
		{"negative count", schedule.Interval{Unit: schedule.Month, Count: -1}, "interval.count", validation.CodeOutOfRange},
		{"huge count", schedule.Interval{Unit: schedule.Month, Count: 1001}, "interval.count", validation.CodeOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := kpi.MonthlyAmount(amt("10.00 EUR"), tt.iv)
			var ve *validation.Error
			require.True(t, errors.As(err, &ve), "got %v", err)
			assert.True(t, ve.Has(tt.field, tt.code), "got %v", err)
		})
	}
}
