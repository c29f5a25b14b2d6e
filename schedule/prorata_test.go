package schedule

import (
	"testing"

	"github.com/billkit/billkit/money"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func TestShare(t *testing.T) {
	tests := []struct {
		amount      string
		part, total int64
		want        string
	}{
		{"1001 JPY", 15, 30, "501 JPY"},
		{"-1001 JPY", 15, 30, "-501 JPY"},
		{"100.00 EUR", 1, 3, "33.33 EUR"},
		{"100.00 EUR", 2, 3, "66.67 EUR"},
		{"100.00 EUR", 0, 3, "0.00 EUR"},
		{"100.00 EUR", 3, 3, "100.00 EUR"},
		{"1.000 KWD", 1, 8, "0.125 KWD"},
		{"100 EUR", 1, 8, "12.50 EUR"},
		{"9000000000000000.00 EUR", 7, 9, "7000000000000000.00 EUR"},
		// More than 18 digits: the decimal path.
		{"99999999999999999999.99 EUR", 1, 2, "50000000000000000000.00 EUR"},
	}
	for _, tt := range tests {
		t.Run(tt.amount+" × "+decimal.NewFromInt(tt.part).String()+"/"+decimal.NewFromInt(tt.total).String(), func(t *testing.T) {
			got, err := share(amt(tt.amount), tt.part, tt.total)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.String())
		})
	}
}

// Property: the integer path of share gives what exact decimal division,
// rounded half away from zero, gives.
func TestShareProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cur := rapid.SampledFrom([]money.Currency{money.EUR, money.JPY, money.KWD}).Draw(t, "currency")
		var minor int64
		if rapid.Bool().Draw(t, "huge") {
			minor = rapid.Int64().Draw(t, "minor")
		} else {
			minor = rapid.Int64Range(-1_000_000, 1_000_000).Draw(t, "minor")
		}
		amount := money.FromMinor(minor, cur)
		total := rapid.Int64Range(1, 1_000_000).Draw(t, "total")
		part := rapid.Int64Range(0, total).Draw(t, "part")
		got, err := share(amount, part, total)
		if err != nil {
			t.Fatal(err)
		}
		want, err := money.QuoRound(amount.Number().Mul(decimal.NewFromInt(part)), decimal.NewFromInt(total),
			int32(cur.Digits()), money.RoundHalfAwayFromZero)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Number().Equal(want) {
			t.Fatalf("%s × %d/%d = %s, want %s", amount, part, total, got, want)
		}
	})
}
