package ubl_test

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/einvoice"
	"github.com/billkit/billkit/einvoice/ubl"
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

// printLines prints the lines of data that contain one of the given markers.
func printLines(data []byte, markers ...string) {
	for _, line := range strings.Split(string(data), "\n") {
		for _, m := range markers {
			if strings.Contains(line, m) {
				fmt.Println(strings.TrimSpace(line))
				break
			}
		}
	}
}

func ExampleMarshal() {
	data, err := ubl.Marshal(exampleDocument(), einvoice.WithPaymentMeans(einvoice.PaymentMeans{
		Code: einvoice.MeansSEPACreditTransfer, Account: "DE89370400440532013000",
	}))
	if err != nil {
		fmt.Println(err)
		return
	}
	printLines(data, "<Invoice", "CustomizationID", "cbc:ID>RE", "InvoiceTypeCode", "PaymentMeansCode", "TaxInclusiveAmount", "PayableAmount")
	// Output:
	// <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
	// <cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>
	// <cbc:ID>RE-2026-0007</cbc:ID>
	// <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
	// <cbc:PaymentMeansCode>58</cbc:PaymentMeansCode>
	// <cbc:TaxInclusiveAmount currencyID="EUR">285.60</cbc:TaxInclusiveAmount>
	// <cbc:PayableAmount currencyID="EUR">285.60</cbc:PayableAmount>
}

func ExampleMarshal_refused() {
	doc := exampleDocument()
	doc.Seller.Name = ""
	_, err := ubl.Marshal(doc)
	fmt.Println(err)
	// Output: einvoice: UBL export refused: seller.name: is required (BR-06)
}
