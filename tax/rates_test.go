package tax_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/tax"
)

func pct(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestLookupBuiltIn(t *testing.T) {
	rates := tax.DefaultRates()
	tests := []struct {
		country string
		kind    tax.RateKind
		on      string
		want    string
	}{
		{"FR", tax.Standard, "2000-04-01", "19.6"},
		{"FR", tax.Standard, "2013-12-31", "19.6"},
		{"FR", tax.Standard, "2014-01-01", "20"},
		{"FR", tax.Standard, "2026-01-31", "20"},
		{"FR", tax.Intermediate, "2013-12-31", "7"},
		{"FR", tax.Intermediate, "2014-01-01", "10"},
		{"FR", tax.Reduced, "2013-12-31", "5.5"},
		{"FR", tax.Reduced, "2014-01-01", "5.5"},
		{"FR", tax.SuperReduced, "2014-01-01", "2.1"},
		{"DE", tax.Standard, "2020-06-30", "19"},
		{"DE", tax.Standard, "2020-07-01", "16"},
		{"DE", tax.Standard, "2020-12-31", "16"},
		{"DE", tax.Standard, "2021-01-01", "19"},
		{"DE", tax.Reduced, "2020-06-30", "7"},
		{"DE", tax.Reduced, "2020-07-01", "5"},
		{"DE", tax.Reduced, "2021-01-01", "7"},
		{"ES", tax.Standard, "2026-01-01", "21"},
		{"IT", tax.Standard, "2026-01-01", "22"},
		{"BE", tax.Intermediate, "2026-01-01", "12"},
		{"NL", tax.Reduced, "2018-12-31", "6"},
		{"NL", tax.Reduced, "2019-01-01", "9"},
		{"LU", tax.Standard, "2022-12-31", "17"},
		{"LU", tax.Standard, "2023-06-15", "16"},
		{"LU", tax.Standard, "2024-01-01", "17"},
		{"LU", tax.Intermediate, "2023-06-15", "13"},
		{"LU", tax.Reduced, "2023-06-15", "7"},
		{"LU", tax.SuperReduced, "2023-06-15", "3"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%s/%s", tt.country, tt.kind, tt.on), func(t *testing.T) {
			got, err := rates.Lookup(tt.country, tt.kind, date.MustParse(tt.on))
			require.NoError(t, err)
			assert.True(t, pct(tt.want).Equal(got), "got %s, want %s", got, tt.want)
		})
	}
}

func TestLookupNoRate(t *testing.T) {
	rates := tax.DefaultRates()
	tests := []struct {
		name    string
		country string
		kind    tax.RateKind
		on      date.Date
	}{
		{"before first rate", "FR", tax.Standard, date.MustParse("2000-03-31")},
		{"before first intermediate", "FR", tax.Intermediate, date.MustParse("2011-12-31")},
		{"zero date", "FR", tax.Standard, date.Date{}},
		{"unknown country", "US", tax.Standard, date.MustParse("2026-01-01")},
		{"lower case country", "fr", tax.Standard, date.MustParse("2026-01-01")},
		{"kind the country lacks", "DE", tax.SuperReduced, date.MustParse("2026-01-01")},
		{"unknown kind", "FR", tax.RateKind("luxury"), date.MustParse("2026-01-01")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := rates.Lookup(tt.country, tt.kind, tt.on)
			assert.True(t, got.IsZero())
			assert.ErrorIs(t, err, tax.ErrNoRate)
			var nre *tax.NoRateError
			require.ErrorAs(t, err, &nre)
			assert.Equal(t, tax.NoRateError{Country: tt.country, Kind: tt.kind, Date: tt.on}, *nre)
		})
	}
}

func TestNoRateErrorMessage(t *testing.T) {
	_, err := tax.DefaultRates().Lookup("FR", tax.Standard, date.MustParse("1999-12-31"))
	assert.EqualError(t, err, `tax: no standard VAT rate known for "FR" on 1999-12-31`)
	_, err = tax.DefaultRates().Lookup("FR", tax.Standard, date.Date{})
	assert.EqualError(t, err, `tax: no standard VAT rate known for "FR" on no date`)
}

func TestRegisterValidation(t *testing.T) {
	jan := date.MustParse("2026-01-01")
	tests := []struct {
		name      string
		country   string
		kind      tax.RateKind
		from      date.Date
		percent   string
		wantField string
	}{
		{"lower case country", "fr", tax.Standard, jan, "20", "country"},
		{"three letter country", "FRA", tax.Standard, jan, "20", "country"},
		{"empty country", "", tax.Standard, jan, "20", "country"},
		{"non-ASCII country", "FÉ", tax.Standard, jan, "20", "country"},
		{"unknown kind", "FR", tax.RateKind("luxury"), jan, "20", "kind"},
		{"empty kind", "FR", "", jan, "20", "kind"},
		{"zero date", "FR", tax.Standard, date.Date{}, "20", "from"},
		{"negative", "FR", tax.Standard, jan, "-0.01", "percent"},
		{"hundred", "FR", tax.Standard, jan, "100", "percent"},
		{"above hundred", "FR", tax.Standard, jan, "250", "percent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rates := tax.NewRates()
			err := rates.Register(tt.country, tt.kind, tt.from, pct(tt.percent))
			assert.ErrorIs(t, err, tax.ErrInvalidRate)
			assert.NotErrorIs(t, err, tax.ErrDuplicateRate)
			var fe *tax.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.wantField, fe.Field)
			assert.Contains(t, err.Error(), tt.wantField)
			assert.Empty(t, rates.Countries(), "a refused rate must not be stored")
		})
	}
}

func TestRegisterAcceptsBounds(t *testing.T) {
	rates := tax.NewRates()
	jan := date.MustParse("2026-01-01")
	require.NoError(t, rates.Register("FR", tax.Zero, jan, pct("0")))
	require.NoError(t, rates.Register("FR", tax.Standard, jan, pct("99.99")))
}

func TestRegisterDuplicate(t *testing.T) {
	rates := tax.DefaultRates()
	err := rates.Register("FR", tax.Standard, date.MustParse("2014-01-01"), pct("20"))
	assert.ErrorIs(t, err, tax.ErrDuplicateRate)
	assert.NotErrorIs(t, err, tax.ErrInvalidRate)
	var fe *tax.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "from", fe.Field)
	assert.Equal(t, "2014-01-01", fe.Value)

	got, err := rates.Lookup("FR", tax.Standard, date.MustParse("2014-01-01"))
	require.NoError(t, err)
	assert.True(t, pct("20").Equal(got))
}

func TestRegisterOutOfOrder(t *testing.T) {
	rates := tax.NewRates()
	for _, r := range []struct{ from, pct string }{
		{"2024-01-01", "17"}, {"2015-01-01", "17"}, {"2023-01-01", "16"},
	} {
		require.NoError(t, rates.Register("LU", tax.Standard, date.MustParse(r.from), pct(r.pct)))
	}
	for on, want := range map[string]string{
		"2015-06-01": "17", "2023-06-01": "16", "2024-06-01": "17",
	} {
		got, err := rates.Lookup("LU", tax.Standard, date.MustParse(on))
		require.NoError(t, err)
		assert.True(t, pct(want).Equal(got), "%s: got %s, want %s", on, got, want)
	}
}

func TestZeroValueRatesIsUsable(t *testing.T) {
	var rates tax.Rates
	_, err := rates.Lookup("FR", tax.Standard, date.MustParse("2026-01-01"))
	assert.ErrorIs(t, err, tax.ErrNoRate)
	require.NoError(t, rates.Register("FR", tax.Standard, date.MustParse("2014-01-01"), pct("20")))
	got, err := rates.Lookup("FR", tax.Standard, date.MustParse("2026-01-01"))
	require.NoError(t, err)
	assert.True(t, pct("20").Equal(got))
}

func TestCountries(t *testing.T) {
	assert.Equal(t, []string{"BE", "DE", "ES", "FR", "IT", "LU", "NL"}, tax.DefaultRates().Countries())
	assert.Empty(t, tax.NewRates().Countries())
}

func TestDefaultRatesAreIsolated(t *testing.T) {
	a, b := tax.DefaultRates(), tax.DefaultRates()
	require.NoError(t, a.Register("CH", tax.Standard, date.MustParse("2024-01-01"), pct("8.1")))
	require.NoError(t, a.Register("FR", tax.Standard, date.MustParse("2030-01-01"), pct("25")))

	_, err := b.Lookup("CH", tax.Standard, date.MustParse("2026-01-01"))
	assert.ErrorIs(t, err, tax.ErrNoRate)
	got, err := b.Lookup("FR", tax.Standard, date.MustParse("2031-01-01"))
	require.NoError(t, err)
	assert.True(t, pct("20").Equal(got))
	assert.NotContains(t, tax.DefaultRates().Countries(), "CH")
}

func TestConcurrentRegisterAndLookup(t *testing.T) {
	rates := tax.DefaultRates()
	start := date.MustParse("2030-01-01")
	const writers, perWriter, readers = 4, 50, 4

	var wg sync.WaitGroup
	for w := range writers {
		country := fmt.Sprintf("X%c", 'A'+w)
		wg.Go(func() {
			for i := range perWriter {
				err := rates.Register(country, tax.Standard, start.AddDays(i), decimal.NewFromInt(int64(i)))
				assert.NoError(t, err)
				// Everybody also races to register the same French rate:
				// exactly one of them wins per date.
				err = rates.Register("FR", tax.Reduced, start.AddDays(i), pct("6"))
				if err != nil && !errors.Is(err, tax.ErrDuplicateRate) {
					t.Errorf("unexpected error: %v", err)
				}
			}
		})
	}
	for range readers {
		wg.Go(func() {
			for i := range perWriter * 4 {
				got, err := rates.Lookup("FR", tax.Standard, start.AddDays(i))
				if assert.NoError(t, err) {
					assert.True(t, pct("20").Equal(got))
				}
				_ = rates.Countries()
			}
		})
	}
	wg.Wait()

	for w := range writers {
		country := fmt.Sprintf("X%c", 'A'+w)
		got, err := rates.Lookup(country, tax.Standard, start.AddDays(perWriter+10))
		require.NoError(t, err)
		assert.True(t, decimal.NewFromInt(perWriter-1).Equal(got))
	}
	got, err := rates.Lookup("FR", tax.Reduced, start.AddDays(perWriter))
	require.NoError(t, err)
	assert.True(t, pct("6").Equal(got))
}
