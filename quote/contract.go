package quote

import (
	"github.com/google/uuid"

	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/schedule"
	"github.com/billkit/billkit/tax"
	"github.com/billkit/billkit/validation"
)

// Contract is what an accepted quote makes: the negotiated terms of each
// line and how it is billed, for the bill runs that invoice it. It is a
// plain value for the host to store; its lines keep everything their
// invoices need, so that no negotiated term depends on the catalogue or the
// quote afterwards.
type Contract struct {
	ID            uuid.UUID      `json:"id"`
	QuoteID       uuid.UUID      `json:"quote_id"`
	QuoteNumber   string         `json:"quote_number"`
	QuoteRevision int            `json:"quote_revision"`
	Seller        invoice.Party  `json:"seller,omitzero"`
	Buyer         invoice.Party  `json:"buyer"`
	Currency      money.Currency `json:"currency"`
	BookID        string         `json:"book_id"`
	// AcceptedOn is the day the buyer accepted the quote.
	AcceptedOn date.Date `json:"accepted_on"`
	// RoundingMode is the rounding of the quote, which the contract's
	// invoices must use to give the amounts negotiated.
	RoundingMode money.RoundingMode `json:"rounding_mode,omitempty"`
	Lines        []ContractLine     `json:"lines"`
}

// ContractLine is one line of a contract: the negotiated terms of a quote
// line, its term and billing plan, and the references back to the quote.
type ContractLine struct {
	// ID identifies the line within the contract: the quote line's ID.
	ID         string    `json:"id"`
	ContractID uuid.UUID `json:"contract_id"`
	// QuoteID, QuoteRevision and QuoteLineID identify the quote line the
	// terms were negotiated on.
	QuoteID       uuid.UUID `json:"quote_id"`
	QuoteRevision int       `json:"quote_revision"`
	QuoteLineID   string    `json:"quote_line_id"`
	ProductID     string    `json:"product_id"`
	SKU           string    `json:"sku"`
	Name          string    `json:"name"`
	Description   string    `json:"description,omitempty"`
	// Terms are the negotiated quantity, unit price, discount and VAT.
	Terms
	// List is the list price on the quote date, for reference.
	List ListPrice `json:"list"`
	// NetAmount is the amount one billing of the terms comes to.
	NetAmount money.Amount `json:"net_amount"`
	// Start is the first day of service; End the day after the last, or
	// the zero Date while the line runs until further notice.
	Start date.Date `json:"start"`
	End   date.Date `json:"end,omitzero"`
	// Plan is the billing plan with the negotiated amounts.
	Plan schedule.Plan `json:"plan"`
	// Price is the catalogue price version of the quote date, which prices
	// usage for the life of the contract.
	Price catalog.Price `json:"price"`
	// RoundingMode is the contract's rounding mode.
	RoundingMode money.RoundingMode `json:"rounding_mode,omitempty"`
}

// contract builds the contract of the quote accepted on day on.
func (q *Quote) contract(id uuid.UUID, on date.Date) *Contract {
	c := &Contract{
		ID: id, QuoteID: q.id, QuoteNumber: q.input.Number, QuoteRevision: q.revision,
		Seller: q.input.Seller, Buyer: q.input.Buyer, Currency: q.input.Currency, BookID: q.input.BookID,
		AcceptedOn: on, RoundingMode: q.input.RoundingMode,
		Lines: make([]ContractLine, len(q.lines)),
	}
	for i, l := range q.lines {
		start, end := termOf(l.Plan, on)
		c.Lines[i] = ContractLine{
			ID: l.ID, ContractID: id, QuoteID: q.id, QuoteRevision: q.revision, QuoteLineID: l.ID,
			ProductID: l.ProductID, SKU: l.SKU, Name: l.Name, Description: l.Description,
			Terms: l.Terms, List: l.List, NetAmount: l.NetAmount,
			Start: start, End: end, Plan: l.Plan.Clone(), Price: l.Price, RoundingMode: q.input.RoundingMode,
		}
	}
	return c
}

// Line returns the contract line with the given ID, and whether there is
// one.
func (c *Contract) Line(id string) (ContractLine, bool) {
	for _, l := range c.Lines {
		if l.ID == id {
			return l, true
		}
	}
	return ContractLine{}, false
}

// VATOn returns the VAT of the line's invoices billed on day on. A rate
// the quote looked up (see Terms.RateKind) is looked up again in rates on
// that day, so that a change of rate after the quote reaches the
// invoices; a rate the line gave, or a category without a rate, is kept
// as it is. A rate that rates does not know on that day, or a zero rate
// for a category that needs a positive one, is a *validation.Error.
func (l ContractLine) VATOn(rates *tax.Rates, on date.Date) (invoice.VAT, error) {
	if l.RateKind == "" || rates == nil {
		return l.VAT, nil
	}
	rate, err := rates.Lookup(l.TaxCountry, l.RateKind, on)
	if err != nil {
		return invoice.VAT{}, validation.New("vat.rate", validation.CodeUnknown,
			"no "+string(l.RateKind)+" VAT rate is known for "+l.TaxCountry+" on "+on.String())
	}
	if l.VAT.Category.RequiresPositiveRate() && !rate.IsPositive() {
		return invoice.VAT{}, validation.New("vat.rate", validation.CodeOutOfRange,
			"the "+string(l.RateKind)+" rate of "+l.TaxCountry+" on "+on.String()+" is 0, which VAT category "+
				string(l.VAT.Category)+" does not allow")
	}
	v := l.VAT
	v.Rate = rate
	return v, nil
}

// Ref returns the reference of the line that its invoice lines carry in
// invoice.Line.ContractLineRef: "<contract ID>/<line ID>".
func (l ContractLine) Ref() string { return lineRef(l.ContractID, l.ID) }

// QuoteLineRef returns the reference of the quote line the terms come from,
// carried in invoice.Line.QuoteLineRef: "<quote ID>/<quote line ID>". The
// quote ID names the revision.
func (l ContractLine) QuoteLineRef() string { return lineRef(l.QuoteID, l.QuoteLineID) }
