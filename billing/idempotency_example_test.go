package billing_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
)

// A payment form sent twice, or a request retried after its answer was
// lost, records one payment: the host passes the request's idempotency
// key in the context, and the retry gets the first answer. The same key
// for another payment is refused.
func ExampleWithIdempotencyKey() {
	ctx := context.Background()
	e := exampleEngine()
	c := exampleContract(ctx, e, "Q-2026-0001", "Boulangerie Martin SARL")
	rep, _ := e.BillRun(ctx, "claire", date.MustParse("2026-04-01"), billing.BillRunOptions{Issue: true})
	fmt.Println("invoice", rep.Invoices[0].Number, "due", rep.Invoices[0].Due)

	// The host reads the key from the request's Idempotency-Key header,
	// or from the form's hidden field.
	keyed := billing.WithIdempotencyKey(ctx, "pay-4c7d1e")
	p := invoice.Payment{ID: uuid.MustParse("019d3a52-7c00-7000-8000-000000000001"), Customer: c.Customer,
		Amount: money.MustParse("1000.00 EUR"), Date: date.MustParse("2026-04-20"), Method: invoice.MethodTransfer}
	for range 2 {
		posting, err := e.RecordPayment(keyed, "claire", p, invoice.AllocateOldestFirst())
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println("posted, ledger version", posting.Version)
	}
	account, _ := e.Statement(ctx, "claire", c.Customer, money.EUR)
	fmt.Println(len(account.Payments), "payment, outstanding", account.Outstanding)

	p.Amount = money.MustParse("200.00 EUR")
	_, err := e.RecordPayment(keyed, "claire", p, invoice.AllocateOldestFirst())
	fmt.Println(errors.Is(err, billing.ErrIdempotencyMismatch), err)
	// Output:
	// invoice F2026-000001 due 1200.00 EUR
	// posted, ledger version 2
	// posted, ledger version 2
	// 1 payment, outstanding 200.00 EUR
	// true billing: idempotency key "pay-4c7d1e" was used for record_payment with other arguments
}
