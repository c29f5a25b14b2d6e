package catalog

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/validation"
)

// Model names a pricing model: how a quantity, or a base amount, becomes an
// amount of money. It is serialised as its string value.
type Model string

// Pricing models.
const (
	// ModelFlat charges FlatAmount whatever the quantity, zero included.
	ModelFlat Model = "flat"
	// ModelPerUnit charges UnitPrice for each unit.
	ModelPerUnit Model = "per_unit"
	// ModelGraduated prices each unit in the tier it falls into: with tiers
	// up to 10 at 5.00 and above at 4.00, 25 units cost 10 × 5.00 +
	// 15 × 4.00. A tier's flat fee is added once some units fall into it.
	ModelGraduated Model = "graduated"
	// ModelVolume prices every unit at the tier the total quantity reaches:
	// with the tiers above, 25 units cost 25 × 4.00. The flat fee of that
	// tier is added.
	ModelVolume Model = "volume"
	// ModelPackage sells blocks of PackageSize units at PackagePrice each;
	// a partial block costs a whole one.
	ModelPackage Model = "package"
	// ModelPercentage charges Percent of a base amount, such as a payment,
	// with an optional minimum and maximum fee per base amount.
	ModelPercentage Model = "percentage"
)

// Models lists every pricing model.
func Models() []Model {
	return []Model{ModelFlat, ModelPerUnit, ModelGraduated, ModelVolume, ModelPackage, ModelPercentage}
}

// Valid reports whether m is one of the declared pricing models.
func (m Model) Valid() bool {
	switch m {
	case ModelFlat, ModelPerUnit, ModelGraduated, ModelVolume, ModelPackage, ModelPercentage:
		return true
	}
	return false
}

// QuantityBased reports whether m prices a quantity (Price.Evaluate) rather
// than a base amount (Price.EvaluateBase). Only ModelPercentage is not.
func (m Model) QuantityBased() bool { return m.Valid() && m != ModelPercentage }

// MaxTiers is the largest number of tiers a graduated or volume price may
// have.
const MaxTiers = 100

// Tier is one band of a graduated or volume price. It covers the quantities
// above the previous tier's UpTo (zero for the first tier) up to its own
// UpTo, inclusive.
type Tier struct {
	// UpTo is the inclusive upper bound of the tier. It is set on every tier
	// but the last, which is open-ended and leaves it null.
	UpTo decimal.NullDecimal `json:"up_to"`
	// UnitPrice is the price of one unit in the tier.
	UnitPrice decimal.Decimal `json:"unit_price"`
	// FlatFee is added once when the tier is used.
	FlatFee decimal.Decimal `json:"flat_fee,omitzero"`
}

// Pricing is a pricing model and its parameters. It is a tagged struct:
// Model says which of the other fields are used, and a field that the model
// does not use must be left zero. Prices are in the currency of the Price
// that holds the Pricing, and may have more decimals than the currency
// (0.0015 EUR per request).
type Pricing struct {
	Model Model `json:"model"`

	// FlatAmount is the amount of ModelFlat.
	FlatAmount decimal.Decimal `json:"flat_amount,omitzero"`
	// UnitPrice is the price of one unit in ModelPerUnit.
	UnitPrice decimal.Decimal `json:"unit_price,omitzero"`
	// Tiers are the tiers of ModelGraduated and ModelVolume, in increasing
	// order of UpTo; the last one is open-ended.
	Tiers []Tier `json:"tiers,omitempty"`
	// PackageSize is the number of units in a package of ModelPackage; it
	// must be positive and may be fractional (0.5 GB).
	PackageSize decimal.Decimal `json:"package_size,omitzero"`
	// PackagePrice is the price of one package of ModelPackage.
	PackagePrice decimal.Decimal `json:"package_price,omitzero"`
	// Percent is the rate of ModelPercentage, between 0 and 100 (2.9 means
	// 2.9 %).
	Percent decimal.Decimal `json:"percent,omitzero"`
	// MinFee and MaxFee bound the fee on each base amount of
	// ModelPercentage.
	MinFee decimal.NullDecimal `json:"min_fee,omitzero"`
	MaxFee decimal.NullDecimal `json:"max_fee,omitzero"`

	// MinCharge and MaxCharge bound the total of an evaluation, for every
	// model: the amount is raised to MinCharge or lowered to MaxCharge.
	MinCharge decimal.NullDecimal `json:"min_charge,omitzero"`
	MaxCharge decimal.NullDecimal `json:"max_charge,omitzero"`
}

// hundred is 100, the denominator of a percentage.
var hundred = decimal.NewFromInt(100)

// Validate returns a *validation.Error listing every fault of p: unknown
// model, missing or negative prices, fields the model does not use, tiers
// out of order or not open-ended at the end, a package size that is not
// positive, a percentage outside [0, 100], a minimum above its maximum.
func (p Pricing) Validate() error {
	var errs validation.Errors
	switch {
	case p.Model == "":
		errs.Add("model", validation.CodeRequired, "is required")
	case !p.Model.Valid():
		errs.Add("model", validation.CodeNotAllowed,
			"must be one of: flat, per_unit, graduated, volume, package, percentage")
	}
	uses := func(m ...Model) bool {
		for _, x := range m {
			if p.Model == x {
				return true
			}
		}
		return false
	}
	unused := func(field string, isSet bool) {
		if isSet && p.Model.Valid() {
			errs.Add(field, validation.CodeForbidden, "is not used by the "+string(p.Model)+" model")
		}
	}

	if uses(ModelFlat) {
		checkNumber(&errs, "flat_amount", p.FlatAmount)
	}
	unused("flat_amount", !uses(ModelFlat) && !p.FlatAmount.IsZero())

	if uses(ModelPerUnit) {
		checkNumber(&errs, "unit_price", p.UnitPrice)
	}
	unused("unit_price", !uses(ModelPerUnit) && !p.UnitPrice.IsZero())

	if uses(ModelGraduated, ModelVolume) {
		validateTiers(&errs, p.Tiers)
	}
	unused("tiers", !uses(ModelGraduated, ModelVolume) && len(p.Tiers) > 0)

	if uses(ModelPackage) {
		if p.PackageSize.Sign() <= 0 {
			errs.Add("package_size", validation.CodeOutOfRange, "must be greater than 0")
		} else {
			checkNumber(&errs, "package_size", p.PackageSize)
		}
		checkNumber(&errs, "package_price", p.PackagePrice)
	}
	unused("package_size", !uses(ModelPackage) && !p.PackageSize.IsZero())
	unused("package_price", !uses(ModelPackage) && !p.PackagePrice.IsZero())

	if uses(ModelPercentage) {
		if code, msg := numberFault(p.Percent); code != "" {
			errs.Add("percent", code, msg)
		} else if p.Percent.GreaterThan(hundred) {
			errs.Add("percent", validation.CodeOutOfRange, "must be between 0 and 100")
		}
		checkBounds(&errs, "min_fee", p.MinFee, "max_fee", p.MaxFee)
	}
	unused("percent", !uses(ModelPercentage) && !p.Percent.IsZero())
	unused("min_fee", !uses(ModelPercentage) && p.MinFee.Valid)
	unused("max_fee", !uses(ModelPercentage) && p.MaxFee.Valid)

	checkBounds(&errs, "min_charge", p.MinCharge, "max_charge", p.MaxCharge)
	return errs.Err()
}

// validateTiers records the faults of the tiers of a graduated or volume
// price.
func validateTiers(errs *validation.Errors, tiers []Tier) {
	switch {
	case len(tiers) == 0:
		errs.Add("tiers", validation.CodeRequired, "must have at least one tier")
		return
	case len(tiers) > MaxTiers:
		errs.Add("tiers", validation.CodeOutOfRange, "must have at most "+strconv.Itoa(MaxTiers)+" tiers")
		return
	}
	prev := decimal.Zero
	for i, t := range tiers {
		field := "tiers[" + strconv.Itoa(i) + "]"
		last := i == len(tiers)-1
		switch {
		case last && t.UpTo.Valid:
			errs.Add(field+".up_to", validation.CodeForbidden, "must be empty: the last tier is open-ended")
		case !last && !t.UpTo.Valid:
			errs.Add(field+".up_to", validation.CodeRequired, "is required on every tier but the last")
		case !last:
			if code, msg := numberFault(t.UpTo.Decimal); code != "" {
				errs.Add(field+".up_to", code, msg)
				break
			}
			if !t.UpTo.Decimal.GreaterThan(prev) {
				msg := "must be greater than 0"
				if i > 0 {
					msg = "must be greater than the previous tier's up_to (" + prev.String() + ")"
				}
				errs.Add(field+".up_to", validation.CodeOutOfRange, msg)
			}
			prev = decimal.Max(prev, t.UpTo.Decimal)
		}
		checkNumber(errs, field+".unit_price", t.UnitPrice)
		checkNumber(errs, field+".flat_fee", t.FlatFee)
	}
}

// checkBounds records faults for an optional minimum and maximum: each must
// be an acceptable number, and the minimum must not exceed the maximum.
func checkBounds(errs *validation.Errors, minField string, lo decimal.NullDecimal, maxField string, hi decimal.NullDecimal) {
	before := errs.Len()
	checkOptional(errs, minField, lo)
	checkOptional(errs, maxField, hi)
	if errs.Len() == before && lo.Valid && hi.Valid && lo.Decimal.GreaterThan(hi.Decimal) {
		errs.Add(minField, validation.CodeOutOfRange, "must not be greater than "+maxField)
	}
}

// clone returns a copy of p that shares no memory with it.
func (p Pricing) clone() Pricing {
	if p.Tiers != nil {
		p.Tiers = append([]Tier(nil), p.Tiers...)
	}
	return p
}
