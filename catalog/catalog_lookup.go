package catalog

import (
	"cmp"
	"slices"
	"sort"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// PriceAt returns the version of the price of a product in a price book and
// currency that is in force on day on.
//
// An unknown product or book is a *NotFoundError, and no version in force a
// *NoPriceError. When the product is archived or the book inactive, PriceAt
// returns the version together with an *InactiveError: quotes must refuse
// it, while a host billing an existing contract may use the price after
// checking errors.Is(err, ErrInactive). A missing currency or date is a
// *validation.Error.
func (c *Catalog) PriceAt(productID, bookID string, currency money.Currency, on date.Date) (Price, error) {
	var errs validation.Errors
	if currency.IsZero() {
		errs.Add("currency", validation.CodeRequired, "is required")
	}
	if on.IsZero() {
		errs.Add("on", validation.CodeRequired, "is required")
	}
	if err := errs.Err(); err != nil {
		return Price{}, err
	}
	c.mu.RLock()
	defer c.mu.RUnlock()
	prod, ok := c.products[productID]
	if !ok {
		return Price{}, &NotFoundError{Kind: KindProduct, ID: productID}
	}
	book, ok := c.books[bookID]
	if !ok {
		return Price{}, &NotFoundError{Kind: KindBook, ID: bookID}
	}
	versions := c.series[seriesKey{product: productID, book: bookID, currency: currency}]
	// The last version starting on or before on is the only candidate:
	// versions do not overlap.
	i := sort.Search(len(versions), func(i int) bool { return versions[i].EffectiveFrom().After(on) }) - 1
	if i < 0 || !versions[i].InForce(on) {
		return Price{}, &NoPriceError{ProductID: productID, BookID: bookID, Currency: currency, On: on}
	}
	p := versions[i]
	switch {
	case !prod.IsActive():
		return p, &InactiveError{Kind: KindProduct, ID: productID}
	case !book.Active:
		return p, &InactiveError{Kind: KindBook, ID: bookID}
	}
	return p, nil
}

// Price returns the price version with the given ID, or a *NotFoundError.
func (c *Catalog) Price(id string) (Price, error) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	p, ok := c.prices[id]
	if !ok {
		return Price{}, &NotFoundError{Kind: KindPrice, ID: id}
	}
	return p, nil
}

// Prices returns every price version of a product, archived products
// included, sorted by price book, currency and EffectiveFrom.
func (c *Catalog) Prices(productID string) []Price {
	c.mu.RLock()
	var out []Price
	for key, versions := range c.series {
		if key.product == productID {
			out = append(out, versions...)
		}
	}
	c.mu.RUnlock()
	slices.SortFunc(out, func(a, b Price) int {
		return cmp.Or(cmp.Compare(a.BookID(), b.BookID()),
			cmp.Compare(a.Currency().Code(), b.Currency().Code()),
			a.EffectiveFrom().Compare(b.EffectiveFrom()))
	})
	return out
}
