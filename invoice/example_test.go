package invoice_test

import (
	"context"
	"fmt"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/tax"
)

// exampleDocument is a French invoice to a business customer.
func exampleDocument() invoice.Document {
	return invoice.Document{
		Type:     invoice.TypeCommercialInvoice,
		Currency: money.EUR,
		Seller: invoice.Party{
			Name: "Atelier Numérique SAS", LegalID: "732829320", VATID: "FR44732829320",
			AdditionalLegalInfo: "SAS au capital de 10 000 € - RCS Paris 732 829 320",
			Address:             invoice.Address{Line1: "12 rue de la Paix", City: "Paris", PostalCode: "75002", Country: "FR"},
		},
		Buyer: invoice.Party{
			Name: "Boulangerie Martin SARL", Business: true,
			Address: invoice.Address{Line1: "3 place Bellecour", City: "Lyon", PostalCode: "69002", Country: "FR"},
		},
		Period:  date.Range{Start: date.MustParse("2026-02-01"), End: date.MustParse("2026-03-01")},
		DueDate: date.MustParse("2026-04-01"),
		Legal:   invoice.FrenchB2BMentions(decimal.RequireFromString("12.15")),
		Lines: []invoice.Line{
			{
				ID: "1", Name: "Développement", Quantity: decimal.NewFromInt(3), UnitCode: "DAY",
				UnitPrice: money.MustParse("650.00 EUR"),
				VAT:       invoice.VAT{Category: tax.StandardRate, Rate: decimal.NewFromInt(20)},
			},
			{
				ID: "2", Name: "Manuel utilisateur", Quantity: decimal.NewFromInt(2), UnitCode: "C62",
				UnitPrice: money.MustParse("24.90 EUR"),
				VAT:       invoice.VAT{Category: tax.StandardRate, Rate: decimal.RequireFromString("5.5")},
			},
		},
	}
}

func ExampleDocument_Calculate() {
	doc := exampleDocument()
	if err := doc.Calculate(); err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range doc.Lines {
		fmt.Printf("line %s: %s\n", l.ID, l.NetAmount)
	}
	for _, b := range doc.VATBreakdown {
		fmt.Printf("VAT %s %s%%: %s on %s\n", b.Category, b.Rate, b.TaxAmount, b.TaxableAmount)
	}
	fmt.Println("total without VAT:", doc.Totals.TaxExclusive)
	fmt.Println("VAT:", doc.Totals.VAT)
	fmt.Println("amount due:", doc.Totals.Due)
	fmt.Println("valid for a draft:", doc.ValidateDraft() == nil)
	// Output:
	// line 1: 1950.00 EUR
	// line 2: 49.80 EUR
	// VAT S 20%: 390.00 EUR on 1950.00 EUR
	// VAT S 5.5%: 2.74 EUR on 49.80 EUR
	// total without VAT: 1999.80 EUR
	// VAT: 392.74 EUR
	// amount due: 2392.54 EUR
	// valid for a draft: true
}

func ExampleInvoice_Issue() {
	ctx := context.Background()
	id := uuid.MustParse("01960000-0000-7000-8000-000000000001")
	inv, err := invoice.NewDraft(id, exampleDocument())
	if err != nil {
		fmt.Println(err)
		return
	}
	// Invoices of 5 000 EUR and more need someone's approval; this one does not.
	policy := invoice.ApprovalPolicy{Threshold: money.MustParse("5000.00 EUR")}
	if err := inv.Submit(policy); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(inv.Status())

	var seq invoice.MemorySequence
	series := invoice.Series{ID: "atelier/invoice", Prefix: "F", Yearly: true, Separator: "-"}
	if err := inv.Issue(ctx, &seq, series, date.MustParse("2026-03-02")); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(inv.Number(), inv.IssueDate(), inv.Status(), inv.AmountDue())

	err = inv.Edit(func(d *invoice.Document) error { d.Lines[0].Quantity = decimal.NewFromInt(4); return nil })
	fmt.Println(err)
	fmt.Println("overdue on 2026-04-15:", inv.IsOverdue(date.MustParse("2026-04-15")), inv.DaysOverdue(date.MustParse("2026-04-15")), "days")
	// Output:
	// approved
	// F2026-000001 2026-03-02 issued 2392.54 EUR
	// invoice: F2026-000001 is issued; its content cannot change (issue a credit note instead)
	// overdue on 2026-04-15: true 14 days
}

func ExampleNewCreditNote() {
	ctx := context.Background()
	var seq invoice.MemorySequence
	inv, _ := invoice.NewDraft(uuid.MustParse("01960000-0000-7000-8000-000000000001"), exampleDocument())
	_ = inv.Submit(invoice.ApprovalPolicy{})
	_ = inv.Issue(ctx, &seq, invoice.Series{ID: "atelier/invoice", Prefix: "F", Yearly: true, Separator: "-"}, date.MustParse("2026-03-02"))

	// One of the three days was not worked: credit it.
	cn, err := invoice.NewCreditNote(uuid.MustParse("01960000-0000-7000-8000-000000000002"), inv, invoice.CreditRequest{
		Reason: "Journée non réalisée",
		Lines:  []invoice.LineCredit{{LineID: "1", Quantity: decimal.NewFromInt(1)}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = cn.Submit(invoice.ApprovalPolicy{})
	credits := invoice.Series{ID: "atelier/credit", Prefix: "AV", Yearly: true, Separator: "-"}
	if err := cn.IssueCredit(ctx, inv, &seq, credits, date.MustParse("2026-03-10")); err != nil {
		fmt.Println(err)
		return
	}
	doc := cn.Document()
	fmt.Println(cn.Number(), "corrects", doc.Preceding[0].Number, "of", doc.Preceding[0].IssueDate)
	fmt.Println("credited:", cn.Total(), "- due after credits:", inv.DueAfterCredits(), "-", inv.Status())

	// Crediting two more days would exceed what remains of the line.
	_, err = invoice.NewCreditNote(uuid.MustParse("01960000-0000-7000-8000-000000000003"), inv, invoice.CreditRequest{
		Lines: []invoice.LineCredit{{LineID: "1", Quantity: decimal.NewFromInt(3)}},
	})
	fmt.Println(err)
	// Output:
	// AV2026-000001 corrects F2026-000001 of 2026-03-02
	// credited: 780.00 EUR - due after credits: 1612.54 EUR - issued
	// invoice: lines[0].quantity: cannot credit 3 of line "1", only 2 remains
}

func ExampleDocument_Validate() {
	doc := exampleDocument()
	doc.Lines[1].UnitCode = ""
	doc.Lines[1].VAT = invoice.VAT{Category: tax.Exempt}
	_ = doc.Calculate()
	fmt.Println(doc.ValidateDraft())
	// Output:
	// invalid input: lines[1].unit_code: is required (BR-23); lines[1].exemption_reason: an exemption reason code or text is required for VAT category E (BR-E-10)
}

func ExampleSeries_Format() {
	s := invoice.Series{ID: "acme/invoice", Prefix: "F", Yearly: true, Separator: "-"}
	fmt.Println(s.Key(date.MustParse("2026-03-02")), s.Format(date.MustParse("2026-03-02"), 123))
	// Output:
	// acme/invoice/2026 F2026-000123
}

func ExampleLegalMentions_Notes() {
	for _, n := range invoice.FrenchB2BMentions(decimal.RequireFromString("12.15")).Notes() {
		fmt.Println(n.SubjectCode, n.Text)
	}
	// Output:
	// PMD En cas de retard de paiement, des pénalités sont exigibles au taux annuel de 12,15 %.
	// PMT Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40,00 € (art. L441-10 et D441-5 du Code de commerce).
	// AAB Pas d'escompte pour paiement anticipé.
}

// LineNet prices one line as the invoice will: 12.5 days at 650.00 EUR,
// less 5 %.
func ExampleLineNet() {
	line := invoice.Line{ID: "1", Name: "Development", Quantity: decimal.RequireFromString("12.5"), UnitCode: "DAY",
		UnitPrice:  money.MustParse("650.00 EUR"),
		Allowances: []invoice.LineAllowanceCharge{{Percent: decimal.NewFromInt(5), Reason: "Volume discount"}}}
	net, err := invoice.LineNet(line, money.EUR, money.RoundHalfAwayFromZero)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(net)
	// Output: 7718.75 EUR
}
