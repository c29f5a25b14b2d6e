package einvoice_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/tax"
)

// exampleDocument is an issued German invoice of one line.
func exampleDocument() invoice.Document {
	doc := invoice.Document{
		Type: invoice.TypeCommercialInvoice, Number: "RE-2026-0007",
		IssueDate: date.MustParse("2026-03-02"), DueDate: date.MustParse("2026-04-01"),
		Currency: money.EUR,
		Seller: invoice.Party{Name: "Nordlicht Software GmbH", VATID: "DE123456789",
			Address: invoice.Address{Line1: "Hafenstraße 4", City: "Hamburg", PostalCode: "20457", Country: "DE"}},
		Buyer: invoice.Party{Name: "Bäckerei Krause KG",
			Address: invoice.Address{Line1: "Marktplatz 2", City: "Lübeck", PostalCode: "23552", Country: "DE"}},
		Lines: []invoice.Line{{
			ID: "1", Name: "Wartungsvertrag März", Quantity: decimal.NewFromInt(1), UnitCode: "MON",
			UnitPrice: money.MustParse("240.00 EUR"),
			VAT:       invoice.VAT{Category: tax.StandardRate, Rate: decimal.NewFromInt(19)},
		}},
	}
	if err := doc.Calculate(); err != nil {
		fmt.Println(err)
	}
	return doc
}
