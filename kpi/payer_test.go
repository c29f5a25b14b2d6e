package kpi_test

import (
	"errors"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/kpi"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

var nextInvoice = 1000

func settlement(customer, due, paid, amount string) kpi.Settlement {
	nextInvoice++
	return kpi.Settlement{Customer: customer, InvoiceID: testID(nextInvoice), DueDate: day(due), PaidOn: day(paid), Amount: amt(amount)}
}

// payments are the settlements of the payer tests:
//
//	acme     0, 0, 2 and 10 days late
//	globex   0, 0, 0 and 1 day late
//	initech  45 and 20 days late
func payments() []kpi.Settlement {
	return []kpi.Settlement{
		settlement("acme", "2026-03-01", "2026-02-28", "100.00 EUR"),
		settlement("acme", "2026-03-15", "2026-03-15", "100.00 EUR"),
		settlement("acme", "2026-04-01", "2026-04-03", "100.00 EUR"),
		settlement("acme", "2026-04-15", "2026-04-25", "100.00 EUR"),
		settlement("globex", "2026-01-31", "2026-01-20", "50.00 USD"),
		settlement("globex", "2026-02-28", "2026-02-28", "50.00 USD"),
		settlement("globex", "2026-03-31", "2026-03-30", "50.00 USD"),
		settlement("globex", "2026-04-30", "2026-05-01", "70.00 USD"),
		settlement("initech", "2026-01-15", "2026-03-01", "900.00 EUR"),
		settlement("initech", "2026-02-15", "2026-03-07", "100.00 EUR"),
	}
}

func TestPayerProfiles(t *testing.T) {
	type want struct {
		invoices, late, max  int
		share, avg           string
		settled, settledLate string
		class                kpi.PayerClass
	}
	tests := []struct {
		name       string
		thresholds kpi.PayerThresholds
		want       map[string]want
	}{
		{
			// acme:    late 2 of 4 = 0.5 (> 0.25: slow, not > 0.5); 12 ÷ 4 = 3 days.
			// globex:  late 1 of 4 = 0.25 (not > 0.25); 1 ÷ 4 = 0.25 days: good.
			// initech: late 2 of 2 = 1 (> 0.5); 65 ÷ 2 = 32.5 days (> 30): bad.
			name: "default thresholds", thresholds: kpi.DefaultPayerThresholds(),
			want: map[string]want{
				"acme":    {4, 2, 10, "0.5", "3", "400.00 EUR", "200.00 EUR", kpi.PayerSlow},
				"globex":  {4, 1, 1, "0.25", "0.25", "220.00 USD", "70.00 USD", kpi.PayerGood},
				"initech": {2, 2, 45, "1", "32.5", "1000.00 EUR", "1000.00 EUR", kpi.PayerBad},
			},
		},
		{
			// With 2 grace days acme's 2-day delay is on time: 1 of 4 = 0.25, good;
			// globex's 1-day delay too. Days late do not change.
			name: "grace days", thresholds: func() kpi.PayerThresholds {
				th := kpi.DefaultPayerThresholds()
				th.GraceDays = 2
				return th
			}(),
			want: map[string]want{
				"acme":    {4, 1, 10, "0.25", "3", "400.00 EUR", "100.00 EUR", kpi.PayerGood},
				"globex":  {4, 0, 1, "0", "0.25", "220.00 USD", "0 USD", kpi.PayerGood},
				"initech": {2, 2, 45, "1", "32.5", "1000.00 EUR", "1000.00 EUR", kpi.PayerBad},
			},
		},
		{
			// Strict: any late payment is slow; more than 2.5 days on average is bad.
			name: "strict", thresholds: kpi.PayerThresholds{SlowAverageDays: dec("0"), SlowLateShare: dec("0"),
				BadAverageDays: dec("2.5"), BadLateShare: dec("1")},
			want: map[string]want{
				"acme":    {4, 2, 10, "0.5", "3", "400.00 EUR", "200.00 EUR", kpi.PayerBad},
				"globex":  {4, 1, 1, "0.25", "0.25", "220.00 USD", "70.00 USD", kpi.PayerSlow},
				"initech": {2, 2, 45, "1", "32.5", "1000.00 EUR", "1000.00 EUR", kpi.PayerBad},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := kpi.PayerProfiles(payments(), tt.thresholds)
			require.NoError(t, err)
			require.Len(t, got, len(tt.want))
			assert.Equal(t, "acme", got[0].Customer) // sorted by key
			for _, p := range got {
				w := tt.want[p.Customer]
				assert.Equal(t, w.invoices, p.Invoices, p.Customer)
				assert.Equal(t, w.late, p.PaidLate, p.Customer)
				assert.Equal(t, w.max, p.MaxDaysLate, p.Customer)
				assert.True(t, p.LateShare.Equal(dec(w.share)), "%s share %s", p.Customer, p.LateShare)
				assert.True(t, p.AverageDaysLate.Equal(dec(w.avg)), "%s average %s", p.Customer, p.AverageDaysLate)
				assert.True(t, p.Settled.Equal(amt(w.settled)), "%s settled %s", p.Customer, p.Settled)
				assert.True(t, p.SettledLate.Equal(amt(w.settledLate)), "%s settled late %s", p.Customer, p.SettledLate)
				assert.Equal(t, w.class, p.Class, p.Customer)
			}
		})
	}
}

func TestPayerProfilesRounding(t *testing.T) {
	// 1 late of 3 = 0.33333… -> 0.3333; (0 + 0 + 1) ÷ 3 = 0.3333… -> 0.33 days.
	s := []kpi.Settlement{
		settlement("a", "2026-01-01", "2026-01-01", "1.00 EUR"),
		settlement("a", "2026-02-01", "2026-02-01", "1.00 EUR"),
		settlement("a", "2026-03-01", "2026-03-02", "1.00 EUR"),
	}
	got, err := kpi.PayerProfiles(s, kpi.DefaultPayerThresholds())
	require.NoError(t, err)
	assert.Equal(t, "0.3333", got[0].LateShare.String())
	assert.Equal(t, "0.33", got[0].AverageDaysLate.String())
	assert.Equal(t, kpi.PayerSlow, got[0].Class)
}

func TestPayerProfilesErrors(t *testing.T) {
	s := payments()
	s[1].InvoiceID = s[0].InvoiceID
	s[2].Customer = ""
	s[3].PaidOn = day("")
	s[4].Amount = amt("0.00 USD")
	s[5].Amount = money.Amount{}
	s[6].InvoiceID = uuid.Nil
	s[7].DueDate = day("")
	_, err := kpi.PayerProfiles(s, kpi.PayerThresholds{GraceDays: -1, SlowLateShare: dec("1.5"), BadLateShare: dec("1")})
	var ve *validation.Error
	require.True(t, errors.As(err, &ve), "got %v", err)
	for _, f := range []struct{ field, code string }{
		{"settlements[1].invoice_id", validation.CodeDuplicate},
		{"settlements[2].customer", validation.CodeRequired},
		{"settlements[3].paid_on", validation.CodeRequired},
		{"settlements[4].amount", validation.CodeOutOfRange},
		{"settlements[5].amount", validation.CodeRequired},
		{"settlements[6].invoice_id", validation.CodeRequired},
		{"settlements[7].due_date", validation.CodeRequired},
		{"thresholds.grace_days", validation.CodeOutOfRange},
		{"thresholds.slow_late_share", validation.CodeOutOfRange},
	} {
		assert.True(t, ve.Has(f.field, f.code), "%s %s in %v", f.field, f.code, err)
	}

	th := kpi.DefaultPayerThresholds()
	th.SlowAverageDays = dec("40")
	assert.Error(t, th.Validate())
	assert.NoError(t, kpi.DefaultPayerThresholds().Validate())

	mixed := payments()
	mixed[1].Amount = amt("100.00 USD")
	_, err = kpi.PayerProfiles(mixed, kpi.DefaultPayerThresholds())
	var ce *kpi.CurrencyError
	require.True(t, errors.As(err, &ce), "got %v", err)
	assert.Equal(t, "settlements[1].amount", ce.Field)
}

func TestSettlementDaysLate(t *testing.T) {
	assert.Equal(t, 0, settlement("a", "2026-03-10", "2026-03-01", "1.00 EUR").DaysLate())
	assert.Equal(t, 0, settlement("a", "2026-03-10", "2026-03-10", "1.00 EUR").DaysLate())
	assert.Equal(t, 31, settlement("a", "2026-03-10", "2026-04-10", "1.00 EUR").DaysLate())
}
