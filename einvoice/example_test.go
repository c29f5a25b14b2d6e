package einvoice_test

import (
	"errors"
	"fmt"

	"github.com/billkit/billkit/einvoice"
	"github.com/billkit/billkit/einvoice/ubl"
)

func ExampleCheck() {
	doc := exampleDocument()
	doc.Seller.Name = ""
	err := einvoice.Check(doc)
	var exp *einvoice.ExportError
	if errors.As(err, &exp) {
		fmt.Println(exp.Codes())
		fmt.Println(exp.Faults[0])
	}
	// Output:
	// [BR-06]
	// seller.name: is required (BR-06)
}

func ExampleExportError() {
	doc := exampleDocument()
	doc.Number = ""
	_, err := ubl.Marshal(doc, einvoice.WithPaymentMeans(einvoice.PaymentMeans{Code: einvoice.MeansSEPACreditTransfer}))
	fmt.Println(errors.Is(err, einvoice.ErrNotExportable))
	var exp *einvoice.ExportError
	if errors.As(err, &exp) {
		fmt.Println(exp.Syntax, exp.Codes())
	}
	// Output:
	// true
	// UBL [BR-02 BR-61]
}

func ExampleWithItemIDs() {
	p, err := einvoice.Prepare(exampleDocument(),
		einvoice.WithItemIDs("1", einvoice.ItemIDs{Seller: "WV-03", Standard: "4012345678901", StandardScheme: "0160"}))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Doc.Lines[0].Name, p.Items[0].Seller, p.Items[0].Standard)
	// Output: Wartungsvertrag März WV-03 4012345678901
}
