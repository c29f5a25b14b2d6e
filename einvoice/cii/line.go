package cii

import (
	"github.com/billkit/billkit/einvoice"
	"github.com/billkit/billkit/einvoice/internal/en16931"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
)

// lineOf returns a line (BG-25): identifier (BT-126), item (BG-31) with
// its identifiers, net price and base quantity (BT-146, BT-149), quantity
// and unit (BT-129, BT-130), VAT (BG-30), period (BG-26), allowances and
// charges (BG-27, BG-28) and net amount (BT-131).
func lineOf(d *invoice.Document, l *invoice.Line, ids einvoice.ItemIDs) lineItem {
	cur := d.Currency
	stated := en16931.LineOf(d, l)
	out := lineItem{
		Document:  lineDocument{l.ID},
		Product:   product{SellerID: ids.Seller, BuyerID: ids.Buyer, Name: l.Name, Description: l.Description},
		Agreement: lineAgreement{NetPrice: tradePrice{Amount: en16931.Price(stated.Price, cur)}},
		Delivery:  lineDelivery{quantity{UnitCode: l.UnitCode, Value: en16931.Decimal(l.Quantity)}},
		Settlement: lineSettlement{
			Tax:       vatOf(l.VAT),
			Period:    periodOf(l.Period.Start, l.Period.Last()),
			Summation: lineSummation{en16931.Amount(l.NetAmount, cur)},
		},
	}
	if ids.Standard != "" {
		out.Product.GlobalID = &identifier{Scheme: ids.StandardScheme, Value: ids.Standard}
	}
	if !stated.BaseQuantity.IsZero() {
		out.Agreement.NetPrice.Basis = &quantity{UnitCode: l.UnitCode, Value: en16931.Decimal(stated.BaseQuantity)}
	}
	for _, a := range stated.Adjustments {
		out.Settlement.AllowanceCharges = append(out.Settlement.AllowanceCharges, allowanceOf(a, cur))
	}
	return out
}

// allowanceOf returns an allowance or a charge; the caller adds the VAT of
// a document level one.
func allowanceOf(a en16931.Adjustment, cur money.Currency) allowanceCharge {
	out := allowanceCharge{
		ChargeIndicator: indicator{a.Charge},
		Actual:          en16931.Amount(a.Amount, cur),
		ReasonCode:      a.ReasonCode, Reason: a.Reason,
	}
	if !a.Percent.IsZero() {
		out.Percent = en16931.Decimal(a.Percent)
		out.Basis = en16931.Amount(a.Base, cur)
	}
	return out
}
