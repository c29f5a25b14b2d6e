package catalog

import (
	"cmp"
	"slices"
	"strconv"
	"sync"

	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// Catalog holds products, price books and price versions, and enforces
// their invariants: unique IDs and SKUs, prices only for known products and
// books, no two versions of a price in force on the same day. It is safe
// for concurrent use. Every method validates its input completely before
// changing anything, so a failed call leaves the catalog as it was.
//
// The catalog keeps its data in memory; hosts persist the values it returns
// (Product, PriceBook, Price.Spec) and load them back through the same
// methods. The zero Catalog is empty and ready to use.
type Catalog struct {
	mu       sync.RWMutex
	products map[string]Product
	skus     map[string]string // SKU -> product ID
	books    map[string]PriceBook
	prices   map[string]Price      // price ID -> version
	series   map[seriesKey][]Price // versions sorted by EffectiveFrom
}

// seriesKey identifies the versions of one price: product, book, currency.
type seriesKey struct {
	product, book string
	currency      money.Currency
}

// New returns an empty catalog.
func New() *Catalog { return &Catalog{} }

// ensureMaps makes the maps of a zero Catalog; c.mu must be held for writing.
func (c *Catalog) ensureMaps() {
	if c.products == nil {
		c.products = make(map[string]Product)
		c.skus = make(map[string]string)
		c.books = make(map[string]PriceBook)
		c.prices = make(map[string]Price)
		c.series = make(map[seriesKey][]Price)
	}
}

// AddProduct adds p. Faults of p, an ID already used and a SKU already used
// by another product are reported together in a *validation.Error. An empty
// Status is stored as ProductActive.
func (c *Catalog) AddProduct(p Product) error {
	var errs validation.Errors
	errs.Merge(p.Validate())
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ensureMaps()
	if _, ok := c.products[p.ID]; ok && p.ID != "" {
		errs.Add("id", validation.CodeDuplicate, "product "+strconv.Quote(p.ID)+" already exists")
	}
	if other, ok := c.skus[p.SKU]; ok && p.SKU != "" {
		errs.Add("sku", validation.CodeDuplicate, "is already used by product "+strconv.Quote(other))
	}
	if err := errs.Err(); err != nil {
		return err
	}
	if p.Status == "" {
		p.Status = ProductActive
	}
	c.products[p.ID] = p
	c.skus[p.SKU] = p.ID
	return nil
}

// UpdateProduct replaces the product with p's ID by p. An unknown ID is a
// *NotFoundError. Faults of p and a SKU used by another product are a
// *validation.Error. The status changes only through ArchiveProduct and
// RestoreProduct: p.Status must be empty (keep it) or the current status.
func (c *Catalog) UpdateProduct(p Product) error {
	var errs validation.Errors
	errs.Merge(p.Validate())
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ensureMaps()
	old, ok := c.products[p.ID]
	if !ok && p.ID != "" {
		return &NotFoundError{Kind: KindProduct, ID: p.ID}
	}
	if other, used := c.skus[p.SKU]; used && other != p.ID {
		errs.Add("sku", validation.CodeDuplicate, "is already used by product "+strconv.Quote(other))
	}
	if p.Status != "" && p.Status.Valid() && p.Status != old.Status {
		errs.Add("status", validation.CodeForbidden, "changes with ArchiveProduct or RestoreProduct")
	}
	if err := errs.Err(); err != nil {
		return err
	}
	p.Status = old.Status
	delete(c.skus, old.SKU)
	c.products[p.ID] = p
	c.skus[p.SKU] = p.ID
	return nil
}

// ArchiveProduct archives an active product: it is no longer offered, but
// its prices stay readable. An unknown ID is a *NotFoundError; a product
// already archived is a *TransitionError.
func (c *Catalog) ArchiveProduct(id string) error {
	return c.setStatus(id, ProductActive, ProductArchived)
}

// RestoreProduct makes an archived product active again. An unknown ID is a
// *NotFoundError; a product that is not archived is a *TransitionError.
func (c *Catalog) RestoreProduct(id string) error {
	return c.setStatus(id, ProductArchived, ProductActive)
}

func (c *Catalog) setStatus(id string, from, to ProductStatus) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.products[id]
	switch {
	case !ok:
		return &NotFoundError{Kind: KindProduct, ID: id}
	case p.Status != from:
		return &TransitionError{ProductID: id, From: p.Status, To: to}
	}
	p.Status = to
	c.products[id] = p
	return nil
}

// Product returns the product with the given ID, or a *NotFoundError.
func (c *Catalog) Product(id string) (Product, error) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	p, ok := c.products[id]
	if !ok {
		return Product{}, &NotFoundError{Kind: KindProduct, ID: id}
	}
	return p, nil
}

// ProductBySKU returns the product with the given SKU, or a *NotFoundError
// naming the SKU.
func (c *Catalog) ProductBySKU(sku string) (Product, error) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	id, ok := c.skus[sku]
	if !ok {
		return Product{}, &NotFoundError{Kind: KindProduct, ID: sku}
	}
	return c.products[id], nil
}

// Products returns every product, archived ones included, sorted by SKU.
func (c *Catalog) Products() []Product {
	c.mu.RLock()
	out := make([]Product, 0, len(c.products))
	for _, p := range c.products {
		out = append(out, p)
	}
	c.mu.RUnlock()
	slices.SortFunc(out, func(a, b Product) int { return cmp.Compare(a.SKU, b.SKU) })
	return out
}

// AddBook adds the price book b. Faults of b and an ID already used are a
// *validation.Error.
func (c *Catalog) AddBook(b PriceBook) error {
	var errs validation.Errors
	errs.Merge(b.Validate())
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ensureMaps()
	if _, ok := c.books[b.ID]; ok && b.ID != "" {
		errs.Add("id", validation.CodeDuplicate, "price book "+strconv.Quote(b.ID)+" already exists")
	}
	if err := errs.Err(); err != nil {
		return err
	}
	c.books[b.ID] = b
	return nil
}

// UpdateBook replaces the price book with b's ID by b, to rename it or
// change whether it is active. An unknown ID is a *NotFoundError; faults of
// b are a *validation.Error.
func (c *Catalog) UpdateBook(b PriceBook) error {
	if err := b.Validate(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.books[b.ID]; !ok {
		return &NotFoundError{Kind: KindBook, ID: b.ID}
	}
	c.books[b.ID] = b
	return nil
}

// Book returns the price book with the given ID, or a *NotFoundError.
func (c *Catalog) Book(id string) (PriceBook, error) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	b, ok := c.books[id]
	if !ok {
		return PriceBook{}, &NotFoundError{Kind: KindBook, ID: id}
	}
	return b, nil
}

// Books returns every price book sorted by name, then ID.
func (c *Catalog) Books() []PriceBook {
	c.mu.RLock()
	out := make([]PriceBook, 0, len(c.books))
	for _, b := range c.books {
		out = append(out, b)
	}
	c.mu.RUnlock()
	slices.SortFunc(out, func(a, b PriceBook) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	return out
}
