package quote

import (
	"errors"
	"strconv"

	"github.com/google/uuid"

	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/validation"
)

// priced is a quote input priced by a Desk.
type priced struct {
	lines []Line
	doc   invoice.Document
	reqs  []Requirement
}

// pricing is one pricing of an input: the faults found so far and what is
// needed to report each once.
type pricing struct {
	desk           *Desk
	in             *Input
	author         User
	errs           validation.Errors
	noTaxCountry   bool // a rate lookup lacked the tax country
	bookOK         bool // the price book exists and is active
	headerComplete bool // currency and date are set, so lines can be priced
}

// price prices in for the quote with the given ID and author: every line
// from the catalogue, then the totals through an invoice document, then the
// guardrails and billing plans. It reports every fault it finds in one
// *validation.Error and changes nothing.
func (d *Desk) price(id uuid.UUID, author User, in *Input) (*priced, error) {
	p := &pricing{desk: d, in: in, author: author}
	p.checkHeader()
	if len(in.Lines) > MaxLines {
		return nil, p.errs.Err() // reported by the struct tags; pricing them all is pointless
	}
	lines := make([]Line, len(in.Lines))
	for i := range in.Lines {
		lines[i] = p.line("lines["+strconv.Itoa(i)+"]", &in.Lines[i])
	}
	if err := p.errs.Err(); err != nil {
		return nil, err
	}
	doc := invoice.Document{
		Type: invoice.TypeCommercialInvoice, Currency: in.Currency, Seller: in.Seller, Buyer: in.Buyer,
		Pricing: invoice.Pricing{RoundingMode: in.RoundingMode},
		Lines:   make([]invoice.Line, len(lines)),
	}
	for i := range lines {
		l := &lines[i]
		doc.Lines[i] = l.invoiceLine(l.ID, l.Name, l.Description)
		doc.Lines[i].QuoteLineRef = lineRef(id, l.ID)
	}
	if err := doc.Calculate(); err != nil {
		return nil, err
	}
	var reqs []Requirement
	authorRank := d.guard.rank[author.Level]
	for i := range lines {
		at := "lines[" + strconv.Itoa(i) + "]"
		if req := p.settle(at, &in.Lines[i], &lines[i], &doc.Lines[i], authorRank); req != nil {
			reqs = append(reqs, *req)
		}
	}
	if err := p.errs.Err(); err != nil {
		return nil, err
	}
	return &priced{lines: lines, doc: doc, reqs: reqs}, nil
}

// checkHeader checks the author and the fields of the input outside its
// lines.
func (p *pricing) checkHeader() {
	in, errs := p.in, &p.errs
	errs.Merge(validation.Struct(in))
	if p.author.ID == "" {
		errs.Add("author.id", validation.CodeRequired, "is required")
	}
	if _, ok := p.desk.guard.rank[p.author.Level]; !ok {
		errs.Add("author.level", validation.CodeUnknown, "must be one of the policy's levels")
	}
	if in.Currency.IsZero() {
		errs.Add("currency", validation.CodeRequired, "is required")
	}
	if in.Buyer.Name == "" {
		errs.Add("buyer.name", validation.CodeRequired, "is required")
	}
	if in.Date.IsZero() {
		errs.Add("date", validation.CodeRequired, "is required")
	}
	switch {
	case in.ValidUntil.IsZero():
		errs.Add("valid_until", validation.CodeRequired, "is required")
	case in.ValidUntil.Before(in.Date):
		errs.Add("valid_until", validation.CodeOutOfRange, "must not be before the quote date "+in.Date.String())
	}
	if !in.RoundingMode.Valid() {
		errs.Add("rounding_mode", validation.CodeNotAllowed, "must be a money.RoundingMode")
	}
	p.headerComplete = !in.Currency.IsZero() && !in.Date.IsZero()
	if in.BookID != "" {
		switch book, err := p.desk.catalog.Book(in.BookID); {
		case err != nil:
			errs.Add("book_id", validation.CodeUnknown, "price book "+strconv.Quote(in.BookID)+" does not exist")
		case !book.Active:
			errs.Add("book_id", validation.CodeInactive, "price book "+strconv.Quote(in.BookID)+" is inactive")
		default:
			p.bookOK = true
		}
	}
	seen := make(map[string]int, len(in.Lines))
	for i, l := range in.Lines {
		if j, dup := seen[l.ID]; dup && l.ID != "" {
			errs.Add("lines["+strconv.Itoa(i)+"].id", validation.CodeDuplicate, "repeats the ID of lines["+strconv.Itoa(j)+"]")
			continue
		}
		seen[l.ID] = i
	}
}

// line checks li and prices it from the catalogue. The terms it returns
// are complete only when no fault was recorded.
func (p *pricing) line(at string, li *LineInput) Line {
	before := p.errs.Len()
	q, terms := p.checkTerms(at, li)
	checkTemplate(&p.errs, at+".plan", &li.Plan, p.in.Currency)
	if li.ProductID == "" {
		return Line{}
	}
	prod, err := p.desk.catalog.Product(li.ProductID)
	switch {
	case err != nil:
		p.errs.Add(at+".product_id", validation.CodeUnknown, "product "+strconv.Quote(li.ProductID)+" does not exist")
		return Line{}
	case !prod.IsActive():
		p.errs.Add(at+".product_id", validation.CodeInactive, "product "+strconv.Quote(li.ProductID)+" is archived")
		return Line{}
	case !p.bookOK || !p.headerComplete:
		return Line{}
	}
	price, err := p.desk.catalog.PriceAt(li.ProductID, p.in.BookID, p.in.Currency, p.in.Date)
	if err != nil {
		// The product and the book were found active above; a product
		// archived since then is still refused.
		if inactive := (*catalog.InactiveError)(nil); errors.As(err, &inactive) {
			p.errs.Add(at+".product_id", validation.CodeInactive, inactive.Error())
		} else {
			p.errs.Add(at+".product_id", CodeNoPrice, "has no price in price book "+strconv.Quote(p.in.BookID)+
				" in "+p.in.Currency.Code()+" on "+p.in.Date.String())
		}
		return Line{}
	}
	checkBilling(&p.errs, at+".plan", price.Billing(), &li.Plan)
	terms.VAT, terms.ExemptionReason, terms.RateKind = p.vat(at, li, prod)
	if terms.RateKind != "" {
		terms.TaxCountry = p.in.taxCountry()
	}
	if p.errs.Len() > before {
		return Line{}
	}
	lp, fits, err := listPrice(price, q)
	switch {
	case errors.Is(err, catalog.ErrWrongModel):
		p.errs.Add(at+".product_id", validation.CodeNotAllowed, "is priced as a percentage of an amount, which a quote cannot price")
		return Line{}
	case err != nil:
		p.errs.MergeAt(at, err)
		return Line{}
	case !fits:
		p.errs.Add(at+".product_id", validation.CodeOutOfRange, "its list amount "+lp.Amount.String()+
			" has more than 12 decimals, more than an invoice line carries")
		return Line{}
	}
	terms.UnitCode = string(prod.Unit)
	if !terms.Negotiated {
		terms.UnitPrice, terms.BaseQuantity = lp.UnitPrice, lp.BaseQuantity
	}
	desc := li.Description
	if desc == "" {
		desc = prod.Description
	}
	return Line{ID: li.ID, ProductID: prod.ID, SKU: prod.SKU, Name: prod.Name, Description: desc,
		Terms: terms, List: lp, Price: price}
}
