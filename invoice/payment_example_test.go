package invoice_test

import (
	"context"
	"fmt"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
)

// exampleLedger returns the ledger of a customer holding two issued
// invoices of 2392.54 EUR each, due on March 15 and April 1, 2026.
func exampleLedger() (*invoice.Ledger, []*invoice.Invoice) {
	ctx := context.Background()
	var seq invoice.MemorySequence
	series := invoice.Series{ID: "acme/invoice", Prefix: "F", Yearly: true, Separator: "-"}
	ledger, err := invoice.NewLedger("boulangerie-martin", money.EUR)
	if err != nil {
		panic(err)
	}
	var invoices []*invoice.Invoice
	for i, due := range []string{"2026-03-15", "2026-04-01"} {
		doc := exampleDocument()
		doc.DueDate = date.MustParse(due)
		inv, err := invoice.NewDraft(uuid.MustParse(fmt.Sprintf("01960000-0000-7000-8000-0000000001%02d", i)), doc)
		if err == nil {
			err = inv.Submit(invoice.ApprovalPolicy{})
		}
		if err == nil {
			err = inv.Issue(ctx, &seq, series, date.MustParse("2026-03-02"))
		}
		if err == nil {
			err = ledger.AddInvoice(inv)
		}
		if err != nil {
			panic(err)
		}
		invoices = append(invoices, inv)
	}
	return ledger, invoices
}

func ExampleLedger_RecordPayment() {
	ledger, invoices := exampleLedger()
	payment := invoice.Payment{
		ID:        uuid.MustParse("01960000-0000-7000-8000-000000000201"),
		Customer:  "boulangerie-martin",
		Amount:    money.MustParse("3000.00 EUR"),
		Date:      date.MustParse("2026-03-20"),
		Method:    invoice.MethodTransfer,
		Reference: "VIR SEPA F2026-000001",
	}
	// The customer pays the first invoice and part of the second; the
	// rest of the transfer is kept as its credit balance.
	posting, err := ledger.RecordPayment(payment, invoice.AllocateParts(
		invoice.InvoiceAmount{InvoiceID: invoices[0].ID(), Amount: money.MustParse("2392.54 EUR")},
		invoice.InvoiceAmount{InvoiceID: invoices[1].ID(), Amount: money.MustParse("500.00 EUR")},
	))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range posting.Changes {
		fmt.Printf("%s: %s -> %s\n", c.Number, c.From, c.To)
	}
	for _, r := range ledger.Receivables() {
		fmt.Printf("%s: paid %s, balance %s\n", r.Number, r.Paid, r.Balance)
	}
	fmt.Println("credit balance:", posting.CreditBalance)

	// Allocating more than an invoice owes is refused, and changes nothing.
	_, err = ledger.ApplyCredit(date.MustParse("2026-03-21"), invoice.AllocateParts(
		invoice.InvoiceAmount{InvoiceID: invoices[0].ID(), Amount: money.MustParse("10.00 EUR")}))
	fmt.Println(err)
	// Output:
	// F2026-000001: issued -> paid
	// F2026-000002: issued -> partially_paid
	// F2026-000001: paid 2392.54 EUR, balance 0.00 EUR
	// F2026-000002: paid 500.00 EUR, balance 1892.54 EUR
	// credit balance: 107.46 EUR
	// invoice: plan.parts[0].amount: cannot allocate 10.00 EUR to invoice F2026-000001, its balance is 0.00 EUR
}

func ExampleLedger_ApplyCredit() {
	ledger, _ := exampleLedger()
	// A payment larger than both invoices, recorded before it is matched.
	_, err := ledger.RecordPayment(invoice.Payment{
		ID: uuid.MustParse("01960000-0000-7000-8000-000000000202"), Customer: "boulangerie-martin",
		Amount: money.MustParse("5000.00 EUR"), Date: date.MustParse("2026-03-20"), Method: invoice.MethodCheque,
	}, invoice.AllocationPlan{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("credit balance:", ledger.CreditBalance())
	// The credit pays the invoices, oldest due date first.
	posting, err := ledger.ApplyCredit(date.MustParse("2026-03-23"), invoice.AllocateOldestFirst())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range posting.Entries {
		r, _ := ledger.Receivable(e.InvoiceID)
		fmt.Printf("%s %s to %s on %s\n", e.Kind, e.Amount, r.Number, e.Date)
	}
	fmt.Println("credit balance:", posting.CreditBalance)
	// Output:
	// credit balance: 5000.00 EUR
	// apply 2392.54 EUR to F2026-000001 on 2026-03-23
	// apply 2392.54 EUR to F2026-000002 on 2026-03-23
	// credit balance: 214.92 EUR
}

func ExampleLedger_Refund() {
	ctx := context.Background()
	ledger, invoices := exampleLedger()
	_, err := ledger.RecordPayment(invoice.Payment{
		ID: uuid.MustParse("01960000-0000-7000-8000-000000000203"), Customer: "boulangerie-martin",
		Amount: money.MustParse("2392.54 EUR"), Date: date.MustParse("2026-03-10"), Method: invoice.MethodCard,
	}, invoice.AllocateOldestFirst())
	if err != nil {
		fmt.Println(err)
		return
	}
	// Two manuals of the paid invoice are returned: the credit note takes
	// their price back from the payment into the customer's credit balance.
	cn, err := ledger.NewCreditNote(uuid.MustParse("01960000-0000-7000-8000-000000000301"), invoices[0].ID(),
		invoice.CreditRequest{Reason: "Manuels retournés", Lines: []invoice.LineCredit{{LineID: "2", Quantity: decimal.NewFromInt(2)}}})
	if err == nil {
		err = cn.Submit(invoice.ApprovalPolicy{})
	}
	var seq invoice.MemorySequence
	var posting invoice.Posting
	if err == nil {
		posting, err = ledger.IssueCreditNote(ctx, cn, &seq,
			invoice.Series{ID: "acme/credit", Prefix: "AV", Yearly: true, Separator: "-"}, date.MustParse("2026-03-12"))
	}
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s of %s: credit balance %s\n", cn.Number(), cn.AmountDue(), posting.CreditBalance)
	// The credit note is paid back to the card.
	posting, err = ledger.Refund(invoice.Refund{
		ID: uuid.MustParse("01960000-0000-7000-8000-000000000401"), Amount: cn.AmountDue(),
		Date: date.MustParse("2026-03-13"), Method: invoice.MethodCard, CreditNoteID: cn.ID(),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	r, _ := ledger.Receivable(invoices[0].ID())
	fmt.Printf("%s: %s, paid %s, balance %s; credit balance %s\n", r.Number, r.Status, r.Paid, r.Balance, posting.CreditBalance)
	// Output:
	// AV2026-000001 of 52.54 EUR: credit balance 52.54 EUR
	// F2026-000001: paid, paid 2340.00 EUR, balance 0.00 EUR; credit balance 0.00 EUR
}
