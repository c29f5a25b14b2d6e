// Package schedule answers, for any contract line, what is due, for which
// period and how much: billing plans and the proration engine.
//
// A Plan is one of five kinds, held in a serialisable tagged value:
//
//   - one-time: an amount on a date;
//   - recurring: an amount per period of a Cycle (day, week, month, quarter
//     or year × count), aligned on the anniversary of the start, on calendar
//     boundaries or on a billing day of the month, billed in advance or in
//     arrears, with partial periods prorated under a DayCount rule;
//   - milestones: shares of a total (percentages, amounts, the rest) billed
//     when named milestones are reached;
//   - installments: shares of a total billed on set dates;
//   - usage: the quantity used each period, priced by a Pricer.
//
// Plan.Charges returns the charges whose billing date falls in a window,
// each with its service period, billing date, amount and Explanation. A
// charge belongs to exactly one window of any partition of time, so
// consecutive bill runs never bill twice or miss a charge, and a preview
// gives what the real run will. Prorate applies mid-period changes
// (upgrade, downgrade, quantity, cancellation, pause, resumption) under a
// Policy, crediting the unused part of what was actually billed and
// keeping the plan's period boundaries. The old and the new terms price
// their days of the changed period from one origin, so that a change to
// the same price costs nothing, to the unit.
//
// Money is exact throughout: shares, splits and credits are allocated with
// money.Amount.Allocate so that parts sum exactly to the whole, and a
// prorated amount is rounded once, to its currency's precision, half away
// from zero. Dates are civil dates (package date) in half-open ranges, so
// neither time zones nor daylight saving can shift a period. The package
// is pure: it keeps no state and reads no clock.
//
//	plan := schedule.RecurringPlan(schedule.Recurring{
//		Cycle: schedule.Cycle{
//			Interval:  schedule.Interval{Unit: schedule.Month},
//			Start:     date.MustParse("2026-01-15"),
//			Alignment: schedule.AlignCalendar,
//		},
//		Amount: money.MustParse("100.00 EUR"),
//	})
//	charges, _ := plan.Charges(date.Range{
//		Start: date.MustParse("2026-01-01"), End: date.MustParse("2026-03-01"),
//	}, schedule.Inputs{})
//	for _, c := range charges {
//		fmt.Println(c)
//	}
//	// 2026-01-15: 54.84 EUR = 100.00 EUR × 17/31 days (2026-01-15..2026-01-31)
//	// 2026-02-01: 100.00 EUR = 100.00 EUR for the full period 2026-02-01..2026-02-28
package schedule
