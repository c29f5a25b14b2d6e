package tax

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBuiltinRatesAreValid registers every built-in row through the
// validating path, which DefaultRates skips: any invalid or duplicated row
// fails here.
func TestBuiltinRatesAreValid(t *testing.T) {
	r := NewRates()
	for _, b := range builtinRates {
		err := r.Register(b.country, b.kind, b.from, b.percent)
		require.NoError(t, err, "%s %s from %s", b.country, b.kind, b.from)
	}
	assert.Equal(t, DefaultRates().Countries(), r.Countries())
}

// TestBuiltinStandardRatesExist checks that every country with built-in
// data has a standard rate, the one an invoice line defaults to.
func TestBuiltinStandardRatesExist(t *testing.T) {
	r := DefaultRates()
	for _, country := range r.Countries() {
		t.Run(country, func(t *testing.T) {
			assert.NotEmpty(t, r.table[rateKey{country, Standard}])
		})
	}
}
