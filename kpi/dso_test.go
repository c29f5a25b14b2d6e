package kpi_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/kpi"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// marchReceivables are the receivables of the DSO tests, read on 2026-04-01.
func marchReceivables() []invoice.Receivable {
	credited := receivable("Globex", "2026-03-05", "2026-04-04", "2000.00 EUR")
	credited.Credited, credited.Balance = amt("200.00 EUR"), amt("1800.00 EUR")
	writtenOff := receivable("Hooli", "2026-03-20", "2026-03-30", "500.00 EUR")
	writtenOff.Status = invoice.StatusUncollectible
	return []invoice.Receivable{
		settled(receivable("Acme", "2026-02-10", "2026-03-12", "1000.00 EUR"), "400.00 EUR"), // R1: 600 open, February sale
		credited, // R2: sale 2000 − 200 = 1800, all open
		settled(receivable("Initech", "2026-03-12", "2026-04-11", "1200.00 EUR"), "1200.00 EUR"), // R3: sale 1200, paid
		writtenOff, // R4: sale 500, not outstanding
		receivable("Umbrella", "2026-04-02", "2026-05-02", "700.00 EUR"), // R5: April
	}
}

func TestDSO(t *testing.T) {
	tests := []struct {
		name, from, to     string
		outstanding, sales string
		days               int
		dso                string
	}{
		// Outstanding: R1 600 + R2 1800 = 2400. Sales: R2 1800 + R3 1200 + R4 500 = 3500.
		// 2400 ÷ 3500 × 31 = 21.2571… -> 21.26 days.
		{"March", "2026-03-01", "2026-04-01", "2400.00 EUR", "3500.00 EUR", 31, "21.26"},
		// February to March: sales add R1's 1000. 2400 ÷ 4500 × 59 = 31.4666… -> 31.47.
		{"two months", "2026-02-01", "2026-04-01", "2400.00 EUR", "4500.00 EUR", 59, "31.47"},
		// First half of March: outstanding R1 + R2 (issued before 03-16) = 2400; sales R2 + R3 = 3000.
		// 2400 ÷ 3000 × 15 = 12.
		{"half month", "2026-03-01", "2026-03-16", "2400.00 EUR", "3000.00 EUR", 15, "12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := kpi.DSO(marchReceivables(), period(tt.from, tt.to))
			require.NoError(t, err)
			assert.True(t, r.Outstanding.Equal(amt(tt.outstanding)), "outstanding %s", r.Outstanding)
			assert.True(t, r.CreditSales.Equal(amt(tt.sales)), "sales %s", r.CreditSales)
			assert.Equal(t, tt.days, r.Days)
			assert.True(t, r.DSO.Equal(dec(tt.dso)), "DSO %s, want %s", r.DSO, tt.dso)
		})
	}
}

func TestDSOErrors(t *testing.T) {
	_, err := kpi.DSO(marchReceivables(), period("2025-01-01", "2025-02-01"))
	assert.ErrorIs(t, err, kpi.ErrNoSales)
	assert.ErrorIs(t, err, kpi.ErrUndefined)

	rs := append(marchReceivables(), receivable("Wayne", "2026-03-03", "2026-04-02", "99.00 USD"))
	_, err = kpi.DSO(rs, period("2026-03-01", "2026-04-01"))
	var ce *kpi.CurrencyError
	require.True(t, errors.As(err, &ce), "got %v", err)
	assert.Equal(t, "receivables[5].due", ce.Field)

	rs = marchReceivables()
	rs[0].IssueDate = day("")
	rs[1].Due = money.Amount{}
	_, err = kpi.DSO(rs, period("2026-03-01", "2026-04-01"))
	var ve *validation.Error
	require.True(t, errors.As(err, &ve), "got %v", err)
	assert.True(t, ve.Has("receivables[0].issue_date", validation.CodeRequired), "%v", err)
	assert.True(t, ve.Has("receivables[1].due", validation.CodeRequired), "%v", err)

	_, err = kpi.DSO(rs, period("", "2026-04-01"))
	require.True(t, errors.As(err, &ve), "got %v", err)
	assert.True(t, ve.Has("period", validation.CodeInvalid), "%v", err)
}
