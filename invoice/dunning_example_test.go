package invoice_test

import (
	"fmt"

	"github.com/google/uuid"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
)

func ExampleDunningPolicy_Run() {
	policy := invoice.DefaultDunningPolicy() // J+7, J+15, J+30
	open := func(n int, due string, balance string) invoice.Receivable {
		return invoice.Receivable{
			InvoiceID: uuid.MustParse(fmt.Sprintf("01960000-0000-7000-8000-%012d", n)),
			Number:    fmt.Sprintf("F2026-%06d", n), Customer: "boulangerie-martin",
			DueDate: date.MustParse(due), Status: invoice.StatusSent, Balance: money.MustParse(balance),
		}
	}
	receivables := []invoice.Receivable{
		open(1, "2026-04-01", "2392.54 EUR"), // 8 days late
		open(2, "2026-03-20", "120.00 EUR"),  // 20 days late: the first reminder was missed
		open(3, "2026-04-05", "60.00 EUR"),   // 4 days late: too early
		open(4, "2026-03-01", "0.00 EUR"),    // nothing owed any more
	}
	disputed := open(5, "2026-03-01", "300.00 EUR")
	disputed.Dispute = invoice.Dispute{Reason: "Goods damaged", Since: date.MustParse("2026-03-05")}
	receivables = append(receivables, disputed)

	var history invoice.DunningHistory
	on := date.MustParse("2026-04-09")
	reminders, err := policy.Run(on, receivables, &history)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range reminders {
		fmt.Printf("%s: %s by %s, %d days late, %s, skipped %v\n", r.Number, r.Step, r.Channel, r.DaysOverdue, r.Balance, r.Skipped)
	}
	// Once sent, the reminders are recorded: the same run finds nothing more to send.
	if err := history.Record(reminders...); err != nil {
		fmt.Println(err)
		return
	}
	again, _ := policy.Run(on, receivables, &history)
	fmt.Println("sent twice:", len(again))
	// Output:
	// F2026-000001: reminder by email, 8 days late, 2392.54 EUR, skipped []
	// F2026-000002: firm_reminder by email, 20 days late, 120.00 EUR, skipped [reminder]
	// sent twice: 0
}
