package quote

import (
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/tax"
	"github.com/billkit/billkit/validation"
)

// vat returns the VAT of a line: the product's category unless the line
// replaces it, and the rate of the product's rate kind in the tax country
// on the quote date unless the line gives one. Categories whose rate is
// always zero take 0; category O carries none. The exemption reason is the
// line's, or the category's default. looked is the kind of rate looked up
// in the table, "" when the rate was given or needed no table.
func (p *pricing) vat(at string, li *LineInput, prod catalog.Product) (v invoice.VAT, reason tax.ExemptionReason, looked tax.RateKind) {
	errs := &p.errs
	cat := prod.TaxCategory
	if li.TaxCategory != "" {
		cat = li.TaxCategory
		if !cat.Valid() {
			errs.Add(at+".tax_category", validation.CodeNotAllowed, "must be one of S, Z, E, AE, K, G, O, L, M")
			return invoice.VAT{}, tax.ExemptionReason{}, ""
		}
	}
	v = invoice.VAT{Category: cat}
	if li.VATRate.Valid {
		v.Rate = p.givenRate(at+".vat_rate", cat, li.VATRate.Decimal)
	} else {
		v.Rate, looked = p.lookupRate(at+".vat_rate", cat, prod.RateKind)
	}
	reason = li.ExemptionReason
	switch {
	case !cat.RequiresExemptionReason() && reason != (tax.ExemptionReason{}):
		errs.Add(at+".exemption_reason", validation.CodeForbidden, "must be empty for VAT category "+string(cat))
	case cat.RequiresExemptionReason() && reason == (tax.ExemptionReason{}):
		if def, ok := tax.DefaultExemptionReason(cat); ok {
			reason = def
		} else {
			errs.Add(at+".exemption_reason", validation.CodeRequired,
				"VAT category "+string(cat)+" needs the reason of the exemption, such as "+tax.ExemptionEU132.Code)
		}
	}
	return v, reason, looked
}

// givenRate checks a rate the line gives against the rules of its category.
func (p *pricing) givenRate(at string, cat tax.Category, rate decimal.Decimal) decimal.Decimal {
	r, ok := fitDecimals(rate)
	switch {
	case !cat.HasRate():
		p.errs.Add(at, validation.CodeForbidden, "VAT category "+string(cat)+" carries no rate")
	case !ok || r.IsNegative() || !r.LessThan(hundred):
		p.errs.Add(at, validation.CodeOutOfRange, "must be a percentage from 0 to less than 100")
	case cat.ZeroRateOnly() && !r.IsZero():
		p.errs.Add(at, validation.CodeOutOfRange, "must be 0 for VAT category "+string(cat))
	case cat.RequiresPositiveRate() && !r.IsPositive():
		p.errs.Add(at, validation.CodeOutOfRange, "must be positive for VAT category "+string(cat))
	}
	return r
}

// lookupRate returns the rate of kind in the tax country on the quote date,
// for the categories that charge VAT, and kind when it was looked up in
// the table.
func (p *pricing) lookupRate(at string, cat tax.Category, kind tax.RateKind) (decimal.Decimal, tax.RateKind) {
	switch {
	case !cat.HasRate() || cat.ZeroRateOnly():
		return decimal.Zero, ""
	case kind == tax.Zero && cat.RequiresPositiveRate():
		p.errs.Add(at, validation.CodeRequired, "the product's rate kind is zero, which VAT category S does not allow: give the rate")
		return decimal.Zero, ""
	case kind == tax.Zero:
		return decimal.Zero, ""
	case kind == "":
		p.errs.Add(at, validation.CodeRequired, "the product has no VAT rate kind for category "+string(cat)+": give the rate")
		return decimal.Zero, ""
	}
	country := p.in.taxCountry()
	if country == "" {
		if !p.noTaxCountry {
			p.errs.Add("tax_country", validation.CodeRequired, "is required to look up VAT rates when the seller has no country")
			p.noTaxCountry = true
		}
		return decimal.Zero, ""
	}
	rate, err := p.desk.rates.Lookup(country, kind, p.in.Date)
	if err != nil {
		p.errs.Add(at, validation.CodeUnknown, "no "+string(kind)+" VAT rate is known for "+country+" on "+
			p.in.Date.String()+": give the rate or register it")
		return decimal.Zero, ""
	}
	if cat.RequiresPositiveRate() && !rate.IsPositive() {
		p.errs.Add(at, validation.CodeOutOfRange, "the "+string(kind)+" rate of "+country+" is 0, which VAT category S does not allow")
	}
	return rate, kind
}
