package catalog

import "github.com/billkit/billkit/validation"

// PriceBook is a named list of prices, such as "Standard EUR" or
// "Partners": a product has one price version per book and currency at any
// date. Prices in an inactive book stay readable but Catalog.PriceAt
// reports them with an *InactiveError.
type PriceBook struct {
	ID     string `json:"id" validate:"required,max=64,text"`
	Name   string `json:"name" validate:"required,max=200,text"`
	Active bool   `json:"active"`
}

// Validate returns a *validation.Error listing every fault of b.
func (b PriceBook) Validate() error {
	var errs validation.Errors
	errs.Merge(validation.Struct(b))
	checkID(&errs, "id", b.ID)
	checkID(&errs, "name", b.Name)
	return errs.Err()
}
