package invoice

import (
	"math/big"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// Bounds on the numbers a document may hold. They keep every computation
// small and fast whatever the input: a decimal such as 1e-1000000000 would
// otherwise make rounding build a number with a billion digits.
const (
	maxDecimals = 12 // decimals of a quantity, price or rate
	maxExponent = 15 // numbers stay below 10^15
)

var hundred = decimal.NewFromInt(100)

// powersOf10 holds 10^0 to 10^(maxExponent+maxDecimals), read only.
var powersOf10 = func() []*big.Int {
	p := make([]*big.Int, maxExponent+maxDecimals+1)
	for i := range p {
		p[i] = new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(i)), nil)
	}
	return p
}()

// inBounds reports whether d has at most maxDecimals decimals and is below
// 10^15 in absolute value. It looks at the exponent first, so that it never
// rescales a hostile number.
func inBounds(d decimal.Decimal) bool {
	e := d.Exponent()
	return e >= -maxDecimals && e <= maxExponent && below(d, maxExponent)
}

// below reports whether |d| < 10^n, for a d whose exponent is within
// bounds and 0 <= n <= maxExponent, without rescaling d.
func below(d decimal.Decimal, n int32) bool {
	e := d.Exponent()
	if e >= n {
		return d.IsZero()
	}
	if d.NumDigits() <= 18 {
		// The coefficient fits in an int64: compare digit counts rather
		// than copy it.
		return int32(d.NumDigits()) <= n-e || d.IsZero()
	}
	return d.Coefficient().CmpAbs(powersOf10[n-e]) < 0
}

// isUnset reports whether a is the zero Amount without currency, which
// stands for "not given".
func isUnset(a money.Amount) bool { return a.Currency().IsZero() && a.IsZero() }

// path is the field path of a fault, such as "lines[2].allowances[0]",
// formatted only when a fault is recorded, so that checking a valid
// document builds no string.
type path struct {
	list string // a list such as "lines", or a field when i < 0
	i    int
	sub  string // a list inside the element, such as "allowances", or ""
	j    int
}

func field(name string) path             { return path{list: name, i: -1} }
func elem(list string, i int) path       { return path{list: list, i: i} }
func (p path) in(sub string, j int) path { p.sub, p.j = sub, j; return p }

// at returns the path of field f of p.
func (p path) at(f string) string {
	s := p.list
	if p.i >= 0 {
		s += "[" + strconv.Itoa(p.i) + "]"
	}
	if p.sub != "" {
		s += "." + p.sub + "[" + strconv.Itoa(p.j) + "]"
	}
	return validation.Join(s, f)
}

const outOfBounds = "must be below 10^15 with at most 12 decimals"

// preflight checks that the document can be calculated: a currency, known
// options, numbers within bounds and amounts in the document currency at
// its precision. It records every fault in errs and reports whether there
// was none. It also records the faults of the document's texts, which do
// not keep it from being calculated. Validate runs it too, so each fault
// is reported once. The document must be within checkSize's limits.
func (d *Document) preflight(errs *validation.Errors) bool {
	before := errs.Len()
	if d.Currency.IsZero() {
		errs.Add("currency", "BR-05", "is required")
	}
	if !d.Pricing.RoundingMode.Valid() {
		errs.Add("pricing.rounding_mode", validation.CodeNotAllowed, "must be a money.RoundingMode")
	}
	if !d.Pricing.Rounding.Valid() {
		errs.Add("pricing.rounding", validation.CodeNotAllowed, "must be per_breakdown or per_line")
	}
	ck := amountChecker{errs: errs, cur: d.Currency}
	for i := range d.Lines {
		ck.line(elem("lines", i), &d.Lines[i])
	}
	for i, a := range d.Allowances {
		ck.adjustment(elem("allowances", i), a.Amount, a.Percent, a.Base, "BR-DEC-01", "BR-DEC-02")
		ck.rate(elem("allowances", i), "vat.rate", a.VAT.Rate)
	}
	for i, c := range d.Charges {
		ck.adjustment(elem("charges", i), c.Amount, c.Percent, c.Base, "BR-DEC-05", "BR-DEC-06")
		ck.rate(elem("charges", i), "vat.rate", c.VAT.Rate)
	}
	ck.total(field("paid_amount"), "", d.PaidAmount, "BR-DEC-16")
	ck.total(field("rounding_amount"), "", d.RoundingAmount, "BR-DEC-17")
	for i, l := range d.CreditLimits {
		at := elem("credit_limits", i)
		ck.rate(at, "rate", l.Rate)
		ck.total(at, "credited", l.Credited, validation.CodeInvalid)
		ck.total(at, "amount", l.Amount, validation.CodeInvalid)
		ck.total(at, "taxable_amount", l.TaxableAmount, validation.CodeInvalid)
		ck.total(at, "tax_amount", l.TaxAmount, validation.CodeInvalid)
		for _, prev := range d.CreditLimits[:i] {
			if keyOf(VAT{prev.Category, prev.Rate}).equal(keyOf(VAT{l.Category, l.Rate})) {
				errs.Add(at.at(""), validation.CodeDuplicate, "repeats the limit of another VAT breakdown")
				break
			}
		}
	}
	calculable := errs.Len() == before
	d.checkTexts(errs)
	return calculable
}

// line checks what Calculate needs of line l at path at.
func (ck amountChecker) line(at path, l *Line) {
	if !inBounds(l.Quantity) {
		ck.errs.Add(at.at("quantity"), validation.CodeOutOfRange, outOfBounds)
	}
	ck.price(at, "unit_price", l.UnitPrice)
	if l.BaseQuantity.Valid {
		if !inBounds(l.BaseQuantity.Decimal) {
			ck.errs.Add(at.at("base_quantity"), validation.CodeOutOfRange, outOfBounds)
		} else if l.BaseQuantity.Decimal.Sign() <= 0 {
			ck.errs.Add(at.at("base_quantity"), CodeBaseQuantity, "must be positive when given")
		}
	}
	for j, a := range l.Allowances {
		ck.adjustment(at.in("allowances", j), a.Amount, a.Percent, a.Base, "BR-DEC-24", "BR-DEC-25")
	}
	for j, c := range l.Charges {
		ck.adjustment(at.in("charges", j), c.Amount, c.Percent, c.Base, "BR-DEC-27", "BR-DEC-28")
	}
	ck.rate(at, "vat.rate", l.VAT.Rate)
}

// amountChecker checks amounts against the document currency.
type amountChecker struct {
	errs *validation.Errors
	cur  money.Currency
}

// currency reports whether a is in the document currency (or unset).
func (ck amountChecker) currency(p path, f string, a money.Amount) bool {
	if isUnset(a) || ck.cur.IsZero() || a.Currency() == ck.cur {
		return true
	}
	ck.errs.Add(p.at(f), validation.CodeMismatch, "must be in "+ck.cur.Code()+", not "+a.Currency().Code())
	return false
}

func (ck amountChecker) bounded(p path, f string, a money.Amount) bool {
	if inBounds(a.Number()) {
		return true
	}
	ck.errs.Add(p.at(f), validation.CodeOutOfRange, outOfBounds)
	return false
}

// precise checks that a has no more decimals than its currency.
func (ck amountChecker) precise(p path, f string, a money.Amount, code string) {
	if ck.cur.IsZero() {
		return
	}
	digits := int32(ck.cur.Digits())
	if a.Number().Exponent() < -digits && !a.Number().Equal(a.Number().Round(digits)) {
		ck.errs.Add(p.at(f), code, "must have at most "+strconv.Itoa(ck.cur.Digits())+" decimals in "+ck.cur.Code())
	}
}

func (ck amountChecker) price(p path, f string, a money.Amount) {
	if ck.currency(p, f, a) {
		ck.bounded(p, f, a)
	}
}

// total checks an amount at the currency's precision and reports whether
// it can be used in sums.
func (ck amountChecker) total(p path, f string, a money.Amount, decCode string) bool {
	if ck.currency(p, f, a) && ck.bounded(p, f, a) {
		ck.precise(p, f, a, decCode)
		return true
	}
	return false
}

func (ck amountChecker) adjustment(p path, amount money.Amount, pct decimal.Decimal, base money.Amount, amountCode, baseCode string) {
	if pct.IsZero() {
		if ck.total(p, "amount", amount, amountCode) && amount.IsNegative() {
			ck.errs.Add(p.at("amount"), validation.CodeOutOfRange, "must not be negative")
		}
	} else if pct.Exponent() < -maxDecimals || pct.Exponent() > 2 || pct.Sign() < 0 || pct.Cmp(hundred) > 0 {
		ck.errs.Add(p.at("percent"), validation.CodeOutOfRange, "must be between 0 and 100")
	}
	ck.total(p, "base", base, baseCode)
}

func (ck amountChecker) rate(p path, f string, r decimal.Decimal) {
	if r.Exponent() < -maxDecimals || r.Exponent() > 2 || r.Sign() < 0 || !below(r, 2) {
		ck.errs.Add(p.at(f), validation.CodeOutOfRange, "must be a percentage from 0 to less than 100")
	}
}
