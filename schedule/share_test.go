package schedule

import (
	"testing"

	"github.com/billkit/billkit/money"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAllocateShares(t *testing.T) {
	tests := []struct {
		name   string
		total  string
		shares []Share
		want   []string
	}{
		// The acceptance example: weights 10, 25, 65.
		{"10 %, 25 %, rest", "1000.00 EUR", []Share{pct(10), pct(25), {Rest: true}},
			[]string{"100.00 EUR", "250.00 EUR", "650.00 EUR"}},
		{"thirds of one cent", "0.01 EUR", []Share{{Percent: decimal.RequireFromString("33.33")},
			{Percent: decimal.RequireFromString("33.33")}, {Rest: true}},
			[]string{"0.00 EUR", "0.00 EUR", "0.01 EUR"}},
		{"fixed amounts are kept exactly", "100.00 EUR", []Share{{Amount: amt("33.33 EUR")}, pct(50), {Rest: true}},
			[]string{"33.33 EUR", "50.00 EUR", "16.67 EUR"}},
		{"fractional percentages", "999.99 EUR", []Share{{Percent: decimal.RequireFromString("12.5")},
			{Percent: decimal.RequireFromString("87.5")}}, []string{"125.00 EUR", "874.99 EUR"}},
		{"yen", "1000 JPY", []Share{pct(33), pct(33), {Rest: true}}, []string{"330 JPY", "330 JPY", "340 JPY"}},
		{"yen thirds", "100 JPY", []Share{{Percent: decimal.RequireFromString("33.5")},
			{Percent: decimal.RequireFromString("33.5")}, {Rest: true}}, []string{"34 JPY", "33 JPY", "33 JPY"}},
		{"rest of nothing", "100.00 EUR", []Share{pct(100), {Rest: true}}, []string{"100.00 EUR", "0.00 EUR"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			total := amt(tt.total)
			parts, explained, err := allocateShares(total, tt.shares)
			require.NoError(t, err)
			got := make([]string, len(parts))
			for i, p := range parts {
				got[i] = p.String()
			}
			assert.Equal(t, tt.want, got)
			assert.Len(t, explained, len(parts))
			sum, err := money.Sum(parts...)
			require.NoError(t, err)
			assert.True(t, sum.Equal(total), "parts sum to %s", sum)
		})
	}
}
