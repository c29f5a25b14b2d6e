// Package kpi computes billing indicators from billkit's own domain values:
// contracts (package quote), invoice snapshots and receivables, ledgers and
// their payments (package invoice).
//
//   - Recurring revenue: MRR and ARR on a day ([MRR], [ARR]), with each
//     recurring line's amount normalised to a month ([MonthlyAmount]), and
//     the movements between two days by customer ([MRRMovements]): new,
//     reactivation, expansion, contraction and churn, which always satisfy
//     opening + new + reactivation + expansion − contraction − churn = closing.
//   - Customers: cohort retention and churn rates ([Retention]), average
//     revenue per customer ([ARPA]) and lifetime value ([LifetimeValue]).
//   - Sales: average basket and purchase frequency over a period ([Basket]).
//   - Receivables: days sales outstanding ([DSO]), ageing buckets per
//     currency ([AgeReceivables]) and payer profiles ([PayerProfiles],
//     [SettlementsFromLedger]).
//
// Every function documents its formula. Money stays exact: amounts are
// money.Amount and decimal.Decimal, never float64, sums are exact, and each
// division is rounded once, half away from zero, at the precision named in
// its documentation ([MonthlyExtraDigits], [RateScale], [DaysScale]).
// Rates are fractions: 0.05 is 5 %.
//
// Currencies are never converted nor silently summed: an indicator that
// adds money up is computed in one currency and returns a [*CurrencyError]
// for a document in another (compute each currency apart), while ageing is
// reported per currency. An indicator that would divide by zero, such as a
// lifetime value with a zero churn rate, returns an [*UndefinedError], never
// a zero. Faults in the input are a *validation.Error naming each field.
//
// Customers of contracts and invoices are keyed from the buyer by
// [BuyerKey] (legal ID, else VAT ID, else name), or by the host's own
// function given with [WithCustomerKey].
//
// The package is pure: it stores nothing and reads no clock; every day is
// given by the caller.
//
//	on := date.MustParse("2026-06-30")
//	report, err := kpi.MRR(contracts, on)          // 1 000.00 EUR a month
//	arr := report.ARR()                            // 12 000.00 EUR a year
//	moves, err := kpi.MRRMovements(contracts, date.MustParse("2026-01-01"), on)
//	ageing, err := kpi.AgeReceivables(ledger.Receivables(), on)
//	for _, a := range ageing.Currencies {
//		fmt.Println(a.Currency, a.Amount(kpi.BucketOver90))
//	}
package kpi
