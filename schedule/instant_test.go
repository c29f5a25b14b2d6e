package schedule

import (
	"testing"
	"time"

	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func TestProrateSeconds(t *testing.T) {
	utc := func(s string) time.Time {
		tm, err := time.Parse(time.RFC3339Nano, s)
		require.NoError(t, err)
		return tm
	}
	tests := []struct {
		name          string
		billed        string
		from, at, to  time.Time
		used, unused  string
		usedS, totalS int64
	}{
		{"half of April", "100.00 EUR", utc("2026-04-01T00:00:00Z"), utc("2026-04-16T00:00:00Z"), utc("2026-05-01T00:00:00Z"),
			"50.00 EUR", "50.00 EUR", 1_296_000, 2_592_000},
		{"one hour of a day", "24.00 EUR", utc("2026-04-01T00:00:00Z"), utc("2026-04-01T01:00:00Z"), utc("2026-04-02T00:00:00Z"),
			"1.00 EUR", "23.00 EUR", 3600, 86400},
		{"fractions of a second are ignored", "10.00 EUR", utc("2026-04-01T00:00:00.9Z"), utc("2026-04-01T00:00:05.99Z"),
			utc("2026-04-01T00:00:10.5Z"), "5.00 EUR", "5.00 EUR", 5, 10},
		{"at the start", "10.00 EUR", utc("2026-04-01T00:00:00Z"), utc("2026-04-01T00:00:00Z"), utc("2026-04-02T00:00:00Z"),
			"0.00 EUR", "10.00 EUR", 0, 86400},
		{"yen", "100 JPY", utc("2026-04-01T00:00:00Z"), utc("2026-04-01T00:00:01Z"), utc("2026-04-01T00:00:03Z"),
			"33 JPY", "67 JPY", 1, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ProrateSeconds(amt(tt.billed), tt.from, tt.to, tt.at)
			require.NoError(t, err)
			assert.Equal(t, tt.used, s.Used.String())
			assert.Equal(t, tt.unused, s.Unused.String())
			assert.Equal(t, tt.usedS, s.UsedSeconds)
			assert.Equal(t, tt.totalS, s.TotalSeconds)
		})
	}
}

// Across the daylight saving change in Paris on 2026-03-29 the day lasts
// 23 hours: instants count the real seconds.
func TestProrateSecondsAcrossDST(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)
	from := time.Date(2026, time.March, 29, 0, 0, 0, 0, paris)
	to := time.Date(2026, time.March, 30, 0, 0, 0, 0, paris)
	at := time.Date(2026, time.March, 29, 12, 0, 0, 0, paris)
	s, err := ProrateSeconds(amt("23.00 EUR"), from, to, at)
	require.NoError(t, err)
	assert.Equal(t, int64(23*3600), s.TotalSeconds)
	assert.Equal(t, int64(11*3600), s.UsedSeconds)
	assert.Equal(t, "11.00 EUR", s.Used.String())
	assert.Equal(t,
		"23.00 EUR × 39600/82800 seconds (2026-03-29T00:00:00+01:00..2026-03-29T12:00:00+02:00 of ..2026-03-30T00:00:00+02:00) = 11.00 EUR used, 12.00 EUR unused",
		s.String())
}

func TestProrateSecondsValidation(t *testing.T) {
	t0 := time.Date(2026, time.April, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name         string
		billed       money.Amount
		from, to, at time.Time
		field, code  string
	}{
		{"no currency", money.Amount{}, t0, t0.Add(time.Hour), t0, "billed", validation.CodeRequired},
		{"empty span", amt("1.00 EUR"), t0, t0, t0, "to", validation.CodeOutOfRange},
		{"less than a second", amt("1.00 EUR"), t0, t0.Add(time.Millisecond), t0, "to", validation.CodeOutOfRange},
		{"instant before", amt("1.00 EUR"), t0, t0.Add(time.Hour), t0.Add(-time.Second), "at", validation.CodeOutOfRange},
		{"instant after", amt("1.00 EUR"), t0, t0.Add(time.Hour), t0.Add(2 * time.Hour), "at", validation.CodeOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ProrateSeconds(tt.billed, tt.from, tt.to, tt.at)
			requireFault(t, err, tt.field, tt.code)
		})
	}
}

// Property: the used and unused parts always sum exactly to the amount.
func TestProrateSecondsSumsExactlyProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		billed := money.FromMinor(rapid.Int64Range(-1_000_000, 1_000_000).Draw(t, "minor"), money.EUR)
		from := time.Unix(rapid.Int64Range(0, 2_000_000_000).Draw(t, "from"), 0)
		to := from.Add(time.Duration(rapid.Int64Range(1, 100_000_000).Draw(t, "length")) * time.Second)
		at := from.Add(time.Duration(rapid.Int64Range(0, int64(to.Sub(from)/time.Second)).Draw(t, "at")) * time.Second)
		s, err := ProrateSeconds(billed, from, to, at)
		if err != nil {
			t.Fatal(err)
		}
		sum, err := s.Used.Add(s.Unused)
		if err != nil || !sum.Equal(billed) {
			t.Fatalf("%s + %s != %s", s.Used, s.Unused, billed)
		}
	})
}
