package catalog_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/validation"
)

func TestBillingValidate(t *testing.T) {
	monthly := catalog.Interval{Unit: catalog.IntervalMonth, Count: 1}
	tests := []struct {
		name    string
		billing catalog.Billing
		faults  [][2]string
	}{
		{"one-time", catalog.Billing{Kind: catalog.BillingOneTime}, nil},
		{"monthly", catalog.Billing{Kind: catalog.BillingRecurring, Interval: monthly}, nil},
		{"usage", catalog.Billing{Kind: catalog.BillingUsage}, nil},
		{"usage per quarter", catalog.Billing{Kind: catalog.BillingUsage,
			Interval: catalog.Interval{Unit: catalog.IntervalQuarter, Count: 1}}, nil},
		{"missing kind", catalog.Billing{}, [][2]string{{"kind", validation.CodeRequired}}},
		{"unknown kind", catalog.Billing{Kind: "weekly"}, [][2]string{{"kind", validation.CodeNotAllowed}}},
		{"recurring without interval", catalog.Billing{Kind: catalog.BillingRecurring},
			[][2]string{{"interval", validation.CodeRequired}}},
		{"one-time with interval", catalog.Billing{Kind: catalog.BillingOneTime, Interval: monthly},
			[][2]string{{"interval", validation.CodeForbidden}}},
		{"unknown unit", catalog.Billing{Kind: catalog.BillingRecurring, Interval: catalog.Interval{Unit: "fortnight", Count: 1}},
			[][2]string{{"interval.unit", validation.CodeNotAllowed}}},
		{"zero count", catalog.Billing{Kind: catalog.BillingRecurring, Interval: catalog.Interval{Unit: catalog.IntervalYear}},
			[][2]string{{"interval.count", validation.CodeOutOfRange}}},
		{"count too large", catalog.Billing{Kind: catalog.BillingRecurring,
			Interval: catalog.Interval{Unit: catalog.IntervalDay, Count: catalog.MaxIntervalCount + 1}},
			[][2]string{{"interval.count", validation.CodeOutOfRange}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.billing.Validate()
			if tt.faults == nil {
				assert.NoError(t, err)
				return
			}
			requireFaults(t, err, tt.faults...)
		})
	}
}

func TestIntervalString(t *testing.T) {
	tests := []struct {
		interval catalog.Interval
		want     string
	}{
		{catalog.Interval{}, ""},
		{catalog.Interval{Unit: catalog.IntervalMonth, Count: 1}, "1 month"},
		{catalog.Interval{Unit: catalog.IntervalMonth, Count: 3}, "3 months"},
		{catalog.Interval{Unit: catalog.IntervalWeek, Count: 2}, "2 weeks"},
		{catalog.Interval{Unit: catalog.IntervalYear, Count: 1}, "1 year"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.interval.String())
		})
	}
}

func TestBillingKindAndUnitValid(t *testing.T) {
	for _, k := range []catalog.BillingKind{catalog.BillingOneTime, catalog.BillingRecurring, catalog.BillingUsage} {
		assert.True(t, k.Valid(), k)
	}
	assert.False(t, catalog.BillingKind("monthly").Valid())
	for _, u := range []catalog.IntervalUnit{catalog.IntervalDay, catalog.IntervalWeek, catalog.IntervalMonth,
		catalog.IntervalQuarter, catalog.IntervalYear} {
		assert.True(t, u.Valid(), u)
	}
	assert.False(t, catalog.IntervalUnit("").Valid())
}
