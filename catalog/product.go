package catalog

import (
	"github.com/billkit/billkit/tax"
	"github.com/billkit/billkit/validation"
)

// ProductStatus is the life-cycle state of a product. It is serialised as
// its string value.
type ProductStatus string

// Product statuses.
const (
	// ProductActive products can be quoted and sold.
	ProductActive ProductStatus = "active"
	// ProductArchived products are no longer sold: their prices stay
	// readable, for contracts that already bill them, but Catalog.PriceAt
	// reports them with an *InactiveError so that new quotes refuse them.
	ProductArchived ProductStatus = "archived"
)

// Valid reports whether s is one of the declared statuses.
func (s ProductStatus) Valid() bool { return s == ProductActive || s == ProductArchived }

// Product is something sold: a good, a service, a subscription or a metered
// resource. Its prices are versions held by the Catalog, per price book and
// currency.
type Product struct {
	// ID identifies the product; hosts use UUIDv7 strings.
	ID string `json:"id" validate:"required,max=64,text"`
	// SKU is the stock-keeping unit, unique in a catalog.
	SKU  string `json:"sku" validate:"required,max=64,text"`
	Name string `json:"name" validate:"required,max=200,text"`
	// Description is the longer text an invoice line may carry.
	Description string `json:"description,omitempty" validate:"max=4000,multiline"`
	// Unit is the unit of measure of quantities of the product.
	Unit UnitCode `json:"unit"`
	// TaxCategory is the EN 16931 VAT category of the product.
	TaxCategory tax.Category `json:"tax_category"`
	// RateKind is which of a country's VAT rates applies. It is required
	// for the standard rate category S (and must not be tax.Zero there);
	// for the categories whose rate is always zero (Z, E, AE, K, G) it is
	// empty or tax.Zero; for O, which carries no rate, it must be empty;
	// for L and M it is optional.
	RateKind tax.RateKind `json:"rate_kind,omitempty"`
	// Status is ProductActive or ProductArchived. Catalog.AddProduct stores
	// an empty Status as ProductActive.
	Status ProductStatus `json:"status,omitempty"`
}

// IsActive reports whether p can be sold: its status is active or empty.
func (p Product) IsActive() bool { return p.Status == ProductActive || p.Status == "" }

// Validate returns a *validation.Error listing every fault of p.
func (p Product) Validate() error {
	var errs validation.Errors
	errs.Merge(validation.Struct(p))
	checkID(&errs, "id", p.ID)
	checkID(&errs, "sku", p.SKU)
	checkID(&errs, "name", p.Name)
	switch {
	case p.Unit == "":
		errs.Add("unit", validation.CodeRequired, "is required")
	case !p.Unit.Valid():
		errs.Add("unit", validation.CodeInvalid, "must be a UN/ECE Recommendation 20 code: 2 or 3 upper-case letters or digits")
	}
	validateTax(&errs, p.TaxCategory, p.RateKind)
	if p.Status != "" && !p.Status.Valid() {
		errs.Add("status", validation.CodeNotAllowed, "must be one of: active, archived")
	}
	return errs.Err()
}

// validateTax records the faults of a VAT category and rate kind pair.
func validateTax(errs *validation.Errors, cat tax.Category, kind tax.RateKind) {
	switch {
	case cat == "":
		errs.Add("tax_category", validation.CodeRequired, "is required")
		return
	case !cat.Valid():
		errs.Add("tax_category", validation.CodeNotAllowed, "must be one of: S, Z, E, AE, K, G, O, L, M")
		return
	}
	switch {
	case kind != "" && !kind.Valid():
		errs.Add("rate_kind", validation.CodeNotAllowed,
			"must be one of: standard, intermediate, reduced, super_reduced, zero, parking")
	case !cat.HasRate() && kind != "":
		errs.Add("rate_kind", validation.CodeForbidden, "must be empty: category "+string(cat)+" carries no VAT rate")
	case cat.RequiresPositiveRate() && kind == "":
		errs.Add("rate_kind", validation.CodeRequired, "is required for category "+string(cat))
	case cat.RequiresPositiveRate() && kind == tax.Zero:
		errs.Add("rate_kind", validation.CodeInconsistent, "must not be zero: category "+string(cat)+" has a positive rate")
	case cat.ZeroRateOnly() && kind != "" && kind != tax.Zero:
		errs.Add("rate_kind", validation.CodeInconsistent, "must be zero or empty: category "+string(cat)+" has a zero rate")
	}
}
