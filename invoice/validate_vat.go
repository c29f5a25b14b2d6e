package invoice

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/tax"
	"github.com/billkit/billkit/validation"
)

// categoryUse records where a VAT category is used: the first line,
// allowance and charge (or -1).
type categoryUse struct {
	line, allowance, charge int
}

func (u categoryUse) used() bool { return u.line >= 0 || u.allowance >= 0 || u.charge >= 0 }

// rule returns rule n of the group of c for the first kind of item that
// uses it: n for lines (BR-x-02, BR-x-05), n+1 for allowances, n+2 for
// charges.
func (u categoryUse) rule(c tax.Category, n int) string {
	switch {
	case u.line >= 0:
		return vatRule(c, n)
	case u.allowance >= 0:
		return vatRule(c, n+1)
	}
	return vatRule(c, n+2)
}

// validateVAT checks the rules of each VAT category in use (BR-S-xx,
// BR-Z-xx, BR-E-xx, BR-AE-xx, BR-IC-xx, BR-G-xx, BR-O-xx, BR-IG-xx,
// BR-IP-xx) and, when r is not nil, the declared VAT breakdown against the
// calculated one (BR-CO-17, BR-CO-18).
func (d *Document) validateVAT(errs *validation.Errors, r *result) {
	uses := make(map[tax.Category]*categoryUse)
	use := func(c tax.Category) *categoryUse {
		u := uses[c]
		if u == nil {
			u = &categoryUse{-1, -1, -1}
			uses[c] = u
		}
		return u
	}
	for i := range d.Lines {
		l := &d.Lines[i]
		if u := use(l.VAT.Category); u.line < 0 {
			u.line = i
		}
		checkRate(errs, "lines["+strconv.Itoa(i)+"].vat.rate", l.VAT, 5)
	}
	for i, a := range d.Allowances {
		if u := use(a.VAT.Category); u.allowance < 0 {
			u.allowance = i
		}
		checkRate(errs, "allowances["+strconv.Itoa(i)+"].vat.rate", a.VAT, 6)
	}
	for i, c := range d.Charges {
		if u := use(c.VAT.Category); u.charge < 0 {
			u.charge = i
		}
		checkRate(errs, "charges["+strconv.Itoa(i)+"].vat.rate", c.VAT, 7)
	}
	declared := make(map[tax.Category]bool, len(d.VATBreakdown))
	for _, b := range d.VATBreakdown {
		declared[b.Category] = true
	}
	for _, c := range tax.Categories() {
		u := uses[c]
		if u == nil || !u.used() {
			continue
		}
		d.checkIdentifiers(errs, c, *u)
		if len(d.VATBreakdown) > 0 && !declared[c] {
			errs.Add("vat_breakdown", vatRule(c, 1), "has no breakdown for VAT category "+string(c))
		}
		switch c {
		case tax.IntraCommunity:
			if d.DeliveryDate.IsZero() && d.Period.IsEmpty() {
				errs.Add("delivery_date", vatRule(c, 11), "an intra-community supply states the delivery date or the invoicing period")
			}
			if d.DeliverTo.Country == "" {
				errs.Add("deliver_to.country", vatRule(c, 12), "an intra-community supply states the deliver to country")
			}
		case tax.OutsideScope:
			if len(uses) > 1 {
				errs.Add("vat_breakdown", vatRule(c, 11), "VAT category O cannot be combined with other categories")
			}
		}
	}
	if len(d.Lines) > 0 && len(d.VATBreakdown) == 0 {
		errs.Add("vat_breakdown", "BR-CO-18", "at least one VAT breakdown is required; call Calculate")
	}
	d.checkExemptionReasons(errs)
	if r != nil {
		d.checkBreakdown(errs, r)
	}
}

// checkRate checks the rate of a line (n = 5), allowance (6) or charge (7)
// against its category: positive for S, zero for Z, E, AE, K and G, none for O.
func checkRate(errs *validation.Errors, at string, v VAT, n int) {
	c := v.Category
	switch {
	case !c.Valid():
	case c.RequiresPositiveRate() && v.Rate.Sign() <= 0:
		errs.Add(at, vatRule(c, n), "must be greater than zero for VAT category "+string(c))
	case (c.ZeroRateOnly() || !c.HasRate()) && !v.Rate.IsZero():
		errs.Add(at, vatRule(c, n), "must be zero for VAT category "+string(c))
	}
}

// checkIdentifiers checks the VAT identifiers each category needs (rules
// BR-x-02 to BR-x-04).
func (d *Document) checkIdentifiers(errs *validation.Errors, c tax.Category, u categoryUse) {
	seller, buyer := d.Seller, d.Buyer
	switch c {
	case tax.StandardRate, tax.ZeroRated, tax.Exempt, tax.CanaryIslands, tax.CeutaMelilla:
		if seller.VATID == "" && seller.TaxRegistrationID == "" {
			errs.Add("seller.vat_id", u.rule(c, 2), "the seller's VAT identifier or tax registration identifier is required for VAT category "+string(c))
		}
	case tax.ReverseCharge, tax.IntraCommunity, tax.Export:
		if seller.VATID == "" {
			errs.Add("seller.vat_id", u.rule(c, 2), "the seller's VAT identifier is required for VAT category "+string(c))
		}
		if c == tax.ReverseCharge && buyer.VATID == "" && buyer.LegalID == "" {
			errs.Add("buyer.vat_id", u.rule(c, 2), "the buyer's VAT identifier or legal registration identifier is required under reverse charge")
		}
		if c == tax.IntraCommunity && buyer.VATID == "" {
			errs.Add("buyer.vat_id", u.rule(c, 2), "the buyer's VAT identifier is required for an intra-community supply")
		}
	case tax.OutsideScope:
		if seller.VATID != "" {
			errs.Add("seller.vat_id", u.rule(c, 2), "must be empty on an invoice not subject to VAT")
		}
		if buyer.VATID != "" {
			errs.Add("buyer.vat_id", u.rule(c, 2), "must be empty on an invoice not subject to VAT")
		}
	}
}

// checkExemptionReasons checks that every breakdown whose category needs an
// exemption reason gets one from its lines (BR-x-10), and only one.
func (d *Document) checkExemptionReasons(errs *validation.Errors) {
	type reasonOf struct {
		key   vatKey
		first int
		given tax.ExemptionReason
	}
	var seen []reasonOf
	for i := range d.Lines {
		l := &d.Lines[i]
		if !l.VAT.Category.RequiresExemptionReason() {
			continue
		}
		key, at := keyOf(l.VAT), "lines["+strconv.Itoa(i)+"].exemption_reason"
		k := -1
		for j := range seen {
			if seen[j].key.equal(key) {
				k = j
				break
			}
		}
		if k < 0 {
			seen = append(seen, reasonOf{key: key, first: i})
			k = len(seen) - 1
		}
		switch g := &seen[k]; {
		case l.ExemptionReason == (tax.ExemptionReason{}):
		case g.given == (tax.ExemptionReason{}):
			g.given = l.ExemptionReason
		case g.given != l.ExemptionReason:
			errs.Add(at, CodeExemptionConflict, "differs from the exemption reason of the other lines of "+key.String())
		}
	}
	for _, g := range seen {
		if g.given == (tax.ExemptionReason{}) {
			errs.Add("lines["+strconv.Itoa(g.first)+"].exemption_reason", vatRule(g.key.cat, 10),
				"an exemption reason code or text is required for VAT category "+string(g.key.cat))
		}
	}
}

// checkBreakdown compares the declared VAT breakdown with the calculated
// one (BR-x-08, BR-x-09) and checks BR-CO-17 on the declared amounts.
func (d *Document) checkBreakdown(errs *validation.Errors, r *result) {
	c := newCalculator(d)
	matched := make([]bool, len(d.VATBreakdown))
	for _, g := range r.groups {
		k := -1
		for i, b := range d.VATBreakdown {
			if keyOf(VAT{b.Category, b.Rate}).equal(g.key) {
				if k >= 0 {
					errs.Add("vat_breakdown["+strconv.Itoa(i)+"]", validation.CodeDuplicate, "repeats the breakdown of "+g.key.String())
					matched[i] = true
					continue
				}
				k = i
			}
		}
		if k < 0 {
			if len(d.VATBreakdown) > 0 && g.key.cat.Valid() {
				errs.Add("vat_breakdown", vatRule(g.key.cat, 8), "has no breakdown for "+g.key.String())
			}
			continue
		}
		matched[k] = true
		b, at := d.VATBreakdown[k], "vat_breakdown["+strconv.Itoa(k)+"]"
		if !sameAmount(b.TaxableAmount, g.base, d.Currency) {
			errs.Add(at+".taxable_amount", ruleOr(g.key.cat, 8), "must be "+money.New(g.base, d.Currency).String()+
				", the sum of the line net amounts plus charges minus allowances of "+g.key.String())
		}
		if !sameAmount(b.TaxAmount, g.vat, d.Currency) {
			errs.Add(at+".tax_amount", ruleOr(g.key.cat, 9), "must be "+money.New(g.vat, d.Currency).String())
		}
		want := tax.ExemptionReason{}
		if g.key.cat.RequiresExemptionReason() {
			want = g.reason
		}
		if b.ExemptionReason != want {
			errs.Add(at+".exemption_reason", validation.CodeInconsistent, "differs from the exemption reason of its lines")
		}
	}
	for i, b := range d.VATBreakdown {
		at := "vat_breakdown[" + strconv.Itoa(i) + "]"
		if !matched[i] {
			errs.Add(at, validation.CodeInconsistent, "no line, allowance or charge has VAT "+keyOf(VAT{b.Category, b.Rate}).String())
		}
		if !b.Category.HasRate() || b.Rate.IsZero() || b.TaxableAmount.Currency() != d.Currency || b.TaxAmount.Currency() != d.Currency {
			continue
		}
		rounded := c.vatOf(b.TaxableAmount.Number(), b.Rate)
		if d.Pricing.perLine() || len(d.CreditLimits) > 0 {
			// Per line rounding and credit notes may depart from the
			// rounded product; the CEN validation artefacts accept a tax
			// amount less than one unit of the currency away from the
			// exact product.
			exact := b.TaxableAmount.Number().Mul(b.Rate).Mul(decimal.New(1, -2))
			if b.TaxAmount.Number().Sub(exact).Abs().Cmp(decimal.New(1, 0)) < 0 {
				continue
			}
		} else if b.TaxAmount.Number().Equal(rounded) {
			continue
		}
		errs.Add(at+".tax_amount", "BR-CO-17", "must be the taxable amount × "+b.Rate.String()+" % = "+money.New(rounded, d.Currency).String())
	}
}

// ruleOr returns rule n of category c, or CodeInconsistent for an unknown category.
func ruleOr(c tax.Category, n int) string {
	if !c.Valid() {
		return validation.CodeInconsistent
	}
	return vatRule(c, n)
}

// sameAmount reports whether a is x in currency cur.
func sameAmount(a money.Amount, x decimal.Decimal, cur money.Currency) bool {
	if a.Currency() != cur && !(isUnset(a) && x.IsZero()) {
		return false
	}
	return a.Number().Equal(x)
}
