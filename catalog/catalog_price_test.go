package catalog_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// version returns a spec of product p1 in book std in EUR over [from, to);
// an empty to means no end.
func version(id, from, to string) catalog.PriceSpec {
	s := baseSpec()
	s.ID = id
	s.EffectiveFrom = date.MustParse(from)
	if to != "" {
		s.EffectiveTo = date.MustParse(to)
	}
	return s
}

func TestAddPriceFaults(t *testing.T) {
	c := newCatalog(t)
	_, err := c.AddPrice(version("v1", "2026-01-01", "2026-07-01"))
	require.NoError(t, err)
	require.NoError(t, c.AddProduct(catalog.Product{ID: "old", SKU: "OLD", Name: "Old", Unit: "C62",
		TaxCategory: "S", RateKind: "standard", Status: catalog.ProductArchived}))

	tests := []struct {
		name   string
		edit   func(s *catalog.PriceSpec)
		faults [][2]string
	}{
		{"unknown product and book", func(s *catalog.PriceSpec) { s.ProductID, s.BookID = "nope", "nope" },
			[][2]string{{"product_id", validation.CodeUnknown}, {"book_id", validation.CodeUnknown}}},
		{"archived product", func(s *catalog.PriceSpec) { s.ProductID = "old" },
			[][2]string{{"product_id", validation.CodeInactive}}},
		{"same ID", func(s *catalog.PriceSpec) { s.ID = "v1"; s.EffectiveFrom = date.MustParse("2027-01-01") },
			[][2]string{{"id", validation.CodeDuplicate}}},
		{"overlap", func(s *catalog.PriceSpec) { s.EffectiveFrom = date.MustParse("2026-06-30") },
			[][2]string{{"effective_from", validation.CodeOverlap}}},
		{"overlap and invalid", func(s *catalog.PriceSpec) { s.ProductID = "nope"; s.Pricing.UnitPrice = d("-1") },
			[][2]string{{"product_id", validation.CodeUnknown}, {"pricing.unit_price", validation.CodeOutOfRange}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := version("v2", "2026-07-01", "")
			tt.edit(&s)
			p, err := c.AddPrice(s)
			requireFaults(t, err, tt.faults...)
			assert.True(t, p.IsZero())
			_, err = c.Price("v2")
			assert.ErrorIs(t, err, catalog.ErrNotFound, "nothing stored")
		})
	}
}

func TestAddPriceOverlap(t *testing.T) {
	tests := []struct {
		name     string
		from, to string
		overlaps bool
	}{
		{"ends where the other starts", "2025-01-01", "2026-01-01", false},
		{"starts where the other ends", "2026-07-01", "", false},
		{"one day in common at the start", "2025-01-01", "2026-01-02", true},
		{"one day in common at the end", "2026-06-30", "2026-12-31", true},
		{"inside", "2026-02-01", "2026-03-01", true},
		{"around", "2025-01-01", "2027-01-01", true},
		{"open-ended from before", "2025-12-01", "", true},
		{"same period", "2026-01-01", "2026-07-01", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCatalog(t)
			_, err := c.AddPrice(version("v1", "2026-01-01", "2026-07-01"))
			require.NoError(t, err)
			_, err = c.AddPrice(version("v2", tt.from, tt.to))
			if !tt.overlaps {
				assert.NoError(t, err)
				return
			}
			ve := asValidation(t, err)
			require.Len(t, ve.Faults, 1)
			assert.Equal(t, validation.CodeOverlap, ve.Faults[0].Code)
			assert.Contains(t, ve.Faults[0].Message, `"v1"`)
			assert.Contains(t, ve.Faults[0].Message, "2026-01-01..2026-06-30")
		})
	}
}

func TestAddPriceOtherSeriesDoNotOverlap(t *testing.T) {
	c := newCatalog(t)
	require.NoError(t, c.AddBook(catalog.PriceBook{ID: "partners", Name: "Partners", Active: true}))
	_, err := c.AddPrice(version("v1", "2026-01-01", ""))
	require.NoError(t, err)

	inUSD := version("v2", "2026-01-01", "")
	inUSD.Currency = money.USD
	inPartners := version("v3", "2026-01-01", "")
	inPartners.BookID = "partners"
	for _, s := range []catalog.PriceSpec{inUSD, inPartners} {
		_, err := c.AddPrice(s)
		assert.NoError(t, err, s.ID)
	}
	assert.Len(t, c.Prices("p1"), 3)
}

func TestClosePrice(t *testing.T) {
	c := newCatalog(t)
	_, err := c.AddPrice(version("v1", "2026-01-01", ""))
	require.NoError(t, err)

	// Replace v1 from March: close it, then add the next version.
	closed, err := c.ClosePrice("v1", date.MustParse("2026-03-01"))
	require.NoError(t, err)
	assert.Equal(t, "2026-01-01..2026-02-28", closed.Period())
	next := version("v2", "2026-03-01", "")
	next.Pricing.UnitPrice = d("3")
	_, err = c.AddPrice(next)
	require.NoError(t, err)

	for on, want := range map[string]string{"2026-02-28": "v1", "2026-03-01": "v2"} {
		p, err := c.PriceAt("p1", "std", money.EUR, date.MustParse(on))
		require.NoError(t, err)
		assert.Equal(t, want, p.ID(), on)
	}
	stored, err := c.Price("v1")
	require.NoError(t, err)
	assert.Equal(t, date.MustParse("2026-03-01"), stored.EffectiveTo())

	t.Run("overlapping the next version", func(t *testing.T) {
		_, err := c.ClosePrice("v1", date.MustParse("2026-03-02"))
		requireFaults(t, err, [2]string{"effective_from", validation.CodeOverlap})
	})
	t.Run("before the start", func(t *testing.T) {
		_, err := c.ClosePrice("v1", date.MustParse("2026-01-01"))
		requireFaults(t, err, [2]string{"effective_to", validation.CodeOutOfRange})
	})
	t.Run("no end", func(t *testing.T) {
		_, err := c.ClosePrice("v1", date.Date{})
		requireFaults(t, err, [2]string{"effective_to", validation.CodeRequired})
	})
	t.Run("unknown", func(t *testing.T) {
		_, err := c.ClosePrice("nope", date.MustParse("2026-03-01"))
		assert.ErrorIs(t, err, catalog.ErrNotFound)
	})
	after, err := c.Price("v1")
	require.NoError(t, err)
	assert.Equal(t, date.MustParse("2026-03-01"), after.EffectiveTo(), "failed calls change nothing")
}

func TestCatalogConcurrentUse(t *testing.T) {
	c := newCatalog(t)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				from := date.MustParse("2026-01-01").AddDays(w*100 + i)
				s := version(fmt.Sprintf("v%d-%d", w, i), from.String(), from.AddDays(1).String())
				if _, err := c.AddPrice(s); err != nil {
					t.Error(err)
					return
				}
				if _, err := c.PriceAt("p1", "std", money.EUR, from); err != nil {
					t.Error(err)
					return
				}
				_ = c.Products()
			}
		}()
	}
	wg.Wait()
	assert.Len(t, c.Prices("p1"), 80)
}
