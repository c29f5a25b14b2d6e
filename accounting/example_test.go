package accounting_test

import (
	"fmt"
	"os"

	"github.com/google/uuid"

	"github.com/billkit/billkit/accounting"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/tax"
	"github.com/shopspring/decimal"
)

// exampleInvoice is an issued-looking invoice: numbered, dated, calculated.
func exampleInvoice() invoice.Document {
	doc := invoice.Document{
		Type: invoice.TypeCommercialInvoice, Number: "F2026-000001", IssueDate: date.MustParse("2026-03-02"),
		Currency: money.EUR,
		Buyer:    invoice.Party{Name: "Boulangerie Martin SARL"},
		Lines: []invoice.Line{{
			ID: "1", Name: "Développement", Quantity: decimal.NewFromInt(3), UnitCode: "DAY",
			UnitPrice: money.MustParse("650.00 EUR"),
			VAT:       invoice.VAT{Category: tax.StandardRate, Rate: decimal.NewFromInt(20)},
		}},
	}
	if err := doc.Calculate(); err != nil {
		panic(err)
	}
	return doc
}

func ExampleJournaliser_Document() {
	j, err := accounting.New(accounting.Config{Chart: accounting.FrenchChart()})
	if err != nil {
		fmt.Println(err)
		return
	}
	doc := exampleInvoice()
	e, err := j.Document(&doc, accounting.Account{Number: "C0042"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.Journal.Code, e.PieceRef, e.Label)
	for _, l := range e.Lines {
		fmt.Printf("%-7s %-6s %8s %8s\n", l.Account.Number, l.Auxiliary.Number, l.Debit.Number().StringFixed(2), l.Credit.Number().StringFixed(2))
	}
	fmt.Println("balanced:", e.Balanced())
	// Output:
	// VE F2026-000001 Facture F2026-000001 Boulangerie Martin SARL
	// 411000  C0042   2340.00     0.00
	// 706000             0.00  1950.00
	// 445711             0.00   390.00
	// balanced: true
}

func ExampleJournaliser_Payment() {
	j, err := accounting.New(accounting.Config{Chart: accounting.FrenchChart()})
	if err != nil {
		fmt.Println(err)
		return
	}
	p := invoice.Payment{
		ID: uuid.MustParse("01900000-0000-7000-8000-000000000001"), Customer: "cust-42",
		Amount: money.MustParse("2340.00 EUR"), Date: date.MustParse("2026-04-01"),
		Method: invoice.MethodTransfer, Reference: "VIR 7781",
	}
	e, err := j.Payment(p, accounting.Account{Number: "C0042", Label: "Boulangerie Martin SARL"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range e.Lines {
		fmt.Println(l.Account.Number, l.Debit, l.Credit)
	}
	// Output:
	// 512000 2340.00 EUR 0.00 EUR
	// 411000 0.00 EUR 2340.00 EUR
}

func ExampleWriteFEC() {
	j, err := accounting.New(accounting.Config{Chart: accounting.FrenchChart()})
	if err != nil {
		fmt.Println(err)
		return
	}
	doc := exampleInvoice()
	e, err := j.Document(&doc, accounting.Account{Number: "C0042", Label: "Martin"})
	if err != nil {
		fmt.Println(err)
		return
	}
	book := accounting.NewBook()
	if _, err := book.Post(e); err != nil {
		fmt.Println(err)
		return
	}
	// Pipes instead of tabs and "\n" line ends, to read well here.
	err = accounting.WriteFEC(os.Stdout, book.Entries(), accounting.FECOptions{Pipe: true, LF: true, Encoding: accounting.FECUTF8})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise
	// VE|Ventes|VE000001|20260302|411000|Clients|C0042|Martin|F2026-000001|20260302|Facture F2026-000001 Boulangerie Martin SARL|2340,00|0,00|||20260302||
	// VE|Ventes|VE000001|20260302|706000|Prestations de services|||F2026-000001|20260302|Facture F2026-000001 Boulangerie Martin SARL|0,00|1950,00|||20260302||
	// VE|Ventes|VE000001|20260302|445711|TVA collectée 20 %|||F2026-000001|20260302|Facture F2026-000001 Boulangerie Martin SARL|0,00|390,00|||20260302||
}

func ExampleFECFileName() {
	name, err := accounting.FECFileName("732829320", date.MustParse("2026-12-31"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(name + ".txt")
	// Output: 732829320FEC20261231.txt
}

func ExampleBook_Post() {
	j, err := accounting.New(accounting.Config{Chart: accounting.FrenchChart()})
	if err != nil {
		fmt.Println(err)
		return
	}
	book := accounting.NewBook()
	doc := exampleInvoice()
	for range 2 {
		e, err := j.Document(&doc, accounting.Account{})
		if err != nil {
			fmt.Println(err)
			return
		}
		posted, err := book.Post(e)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(posted.Number)
	}
	// Output:
	// VE000001
	// VE000002
}
