package ubl

import (
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/einvoice"
	"github.com/billkit/billkit/einvoice/internal/en16931"
	"github.com/billkit/billkit/invoice"
)

// lineOf returns an invoice line (BG-25): identifier (BT-126), quantity
// and unit (BT-129, BT-130), net amount (BT-131), period (BG-26),
// allowances and charges (BG-27, BG-28), item (BG-31) and price (BG-29).
func lineOf(d *invoice.Document, l *invoice.Line, ids einvoice.ItemIDs, credit bool) line {
	cur := d.Currency
	stated := en16931.LineOf(d, l)
	qty := &quantity{UnitCode: l.UnitCode, Value: en16931.Decimal(l.Quantity)}
	out := line{
		ID:            l.ID,
		LineExtension: amount{cur.Code(), en16931.Amount(l.NetAmount, cur)},
		Period:        periodOf(l.Period.Start, l.Period.Last()),
		Item: item{
			Description: l.Description, Name: l.Name,
			TaxCategory: vatCategory(l.VAT),
		},
		Price: price{Amount: amount{cur.Code(), en16931.Price(stated.Price, cur)}},
	}
	if credit {
		out.CreditedQuantity = qty
	} else {
		out.InvoicedQuantity = qty
	}
	for _, a := range stated.Adjustments {
		out.AllowanceCharges = append(out.AllowanceCharges, allowanceOf(a, d, false))
	}
	if ids.Buyer != "" {
		out.Item.BuyersID = &idOnly{ids.Buyer}
	}
	if ids.Seller != "" {
		out.Item.SellersID = &idOnly{ids.Seller}
	}
	if ids.Standard != "" {
		out.Item.StandardID = &standardID{identifier{Scheme: ids.StandardScheme, Value: ids.Standard}}
	}
	if !stated.BaseQuantity.IsZero() {
		out.Price.BaseQuantity = &quantity{UnitCode: l.UnitCode, Value: en16931.Decimal(stated.BaseQuantity)}
	}
	return out
}

// allowanceOf returns an allowance or a charge, with its VAT category at
// document level (BG-20, BG-21) and without at line level (BG-27, BG-28).
func allowanceOf(a en16931.Adjustment, d *invoice.Document, documentLevel bool) allowance {
	cur := d.Currency
	out := allowance{
		ChargeIndicator: a.Charge, ReasonCode: a.ReasonCode, Reason: a.Reason,
		Amount: amount{cur.Code(), en16931.Amount(a.Amount, cur)},
	}
	if !a.Percent.IsZero() {
		out.Multiplier = en16931.Decimal(a.Percent)
		out.BaseAmount = &amount{cur.Code(), en16931.Amount(a.Base, cur)}
	}
	if documentLevel {
		c := vatCategory(a.VAT)
		out.TaxCategory = &c
	}
	return out
}

// periodOf returns a period of the given first and last days, or nil when
// both are zero.
func periodOf(first, last date.Date) *period {
	if first.IsZero() && last.IsZero() {
		return nil
	}
	p := &period{}
	if !first.IsZero() {
		p.StartDate = en16931.ISODate(first)
	}
	if !last.IsZero() {
		p.EndDate = en16931.ISODate(last)
	}
	return p
}
