package catalog_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/validation"
)

func TestAddProduct(t *testing.T) {
	c := newCatalog(t)
	got, err := c.Product("p1")
	require.NoError(t, err)
	assert.Equal(t, catalog.ProductActive, got.Status, "an empty status is stored as active")

	tests := []struct {
		name   string
		edit   func(p *catalog.Product)
		faults [][2]string
	}{
		{"same ID", func(p *catalog.Product) { p.SKU = "OTHER" }, [][2]string{{"id", validation.CodeDuplicate}}},
		{"same SKU", func(p *catalog.Product) { p.ID = "p2" }, [][2]string{{"sku", validation.CodeDuplicate}}},
		{"same both, and invalid", func(p *catalog.Product) { p.Unit = "x" }, [][2]string{
			{"id", validation.CodeDuplicate}, {"sku", validation.CodeDuplicate}, {"unit", validation.CodeInvalid}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := baseProduct()
			tt.edit(&p)
			requireFaults(t, c.AddProduct(p), tt.faults...)
			assert.Len(t, c.Products(), 1, "nothing stored")
		})
	}
}

func TestUpdateProduct(t *testing.T) {
	c := newCatalog(t)
	other := baseProduct()
	other.ID, other.SKU = "p2", "SEATS"
	require.NoError(t, c.AddProduct(other))

	t.Run("renames and changes SKU", func(t *testing.T) {
		p := baseProduct()
		p.Name, p.SKU = "API requests", "API-REQ"
		require.NoError(t, c.UpdateProduct(p))
		got, err := c.ProductBySKU("API-REQ")
		require.NoError(t, err)
		assert.Equal(t, "API requests", got.Name)
		assert.Equal(t, catalog.ProductActive, got.Status)
		_, err = c.ProductBySKU("API-CALLS")
		assert.ErrorIs(t, err, catalog.ErrNotFound, "the old SKU is free again")
	})
	t.Run("unknown product", func(t *testing.T) {
		p := baseProduct()
		p.ID = "nope"
		var nf *catalog.NotFoundError
		require.ErrorAs(t, c.UpdateProduct(p), &nf)
		assert.Equal(t, catalog.KindProduct, nf.Kind)
		assert.Equal(t, "nope", nf.ID)
	})
	t.Run("SKU of another product", func(t *testing.T) {
		p := baseProduct()
		p.SKU = "SEATS"
		requireFaults(t, c.UpdateProduct(p), [2]string{"sku", validation.CodeDuplicate})
	})
	t.Run("status change", func(t *testing.T) {
		p := baseProduct()
		p.SKU = "API-REQ"
		p.Status = catalog.ProductArchived
		requireFaults(t, c.UpdateProduct(p), [2]string{"status", validation.CodeForbidden})
		got, err := c.Product("p1")
		require.NoError(t, err)
		assert.True(t, got.IsActive(), "nothing changed")
	})
	t.Run("invalid", func(t *testing.T) {
		p := baseProduct()
		p.Name = ""
		requireFaults(t, c.UpdateProduct(p), [2]string{"name", validation.CodeRequired})
	})
}

func TestArchiveAndRestoreProduct(t *testing.T) {
	c := newCatalog(t)
	require.NoError(t, c.ArchiveProduct("p1"))
	got, err := c.Product("p1")
	require.NoError(t, err)
	assert.Equal(t, catalog.ProductArchived, got.Status)

	var te *catalog.TransitionError
	require.ErrorAs(t, c.ArchiveProduct("p1"), &te)
	assert.ErrorIs(t, te, catalog.ErrInvalidTransition)
	assert.Equal(t, catalog.ProductArchived, te.From)

	require.NoError(t, c.RestoreProduct("p1"))
	assert.ErrorIs(t, c.RestoreProduct("p1"), catalog.ErrInvalidTransition)
	assert.ErrorIs(t, c.ArchiveProduct("nope"), catalog.ErrNotFound)
	assert.ErrorIs(t, c.RestoreProduct("nope"), catalog.ErrNotFound)
}

func TestProductLookups(t *testing.T) {
	c := newCatalog(t)
	for _, p := range []catalog.Product{
		{ID: "p3", SKU: "C-SUPPORT", Name: "Support", Unit: catalog.UnitHour, TaxCategory: "S", RateKind: "standard"},
		{ID: "p2", SKU: "B-SEATS", Name: "Seats", Unit: catalog.UnitOne, TaxCategory: "S", RateKind: "standard"},
	} {
		require.NoError(t, c.AddProduct(p))
	}
	var skus []string
	for _, p := range c.Products() {
		skus = append(skus, p.SKU)
	}
	assert.Equal(t, []string{"API-CALLS", "B-SEATS", "C-SUPPORT"}, skus)

	p, err := c.ProductBySKU("B-SEATS")
	require.NoError(t, err)
	assert.Equal(t, "p2", p.ID)
	_, err = c.Product("nope")
	assert.ErrorIs(t, err, catalog.ErrNotFound)
}

func TestBooks(t *testing.T) {
	c := newCatalog(t)
	require.NoError(t, c.AddBook(catalog.PriceBook{ID: "partners", Name: "Partners", Active: true}))
	requireFaults(t, c.AddBook(catalog.PriceBook{ID: "std", Name: "Again"}), [2]string{"id", validation.CodeDuplicate})
	requireFaults(t, c.AddBook(catalog.PriceBook{ID: "x"}), [2]string{"name", validation.CodeRequired})

	var names []string
	for _, b := range c.Books() {
		names = append(names, b.Name)
	}
	assert.Equal(t, []string{"Partners", "Standard EUR"}, names)

	require.NoError(t, c.UpdateBook(catalog.PriceBook{ID: "partners", Name: "Partners 2026"}))
	b, err := c.Book("partners")
	require.NoError(t, err)
	assert.Equal(t, "Partners 2026", b.Name)
	assert.False(t, b.Active)

	assert.ErrorIs(t, c.UpdateBook(catalog.PriceBook{ID: "nope", Name: "N"}), catalog.ErrNotFound)
	requireFaults(t, c.UpdateBook(catalog.PriceBook{ID: "partners"}), [2]string{"name", validation.CodeRequired})
	_, err = c.Book("nope")
	assert.ErrorIs(t, err, catalog.ErrNotFound)
}

func TestZeroCatalogIsUsable(t *testing.T) {
	var c catalog.Catalog
	assert.Empty(t, c.Products())
	assert.Empty(t, c.Books())
	assert.Empty(t, c.Prices("p1"))
	_, err := c.PriceAt("p1", "std", baseSpec().Currency, baseSpec().EffectiveFrom)
	assert.ErrorIs(t, err, catalog.ErrNotFound)
	require.NoError(t, c.AddProduct(baseProduct()))
	require.NoError(t, c.AddBook(catalog.PriceBook{ID: "std", Name: "Standard", Active: true}))
	_, err = c.AddPrice(baseSpec())
	require.NoError(t, err)
}
