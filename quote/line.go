package quote

import (
	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/internal/uuidtext"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/schedule"
)

// Line is a priced quote line: the product as the catalogue describes it,
// its list price on the quote date, the negotiated terms, the net amount
// an invoice computes from them, and the billing plan with that amount.
type Line struct {
	ID          string `json:"id"`
	ProductID   string `json:"product_id"`
	SKU         string `json:"sku"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	// Terms are the negotiated terms, as invoice lines carry them.
	Terms
	// List is the catalogue price of the quantity on the quote date.
	List ListPrice `json:"list"`
	// NetAmount is the line net amount (BT-131) an invoice computes from
	// the terms: what one billing of the plan amounts to (the one-time
	// amount, the amount per period, the total of the milestones or
	// installments, or the usage estimate of one period).
	NetAmount money.Amount `json:"net_amount"`
	// DiscountPercent is the discount in percent of the list amount,
	// rounded up to 2 decimals: the percent negotiated, or what an amount
	// off or a negotiated unit price comes to. Negative for a price above
	// the list price.
	DiscountPercent decimal.Decimal `json:"discount_percent"`
	// Plan is the billing plan with its amounts derived from NetAmount.
	Plan schedule.Plan `json:"plan"`
	// Price is the catalogue price version, kept so that usage is priced
	// at the terms of the quote date for the life of the contract.
	Price catalog.Price `json:"price"`
}

// clone returns a deep copy of l.
func (l Line) clone() Line {
	l.Plan = l.Plan.Clone()
	return l
}

// lineRef returns the reference of line lineID of the quote, contract or
// other object with ID id, as invoice lines carry it: "<id>/<lineID>".
func lineRef(id uuid.UUID, lineID string) string {
	var buf [64]byte
	b := append(uuidtext.Append(buf[:0], id), '/')
	return string(append(b, lineID...))
}

// discount returns the share of the list amount the line's terms give away,
// given its net amount.
func (l *Line) discount(net money.Amount) discount {
	switch {
	case !l.Discount.Percent.IsZero():
		return discount{num: l.Discount.Percent, den: hundred}
	case l.Discount.hasAmount():
		return discount{num: l.Discount.Amount.Number(), den: net.Number().Add(l.Discount.Amount.Number())}
	case l.Negotiated:
		list := l.List.Amount.Number()
		return discount{num: list.Sub(l.Quantity.Mul(l.UnitPrice.Number())), den: list}
	}
	return discount{}
}
