package invoice

import (
	"fmt"
	"strconv"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// CreditRequest says what a credit note credits of an invoice.
type CreditRequest struct {
	// Reason explains the correction; it becomes a note of the credit note.
	// One line of at most validation.MaxReasonLength characters.
	Reason string `json:"reason,omitempty"`
	// Lines lists what to credit, line by line: for each, either a Quantity
	// (returned goods, services not rendered: credited at the line's price
	// with its share of the line's allowances and charges) or an Amount (a
	// price reduction, as priced on the invoice), each line of the invoice
	// at most once. Leave it empty to credit everything that remains
	// uncredited of the invoice.
	Lines []LineCredit `json:"lines,omitempty"`
}

// creditLineReason is the reason of the allowance or charge that gives a
// credit note line its exact share of the invoice line's amount.
const creditLineReason = "Share of the allowances and charges of the invoice line"

// NewCreditNote draws up a draft credit note (type 381) that corrects the
// issued invoice orig as req asks. The credit note references the invoice
// (BT-25, BT-26), copies its parties, references, options and VAT, and
// carries its credit limits (see Document.Calculate). Partial credits give
// each credited line its exact share of the line's allowances and charges,
// and each VAT breakdown its share of the invoice's document level
// allowances and charges, so that crediting everything, in one or several
// credit notes, gives back exactly the invoice.
//
// It returns ErrNotCreditable when orig is not an issued invoice, a
// *validation.Error for a malformed request, and an *OverCreditError when
// the request exceeds what remains uncredited of a line or of the invoice.
// The credit note then follows the lifecycle of any invoice and is issued
// with IssueCredit, which checks the limits again.
func NewCreditNote(id uuid.UUID, orig *Invoice, req CreditRequest) (*Invoice, error) {
	if orig == nil || orig.doc.Type != TypeCommercialInvoice || !orig.IsIssued() || orig.status == StatusVoid {
		return nil, fmt.Errorf("%w: only an issued commercial invoice that is not void can be credited", ErrNotCreditable)
	}
	var errs validation.Errors
	if id == uuid.Nil {
		errs.Add("id", validation.CodeRequired, "is required")
	}
	errs.Text("reason", req.Reason, validation.MaxReasonLength)
	if len(req.Lines) > len(orig.doc.Lines) {
		errs.Add("lines", validation.CodeOutOfRange, "must have at most "+strconv.Itoa(len(orig.doc.Lines))+
			" items, one per line of the invoice")
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	o := &orig.doc
	doc := Document{
		Type: TypeCreditNote, Currency: o.Currency, Seller: o.Seller, Buyer: o.Buyer,
		Period: o.Period, DeliveryDate: o.DeliveryDate, DeliverTo: o.DeliverTo,
		PurchaseOrderRef: o.PurchaseOrderRef, BuyerReference: o.BuyerReference, ContractRef: o.ContractRef,
		Preceding: []DocumentReference{{Number: o.Number, IssueDate: o.IssueDate}},
		Legal:     o.Legal, Pricing: o.Pricing, CreditLimits: orig.remainingLimits(),
	}
	if req.Reason != "" {
		doc.Notes = []Note{{Text: req.Reason}}
	}
	b := creditBuilder{orig: orig, c: newCalculator(o), doc: &doc}
	if err := b.lines(req.Lines); err != nil {
		return nil, err
	}
	if len(doc.Lines) == 0 {
		return nil, &OverCreditError{Field: "lines", Requested: "everything", Remaining: "nothing"}
	}
	b.adjustments(b.emptiesInvoice())
	if err := doc.Calculate(); err != nil {
		return nil, err
	}
	if rem := orig.remainingTotal(); !withinBound(doc.Totals.TaxInclusive.Number(), rem.Number()) {
		return nil, &OverCreditError{Field: "total", Requested: doc.Totals.TaxInclusive.String(), Remaining: rem.String()}
	}
	return &Invoice{id: id, doc: doc, status: StatusDraft}, nil
}

// creditBuilder builds the lines and adjustments of a credit note.
type creditBuilder struct {
	orig     *Invoice
	c        *calculator // with the invoice's currency and rounding
	doc      *Document
	credited []decimal.Decimal // amount credited per VAT breakdown of the invoice, as priced
}

// emptiesInvoice reports whether the credit note credits all that remains
// of every line of the invoice; it then also credits all that remains of
// its document level allowances and charges.
func (b *creditBuilder) emptiesInvoice() bool {
	o := &b.orig.doc
	for i := range o.Lines {
		qty, amount := b.orig.remainingLine(&o.Lines[i])
		for _, cl := range b.doc.Lines {
			if cl.CreditedLineID == o.Lines[i].ID {
				qty = qty.Sub(cl.CreditedQuantity)
				amount = amount.Sub(b.c.line(&cl).amount)
			}
		}
		if !qty.IsZero() || !amount.IsZero() {
			return false
		}
	}
	return true
}

// lines adds one credit line per requested line, or per line with
// something left when the request lists none.
func (b *creditBuilder) lines(reqs []LineCredit) error {
	o := &b.orig.doc
	b.credited = make([]decimal.Decimal, len(o.VATBreakdown))
	if len(reqs) == 0 {
		for i := range o.Lines {
			if qty, amount := b.orig.remainingLine(&o.Lines[i]); !qty.IsZero() {
				b.addQuantity(&o.Lines[i], qty, amount)
			}
		}
		return nil
	}
	var errs validation.Errors
	seen := make(map[string]bool, len(reqs))
	type planned struct {
		line *Line
		req  LineCredit
		at   string
	}
	plan := make([]planned, 0, len(reqs))
	for i, r := range reqs {
		at := "lines[" + strconv.Itoa(i) + "]"
		l := b.orig.lineByID(r.LineID)
		switch {
		case l == nil:
			errs.Add(at+".line_id", validation.CodeUnknown, "is not a line of invoice "+o.Number)
			continue
		case seen[r.LineID]:
			errs.Add(at+".line_id", validation.CodeDuplicate, "is credited twice in the request")
			continue
		}
		seen[r.LineID] = true
		hasQty, hasAmount := !r.Quantity.IsZero(), !isUnset(r.Amount) && !r.Amount.IsZero()
		switch {
		case hasQty == hasAmount:
			errs.Add(at, validation.CodeInvalid, "give either a quantity or an amount to credit")
		case hasQty && !inBounds(r.Quantity):
			errs.Add(at+".quantity", validation.CodeOutOfRange, "must be below 10^15 with at most 12 decimals")
		case hasAmount && r.Amount.Currency() != o.Currency:
			errs.Add(at+".amount", validation.CodeMismatch, "must be in "+o.Currency.Code())
		case hasAmount && (!inBounds(r.Amount.Number()) || !r.Amount.Number().Equal(b.c.round(r.Amount.Number()))):
			errs.Add(at+".amount", validation.CodeOutOfRange, "must have at most "+strconv.Itoa(o.Currency.Digits())+" decimals")
		default:
			plan = append(plan, planned{l, r, at})
		}
	}
	if err := errs.Err(); err != nil {
		return err
	}
	for _, p := range plan {
		qty, amount := b.orig.remainingLine(p.line)
		if !p.req.Quantity.IsZero() {
			if qty.IsZero() || amount.IsZero() || !withinBound(p.req.Quantity, qty) {
				return &OverCreditError{Field: p.at + ".quantity", LineID: p.line.ID, Requested: p.req.Quantity.String(), Remaining: qty.String()}
			}
			b.addQuantity(p.line, p.req.Quantity, b.shareOf(amount, p.req.Quantity, qty))
			continue
		}
		if !withinBound(p.req.Amount.Number(), amount) {
			return &OverCreditError{Field: p.at + ".amount", LineID: p.line.ID, Requested: p.req.Amount.String(),
				Remaining: money.New(amount, o.Currency).String()}
		}
		b.addAmount(p.line, p.req.Amount)
	}
	return nil
}

// shareOf returns amount × part ÷ whole rounded, or amount when part is whole.
func (b *creditBuilder) shareOf(amount, part, whole decimal.Decimal) decimal.Decimal {
	if part.Equal(whole) {
		return amount
	}
	return b.c.quo(amount.Mul(part), whole)
}

// addQuantity adds a line crediting qty of l for exactly target: the line's
// price gives qty × price, and an allowance or charge brings it to target.
func (b *creditBuilder) addQuantity(l *Line, qty, target decimal.Decimal) {
	cl := b.creditLine(l)
	cl.Quantity, cl.CreditedQuantity = qty, qty
	cl.UnitCode, cl.UnitPrice, cl.BaseQuantity = l.UnitCode, l.UnitPrice, l.BaseQuantity
	natural := b.c.line(&cl).amount
	switch diff := natural.Sub(target); diff.Sign() {
	case 1:
		cl.Allowances = []LineAllowanceCharge{{Amount: money.New(diff, l.UnitPrice.Currency()), Reason: creditLineReason}}
	case -1:
		cl.Charges = []LineAllowanceCharge{{Amount: money.New(diff.Neg(), l.UnitPrice.Currency()), Reason: creditLineReason}}
	}
	b.add(cl, target)
}

// addAmount adds a line reducing the price of l by amount: one lump sum
// ("LS") at the amount, with the sign of the line.
func (b *creditBuilder) addAmount(l *Line, amount money.Amount) {
	cl := b.creditLine(l)
	cl.Quantity = decimal.NewFromInt(int64(amount.Sign()))
	cl.UnitCode, cl.UnitPrice = "LS", amount.Abs()
	b.add(cl, amount.Number())
}

func (b *creditBuilder) creditLine(l *Line) Line {
	return Line{
		ID: strconv.Itoa(len(b.doc.Lines) + 1), Name: l.Name, Description: l.Description,
		VAT: l.VAT, ExemptionReason: l.ExemptionReason, Period: l.Period,
		ContractLineRef: l.ContractLineRef, QuoteLineRef: l.QuoteLineRef, CreditedLineID: l.ID,
	}
}

func (b *creditBuilder) add(cl Line, amount decimal.Decimal) {
	b.doc.Lines = append(b.doc.Lines, cl)
	key := keyOf(cl.VAT)
	for i, vb := range b.orig.doc.VATBreakdown {
		if keyOf(VAT{vb.Category, vb.Rate}).equal(key) {
			b.credited[i] = b.credited[i].Add(amount)
		}
	}
}

// adjustments gives each VAT breakdown of the credit note its share of the
// document level allowances and charges of the invoice not yet credited: in
// proportion of the line amounts it credits of what remains, and all of it
// when it credits all that remains (or when the whole invoice is credited).
func (b *creditBuilder) adjustments(full bool) {
	o := &b.orig.doc
	cur := o.Currency
	for i, vb := range o.VATBreakdown {
		key := keyOf(VAT{vb.Category, vb.Rate})
		lines, adjust := b.orig.pricedSums(key)
		for _, c := range b.orig.credits.Breakdowns {
			if keyOf(VAT{c.Category, c.Rate}).equal(key) {
				lines, adjust = lines.Sub(c.Lines.Number()), adjust.Sub(c.Adjustments.Number())
			}
		}
		var share decimal.Decimal
		switch part := b.credited[i]; {
		case adjust.IsZero():
			continue
		case full || part.Equal(lines):
			share = adjust
		case part.IsZero() || lines.IsZero():
			continue
		default:
			share = b.c.quo(adjust.Mul(part), lines)
		}
		ac := AllowanceCharge{Amount: money.New(share.Abs(), cur), VAT: VAT{Category: key.cat, Rate: key.rate},
			Reason: "Share of the document level allowances and charges of invoice " + o.Number}
		switch share.Sign() {
		case 1:
			b.doc.Charges = append(b.doc.Charges, ac)
		case -1:
			b.doc.Allowances = append(b.doc.Allowances, ac)
		}
	}
}
