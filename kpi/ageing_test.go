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
	"github.com/billkit/billkit/validation"
)

func TestBucketOf(t *testing.T) {
	tests := []struct {
		days int
		want kpi.Bucket
	}{
		{-10, kpi.BucketCurrent}, {0, kpi.BucketCurrent}, {1, kpi.Bucket1To30}, {30, kpi.Bucket1To30},
		{31, kpi.Bucket31To60}, {60, kpi.Bucket31To60}, {61, kpi.Bucket61To90}, {90, kpi.Bucket61To90},
		{91, kpi.BucketOver90}, {5000, kpi.BucketOver90},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, kpi.BucketOf(tt.days), "%d days", tt.days)
	}
	for _, b := range kpi.Buckets() {
		assert.True(t, b.Valid(), b)
	}
	assert.False(t, kpi.Bucket("120+").Valid())
}

// ageingReceivables are the receivables of the ageing tests, aged on
// 2026-04-30.
func ageingReceivables() []invoice.Receivable {
	paid := settled(receivable("Acme", "2025-12-01", "2026-01-01", "300.00 EUR"), "300.00 EUR")
	writtenOff := receivable("Stark", "2025-12-01", "2026-01-01", "999.00 EUR")
	writtenOff.Status = invoice.StatusUncollectible
	disputed := receivable("Wayne", "2025-12-01", "2026-01-29", "500.00 EUR")
	disputed.Dispute = invoice.Dispute{Reason: "not delivered", Since: day("2026-02-01")}
	return []invoice.Receivable{
		receivable("Acme", "2026-04-15", "2026-05-15", "100.00 EUR"),     // not yet due: current
		receivable("Acme", "2026-04-20", "", "50.00 EUR"),                // no due date: current
		receivable("Globex", "2026-03-31", "2026-04-30", "20.00 EUR"),    // due today, 0 days: current
		receivable("Globex", "2026-03-30", "2026-04-29", "10.00 EUR"),    // 1 day: 1-30
		receivable("Hooli", "2026-03-01", "2026-03-31", "200.00 EUR"),    // 30 days: 1-30
		receivable("Hooli", "2026-02-28", "2026-03-30", "300.00 EUR"),    // 31 days: 31-60
		receivable("Umbrella", "2026-01-01", "2026-01-30", "400.00 EUR"), // 1 + 28 + 31 + 30 = 90 days: 61-90
		disputed,   // 91 days: 90+, still owed
		paid,       // nothing owed
		writtenOff, // out of the receivables
		receivable("Initech", "2026-01-02", "2026-02-01", "75.50 USD"), // 27 + 31 + 30 = 88 days: 61-90
	}
}

func TestAgeReceivables(t *testing.T) {
	r, err := kpi.AgeReceivables(ageingReceivables(), day("2026-04-30"))
	require.NoError(t, err)
	require.Len(t, r.Currencies, 2)
	assert.Equal(t, money.EUR, r.Currencies[0].Currency) // sorted by code
	assert.Equal(t, money.USD, r.Currencies[1].Currency)

	tests := []struct {
		cur    money.Currency
		bucket kpi.Bucket
		amount string
		count  int
	}{
		{money.EUR, kpi.BucketCurrent, "170.00 EUR", 3}, // 100 + 50 + 20
		{money.EUR, kpi.Bucket1To30, "210.00 EUR", 2},   // 10 + 200
		{money.EUR, kpi.Bucket31To60, "300.00 EUR", 1},
		{money.EUR, kpi.Bucket61To90, "400.00 EUR", 1},
		{money.EUR, kpi.BucketOver90, "500.00 EUR", 1},
		{money.USD, kpi.BucketCurrent, "0 USD", 0},
		{money.USD, kpi.Bucket61To90, "75.50 USD", 1},
		{money.USD, kpi.BucketOver90, "0 USD", 0},
	}
	for _, tt := range tests {
		t.Run(tt.cur.Code()+" "+string(tt.bucket), func(t *testing.T) {
			a, ok := r.Currency(tt.cur)
			require.True(t, ok)
			assert.True(t, a.Amount(tt.bucket).Equal(amt(tt.amount)), "%s", a.Amount(tt.bucket))
			assert.Equal(t, tt.cur, a.Amount(tt.bucket).Currency())
			assert.Equal(t, tt.count, a.Count(tt.bucket))
		})
	}
	eur, _ := r.Currency(money.EUR)
	assert.Equal(t, "1580.00 EUR", eur.Total.String()) // 170 + 210 + 300 + 400 + 500
	_, ok := r.Currency(money.JPY)
	assert.False(t, ok)
	assert.True(t, eur.Amount("bogus").IsZero())
	assert.Zero(t, eur.Count("bogus"))
}

func TestAgeReceivablesErrors(t *testing.T) {
	_, err := kpi.AgeReceivables(nil, date.Date{})
	var ve *validation.Error
	require.True(t, errors.As(err, &ve), "got %v", err)
	assert.True(t, ve.Has("on", validation.CodeRequired))

	rs := ageingReceivables()
	rs[2].Balance = money.New(dec("5"), money.Currency{})
	_, err = kpi.AgeReceivables(rs, day("2026-04-30"))
	require.True(t, errors.As(err, &ve), "got %v", err)
	assert.True(t, ve.Has("receivables[2].balance", validation.CodeRequired), "%v", err)

	r, err := kpi.AgeReceivables(nil, day("2026-04-30"))
	require.NoError(t, err)
	assert.Empty(t, r.Currencies)
}
