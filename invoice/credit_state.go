package invoice

import (
	"strconv"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/tax"
	"github.com/billkit/billkit/validation"
)

// CreditState is what the issued credit notes of an invoice have credited
// so far. Amounts of lines, allowances and charges are as priced on the
// invoice: without VAT, or with VAT when its prices include VAT.
type CreditState struct {
	// CreditNotes are the IDs of the credit notes applied, in issue order.
	CreditNotes []uuid.UUID `json:"credit_notes,omitempty"`
	// Lines are the quantities and amounts credited per invoice line.
	Lines []LineCredit `json:"lines,omitempty"`
	// Breakdowns are the amounts credited per VAT breakdown of the invoice.
	Breakdowns []BreakdownCredit `json:"breakdowns,omitempty"`
	// Total is the sum of the credit notes' totals with VAT (BT-112).
	Total money.Amount `json:"total,omitzero"`
	// Due is the sum of the credit notes' amounts due (BT-115): their totals
	// with their rounding amounts (BT-114), what they give back to the buyer.
	Due money.Amount `json:"due,omitzero"`
}

// LineCredit is a quantity and an amount of one invoice line. In a
// CreditRequest it asks to credit either a quantity (at the line's price,
// with its share of the line's allowances and charges) or an amount (a
// price reduction); in a CreditState it is what was credited.
type LineCredit struct {
	// LineID is the ID of the invoice line (BT-126).
	LineID string `json:"line_id"`
	// Quantity is a quantity of the line, of the same sign as the line's.
	Quantity decimal.Decimal `json:"quantity,omitzero"`
	// Amount is an amount of the line as priced, of the same sign as the
	// line's amount, in the invoice currency.
	Amount money.Amount `json:"amount,omitzero"`
}

// BreakdownCredit is what was credited of one VAT breakdown of an invoice.
type BreakdownCredit struct {
	Category tax.Category    `json:"category"`
	Rate     decimal.Decimal `json:"rate"`
	// Lines is the sum of the credited line amounts.
	Lines money.Amount `json:"lines"`
	// Adjustments is the sum of the credited charges less allowances.
	Adjustments money.Amount `json:"adjustments"`
	// TaxableAmount and TaxAmount are the sums of the credit notes' BT-116
	// and BT-117 for this category and rate.
	TaxableAmount money.Amount `json:"taxable_amount"`
	TaxAmount     money.Amount `json:"tax_amount"`
}

// CreditState returns a copy of what the credit notes issued against inv
// have credited.
func (inv *Invoice) CreditState() CreditState { return inv.credits.clone() }

// Credited returns the sum of the totals with VAT (BT-112) of the credit
// notes issued against inv, zero in its currency if there is none.
func (inv *Invoice) Credited() money.Amount {
	return money.New(inv.credits.Total.Number(), inv.doc.Currency)
}

// DueAfterCredits returns the amount due (BT-115) less the amounts due
// (BT-115) of the credit notes issued against inv: what the buyer owes
// before any payment made after issue. Payments are recorded apart; the
// balance of an invoice is DueAfterCredits less its payments.
func (inv *Invoice) DueAfterCredits() money.Amount {
	return money.New(inv.doc.Totals.Due.Number().Sub(inv.creditedDue()), inv.doc.Currency)
}

// creditedDue returns the sum of the amounts due (BT-115) of the credit
// notes issued against inv. A credit state saved before it recorded them
// falls back on their totals (BT-112), which differ only by rounding amounts.
func (inv *Invoice) creditedDue() decimal.Decimal {
	if inv.credits.Due.Currency().IsZero() && inv.credits.Due.IsZero() {
		return inv.credits.Total.Number()
	}
	return inv.credits.Due.Number()
}

func (s CreditState) clone() CreditState {
	s.CreditNotes = append([]uuid.UUID(nil), s.CreditNotes...)
	s.Lines = append([]LineCredit(nil), s.Lines...)
	s.Breakdowns = append([]BreakdownCredit(nil), s.Breakdowns...)
	return s
}

func (s *CreditState) line(id string) *LineCredit {
	for i := range s.Lines {
		if s.Lines[i].LineID == id {
			return &s.Lines[i]
		}
	}
	return nil
}

func (s *CreditState) breakdown(key vatKey, cur money.Currency) *BreakdownCredit {
	for i := range s.Breakdowns {
		if keyOf(VAT{s.Breakdowns[i].Category, s.Breakdowns[i].Rate}).equal(key) {
			return &s.Breakdowns[i]
		}
	}
	zero := money.Zero(cur)
	s.Breakdowns = append(s.Breakdowns, BreakdownCredit{Category: key.cat, Rate: key.rate,
		Lines: zero, Adjustments: zero, TaxableAmount: zero, TaxAmount: zero})
	return &s.Breakdowns[len(s.Breakdowns)-1]
}

// pricedAmount returns the amount of a calculated line as priced.
func pricedAmount(l *Line, p Pricing) decimal.Decimal {
	if p.PricesIncludeVAT {
		return l.GrossAmount.Number()
	}
	return l.NetAmount.Number()
}

// remainingLine returns the quantity and amount of line l of inv not yet credited.
func (inv *Invoice) remainingLine(l *Line) (qty, amount decimal.Decimal) {
	qty, amount = l.Quantity, pricedAmount(l, inv.doc.Pricing)
	if c := inv.credits.line(l.ID); c != nil {
		qty, amount = qty.Sub(c.Quantity), amount.Sub(c.Amount.Number())
	}
	return qty, amount
}

// remainingLimits returns what remains uncredited of each VAT breakdown.
func (inv *Invoice) remainingLimits() []CreditLimit {
	cur := inv.doc.Currency
	limits := make([]CreditLimit, len(inv.doc.VATBreakdown))
	for i, b := range inv.doc.VATBreakdown {
		key := keyOf(VAT{b.Category, b.Rate})
		lines, adjust := inv.pricedSums(key)
		amount := lines.Add(adjust)
		var credited decimal.Decimal
		base, vat := b.TaxableAmount.Number(), b.TaxAmount.Number()
		for _, c := range inv.credits.Breakdowns {
			if keyOf(VAT{c.Category, c.Rate}).equal(key) {
				credited = c.Lines.Number().Add(c.Adjustments.Number())
				base, vat = base.Sub(c.TaxableAmount.Number()), vat.Sub(c.TaxAmount.Number())
			}
		}
		limits[i] = CreditLimit{Category: b.Category, Rate: b.Rate, Credited: money.New(credited, cur),
			Amount: money.New(amount.Sub(credited), cur), TaxableAmount: money.New(base, cur), TaxAmount: money.New(vat, cur)}
	}
	return limits
}

// pricedSums returns the sum of the line amounts and the sum of the charges
// less allowances of one VAT breakdown of inv, as priced.
func (inv *Invoice) pricedSums(key vatKey) (lines, adjust decimal.Decimal) {
	o := &inv.doc
	for j := range o.Lines {
		if keyOf(o.Lines[j].VAT).equal(key) {
			lines = lines.Add(pricedAmount(&o.Lines[j], o.Pricing))
		}
	}
	for _, a := range o.Allowances {
		if keyOf(a.VAT).equal(key) {
			adjust = adjust.Sub(a.Amount.Number())
		}
	}
	for _, c := range o.Charges {
		if keyOf(c.VAT).equal(key) {
			adjust = adjust.Add(c.Amount.Number())
		}
	}
	return lines, adjust
}

// withinBound reports whether x does not go beyond bound: same sign (or
// zero) and no larger in absolute value.
func withinBound(x, bound decimal.Decimal) bool {
	if x.IsZero() {
		return true
	}
	return x.Sign() == bound.Sign() && x.Abs().Cmp(bound.Abs()) <= 0
}

// applyCredit returns the credit state of inv once the calculated credit
// note cn is applied, or an error when cn credits a line that inv does not
// have (a *validation.Error) or more than remains (an *OverCreditError).
func (inv *Invoice) applyCredit(id uuid.UUID, cn *Document) (CreditState, error) {
	cur := inv.doc.Currency
	s := inv.credits.clone()
	var errs validation.Errors
	for i := range cn.Lines {
		l := &cn.Lines[i]
		at := "lines[" + strconv.Itoa(i) + "]"
		orig := inv.lineByID(l.CreditedLineID)
		if orig == nil {
			errs.Add(at+".credited_line_id", CodeCreditLine, "is not a line of invoice "+inv.doc.Number)
			continue
		}
		c := s.line(orig.ID)
		if c == nil {
			s.Lines = append(s.Lines, LineCredit{LineID: orig.ID, Amount: money.Zero(cur)})
			c = &s.Lines[len(s.Lines)-1]
		}
		amount := pricedAmount(l, cn.Pricing)
		c.Quantity = c.Quantity.Add(l.CreditedQuantity)
		c.Amount = money.New(c.Amount.Number().Add(amount), cur)
		if !withinBound(c.Quantity, orig.Quantity) {
			return CreditState{}, &OverCreditError{Field: at + ".credited_quantity", LineID: orig.ID,
				Requested: l.CreditedQuantity.String(), Remaining: orig.Quantity.Sub(c.Quantity.Sub(l.CreditedQuantity)).String()}
		}
		if origAmount := pricedAmount(orig, inv.doc.Pricing); !withinBound(c.Amount.Number(), origAmount) {
			return CreditState{}, &OverCreditError{Field: at, LineID: orig.ID, Requested: money.New(amount, cur).String(),
				Remaining: money.New(origAmount.Sub(c.Amount.Number()).Add(amount), cur).String()}
		}
		b := s.breakdown(keyOf(l.VAT), cur)
		b.Lines = money.New(b.Lines.Number().Add(amount), cur)
	}
	if err := errs.Err(); err != nil {
		return CreditState{}, err
	}
	for _, a := range cn.Allowances {
		b := s.breakdown(keyOf(a.VAT), cur)
		b.Adjustments = money.New(b.Adjustments.Number().Sub(a.Amount.Number()), cur)
	}
	for _, ch := range cn.Charges {
		b := s.breakdown(keyOf(ch.VAT), cur)
		b.Adjustments = money.New(b.Adjustments.Number().Add(ch.Amount.Number()), cur)
	}
	for k, vb := range cn.VATBreakdown {
		key := keyOf(VAT{vb.Category, vb.Rate})
		b := s.breakdown(key, cur)
		b.TaxableAmount = money.New(b.TaxableAmount.Number().Add(vb.TaxableAmount.Number()), cur)
		b.TaxAmount = money.New(b.TaxAmount.Number().Add(vb.TaxAmount.Number()), cur)
		var bound decimal.Decimal
		for _, ob := range inv.doc.VATBreakdown {
			if keyOf(VAT{ob.Category, ob.Rate}).equal(key) {
				bound = ob.TaxableAmount.Number()
			}
		}
		if !withinBound(b.TaxableAmount.Number(), bound) {
			return CreditState{}, &OverCreditError{Field: "vat_breakdown[" + strconv.Itoa(k) + "].taxable_amount",
				Requested: vb.TaxableAmount.String(),
				Remaining: money.New(bound.Sub(b.TaxableAmount.Number()).Add(vb.TaxableAmount.Number()), cur).String()}
		}
	}
	total := cn.Totals.TaxInclusive.Number()
	s.Total = money.New(s.Total.Number().Add(total), cur)
	s.Due = money.New(s.Due.Number().Add(cn.Totals.Due.Number()), cur)
	if !withinBound(s.Total.Number(), inv.doc.Totals.TaxInclusive.Number()) {
		return CreditState{}, &OverCreditError{Field: "total", Requested: money.New(total, cur).String(),
			Remaining: inv.remainingTotal().String()}
	}
	s.CreditNotes = append(s.CreditNotes, id)
	return s, nil
}

// remainingTotal returns the total with VAT not yet credited.
func (inv *Invoice) remainingTotal() money.Amount {
	return money.New(inv.doc.Totals.TaxInclusive.Number().Sub(inv.credits.Total.Number()), inv.doc.Currency)
}

func (inv *Invoice) lineByID(id string) *Line {
	for i := range inv.doc.Lines {
		if inv.doc.Lines[i].ID == id {
			return &inv.doc.Lines[i]
		}
	}
	return nil
}
