package invoice

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
)

// businessTerms are French B2B terms at the given yearly rate.
func businessTerms(rate string) LateFeeTerms {
	return LateFeeTerms{AnnualRate: dec(rate), Business: true, RecoveryIndemnity: RecoveryIndemnityFR}
}

func settled(on, amount string) Settlement { return Settlement{On: day(on), Amount: amt(amount)} }

func TestLateFeeVectors(t *testing.T) {
	// Interest = Σ unpaid balance × days × rate ÷ 36500, rounded once, half away from zero.
	tests := []struct {
		name        string
		terms       LateFeeTerms
		due, amount string
		settlements []Settlement
		until       string
		interest    string
		indemnity   string
		daysLate    int
		segments    int
	}{
		// 1000 × 10.15 × 30 ÷ 36500 = 8.3424… → 8.34
		{"paid 30 days late", businessTerms("10.15"), "2026-04-01", "1000.00 EUR",
			[]Settlement{settled("2026-05-01", "1000.00 EUR")}, "2026-06-30", "8.34 EUR", "40.00 EUR", 30, 1},
		{"consumer: no indemnity", LateFeeTerms{AnnualRate: dec("10.15")}, "2026-04-01", "1000.00 EUR",
			[]Settlement{settled("2026-05-01", "1000.00 EUR")}, "2026-06-30", "8.34 EUR", "", 30, 1},
		{"paid on the due date", businessTerms("10.15"), "2026-04-01", "1000.00 EUR",
			[]Settlement{settled("2026-04-01", "1000.00 EUR")}, "2026-06-30", "0.00 EUR", "", 0, 0},
		{"paid before the due date", businessTerms("10.15"), "2026-04-01", "1000.00 EUR",
			[]Settlement{settled("2026-03-20", "1000.00 EUR")}, "2026-06-30", "0.00 EUR", "", 0, 0},
		{"not due yet", businessTerms("10.15"), "2026-04-01", "1000.00 EUR", nil, "2026-03-25", "0.00 EUR", "", 0, 0},
		// 1000 × 10.15 × 1 ÷ 36500 = 0.27808… → 0.28
		{"one day late, unpaid", businessTerms("10.15"), "2026-04-01", "1000.00 EUR", nil, "2026-04-02", "0.28 EUR", "40.00 EUR", 1, 1},
		// 600 × 10.15 × 30 ÷ 36500 = 5.00547… → 5.01
		{"partly paid on time", businessTerms("10.15"), "2026-04-01", "1000.00 EUR",
			[]Settlement{settled("2026-03-20", "400.00 EUR"), settled("2026-05-01", "600.00 EUR")}, "2026-06-30", "5.01 EUR", "40.00 EUR", 30, 1},
		// (1000 × 30 + 600 × 30) × 10.15 ÷ 36500 = 13.3479… → 13.35, in any order
		{"two late payments", businessTerms("10.15"), "2026-04-01", "1000.00 EUR",
			[]Settlement{settled("2026-05-31", "600.00 EUR"), settled("2026-05-01", "400.00 EUR")}, "2026-06-30", "13.35 EUR", "40.00 EUR", 60, 2},
		// 1000 × 10.15 × 15 ÷ 36500 = 4.1712… → 4.17: a later payment does not count yet
		{"run before the payment", businessTerms("10.15"), "2026-04-01", "1000.00 EUR",
			[]Settlement{settled("2026-05-01", "1000.00 EUR")}, "2026-04-16", "4.17 EUR", "40.00 EUR", 15, 1},
		// 1000 × 12.15 × 45 ÷ 36500 = 14.9794… → 14.98
		{"unpaid 45 days at the legal minimum plus", businessTerms("12.15"), "2026-04-01", "1000.00 EUR", nil, "2026-05-16", "14.98 EUR", "40.00 EUR", 45, 1},
		// February 2028 has 29 days, the year still counts 365: 1000 × 10.15 × 30 ÷ 36500 → 8.34
		{"leap year", businessTerms("10.15"), "2028-02-01", "1000.00 EUR",
			[]Settlement{settled("2028-03-02", "1000.00 EUR")}, "2028-12-31", "8.34 EUR", "40.00 EUR", 30, 1},
		// 0.05 × 10 × 365 ÷ 36500 = 0.005 exactly → 0.01, half away from zero
		{"a tie rounds away from zero", businessTerms("10"), "2026-01-01", "0.05 EUR", nil, "2027-01-01", "0.01 EUR", "40.00 EUR", 365, 1},
		// a payment reversed: 10 days on 1000, nothing for 10 days, then 10 days on 1000 again:
		// 1000 × 10.15 × 20 ÷ 36500 = 5.5616… → 5.56
		{"payment taken back", businessTerms("10.15"), "2026-04-01", "1000.00 EUR",
			[]Settlement{settled("2026-04-11", "1000.00 EUR"), settled("2026-04-21", "-1000.00 EUR")}, "2026-05-01", "5.56 EUR", "40.00 EUR", 30, 2},
		{"overpaid", businessTerms("10.15"), "2026-04-01", "1000.00 EUR",
			[]Settlement{settled("2026-05-01", "1200.00 EUR")}, "2026-06-30", "8.34 EUR", "40.00 EUR", 30, 1},
		{"no rate, late all the same", businessTerms("0"), "2026-04-01", "1000.00 EUR", nil, "2026-04-10", "0.00 EUR", "40.00 EUR", 9, 1},
		// 100000 × 12.15 × 45 ÷ 36500 = 1497.945… → 1498
		{"yen", businessTerms("12.15"), "2026-04-01", "100000 JPY", nil, "2026-05-16", "1498 JPY", "40.00 EUR", 45, 1},
		// 1000 × 10.15 × 30 ÷ 36500 = 8.34246… → 8.342
		{"dinar", businessTerms("10.15"), "2026-04-01", "1000.000 KWD", nil, "2026-05-01", "8.342 KWD", "40.00 EUR", 30, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			debt := Debt{DueDate: day(tt.due), Amount: amt(tt.amount), Settlements: tt.settlements}
			fee, err := tt.terms.Compute(debt, day(tt.until))
			require.NoError(t, err)
			assert.Equal(t, tt.interest, fee.Interest.String())
			if tt.indemnity == "" {
				assert.True(t, fee.Indemnity.IsZero(), "no indemnity, got %s", fee.Indemnity)
			} else {
				assert.Equal(t, tt.indemnity, fee.Indemnity.String())
			}
			assert.Equal(t, tt.daysLate, fee.DaysLate)
			assert.Len(t, fee.Segments, tt.segments)
			assert.Equal(t, day(tt.until), fee.Until)
		})
	}
}

func TestLateFeeSegments(t *testing.T) {
	debt := Debt{DueDate: day("2026-04-01"), Amount: amt("1000.00 EUR"), Settlements: []Settlement{
		settled("2026-04-11", "300.00 EUR"), settled("2026-04-11", "200.00 EUR"), settled("2026-04-21", "500.00 EUR")}}
	fee, err := businessTerms("10.15").Compute(debt, day("2026-06-30"))
	require.NoError(t, err)
	assert.Equal(t, []InterestSegment{
		{Period: date.Range{Start: day("2026-04-02"), End: day("2026-04-12")}, Balance: amt("1000.00 EUR")},
		{Period: date.Range{Start: day("2026-04-12"), End: day("2026-04-22")}, Balance: amt("500.00 EUR")},
	}, fee.Segments)
	// (1000 × 10 + 500 × 10) × 10.15 ÷ 36500 = 4.1712… → 4.17
	assert.Equal(t, "4.17 EUR", fee.Interest.String())
	total, err := fee.Total()
	require.NoError(t, err)
	assert.Equal(t, "44.17 EUR", total.String())
}

func TestLateFeeTotalInAnotherCurrency(t *testing.T) {
	fee, err := businessTerms("10").Compute(Debt{DueDate: day("2026-04-01"), Amount: amt("1000 JPY")}, day("2026-05-01"))
	require.NoError(t, err)
	_, err = fee.Total()
	assert.ErrorIs(t, err, money.ErrCurrencyMismatch)
}

func TestLateFeeRefuses(t *testing.T) {
	valid := Debt{DueDate: day("2026-04-01"), Amount: amt("1000.00 EUR")}
	tests := []struct {
		name   string
		terms  LateFeeTerms
		debt   Debt
		until  date.Date
		faults []string
	}{
		{"negative rate", businessTerms("-1"), valid, issD, []string{"annual_rate out_of_range"}},
		{"rate above 100 %", businessTerms("100.01"), valid, issD, []string{"annual_rate out_of_range"}},
		{"negative indemnity", LateFeeTerms{AnnualRate: dec("10"), Business: true, RecoveryIndemnity: amt("-40.00 EUR")},
			valid, issD, []string{"recovery_indemnity out_of_range"}},
		{"empty debt", businessTerms("10"), Debt{}, date.Date{}, []string{"debt.due_date required", "debt.amount required", "until required"}},
		{"bad settlement", businessTerms("10"), Debt{DueDate: day("2026-04-01"), Amount: amt("1000.00 EUR"),
			Settlements: []Settlement{{Amount: amt("10.00 USD")}}}, issD,
			[]string{"debt.settlements[0].on required", "debt.settlements[0].amount mismatch"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.terms.Compute(tt.debt, tt.until)
			assert.Equal(t, tt.faults, faults(t, err))
		})
	}
}

func TestLateFeeTermsOf(t *testing.T) {
	var seq MemorySequence
	b2b := receivableInvoice(t, &seq, "100.00 EUR", "2026-04-01")
	doc := frenchInvoice(item("1", "Prestation", "1", "C62", "100.00 EUR", zeroRated))
	doc.Legal.RecoveryIndemnity = money.Amount{}
	noMention := draftOf(t, doc) // French law would refuse to issue it
	doc = frenchInvoice(item("1", "Prestation", "1", "C62", "100.00 EUR", s20))
	doc.Buyer, doc.Legal = consumer(), LegalMentions{}
	b2c := issued(t, &seq, doc)

	tests := []struct {
		name  string
		inv   *Invoice
		terms LateFeeTerms
	}{
		{"business", b2b, LateFeeTerms{AnnualRate: dec("12.15"), Business: true, RecoveryIndemnity: RecoveryIndemnityFR}},
		{"business, indemnity not stated", noMention, LateFeeTerms{AnnualRate: dec("12.15"), Business: true, RecoveryIndemnity: RecoveryIndemnityFR}},
		{"consumer", b2c, LateFeeTerms{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := LateFeeTermsOf(tt.inv)
			assert.True(t, tt.terms.AnnualRate.Equal(got.AnnualRate), "rate %s", got.AnnualRate)
			assert.Equal(t, tt.terms.Business, got.Business)
			assert.Equal(t, tt.terms.RecoveryIndemnity.String(), got.RecoveryIndemnity.String())
		})
	}
}

func BenchmarkLateFee(b *testing.B) {
	debt := Debt{DueDate: day("2026-04-01"), Amount: amt("1000.00 EUR"), Settlements: []Settlement{
		settled("2026-03-20", "100.00 EUR"), settled("2026-04-20", "300.00 EUR"),
		settled("2026-05-10", "200.00 EUR"), settled("2026-06-01", "400.00 EUR")}}
	terms := businessTerms("12.15")
	b.ReportAllocs()
	for b.Loop() {
		benchLateFee, benchErr = terms.Compute(debt, day("2026-06-30"))
	}
	if benchErr != nil {
		b.Fatal(benchErr)
	}
}
