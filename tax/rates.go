package tax

import (
	"fmt"
	"slices"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
)

// hundred is the exclusive upper bound of a VAT rate in percent.
var hundred = decimal.NewFromInt(100)

// Rates is a table of VAT rates by country, kind of rate and the date from
// which each rate applies. A rate stays in force until the next one of the
// same country and kind.
//
// Rates is safe for concurrent use: lookups may run while rates are being
// registered. The zero value is an empty table ready to use; a Rates must
// not be copied after first use.
type Rates struct {
	mu    sync.RWMutex
	table map[rateKey][]rateEntry // each slice sorted by from, without duplicates
}

type rateKey struct {
	country string
	kind    RateKind
}

type rateEntry struct {
	from    date.Date
	percent decimal.Decimal
}

// NewRates returns an empty table.
func NewRates() *Rates {
	return &Rates{table: make(map[rateKey][]rateEntry)}
}

// Register adds a rate: from the date from, the rate of the given kind in
// country is percent (20 means 20 %).
//
// country must be an ISO 3166-1 alpha-2 code in upper case ("FR"), kind one
// of the listed kinds, from a non-zero date, and percent at least 0 and
// less than 100; otherwise Register returns a [*FieldError] naming the
// argument and wrapping [ErrInvalidRate]. Registering a second rate for the
// same country, kind and date is a [*FieldError] wrapping
// [ErrDuplicateRate]: correct a built-in rate by registering the right one
// in a table of your own, or from a later date.
func (r *Rates) Register(country string, kind RateKind, from date.Date, percent decimal.Decimal) error {
	if err := validateRate(country, kind, from, percent); err != nil {
		return err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.insert(country, kind, from, percent) {
		return &FieldError{Field: "from", Value: from.String(),
			Reason: fmt.Sprintf("a %s rate for %s from this date is already registered", kind, country),
			err:    ErrDuplicateRate}
	}
	return nil
}

// validateRate checks the arguments of Register, in the order they are
// given.
func validateRate(country string, kind RateKind, from date.Date, percent decimal.Decimal) error {
	if !isCountryCode(country) {
		return &FieldError{Field: "country", Value: country,
			Reason: "want an ISO 3166-1 alpha-2 code in upper case, such as FR", err: ErrInvalidRate}
	}
	if !kind.Valid() {
		return &FieldError{Field: "kind", Value: string(kind),
			Reason: "unknown kind of rate", err: ErrInvalidRate}
	}
	if from.IsZero() {
		return &FieldError{Field: "from", Value: "",
			Reason: "the date from which the rate applies is missing", err: ErrInvalidRate}
	}
	if percent.IsNegative() || percent.GreaterThanOrEqual(hundred) {
		return &FieldError{Field: "percent", Value: percent.String(),
			Reason: "want a percentage from 0 to less than 100", err: ErrInvalidRate}
	}
	return nil
}

// isCountryCode reports whether s is two upper case ASCII letters. It does
// not check that the code is assigned.
func isCountryCode(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}

// insert adds an entry in date order and reports false, changing nothing,
// when one already exists for that date. The caller holds the write lock.
func (r *Rates) insert(country string, kind RateKind, from date.Date, percent decimal.Decimal) bool {
	if r.table == nil {
		r.table = make(map[rateKey][]rateEntry)
	}
	key := rateKey{country, kind}
	entries := r.table[key]
	i, found := slices.BinarySearchFunc(entries, from, func(e rateEntry, d date.Date) int {
		return e.from.Compare(d)
	})
	if found {
		return false
	}
	r.table[key] = slices.Insert(entries, i, rateEntry{from: from, percent: percent})
	return true
}

// Lookup returns the rate of the given kind in force in country on the date
// on, in percent: the one registered with the latest start date not after
// on. When the country or kind has no rate, or on is before the first one
// (or zero), it returns a [*NoRateError] wrapping [ErrNoRate].
func (r *Rates) Lookup(country string, kind RateKind, on date.Date) (decimal.Decimal, error) {
	r.mu.RLock()
	entries := r.table[rateKey{country, kind}]
	// Index of the first entry that starts after on.
	i, found := slices.BinarySearchFunc(entries, on, func(e rateEntry, d date.Date) int {
		return e.from.Compare(d)
	})
	if found {
		i++
	}
	var pct decimal.Decimal
	if i > 0 {
		pct = entries[i-1].percent
	}
	r.mu.RUnlock()

	if i == 0 {
		return decimal.Decimal{}, &NoRateError{Country: country, Kind: kind, Date: on}
	}
	return pct, nil
}

// Countries returns the countries that have at least one rate, sorted.
func (r *Rates) Countries() []string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	var out []string
	for key := range r.table {
		out = append(out, key.country)
	}
	slices.Sort(out)
	return slices.Compact(out)
}
