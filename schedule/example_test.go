package schedule_test

import (
	"fmt"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/schedule"
	"github.com/shopspring/decimal"
)

// A monthly plan aligned on calendar months, started mid-month: the
// leading partial period is prorated, then every month is billed in full
// on its first day.
func ExamplePlan_Charges_recurring() {
	plan := schedule.RecurringPlan(schedule.Recurring{
		Cycle: schedule.Cycle{
			Interval:  schedule.Interval{Unit: schedule.Month},
			Start:     date.MustParse("2026-01-15"),
			Alignment: schedule.AlignCalendar,
		},
		Amount: money.MustParse("100.00 EUR"),
	})
	window := date.Range{Start: date.MustParse("2026-01-01"), End: date.MustParse("2026-04-01")}
	charges, err := plan.Charges(window, schedule.Inputs{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range charges {
		fmt.Println(c)
	}
	// Output:
	// 2026-01-15: 54.84 EUR = 100.00 EUR × 17/31 days (2026-01-15..2026-01-31)
	// 2026-02-01: 100.00 EUR = 100.00 EUR for the full period 2026-02-01..2026-02-28
	// 2026-03-01: 100.00 EUR = 100.00 EUR for the full period 2026-03-01..2026-03-31
}

// Milestones bill shares of a total when they are reached; the shares sum
// exactly to the total.
func ExamplePlan_Charges_milestones() {
	plan := schedule.MilestonePlan(schedule.Milestones{
		Total: money.MustParse("9999.99 EUR"),
		Items: []schedule.Milestone{
			{Name: "Kick-off", Share: schedule.Share{Percent: decimal.NewFromInt(30)}},
			{Name: "Delivery", Share: schedule.Share{Percent: decimal.NewFromInt(40)}},
			{Name: "Acceptance", Share: schedule.Share{Rest: true}},
		},
	})
	reached := map[string]date.Date{
		"Kick-off": date.MustParse("2026-02-02"),
		"Delivery": date.MustParse("2026-05-20"),
	}
	window := date.Range{Start: date.MustParse("2026-01-01"), End: date.MustParse("2027-01-01")}
	charges, err := plan.Charges(window, schedule.Inputs{Reached: reached})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range charges {
		fmt.Println(c)
	}
	// Output:
	// 2026-02-02: 3000.00 EUR "Kick-off" = 30 % of 9999.99 EUR
	// 2026-05-20: 3999.99 EUR "Delivery" = 40 % of 9999.99 EUR
}

// "10 % at signature, 25 % at delivery, rest at acceptance": the
// installments are allocated together, so they sum exactly to the total.
func ExamplePlan_Charges_installments() {
	plan := schedule.InstallmentPlan(schedule.Installments{
		Total: money.MustParse("12345.67 EUR"),
		Items: []schedule.Installment{
			{Label: "Signature", Date: date.MustParse("2026-03-02"), Share: schedule.Share{Percent: decimal.NewFromInt(10)}},
			{Label: "Delivery", Date: date.MustParse("2026-06-15"), Share: schedule.Share{Percent: decimal.NewFromInt(25)}},
			{Label: "Acceptance", Date: date.MustParse("2026-09-30"), Share: schedule.Share{Rest: true}},
		},
	})
	window := date.Range{Start: date.MustParse("2026-01-01"), End: date.MustParse("2027-01-01")}
	charges, err := plan.Charges(window, schedule.Inputs{})
	if err != nil {
		fmt.Println(err)
		return
	}
	total := money.Zero(money.EUR)
	for _, c := range charges {
		fmt.Println(c)
		total, _ = total.Add(c.Amount)
	}
	fmt.Println("total", total)
	// Output:
	// 2026-03-02: 1234.57 EUR "Signature" = 10 % of 12345.67 EUR
	// 2026-06-15: 3086.42 EUR "Delivery" = 25 % of 12345.67 EUR
	// 2026-09-30: 8024.68 EUR "Acceptance" = rest of 12345.67 EUR after 4320.99 EUR
	// total 12345.67 EUR
}

// An upgrade from 100 to 200 EUR a month half way through April, billed in
// advance: the unused half of what was billed is credited, and the new
// plan bills the rest of April.
func ExampleProrate() {
	plan := schedule.RecurringPlan(schedule.Recurring{
		Cycle: schedule.Cycle{
			Interval: schedule.Interval{Unit: schedule.Month},
			Start:    date.MustParse("2026-01-01"),
		},
		Amount: money.MustParse("100.00 EUR"),
	})
	april := date.Range{Start: date.MustParse("2026-04-01"), End: date.MustParse("2026-05-01")}
	newPrice := money.MustParse("200.00 EUR")
	adj, err := schedule.Prorate(plan, schedule.Change{
		Kind:      schedule.ChangeUpgrade,
		Effective: date.MustParse("2026-04-16"),
		Amount:    &newPrice,
		Billed:    &schedule.Billed{Period: april, Amount: money.MustParse("100.00 EUR")},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range adj.Credits {
		fmt.Println("credit: ", c)
	}
	for _, c := range adj.Preview {
		fmt.Println("charge: ", c)
	}
	fmt.Println("net:", adj.Net)
	fmt.Println("old plan ends:", adj.Before.Recurring.End)
	fmt.Println("new plan starts:", adj.After.Recurring.Start)
	// Output:
	// credit:  2026-04-16: -50.00 EUR = credit for unused 100.00 EUR × 15/30 days (2026-04-16..2026-04-30)
	// charge:  2026-04-16: 100.00 EUR = 200.00 EUR × 15/30 days (2026-04-16..2026-04-30)
	// net: 50.00 EUR
	// old plan ends: 2026-05-01
	// new plan starts: 2026-04-16
}

// A yearly plan renewed on the first of January, upgraded on April 11: the
// credit gives back 265 of the year's 365 days at the old price, the new
// plan bills them at the new price and still renews on January 1.
func ExampleProrate_yearly() {
	plan := schedule.RecurringPlan(schedule.Recurring{
		Cycle: schedule.Cycle{
			Interval:   schedule.Interval{Unit: schedule.Year},
			Start:      date.MustParse("2026-01-01"),
			Alignment:  schedule.AlignBillingDay,
			BillingDay: 1,
		},
		Amount: money.MustParse("1200.00 EUR"),
	})
	year := date.Range{Start: date.MustParse("2026-01-01"), End: date.MustParse("2027-01-01")}
	newPrice := money.MustParse("2400.00 EUR")
	adj, err := schedule.Prorate(plan, schedule.Change{
		Kind:      schedule.ChangeUpgrade,
		Effective: date.MustParse("2026-04-11"),
		Amount:    &newPrice,
		Billed:    &schedule.Billed{Period: year, Amount: money.MustParse("1200.00 EUR")},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("credit:", adj.Credits[0].Amount)
	fmt.Println("net:", adj.Net)
	charges, err := adj.After.Charges(date.Range{Start: date.MustParse("2026-04-11"), End: date.MustParse("2028-01-02")},
		schedule.Inputs{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range charges {
		fmt.Println(c)
	}
	// Output:
	// credit: -871.23 EUR
	// net: 871.24 EUR
	// 2026-04-11: 1742.47 EUR = 2400.00 EUR × 265/365 days (2026-04-11..2026-12-31)
	// 2027-01-01: 2400.00 EUR = 2400.00 EUR for the full period 2027-01-01..2027-12-31
	// 2028-01-01: 2400.00 EUR = 2400.00 EUR for the full period 2028-01-01..2028-12-31
}

// A monthly plan anchored on January 31 renews on the last day of shorter
// months and comes back to the 31st. Periods are half-open: each ends on
// the day the next one starts.
func ExamplePlan_Periods() {
	plan := schedule.RecurringPlan(schedule.Recurring{
		Cycle: schedule.Cycle{
			Interval: schedule.Interval{Unit: schedule.Month},
			Start:    date.MustParse("2026-01-31"),
		},
		Amount: money.MustParse("100.00 EUR"),
	})
	periods, err := plan.Periods(date.Range{Start: date.MustParse("2026-01-31"), End: date.MustParse("2026-05-01")})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range periods {
		fmt.Printf("[%s, %s)\n", p.Start, p.End)
	}
	// Output:
	// [2026-01-31, 2026-02-28)
	// [2026-02-28, 2026-03-31)
	// [2026-03-31, 2026-04-30)
	// [2026-04-30, 2026-05-31)
}

// Split shares an amount billed for a period between its parts, exactly.
func ExampleSplit() {
	parts, err := schedule.Split(money.MustParse("100.00 EUR"),
		date.Range{Start: date.MustParse("2026-04-01"), End: date.MustParse("2026-05-01")},
		schedule.DayCountActual, date.MustParse("2026-04-11"), date.MustParse("2026-04-21"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range parts {
		fmt.Println(p.Amount, "=", p.Explanation)
	}
	// Output:
	// 33.34 EUR = 100.00 EUR × 10/30 days (2026-04-01..2026-04-10)
	// 33.33 EUR = 100.00 EUR × 10/30 days (2026-04-11..2026-04-20)
	// 33.33 EUR = 100.00 EUR × 10/30 days (2026-04-21..2026-04-30)
}

// A plan copied by assignment shares its sections: change a clone.
func ExamplePlan_Clone() {
	plan := schedule.OneTimePlan(date.MustParse("2026-03-10"), money.MustParse("500.00 EUR"))
	changed := plan.Clone()
	changed.OneTime.Amount = money.MustParse("450.00 EUR")
	fmt.Println(plan.OneTime.Amount, "->", changed.OneTime.Amount)
	// Output: 500.00 EUR -> 450.00 EUR
}
