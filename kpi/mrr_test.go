package kpi_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/kpi"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/schedule"
	"github.com/billkit/billkit/validation"
)

func TestMRR(t *testing.T) {
	// Monthly amounts of the portfolio's recurring lines (see portfolio):
	//   Acme      100.00 + 1200.00 ÷ 12 = 100.00 + 100.00 (from 2026-02-01)
	//   Globex    300.00 ÷ 3 = 100.00 (until 2026-02-28); 10.00 × 52 ÷ 12 = 43.333333 (from 2026-03-01)
	//   Initech   50.00 (from 2026-04-01); the one-time line never counts
	//   Umbrella  90.00 ÷ 2 = 45.00 (from 2026-01-15)
	//   Hooli     1.00 × 365 ÷ 12 = 30.416667 (from 2026-03-01)
	//   Stark     80.00 (2025-06-01..2026-01-31)
	//   Wayne     60.00 (2025-01-01..2025-06-30), 70.00 (from 2026-03-01)
	tests := []struct {
		on    string
		mrr   string
		arr   string
		lines int
		by    map[string]string
	}{
		{"2024-12-31", "0 EUR", "0 EUR", 0, map[string]string{}},
		{"2025-12-31", "80.00 EUR", "960.00 EUR", 1, map[string]string{"Stark": "80.00 EUR"}},
		// 100 + 100 + 80
		{"2026-01-01", "280.00 EUR", "3360.00 EUR", 3,
			map[string]string{"Acme": "100.00 EUR", "Globex": "100.00 EUR", "Stark": "80.00 EUR"}},
		// 200 + 43.333333 + 45 + 30.416667 + 70 = 388.75
		{"2026-03-15", "388.75 EUR", "4665.00 EUR", 6, map[string]string{
			"Acme": "200.00 EUR", "Globex": "43.333333 EUR", "Umbrella": "45.00 EUR",
			"Hooli": "30.416667 EUR", "Wayne": "70.00 EUR"}},
		// 388.75 + Initech 50
		{"2026-04-01", "438.75 EUR", "5265.00 EUR", 7, map[string]string{
			"Acme": "200.00 EUR", "Globex": "43.333333 EUR", "Umbrella": "45.00 EUR",
			"Hooli": "30.416667 EUR", "Wayne": "70.00 EUR", "Initech": "50.00 EUR"}},
	}
	for _, tt := range tests {
		t.Run(tt.on, func(t *testing.T) {
			r, err := kpi.MRR(portfolio(), day(tt.on))
			require.NoError(t, err)
			assert.True(t, r.MRR.Equal(amt(tt.mrr)), "MRR %s, want %s", r.MRR, tt.mrr)
			assert.True(t, r.ARR().Equal(amt(tt.arr)), "ARR %s, want %s", r.ARR(), tt.arr)
			assert.Equal(t, tt.lines, r.Lines)
			got := map[string]string{}
			for k, v := range r.ByCustomer {
				got[k] = v.String()
			}
			assert.Equal(t, tt.by, got)
			arr, err := kpi.ARR(portfolio(), day(tt.on))
			require.NoError(t, err)
			assert.True(t, arr.Equal(r.ARR()))
		})
	}
}

func TestMRRCurrencyAndCustomers(t *testing.T) {
	r, err := kpi.MRR(portfolio(), day("2026-03-15"))
	require.NoError(t, err)
	assert.Equal(t, money.EUR, r.MRR.Currency())
	assert.Equal(t, []string{"Acme", "Globex", "Hooli", "Umbrella", "Wayne"}, r.Customers())
	// 388.75 ÷ 5 = 77.75
	arpa, err := r.ARPA()
	require.NoError(t, err)
	assert.Equal(t, "77.75 EUR", arpa.String())

	// WithCurrency gives an empty report its currency.
	r, err = kpi.MRR(nil, day("2026-03-15"), kpi.WithCurrency(money.USD))
	require.NoError(t, err)
	assert.Equal(t, money.USD, r.MRR.Currency())
	_, err = r.ARPA()
	assert.ErrorIs(t, err, kpi.ErrNoCustomers)
	assert.ErrorIs(t, err, kpi.ErrUndefined)
}

func TestMRRLineTermAndPlanCycle(t *testing.T) {
	// The plan runs until further notice but the contract line was cut
	// short on 2026-02-15: it counts on 02-14, not on 02-15.
	l := every("100.00 EUR", schedule.Month, 1, "2026-01-01", "")
	l.End = day("2026-02-15")
	// This line's plan ends on 2026-03-01 but the line has no end.
	m := every("40.00 EUR", schedule.Month, 1, "2026-01-01", "")
	m.Plan.Recurring.End = day("2026-03-01")
	// A line without NetAmount falls back on the plan's amount.
	n := every("30.00 EUR", schedule.Month, 1, "2026-01-01", "")
	n.NetAmount = money.Amount{}
	cs := []*quote.Contract{contract("Acme", l, m, n)}
	for on, want := range map[string]string{
		"2026-02-14": "170.00 EUR", // 100 + 40 + 30
		"2026-02-15": "70.00 EUR",  // 40 + 30
		"2026-03-01": "30.00 EUR",
	} {
		r, err := kpi.MRR(cs, day(on))
		require.NoError(t, err)
		assert.True(t, r.MRR.Equal(amt(want)), "%s: %s, want %s", on, r.MRR, want)
	}
}

func TestMRRCustomerKeys(t *testing.T) {
	a := contract("Acme SAS", every("10.00 EUR", schedule.Month, 1, "2026-01-01", ""))
	a.Buyer.LegalID = "732829320"
	b := contract("ACME", every("20.00 EUR", schedule.Month, 1, "2026-01-01", ""))
	b.Buyer.LegalID = " 732829320 "
	c := contract("Acme", every("5.00 EUR", schedule.Month, 1, "2026-01-01", ""))
	c.Buyer.VATID = "FR44732829320"
	cs := []*quote.Contract{a, b, c}

	r, err := kpi.MRR(cs, day("2026-01-10"))
	require.NoError(t, err)
	assert.Equal(t, []string{"732829320", "FR44732829320"}, r.Customers())
	assert.Equal(t, "30.00 EUR", r.ByCustomer["732829320"].String())

	byCountry := kpi.WithCustomerKey(func(p invoice.Party) string { return "all" })
	r, err = kpi.MRR(cs, day("2026-01-10"), byCountry)
	require.NoError(t, err)
	assert.Equal(t, []string{"all"}, r.Customers())
	assert.Equal(t, "35.00 EUR", r.ByCustomer["all"].String())
}

func TestMRRRejectsMixedCurrencies(t *testing.T) {
	cs := []*quote.Contract{
		contract("Acme", every("10.00 EUR", schedule.Month, 1, "2026-01-01", "")),
		// Not active on the day, but still in another currency.
		contract("Globex", every("10.00 USD", schedule.Month, 1, "2027-01-01", "")),
	}
	_, err := kpi.MRR(cs, day("2026-01-10"))
	var ce *kpi.CurrencyError
	require.True(t, errors.As(err, &ce), "got %v", err)
	assert.Equal(t, "contracts[1].currency", ce.Field)
	assert.Equal(t, money.EUR, ce.Want)
	assert.Equal(t, money.USD, ce.Got)
	assert.ErrorIs(t, err, kpi.ErrMixedCurrencies)
	assert.ErrorIs(t, err, money.ErrCurrencyMismatch)

	_, err = kpi.MRR(cs[:1], day("2026-01-10"), kpi.WithCurrency(money.USD))
	require.True(t, errors.As(err, &ce), "got %v", err)
	assert.Equal(t, "contracts[0].currency", ce.Field)
}

func TestMRRRejectsBadInput(t *testing.T) {
	noPlan := every("10.00 EUR", schedule.Month, 1, "2026-01-01", "")
	noPlan.Plan.Recurring = nil
	noAmount := every("10.00 EUR", schedule.Month, 1, "2026-01-01", "")
	noAmount.NetAmount, noAmount.Plan.Recurring.Amount = money.Amount{}, money.Amount{}
	otherCurrency := every("10.00 USD", schedule.Month, 1, "2026-01-01", "")
	badUnit := every("10.00 EUR", "fortnight", 1, "2026-01-01", "")
	noStart := every("10.00 EUR", schedule.Month, 1, "", "")
	tests := []struct {
		name      string
		contracts []*quote.Contract
		on        date.Date
		field     string
		code      string
	}{
		{"no day", portfolio(), date.Date{}, "on", validation.CodeRequired},
		{"nil contract", []*quote.Contract{nil}, day("2026-01-01"), "contracts[0]", validation.CodeRequired},
		{"no buyer key", []*quote.Contract{contract(" ", noPlan)}, day("2026-01-01"), "contracts[0].buyer", validation.CodeRequired},
		{"no recurring section", []*quote.Contract{contract("A", noPlan)}, day("2026-01-01"),
			"contracts[0].lines[0].plan.recurring", validation.CodeRequired},
		{"no amount", []*quote.Contract{contract("A", noAmount)}, day("2026-01-01"),
			"contracts[0].lines[0].net_amount", validation.CodeRequired},
		{"line in another currency", []*quote.Contract{contract("A", every("1.00 EUR", schedule.Month, 1, "2026-01-01", ""), otherCurrency)},
			day("2026-01-01"), "contracts[0].lines[1].net_amount", validation.CodeMismatch},
		{"bad interval", []*quote.Contract{contract("A", badUnit)}, day("2026-01-01"),
			"contracts[0].lines[0].plan.recurring.interval.unit", validation.CodeNotAllowed},
		{"no start", []*quote.Contract{contract("A", noStart)}, day("2026-01-01"),
			"contracts[0].lines[0].start", validation.CodeRequired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := kpi.MRR(tt.contracts, tt.on)
			var ve *validation.Error
			require.True(t, errors.As(err, &ve), "got %v", err)
			assert.True(t, ve.Has(tt.field, tt.code), "got %v", err)
			assert.ErrorIs(t, err, validation.ErrInvalid)
		})
	}
}
