package schedule

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExplanationString(t *testing.T) {
	apr := span("2026-04-16", "2026-05-01")
	tests := []struct {
		name string
		e    Explanation
		want string
	}{
		{"full period", Explanation{Basis: BasisPeriod, Base: amt("100.00 EUR"), Span: april},
			"100.00 EUR for the full period 2026-04-01..2026-04-30"},
		{"prorated by actual days", Explanation{Basis: BasisProrated, Base: amt("100.00 EUR"),
			Part: decimal.NewFromInt(15), Whole: decimal.NewFromInt(30), Rule: DayCountActual, Span: apr},
			"100.00 EUR × 15/30 days (2026-04-16..2026-04-30)"},
		{"prorated 30E/360", Explanation{Basis: BasisProrated, Base: amt("100.00 EUR"),
			Part: decimal.NewFromInt(15), Whole: decimal.NewFromInt(30), Rule: DayCount30E360, Span: apr},
			"100.00 EUR × 15/30 days (2026-04-16..2026-04-30, 30E/360)"},
		{"prorated by average month", Explanation{Basis: BasisProrated, Base: amt("100.00 EUR"),
			Part: decimal.NewFromInt(180), Whole: decimal.NewFromInt(365), Rule: DayCountAverageMonth, Span: apr},
			"100.00 EUR × 180/365 twelfths of a day (2026-04-16..2026-04-30, average month of 365/12 days)"},
		{"prorated by whole months", Explanation{Basis: BasisProrated, Base: amt("1200.00 EUR"),
			Part: decimal.NewFromInt(3), Whole: decimal.NewFromInt(12), Rule: DayCountWholeMonths, Span: span("2026-01-01", "2026-03-16")},
			"1200.00 EUR × 3/12 months (2026-01-01..2026-03-15, whole months rounded up)"},
		{"credit", Explanation{Basis: BasisCredit, Base: amt("100.00 EUR"),
			Part: decimal.NewFromInt(15), Whole: decimal.NewFromInt(30), Rule: DayCountActual, Span: apr},
			"credit for unused 100.00 EUR × 15/30 days (2026-04-16..2026-04-30)"},
		{"full price", Explanation{Basis: BasisFullPrice, Base: amt("100.00 EUR"), Span: april},
			"100.00 EUR, the full price of the period 2026-04-01..2026-04-30"},
		{"free", Explanation{Basis: BasisFree, Base: amt("100.00 EUR"), Span: apr},
			"no charge for the leading partial period 2026-04-16..2026-04-30 (100.00 EUR per full period)"},
		{"one-time", Explanation{Basis: BasisOneTime, Base: amt("500 JPY")}, "one-time charge of 500 JPY"},
		{"percent", Explanation{Basis: BasisPercent, Base: amt("1000.00 EUR"), Part: decimal.RequireFromString("12.5")},
			"12.5 % of 1000.00 EUR"},
		{"fixed", Explanation{Basis: BasisFixed, Base: amt("1000.00 EUR"), Part: decimal.RequireFromString("250")},
			"fixed 250.00 EUR of 1000.00 EUR"},
		{"rest", Explanation{Basis: BasisRest, Base: amt("1000.00 EUR"), Part: decimal.RequireFromString("350.00")},
			"rest of 1000.00 EUR after 350.00 EUR"},
		{"usage", Explanation{Basis: BasisUsage, Base: amt("12.5625 EUR"), Quantity: decimal.RequireFromString("100.5"), Span: april},
			"quantity 100.5 used during 2026-04-01..2026-04-30 priced at 12.5625 EUR"},
		{"unknown basis", Explanation{Basis: "gift"}, "gift"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.e.String())
		})
	}
}

func TestChargeString(t *testing.T) {
	c := Charge{
		Period: span("2026-01-15", "2026-02-01"), BillingDate: day("2026-01-15"), Amount: amt("100.00 EUR"),
		Explanation: Explanation{Basis: BasisFullPrice, Base: amt("100.00 EUR"), Span: span("2026-01-01", "2026-02-01")},
	}
	assert.Equal(t, "2026-01-15: 100.00 EUR for 2026-01-15..2026-01-31 = 100.00 EUR, the full price of the period 2026-01-01..2026-01-31", c.String())

	c.Explanation.Span = c.Period
	assert.Equal(t, "2026-01-15: 100.00 EUR = 100.00 EUR, the full price of the period 2026-01-15..2026-01-31", c.String())

	m := Charge{Label: "Delivery", Period: span("2026-06-01", "2026-06-02"), BillingDate: day("2026-06-01"),
		Amount: amt("250.00 EUR"), Explanation: Explanation{Basis: BasisPercent, Base: amt("1000.00 EUR"), Part: decimal.NewFromInt(25)}}
	assert.Equal(t, `2026-06-01: 250.00 EUR "Delivery" = 25 % of 1000.00 EUR`, m.String())
}

func TestChargeJSON(t *testing.T) {
	cs, err := recurring(t, "2026-01-15", "100.00 EUR", withCalendar).Charges(span("2026-01-01", "2026-01-16"), Inputs{})
	require.NoError(t, err)
	require.Len(t, cs, 1)
	data, err := json.Marshal(cs[0])
	require.NoError(t, err)
	assert.JSONEq(t, `{
		"period":{"start":"2026-01-15","end":"2026-02-01"},
		"billing_date":"2026-01-15",
		"amount":{"amount":"54.84","currency":"EUR"},
		"explanation":{"basis":"prorated","base":{"amount":"100.00","currency":"EUR"},
			"part":"17","whole":"31","rule":"actual","span":{"start":"2026-01-15","end":"2026-02-01"}}
	}`, string(data))
	var back Charge
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, cs[0].String(), back.String())
	assert.Equal(t, cs[0].Period, back.Period)
}
