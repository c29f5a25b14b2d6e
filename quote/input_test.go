package quote

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/schedule"
)

func TestFitDecimals(t *testing.T) {
	tests := []struct {
		in   decimal.Decimal
		want string
		ok   bool
	}{
		{dec("1.5"), "1.5", true},
		{dec("0.000000000001"), "0.000000000001", true},
		{dec("1.0000000000000000000"), "1", true},
		{dec("0.0000000000001"), "", false},
		{dec("999999999999999.999"), "999999999999999.999", true},
		{dec("1000000000000000"), "", false},
		{decimal.New(1, 100), "", false},
		{decimal.New(0, 100), "0", true},
		{decimal.New(1, -1_000_000), "", false},
		{decimal.New(0, -1_000_000), "0", true},
	}
	for _, tt := range tests {
		t.Run(tt.in.String(), func(t *testing.T) {
			got, ok := fitDecimals(tt.in)
			assert.Equal(t, tt.ok, ok)
			if ok {
				assert.Equal(t, tt.want, got.String())
				assert.GreaterOrEqual(t, got.Exponent(), int32(-maxInvoiceDecimals))
			}
		})
	}
}

// A clone shares nothing with its input: plans hold pointers and slices.
func TestInputClone(t *testing.T) {
	in := Input{Number: "Q-1", Lines: []LineInput{{ID: "1", Plan: schedule.Plan{Kind: schedule.KindOneTime,
		OneTime: &schedule.OneTime{Date: date.MustParse("2026-01-01")}}}}}
	c := in.clone()
	c.Lines[0].ID = "2"
	c.Lines[0].Plan.OneTime.Date = date.MustParse("2027-01-01")
	assert.Equal(t, "1", in.Lines[0].ID)
	assert.Equal(t, date.MustParse("2026-01-01"), in.Lines[0].Plan.OneTime.Date)
	assert.Nil(t, Input{}.clone().Lines)
}

func TestTaxCountry(t *testing.T) {
	in := Input{}
	assert.Equal(t, "", in.taxCountry())
	in.Seller.Address.Country = "FR"
	assert.Equal(t, "FR", in.taxCountry())
	in.TaxCountry = "DE"
	assert.Equal(t, "DE", in.taxCountry())
}
