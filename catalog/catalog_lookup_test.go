package catalog_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

func TestPriceAt(t *testing.T) {
	c := newCatalog(t)
	for _, s := range []catalog.PriceSpec{
		version("2026-h2", "2026-07-01", "2027-01-01"),
		version("2026-h1", "2026-01-01", "2026-07-01"),
		version("2027", "2027-02-01", ""),
	} {
		_, err := c.AddPrice(s)
		require.NoError(t, err)
	}
	tests := []struct {
		on   string
		want string // price ID, or "" for none
	}{
		{"2025-12-31", ""},
		{"2026-01-01", "2026-h1"},
		{"2026-06-30", "2026-h1"},
		{"2026-07-01", "2026-h2"},
		{"2026-12-31", "2026-h2"},
		{"2027-01-01", ""},
		{"2027-01-31", ""},
		{"2027-02-01", "2027"},
		{"9999-12-31", "2027"},
	}
	for _, tt := range tests {
		t.Run(tt.on, func(t *testing.T) {
			on := date.MustParse(tt.on)
			p, err := c.PriceAt("p1", "std", money.EUR, on)
			if tt.want != "" {
				require.NoError(t, err)
				assert.Equal(t, tt.want, p.ID())
				assert.True(t, p.InForce(on))
				return
			}
			var np *catalog.NoPriceError
			require.ErrorAs(t, err, &np)
			assert.ErrorIs(t, err, catalog.ErrNoPrice)
			assert.Equal(t, catalog.NoPriceError{ProductID: "p1", BookID: "std", Currency: money.EUR, On: on}, *np)
			assert.True(t, p.IsZero())
		})
	}
}

func TestPriceAtErrors(t *testing.T) {
	c := newCatalog(t)
	_, err := c.AddPrice(version("v1", "2026-01-01", ""))
	require.NoError(t, err)
	on := date.MustParse("2026-03-01")

	_, err = c.PriceAt("p1", "std", money.USD, on)
	assert.ErrorIs(t, err, catalog.ErrNoPrice, "no price in another currency")

	var nf *catalog.NotFoundError
	_, err = c.PriceAt("nope", "std", money.EUR, on)
	require.ErrorAs(t, err, &nf)
	assert.Equal(t, catalog.NotFoundError{Kind: catalog.KindProduct, ID: "nope"}, *nf)
	_, err = c.PriceAt("p1", "nope", money.EUR, on)
	require.ErrorAs(t, err, &nf)
	assert.Equal(t, catalog.NotFoundError{Kind: catalog.KindBook, ID: "nope"}, *nf)

	_, err = c.PriceAt("p1", "std", money.Currency{}, date.Date{})
	requireFaults(t, err, [2]string{"currency", validation.CodeRequired}, [2]string{"on", validation.CodeRequired})
}

func TestPriceAtInactive(t *testing.T) {
	c := newCatalog(t)
	_, err := c.AddPrice(version("v1", "2026-01-01", ""))
	require.NoError(t, err)
	on := date.MustParse("2026-03-01")

	require.NoError(t, c.ArchiveProduct("p1"))
	p, err := c.PriceAt("p1", "std", money.EUR, on)
	var ie *catalog.InactiveError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, catalog.InactiveError{Kind: catalog.KindProduct, ID: "p1"}, *ie)
	assert.Equal(t, "v1", p.ID(), "the price stays readable")
	assert.Len(t, c.Prices("p1"), 1)

	require.NoError(t, c.RestoreProduct("p1"))
	require.NoError(t, c.UpdateBook(catalog.PriceBook{ID: "std", Name: "Standard EUR", Active: false}))
	p, err = c.PriceAt("p1", "std", money.EUR, on)
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, catalog.InactiveError{Kind: catalog.KindBook, ID: "std"}, *ie)
	assert.Equal(t, "v1", p.ID())

	_, err = c.PriceAt("p1", "std", money.EUR, date.MustParse("2025-01-01"))
	assert.ErrorIs(t, err, catalog.ErrNoPrice, "no price is reported before inactivity")
}

func TestPricesAreSorted(t *testing.T) {
	c := newCatalog(t)
	require.NoError(t, c.AddBook(catalog.PriceBook{ID: "a-book", Name: "A", Active: true}))
	specs := []catalog.PriceSpec{
		version("std-eur-2027", "2027-01-01", ""),
		version("std-eur-2026", "2026-01-01", "2027-01-01"),
	}
	usd := version("std-usd", "2026-01-01", "")
	usd.Currency = money.USD
	other := version("a-eur", "2026-01-01", "")
	other.BookID = "a-book"
	for _, s := range append(specs, usd, other) {
		_, err := c.AddPrice(s)
		require.NoError(t, err)
	}
	var ids []string
	for _, p := range c.Prices("p1") {
		ids = append(ids, p.ID())
	}
	assert.Equal(t, []string{"a-eur", "std-eur-2026", "std-eur-2027", "std-usd"}, ids)
	assert.Empty(t, c.Prices("nope"))
}

// TestPriceAtFindsExactlyOneVersion checks, for random sets of
// non-overlapping versions added in random order, that PriceAt finds the
// one version containing a day, and reports no price outside them.
func TestPriceAtFindsExactlyOneVersion(t *testing.T) {
	start := date.MustParse("2026-01-01")
	rapid.Check(t, func(t *rapid.T) {
		// Cut points of the timeline; consecutive points bound a version
		// unless that interval is a gap.
		n := rapid.IntRange(1, 8).Draw(t, "versions")
		offsets := rapid.SliceOfNDistinct(rapid.IntRange(0, 400), n+1, n+1, rapid.ID[int]).Draw(t, "cuts")
		slices.Sort(offsets)
		openEnd := rapid.Bool().Draw(t, "open end")
		type period struct {
			id       string
			from, to date.Date // to is zero when open-ended
		}
		var periods []period
		for i := 0; i < n; i++ {
			if rapid.Bool().Draw(t, fmt.Sprintf("gap %d", i)) {
				continue
			}
			p := period{id: fmt.Sprintf("v%d", i), from: start.AddDays(offsets[i]), to: start.AddDays(offsets[i+1])}
			if i == n-1 && openEnd {
				p.to = date.Date{}
			}
			periods = append(periods, p)
		}
		order := rapid.Permutation(periods).Draw(t, "order")

		c := newCatalog(t)
		for _, p := range order {
			s := version(p.id, p.from.String(), "")
			s.EffectiveTo = p.to
			_, err := c.AddPrice(s)
			require.NoError(t, err)
		}
		for range 20 {
			on := start.AddDays(rapid.IntRange(-5, 420).Draw(t, "day"))
			var containing []string
			for _, p := range periods {
				if !on.Before(p.from) && (p.to.IsZero() || on.Before(p.to)) {
					containing = append(containing, p.id)
				}
			}
			require.LessOrEqual(t, len(containing), 1, "the generator made overlapping versions")
			got, err := c.PriceAt("p1", "std", money.EUR, on)
			if len(containing) == 0 {
				require.ErrorIs(t, err, catalog.ErrNoPrice, "on %s", on)
				continue
			}
			require.NoError(t, err, "on %s", on)
			require.Equal(t, containing[0], got.ID(), "on %s among %s", on, describe(c.Prices("p1")))
		}
	})
}

func describe(prices []catalog.Price) string {
	parts := make([]string, len(prices))
	for i, p := range prices {
		parts[i] = p.ID() + " " + p.Period()
	}
	return strings.Join(parts, ", ")
}
