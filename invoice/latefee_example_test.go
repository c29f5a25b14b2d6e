package invoice_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
)

func ExampleLateFeeTerms_Compute() {
	terms := invoice.LateFeeTerms{
		AnnualRate:        decimal.RequireFromString("10.15"),
		Business:          true,
		RecoveryIndemnity: invoice.RecoveryIndemnityFR,
	}
	// 1,000.00 EUR due on April 1, paid 400.00 EUR on May 1 and the rest on May 31.
	debt := invoice.Debt{
		DueDate: date.MustParse("2026-04-01"),
		Amount:  money.MustParse("1000.00 EUR"),
		Settlements: []invoice.Settlement{
			{On: date.MustParse("2026-05-01"), Amount: money.MustParse("400.00 EUR")},
			{On: date.MustParse("2026-05-31"), Amount: money.MustParse("600.00 EUR")},
		},
	}
	fee, err := terms.Compute(debt, date.MustParse("2026-06-30"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range fee.Segments {
		fmt.Printf("%s to %s: %d days on %s\n", s.Period.Start, s.Period.Last(), s.Period.Days(), s.Balance)
	}
	// (1000 × 30 + 600 × 30) × 10.15 ÷ 36500 = 13.3479… = 13.35
	fmt.Println("interest:", fee.Interest)
	fmt.Println("indemnity:", fee.Indemnity)
	total, _ := fee.Total()
	fmt.Println("total:", total, "after", fee.DaysLate, "days")
	// Output:
	// 2026-04-02 to 2026-05-01: 30 days on 1000.00 EUR
	// 2026-05-02 to 2026-05-31: 30 days on 600.00 EUR
	// interest: 13.35 EUR
	// indemnity: 40.00 EUR
	// total: 53.35 EUR after 60 days
}
