package schedule

import (
	"slices"
	"testing"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// Vectors marked "Acceptance vector" come from the issue; the others are
// worked out by hand, as their comments show.
func TestSplit(t *testing.T) {
	tests := []struct {
		name   string
		amount string
		period date.Range
		rule   DayCount
		cuts   []string
		want   []string
	}{
		{"half of a 30-day month", "100.00 EUR", span("2026-04-01", "2026-05-01"), DayCountActual,
			[]string{"2026-04-16"}, []string{"50.00 EUR", "50.00 EUR"}},
		{"thirds of a 30-day month sum exactly", "100.00 EUR", span("2026-04-01", "2026-05-01"), DayCountActual,
			[]string{"2026-04-11", "2026-04-21"}, []string{"33.34 EUR", "33.33 EUR", "33.33 EUR"}},
		{"14 of 31 days", "100.00 EUR", span("2026-03-01", "2026-04-01"), DayCountActual,
			[]string{"2026-03-15"}, []string{"45.16 EUR", "54.84 EUR"}},
		{"JPY has no minor unit", "1000 JPY", span("2026-03-01", "2026-04-01"), DayCountActual,
			[]string{"2026-03-15"}, []string{"452 JPY", "548 JPY"}},
		{"KWD has three decimals", "10.000 KWD", span("2026-03-01", "2026-04-01"), DayCountActual,
			[]string{"2026-03-15"}, []string{"4.516 KWD", "5.484 KWD"}},
		{"30E/360 February", "100.00 EUR", span("2026-02-01", "2026-03-01"), DayCount30E360,
			[]string{"2026-02-15"}, []string{"46.67 EUR", "53.33 EUR"}},
		{"average month February", "100.00 EUR", span("2026-02-01", "2026-03-01"), DayCountAverageMonth,
			[]string{"2026-02-15"}, []string{"46.03 EUR", "53.97 EUR"}},
		{"whole months of a year", "1200.00 EUR", span("2026-01-01", "2027-01-01"), DayCountWholeMonths,
			[]string{"2026-03-16", "2026-06-10"}, []string{"300.00 EUR", "300.00 EUR", "600.00 EUR"}},
		{"negative amounts mirror positive ones", "-100.00 EUR", span("2026-04-01", "2026-05-01"), DayCountActual,
			[]string{"2026-04-11", "2026-04-21"}, []string{"-33.34 EUR", "-33.33 EUR", "-33.33 EUR"}},
		{"no cut", "100.00 EUR", span("2026-04-01", "2026-05-01"), DayCountActual, nil, []string{"100.00 EUR"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cuts := make([]date.Date, len(tt.cuts))
			for i, c := range tt.cuts {
				cuts[i] = day(c)
			}
			parts, err := Split(amt(tt.amount), tt.period, tt.rule, cuts...)
			require.NoError(t, err)
			got := make([]string, len(parts))
			for i, p := range parts {
				got[i] = p.Amount.String()
			}
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.period.Start, parts[0].Span.Start)
			assert.Equal(t, tt.period.End, parts[len(parts)-1].Span.End)
		})
	}
}

func TestSplitExplains(t *testing.T) {
	parts, err := Split(amt("100.00 EUR"), span("2026-04-01", "2026-05-01"), "", day("2026-04-16"))
	require.NoError(t, err)
	assert.Equal(t, "100.00 EUR × 15/30 days (2026-04-01..2026-04-15)", parts[0].Explanation.String())
	assert.Equal(t, "100.00 EUR × 15/30 days (2026-04-16..2026-04-30)", parts[1].Explanation.String())
}

func TestSplitValidation(t *testing.T) {
	apr := span("2026-04-01", "2026-05-01")
	tests := []struct {
		name   string
		amount money.Amount
		period date.Range
		rule   DayCount
		cuts   []date.Date
		field  string
		code   string
	}{
		{"no currency", money.Amount{}, apr, "", nil, "amount", validation.CodeRequired},
		{"empty period", amt("1.00 EUR"), span("2026-04-01", "2026-04-01"), "", nil, "period", validation.CodeInvalid},
		{"unknown rule", amt("1.00 EUR"), apr, "act/act", nil, "rule", validation.CodeNotAllowed},
		{"cut on the start", amt("1.00 EUR"), apr, "", []date.Date{day("2026-04-01")}, "cuts[0]", validation.CodeOutOfRange},
		{"cut on the end", amt("1.00 EUR"), apr, "", []date.Date{day("2026-05-01")}, "cuts[0]", validation.CodeOutOfRange},
		{"cuts out of order", amt("1.00 EUR"), apr, "", []date.Date{day("2026-04-20"), day("2026-04-10")}, "cuts[1]", validation.CodeOutOfRange},
		{"average month of a week", amt("1.00 EUR"), span("2026-04-06", "2026-04-13"), DayCountAverageMonth,
			[]date.Date{day("2026-04-08")}, "day_count", validation.CodeNotAllowed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Split(tt.amount, tt.period, tt.rule, tt.cuts...)
			requireFault(t, err, tt.field, tt.code)
		})
	}
}

// Property: the prorated parts of any period, under any rule, sum exactly
// to the amount billed for it, and are each at the currency's precision.
func TestSplitSumsExactlyProperty(t *testing.T) {
	currencies := []money.Currency{money.EUR, money.JPY, money.KWD}
	rapid.Check(t, func(t *rapid.T) {
		c := rapid.SampledFrom(currencies).Draw(t, "currency")
		amount := money.FromMinor(rapid.Int64Range(-10_000_000, 10_000_000).Draw(t, "minor"), c)
		start := date.MustParse("2020-01-01").AddDays(rapid.IntRange(0, 3000).Draw(t, "start"))
		months := rapid.IntRange(1, 12).Draw(t, "months")
		period := date.Range{Start: start, End: start.AddMonthsAnchored(months, start.Day())}
		rule := rapid.SampledFrom(DayCounts()).Draw(t, "rule")
		n := rapid.IntRange(0, min(5, period.Days()-1)).Draw(t, "cuts")
		offsets := rapid.SliceOfNDistinct(rapid.IntRange(1, period.Days()-1), n, n, rapid.ID).Draw(t, "offsets")
		slices.Sort(offsets)
		cuts := make([]date.Date, n)
		for i, o := range offsets {
			cuts[i] = period.Start.AddDays(o)
		}
		parts, err := Split(amount, period, rule, cuts...)
		if err != nil {
			t.Fatal(err)
		}
		sum := money.Zero(c)
		for _, p := range parts {
			if !atPrecision(p.Amount) {
				t.Fatalf("part %s is finer than %s", p.Amount, c.Code())
			}
			if sum, err = sum.Add(p.Amount); err != nil {
				t.Fatal(err)
			}
		}
		if !sum.Equal(amount) {
			t.Fatalf("parts %v sum to %s, not %s", parts, sum, amount)
		}
	})
}

// The used part of a two-way split is the amount prorated and rounded
// once, half away from zero: the same as prorate.
func TestSplitAgreesWithProrate(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		amount := money.FromMinor(rapid.Int64Range(-1_000_000, 1_000_000).Draw(t, "minor"), money.EUR)
		period := span("2026-01-01", "2026-02-01")
		cut := period.Start.AddDays(rapid.IntRange(1, 30).Draw(t, "cut"))
		parts, err := Split(amount, period, DayCountActual, cut)
		if err != nil {
			t.Fatal(err)
		}
		used := date.Range{Start: period.Start, End: cut}
		want, _, err := prorate(amount, int64(used.Days()), 31, DayCountActual, used)
		if err != nil {
			t.Fatal(err)
		}
		if !parts[0].Amount.Equal(want) {
			t.Fatalf("split gives %s, prorate %s", parts[0].Amount, want)
		}
	})
}

func TestProrateRoundsHalfAwayFromZero(t *testing.T) {
	tests := []struct {
		amount      string
		used, total int64
		want        string
	}{
		{"0.01 EUR", 1, 2, "0.01 EUR"},
		{"-0.01 EUR", 1, 2, "-0.01 EUR"},
		{"0.03 EUR", 1, 2, "0.02 EUR"},
		{"100.00 EUR", 14, 31, "45.16 EUR"},
		{"1 JPY", 1, 2, "1 JPY"},
		{"100.00 EUR", 0, 31, "0.00 EUR"},
	}
	for _, tt := range tests {
		t.Run(tt.amount+" × "+decimal.NewFromInt(tt.used).String()+"/"+decimal.NewFromInt(tt.total).String(), func(t *testing.T) {
			got, _, err := prorate(amt(tt.amount), tt.used, tt.total, DayCountActual, span("2026-01-01", "2026-01-02"))
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.String())
		})
	}
}
