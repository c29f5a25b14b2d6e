package kpi_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/kpi"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/schedule"
	"github.com/billkit/billkit/validation"
)

func TestRetention(t *testing.T) {
	tests := []struct {
		name, start, end          string
		cohort, retained, churned []string
		retention, churn          string
	}{
		{
			// Active on 2026-01-01: Acme, Globex, Stark. On 2026-04-01 Stark has
			// left: 2 ÷ 3 = 0.66666… -> 0.6667, churn 1 − 0.6667 = 0.3333.
			name: "first quarter", start: "2026-01-01", end: "2026-04-01",
			cohort: []string{"Acme", "Globex", "Stark"}, retained: []string{"Acme", "Globex"}, churned: []string{"Stark"},
			retention: "0.6667", churn: "0.3333",
		},
		{
			// Initech joins on 2026-04-01 but is not in the cohort of 2026-03-15.
			name: "late March", start: "2026-03-15", end: "2026-04-01",
			cohort: []string{"Acme", "Globex", "Hooli", "Umbrella", "Wayne"}, retained: []string{"Acme", "Globex", "Hooli", "Umbrella", "Wayne"},
			churned: []string{}, retention: "1", churn: "0",
		},
		{
			// Stark's term ends on 2026-02-01 (exclusive): active on 01-31, gone on 02-01.
			name: "Stark's last day", start: "2026-01-31", end: "2026-02-01",
			cohort: []string{"Acme", "Globex", "Stark", "Umbrella"}, retained: []string{"Acme", "Globex", "Umbrella"},
			churned: []string{"Stark"}, retention: "0.75", churn: "0.25",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := kpi.Retention(portfolio(), day(tt.start), day(tt.end))
			require.NoError(t, err)
			assert.Equal(t, tt.cohort, c.Customers)
			assert.Equal(t, tt.retained, c.Retained)
			assert.Equal(t, tt.churned, c.Churned)
			assert.True(t, c.RetentionRate.Equal(dec(tt.retention)), "retention %s", c.RetentionRate)
			assert.True(t, c.ChurnRate.Equal(dec(tt.churn)), "churn %s", c.ChurnRate)
		})
	}
}

func TestActiveCustomersIgnoresAmountsAndCurrencies(t *testing.T) {
	cs := []*quote.Contract{
		contract("Free", every("0.00 EUR", schedule.Month, 1, "2026-01-01", "")),
		contract("Dollar", every("10.00 USD", schedule.Month, 1, "2026-01-01", "")),
		contract("Later", every("10.00 EUR", schedule.Month, 1, "2026-06-01", "")),
	}
	got, err := kpi.ActiveCustomers(cs, day("2026-01-01"))
	require.NoError(t, err)
	assert.Equal(t, []string{"Dollar", "Free"}, got)
}

func TestRetentionErrors(t *testing.T) {
	_, err := kpi.Retention(portfolio(), day("2024-01-01"), day("2024-02-01"))
	var ue *kpi.UndefinedError
	require.True(t, errors.As(err, &ue), "got %v", err)
	assert.ErrorIs(t, err, kpi.ErrNoCustomers)
	assert.ErrorIs(t, err, kpi.ErrUndefined)

	_, err = kpi.Retention(portfolio(), day("2026-02-01"), day("2026-01-01"))
	var ve *validation.Error
	require.True(t, errors.As(err, &ve), "got %v", err)
	assert.True(t, ve.Has("end", validation.CodeOutOfRange))

	_, err = kpi.ActiveCustomers([]*quote.Contract{nil}, day("2026-01-01"))
	require.True(t, errors.As(err, &ve), "got %v", err)
	assert.True(t, ve.Has("contracts[0]", validation.CodeRequired))
}
