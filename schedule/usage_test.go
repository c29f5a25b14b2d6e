package schedule

import (
	"errors"
	"testing"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// perUnit prices a quantity at a unit price, like a flat catalogue price.
type perUnit struct{ price money.Amount }

func (p perUnit) Amount(q decimal.Decimal) (money.Amount, error) { return p.price.Mul(q), nil }

// failing is a Meter and a Pricer that always fail.
type failing struct{ err error }

func (f failing) Quantity(date.Range) (decimal.Decimal, error) { return decimal.Zero, f.err }
func (f failing) Amount(decimal.Decimal) (money.Amount, error) { return money.Amount{}, f.err }

// fixedPrice is a Pricer that asks the same price for any quantity.
type fixedPrice struct{ price money.Amount }

func (f fixedPrice) Amount(decimal.Decimal) (money.Amount, error) { return f.price, nil }

func usagePlan(t *testing.T) Plan {
	t.Helper()
	p := UsagePlan(Usage{
		Cycle:    Cycle{Interval: Interval{Unit: Month}, Start: day("2026-01-15"), Alignment: AlignCalendar},
		Currency: money.EUR,
	})
	require.NoError(t, p.Validate())
	return p
}

func TestUsageCharges(t *testing.T) {
	records := UsageRecords{
		{Date: day("2026-01-20"), Quantity: decimal.NewFromInt(100)},
		{Date: day("2026-01-31"), Quantity: decimal.RequireFromString("0.5")},
		{Date: day("2026-02-01"), Quantity: decimal.NewFromInt(40)},
		{Date: day("2026-02-10"), Quantity: decimal.NewFromInt(-10)}, // a correction
		{Date: day("2026-03-01"), Quantity: decimal.NewFromInt(7)},
	}
	in := Inputs{Usage: records, Pricer: perUnit{price: amt("0.125 EUR")}}
	cs, err := usagePlan(t).Charges(span("2026-01-01", "2026-04-01"), in)
	require.NoError(t, err)
	// 100.5 × 0.125 = 12.5625 and 30 × 0.125 = 3.75, billed in arrears.
	assert.Equal(t, []string{
		"2026-02-01: 12.56 EUR = quantity 100.5 used during 2026-01-15..2026-01-31 priced at 12.5625 EUR",
		"2026-03-01: 3.75 EUR = quantity 30 used during 2026-02-01..2026-02-28 priced at 3.75 EUR",
	}, strs(cs))
}

func TestUsageChargesWithoutUsage(t *testing.T) {
	in := Inputs{Usage: UsageRecords{}, Pricer: fixedPrice{price: money.Amount{}}}
	cs, err := usagePlan(t).Charges(span("2026-02-01", "2026-02-02"), in)
	require.NoError(t, err)
	require.Len(t, cs, 1)
	assert.Equal(t, "0.00 EUR", cs[0].Amount.String())
}

func TestUsageErrors(t *testing.T) {
	window := span("2026-02-01", "2026-02-02")
	boom := errors.New("meter offline")
	tests := []struct {
		name  string
		in    Inputs
		cause error
	}{
		{"meter fails", Inputs{Usage: failing{err: boom}, Pricer: perUnit{price: amt("1.00 EUR")}}, boom},
		{"pricer fails", Inputs{Usage: UsageRecords{}, Pricer: failing{err: boom}}, boom},
		{"price in another currency", Inputs{Usage: UsageRecords{}, Pricer: fixedPrice{price: amt("1.00 USD")}}, money.ErrCurrencyMismatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := usagePlan(t).Charges(window, tt.in)
			require.ErrorIs(t, err, ErrUsage)
			assert.ErrorIs(t, err, tt.cause)
			var ue *UsageError
			require.ErrorAs(t, err, &ue)
			assert.Equal(t, span("2026-01-15", "2026-02-01"), ue.Period)
		})
	}
}

func TestUsageInputsRequired(t *testing.T) {
	_, err := usagePlan(t).Charges(span("2026-02-01", "2026-02-02"), Inputs{})
	requireFault(t, err, "inputs.usage", validation.CodeRequired)
	requireFault(t, err, "inputs.pricer", validation.CodeRequired)
	requireFault(t, Usage{Cycle: Cycle{Interval: Interval{Unit: Month}, Start: day("2026-01-01")}}.Validate(),
		"currency", validation.CodeRequired)
}

func TestUsageRecordsQuantity(t *testing.T) {
	rs := UsageRecords{
		{Date: day("2026-01-01"), Quantity: decimal.NewFromInt(1)},
		{Date: day("2026-01-31"), Quantity: decimal.NewFromInt(2)},
		{Date: day("2026-02-01"), Quantity: decimal.NewFromInt(4)},
	}
	q, err := rs.Quantity(span("2026-01-01", "2026-02-01"))
	require.NoError(t, err)
	assert.Equal(t, "3", q.String())
}
