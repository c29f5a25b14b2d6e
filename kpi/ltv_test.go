package kpi_test

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/kpi"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

func margin(s string) decimal.NullDecimal { return decimal.NewNullDecimal(dec(s)) }

func TestLifetimeValue(t *testing.T) {
	tests := []struct {
		name string
		in   kpi.LTVInput
		want string // ARPA × margin ÷ churn, rounded to the currency
	}{
		// 50 × 0.8 ÷ 0.03 = 1333.333… -> 1333.33
		{"with margin", kpi.LTVInput{ARPA: amt("50.00 EUR"), MonthlyChurn: dec("0.03"), GrossMargin: margin("0.8")}, "1333.33 EUR"},
		// 100 × 1 ÷ 0.05 = 2000
		{"default margin is 100 %", kpi.LTVInput{ARPA: amt("100.00 EUR"), MonthlyChurn: dec("0.05")}, "2000.00 EUR"},
		// 99.99 ÷ 0.07 = 1428.428571… -> 1428.43
		{"rounds half away from zero", kpi.LTVInput{ARPA: amt("99.99 EUR"), MonthlyChurn: dec("0.07"), GrossMargin: margin("1")}, "1428.43 EUR"},
		// 1000 ÷ 0.03 = 33333.33… -> 33333 (JPY has no minor unit)
		{"currency precision", kpi.LTVInput{ARPA: amt("1000 JPY"), MonthlyChurn: dec("0.03")}, "33333 JPY"},
		// ARPA kept at extra precision: 77.75 × 0.6 ÷ 0.3333 = 139.9640… -> 139.96
		{"from a cohort", kpi.LTVInput{ARPA: amt("77.750000 EUR"), MonthlyChurn: dec("0.3333"), GrossMargin: margin("0.6")}, "139.96 EUR"},
		// a zero margin gives a zero value, not an error
		{"zero margin", kpi.LTVInput{ARPA: amt("50.00 EUR"), MonthlyChurn: dec("0.1"), GrossMargin: margin("0")}, "0.00 EUR"},
		// everybody leaves within the month: LTV = one month of margin
		{"full churn", kpi.LTVInput{ARPA: amt("50.00 EUR"), MonthlyChurn: dec("1"), GrossMargin: margin("0.5")}, "25.00 EUR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := kpi.LifetimeValue(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.String())
		})
	}
}

func TestLifetimeValueZeroChurn(t *testing.T) {
	_, err := kpi.LifetimeValue(kpi.LTVInput{ARPA: amt("50.00 EUR"), MonthlyChurn: decimal.Zero})
	var ue *kpi.UndefinedError
	require.True(t, errors.As(err, &ue), "got %v", err)
	assert.Equal(t, "lifetime value", ue.KPI)
	assert.ErrorIs(t, err, kpi.ErrZeroChurn)
	assert.ErrorIs(t, err, kpi.ErrUndefined)
}

func TestLifetimeValueRejectsBadInput(t *testing.T) {
	tests := []struct {
		name  string
		in    kpi.LTVInput
		field string
	}{
		{"no ARPA", kpi.LTVInput{MonthlyChurn: dec("0.1")}, "arpa"},
		{"negative ARPA", kpi.LTVInput{ARPA: amt("-1.00 EUR"), MonthlyChurn: dec("0.1")}, "arpa"},
		{"negative churn", kpi.LTVInput{ARPA: amt("1.00 EUR"), MonthlyChurn: dec("-0.1")}, "monthly_churn"},
		{"churn above 1", kpi.LTVInput{ARPA: amt("1.00 EUR"), MonthlyChurn: dec("1.5")}, "monthly_churn"},
		{"margin above 1", kpi.LTVInput{ARPA: amt("1.00 EUR"), MonthlyChurn: dec("0.1"), GrossMargin: margin("1.2")}, "gross_margin"},
		{"negative margin", kpi.LTVInput{ARPA: amt("1.00 EUR"), MonthlyChurn: dec("0.1"), GrossMargin: margin("-0.2")}, "gross_margin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := kpi.LifetimeValue(tt.in)
			var ve *validation.Error
			require.True(t, errors.As(err, &ve), "got %v", err)
			assert.Equal(t, tt.field, ve.Faults[0].Field)
		})
	}
}

func TestARPA(t *testing.T) {
	tests := []struct {
		revenue           string
		customers, months int
		want              string // revenue ÷ (customers × months) at 2 + 4 decimals
	}{
		{"9000.00 EUR", 10, 3, "300.00 EUR"},
		{"1000.00 EUR", 3, 1, "333.333333 EUR"},
		{"100 JPY", 3, 2, "16.6667 JPY"},
	}
	for _, tt := range tests {
		t.Run(tt.revenue, func(t *testing.T) {
			got, err := kpi.ARPA(amt(tt.revenue), tt.customers, tt.months)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.String())
		})
	}
	_, err := kpi.ARPA(amt("10.00 EUR"), 0, 1)
	assert.ErrorIs(t, err, kpi.ErrNoCustomers)
	_, err = kpi.ARPA(money.Amount{}, -1, 0)
	var ve *validation.Error
	require.True(t, errors.As(err, &ve), "got %v", err)
	assert.True(t, ve.Has("revenue", validation.CodeRequired))
	assert.True(t, ve.Has("customers", validation.CodeOutOfRange))
	assert.True(t, ve.Has("months", validation.CodeOutOfRange))
}
