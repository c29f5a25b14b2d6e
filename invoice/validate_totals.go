package invoice

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// totalField is one declared amount of the document: where it is, the rule
// that requires it (if any) and its BR-DEC rule.
type totalField struct {
	at       string
	amount   money.Amount
	required string
	decimals string
}

// validateTotals checks the declared totals (BR-12 to BR-15, BR-CO-10 to
// BR-CO-16, BR-CO-25, BR-DEC-xx) and, when r is not nil, the calculated
// amounts of lines, allowances and charges.
func (d *Document) validateTotals(errs *validation.Errors, r *result) {
	t := d.Totals
	fields := []totalField{
		{"totals.line_total", t.LineTotal, "BR-12", "BR-DEC-09"},
		{"totals.allowance_total", t.AllowanceTotal, "", "BR-DEC-10"},
		{"totals.charge_total", t.ChargeTotal, "", "BR-DEC-11"},
		{"totals.tax_exclusive", t.TaxExclusive, "BR-13", "BR-DEC-12"},
		{"totals.vat", t.VAT, "", "BR-DEC-13"},
		{"totals.tax_inclusive", t.TaxInclusive, "BR-14", "BR-DEC-14"},
		{"totals.prepaid", t.Prepaid, "", "BR-DEC-16"},
		{"totals.rounding", t.Rounding, "", "BR-DEC-17"},
		{"totals.due", t.Due, "BR-15", "BR-DEC-18"},
	}
	ck := amountChecker{errs: errs, cur: d.Currency}
	ok := !d.Currency.IsZero()
	for _, f := range fields {
		if isUnset(f.amount) && f.required != "" {
			errs.Add(f.at, f.required, "is required; call Calculate")
			ok = false
			continue
		}
		if !ck.total(field(f.at), "", f.amount, f.decimals) {
			ok = false
		}
	}
	lines, lok := d.declaredLineNets(ck)
	allowances, aok := declaredNets(ck, "allowances", d.Allowances, "BR-DEC-01")
	charges, cok := declaredNets(ck, "charges", d.Charges, "BR-DEC-05")
	var vat decimal.Decimal
	vok := true
	for i, b := range d.VATBreakdown {
		at := elem("vat_breakdown", i)
		ck.total(at, "taxable_amount", b.TaxableAmount, "BR-DEC-19")
		if ck.total(at, "tax_amount", b.TaxAmount, "BR-DEC-20") {
			vat = vat.Add(b.TaxAmount.Number())
		} else {
			vok = false
		}
	}
	if ok {
		identity := func(at, rule string, got money.Amount, want decimal.Decimal, what string) {
			if !got.Number().Equal(want) {
				errs.Add(at, rule, "must equal "+what+" = "+money.New(want, d.Currency).String())
			}
		}
		if lok {
			identity("totals.line_total", "BR-CO-10", t.LineTotal, lines, "the sum of the line net amounts")
			identity("totals.tax_exclusive", "BR-CO-13", t.TaxExclusive,
				lines.Sub(t.AllowanceTotal.Number()).Add(t.ChargeTotal.Number()), "the line net amounts − allowances + charges")
		}
		if aok {
			identity("totals.allowance_total", "BR-CO-11", t.AllowanceTotal, allowances, "the sum of the allowance amounts")
		}
		if cok {
			identity("totals.charge_total", "BR-CO-12", t.ChargeTotal, charges, "the sum of the charge amounts")
		}
		if vok {
			identity("totals.vat", "BR-CO-14", t.VAT, vat, "the sum of the VAT breakdown tax amounts")
		}
		identity("totals.tax_inclusive", "BR-CO-15", t.TaxInclusive, t.TaxExclusive.Number().Add(t.VAT.Number()), "tax exclusive total + VAT")
		identity("totals.due", "BR-CO-16", t.Due, t.TaxInclusive.Number().Sub(t.Prepaid.Number()).Add(t.Rounding.Number()),
			"tax inclusive total − paid amount + rounding amount")
	}
	due := t.Due.Number()
	if r != nil {
		due = r.totals.due
		d.checkCalculated(errs, r)
	}
	if d.Type == TypeCommercialInvoice && due.Sign() > 0 && d.DueDate.IsZero() && strings.TrimSpace(d.PaymentTerms) == "" {
		errs.Add("due_date", "BR-CO-25", "a due date or payment terms are required when an amount is due")
	}
}

// declaredLineNets sums the declared line net amounts (BR-24, BR-DEC-23).
func (d *Document) declaredLineNets(ck amountChecker) (decimal.Decimal, bool) {
	var sum decimal.Decimal
	ok := true
	for i := range d.Lines {
		a := d.Lines[i].NetAmount
		switch {
		case isUnset(a):
			ck.errs.Add(elem("lines", i).at("net_amount"), "BR-24", "is required; call Calculate")
			ok = false
		case !ck.total(elem("lines", i), "net_amount", a, "BR-DEC-23"):
			ok = false
		default:
			sum = sum.Add(a.Number())
		}
	}
	return sum, ok
}

// declaredNets sums the declared net amounts of document level allowances
// or charges.
func declaredNets(ck amountChecker, name string, list []AllowanceCharge, decimals string) (decimal.Decimal, bool) {
	var sum decimal.Decimal
	ok := true
	for i, a := range list {
		switch {
		case isUnset(a.NetAmount):
			ck.errs.Add(elem(name, i).at("net_amount"), validation.CodeRequired, "is required; call Calculate")
			ok = false
		case !ck.total(elem(name, i), "net_amount", a.NetAmount, decimals):
			ok = false
		default:
			sum = sum.Add(a.NetAmount.Number())
		}
	}
	return sum, ok
}

// checkCalculated compares the amounts that Calculate sets with a fresh
// calculation.
func (d *Document) checkCalculated(errs *validation.Errors, r *result) {
	cur := d.Currency
	for i := range d.Lines {
		l, lc := &d.Lines[i], &r.lines[i]
		at := "lines[" + strconv.Itoa(i) + "]"
		if l.NetAmount.Currency() == cur && !l.NetAmount.Number().Equal(lc.net) {
			errs.Add(at+".net_amount", CodeLineAmount, "must be "+money.New(lc.net, cur).String()+
				": quantity × unit price ÷ base quantity − allowances + charges")
		}
		if d.Pricing.PricesIncludeVAT && !sameAmount(l.GrossAmount, lc.amount, cur) {
			errs.Add(at+".gross_amount", CodeLineAmount, "must be "+money.New(lc.amount, cur).String())
		}
		for j, a := range l.Allowances {
			checkPercent(errs, at+".allowances["+strconv.Itoa(j)+"]", a.Percent, a.Amount, lc.allowances[j], cur)
		}
		for j, c := range l.Charges {
			checkPercent(errs, at+".charges["+strconv.Itoa(j)+"]", c.Percent, c.Amount, lc.charges[j], cur)
		}
	}
	check := func(field string, list []AllowanceCharge, calc []adjustmentCalc) {
		for i, a := range list {
			at := field + "[" + strconv.Itoa(i) + "]"
			checkPercent(errs, at, a.Percent, a.Amount, calc[i], cur)
			if a.NetAmount.Currency() == cur && !a.NetAmount.Number().Equal(calc[i].net) {
				errs.Add(at+".net_amount", validation.CodeInconsistent, "must be "+money.New(calc[i].net, cur).String())
			}
		}
	}
	check("allowances", d.Allowances, r.allowances)
	check("charges", d.Charges, r.charges)
	if !sameAmount(d.Totals.Prepaid, r.totals.prepaid, cur) {
		errs.Add("totals.prepaid", validation.CodeInconsistent, "must be the paid amount, "+money.New(r.totals.prepaid, cur).String())
	}
	if !sameAmount(d.Totals.Rounding, r.totals.rounding, cur) {
		errs.Add("totals.rounding", validation.CodeInconsistent, "must be "+money.New(r.totals.rounding, cur).String())
	}
}

func checkPercent(errs *validation.Errors, at string, pct decimal.Decimal, amount money.Amount, ac adjustmentCalc, cur money.Currency) {
	if !pct.IsZero() && !sameAmount(amount, ac.amount, cur) {
		errs.Add(at+".amount", CodePercentAmount, "must be the base × "+pct.String()+" % = "+money.New(ac.amount, cur).String())
	}
}
