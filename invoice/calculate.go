package invoice

import (
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/internal/fastdec"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// Calculate computes the amounts of d from its lines, allowances, charges
// and options, following EN 16931, and stores them in d: line net amounts,
// allowance and charge amounts given as percentages, the VAT breakdown and
// the totals. It does not check business rules; Validate does. Calculate
// never panics: when an input makes calculation impossible (no currency, an
// amount in another currency, a zero base quantity, a number out of bounds)
// or d holds more, or other, than a document may (see the limits in
// limits.go: too many lines, a text too long or not valid UTF-8), it
// returns a *validation.Error naming each such field and leaves d
// unchanged.
//
// Every amount is rounded once, at a named step, to the precision of the
// currency (2 decimals for EUR, 0 for JPY, 3 for KWD) with
// d.Pricing.RoundingMode, half away from zero by default:
//
//  1. Line net amount (BT-131) = quantity (BT-129) × unit price (BT-146) ÷
//     base quantity (BT-149), rounded, − line allowances (BT-136) + line
//     charges (BT-141). A percentage allowance or charge is its base
//     (BT-137, BT-142; by default the rounded quantity × price) × percent
//     ÷ 100, rounded.
//  2. Document level allowances (BT-92) and charges (BT-99); a percentage
//     one is its base (BT-93, BT-100; by default the sum of the line net
//     amounts of the same VAT category and rate) × percent ÷ 100, rounded.
//  3. VAT breakdown (BG-23), one per VAT category and rate, in order of
//     first appearance: taxable amount (BT-116) = Σ line net amounts + Σ
//     charges − Σ allowances of that category and rate; VAT (BT-117) =
//     BT-116 × rate ÷ 100, rounded once per breakdown (BR-CO-17), or with
//     RoundPerLine computed and rounded per line, allowance and charge and
//     then summed.
//  4. Totals (BG-22): BT-106 = Σ BT-131; BT-107 = Σ BT-92; BT-108 = Σ
//     BT-99; BT-109 = BT-106 − BT-107 + BT-108; BT-110 = Σ BT-117; BT-112 =
//     BT-109 + BT-110; BT-113 = PaidAmount; BT-114 = RoundingAmount (plus
//     the adjustments of step 5); BT-115 = BT-112 − BT-113 + BT-114.
//
// # Prices including VAT
//
// When d.Pricing.PricesIncludeVAT is set, steps 1 and 2 give amounts VAT
// included (the line's GrossAmount) and step 3 derives the amounts without
// VAT per breakdown, so that net + VAT is the gross amount the buyer saw:
//
//  5. For a breakdown with gross amount G (Σ line gross amounts + Σ charges −
//     Σ allowances, VAT included) and rate r, the taxable amount is the net
//     N nearest to G × 100 ÷ (100 + r) such that N + round(N × r ÷ 100) = G
//     exactly; the VAT is round(N × r ÷ 100), so BR-CO-17 holds. For some
//     gross amounts no such N exists (at 20 %, one gross amount in six: 1.23
//     EUR has no net whose rounded VAT completes it). N is then the rounded
//     G × 100 ÷ (100 + r), VAT follows BR-CO-17, and the one minor unit
//     that net + VAT misses is added to the rounding amount (BT-114), so
//     that the amount due (BT-115) is exactly what the buyer saw.
//     With RoundPerLine the same is done for each line, allowance and charge.
//  6. The line net amounts (BT-131) and allowance and charge amounts
//     (BT-92, BT-99) of the breakdown are their gross amounts × 100 ÷
//     (100 + r), rounded; the few minor units by which they miss N are given
//     to the line with the largest amount (the first one on ties), so that
//     the breakdown's taxable amount is exactly the sum of its parts (BR-S-08).
//
// # Credit notes
//
// A credit note drawn up by NewCreditNote carries CreditLimits: what was
// already credited, and what remains, of each VAT breakdown of the invoice.
// Rounding per breakdown, each breakdown of the credit note is the
// breakdown of everything credited so far, this note included, less the
// breakdown of what was credited before it, both computed like the
// invoice's: VAT is rounded on the cumulated amount. The credit notes of an
// invoice therefore add up to its VAT to the cent, and the VAT of each is
// less than one unit of the currency away from its taxable amount × rate,
// which the CEN validation artefacts accept for BR-CO-17 (with
// money.RoundHalfEven, two ties rounded in opposite directions can reach
// exactly one minor unit; the other modes cannot). Rounding per line, a
// credit note that credits all that remains of a breakdown takes the
// remaining amounts, and none takes more VAT than remains.
func (d *Document) Calculate() error {
	var errs validation.Errors
	if !d.checkSize(&errs) {
		return errs.Err()
	}
	d.preflight(&errs)
	if err := errs.Err(); err != nil {
		return err
	}
	newCalculator(d).compute().apply(d)
	return nil
}

// calculator computes the amounts of a document that passed preflight. It
// only reads the document; apply writes the results.
type calculator struct {
	doc       *Document
	cur       money.Currency
	digits    int32
	mode      money.RoundingMode
	inclusive bool
	perLine   bool
	unit      decimal.Decimal // one minor unit of the currency
}

func newCalculator(d *Document) *calculator {
	c := roundingCalculator(d.Currency, d.Pricing.RoundingMode)
	c.doc, c.inclusive, c.perLine = d, d.Pricing.PricesIncludeVAT, d.Pricing.perLine()
	return &c
}

// roundingCalculator returns a calculator that rounds amounts in cur with
// mode (money.RoundHalfAwayFromZero when empty), for one line without a
// document.
func roundingCalculator(cur money.Currency, mode money.RoundingMode) calculator {
	digits := int32(cur.Digits())
	if mode == "" {
		mode = money.RoundHalfAwayFromZero
	}
	var unit decimal.Decimal
	if int(digits) < len(minorUnits) {
		unit = minorUnits[digits]
	} else {
		unit = decimal.New(1, -digits)
	}
	return calculator{cur: cur, digits: digits, mode: mode, unit: unit}
}

// minorUnits holds the minor unit of currencies with 0 to 4 decimals:
// 1, 0.1, 0.01, 0.001 and 0.0001.
var minorUnits = [...]decimal.Decimal{
	decimal.New(1, 0), decimal.New(1, -1), decimal.New(1, -2), decimal.New(1, -3), decimal.New(1, -4),
}

// round rounds x to the currency's precision. The mode was checked by
// preflight, so it cannot fail.
func (c *calculator) round(x decimal.Decimal) decimal.Decimal {
	r, _ := money.RoundDecimal(x, c.digits, c.mode)
	return r
}

// quo returns x ÷ y rounded once to the currency's precision; y is never
// zero here (base quantities are positive, 100 + rate is at least 100).
func (c *calculator) quo(x, y decimal.Decimal) decimal.Decimal {
	r, _ := money.QuoRound(x, y, c.digits, c.mode)
	return r
}

// percentOf returns base × pct ÷ 100, rounded.
func (c *calculator) percentOf(base, pct decimal.Decimal) decimal.Decimal {
	return c.quo(base.Mul(pct), hundred)
}

// adjustmentCalc is the computed amount of an allowance or charge.
type adjustmentCalc struct {
	amount decimal.Decimal // as entered (VAT included when prices include VAT)
	base   decimal.Decimal // the base a percentage applied to
	net    decimal.Decimal // without VAT
	pct    bool            // computed from a percentage
}

// lineCalc is the computed amounts of a line.
type lineCalc struct {
	amount     decimal.Decimal // BT-131, or the gross amount when prices include VAT
	net        decimal.Decimal // BT-131
	allowances []adjustmentCalc
	charges    []adjustmentCalc
}

// result is everything Calculate computes.
type result struct {
	lines      []lineCalc
	allowances []adjustmentCalc
	charges    []adjustmentCalc
	groups     []*vatGroup
	totals     totalsCalc
}

type totalsCalc struct {
	lineTotal, allowanceTotal, chargeTotal, taxExclusive decimal.Decimal
	vat, taxInclusive, prepaid, rounding, due            decimal.Decimal
}

func (c *calculator) compute() *result {
	d := c.doc
	r := &result{lines: make([]lineCalc, len(d.Lines))}
	for i := range d.Lines {
		r.lines[i] = c.line(&d.Lines[i])
	}
	r.allowances = c.documentAdjustments(d.Allowances, r)
	r.charges = c.documentAdjustments(d.Charges, r)
	c.breakdown(r)
	c.totals(r)
	return r
}

// line computes step 1 for one line.
func (c *calculator) line(l *Line) lineCalc {
	gross := l.Quantity.Mul(l.UnitPrice.Number())
	var lineBase decimal.Decimal
	if l.BaseQuantity.Valid {
		lineBase = c.quo(gross, l.BaseQuantity.Decimal)
	} else {
		lineBase = c.round(gross)
	}
	lc := lineCalc{amount: lineBase}
	if len(l.Allowances) > 0 {
		lc.allowances = make([]adjustmentCalc, len(l.Allowances))
		for j, a := range l.Allowances {
			lc.allowances[j] = c.adjustment(a.Amount, a.Percent, a.Base, lineBase)
			lc.amount = fastdec.Sub(lc.amount, lc.allowances[j].amount)
		}
	}
	if len(l.Charges) > 0 {
		lc.charges = make([]adjustmentCalc, len(l.Charges))
		for j, ch := range l.Charges {
			lc.charges[j] = c.adjustment(ch.Amount, ch.Percent, ch.Base, lineBase)
			lc.amount = fastdec.Add(lc.amount, lc.charges[j].amount)
		}
	}
	lc.net = lc.amount
	return lc
}

// adjustment computes an allowance or charge: the amount given, or base ×
// percent ÷ 100 with the given base or else defaultBase.
func (c *calculator) adjustment(amount money.Amount, pct decimal.Decimal, base money.Amount, defaultBase decimal.Decimal) adjustmentCalc {
	if pct.IsZero() {
		return adjustmentCalc{amount: amount.Number(), base: base.Number(), net: amount.Number()}
	}
	b := defaultBase
	if !isUnset(base) {
		b = base.Number()
	}
	amt := c.percentOf(b, pct)
	return adjustmentCalc{amount: amt, base: b, net: amt, pct: true}
}

// documentAdjustments computes step 2; the default base of a percentage is
// the sum of the line amounts of the same VAT category and rate.
func (c *calculator) documentAdjustments(list []AllowanceCharge, r *result) []adjustmentCalc {
	if len(list) == 0 {
		return nil
	}
	out := make([]adjustmentCalc, len(list))
	for i, a := range list {
		var base decimal.Decimal
		if !a.Percent.IsZero() && isUnset(a.Base) {
			key := keyOf(a.VAT)
			for j := range c.doc.Lines {
				if keyOf(c.doc.Lines[j].VAT).equal(key) {
					base = fastdec.Add(base, r.lines[j].amount)
				}
			}
		}
		out[i] = c.adjustment(a.Amount, a.Percent, a.Base, base)
	}
	return out
}

// LineNet returns the net amount (BT-131) that Calculate gives line l in a
// document in currency cur whose amounts are rounded with mode (the zero
// mode is money.RoundHalfAwayFromZero) and whose prices exclude VAT: the
// quantity times the unit price, less the line's allowances, plus its
// charges. It checks l as Calculate does, with the same errors (their
// fields under "lines[0]"), and leaves l unchanged. Quotes and contracts
// use it to price one line without drawing up a whole document.
func LineNet(l Line, cur money.Currency, mode money.RoundingMode) (money.Amount, error) {
	var errs validation.Errors
	if cur.IsZero() {
		errs.Add("currency", "BR-05", "is required")
	}
	if !mode.Valid() {
		errs.Add("pricing.rounding_mode", validation.CodeNotAllowed, "must be a money.RoundingMode")
	}
	amountChecker{errs: &errs, cur: cur}.line(elem("lines", 0), &l)
	if err := errs.Err(); err != nil {
		return money.Amount{}, err
	}
	c := roundingCalculator(cur, mode)
	return money.New(c.line(&l).net, cur), nil
}
