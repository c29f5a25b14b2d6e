package kpi_test

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/kpi"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/schedule"
)

// subscription returns a contract of buyer billing amount every interval
// from start until end ("" for until further notice).
func subscription(buyer, amount string, unit schedule.Unit, start, end string) *quote.Contract {
	a := money.MustParse(amount)
	r := schedule.Recurring{Cycle: schedule.Cycle{Interval: schedule.Interval{Unit: unit}, Start: date.MustParse(start)}, Amount: a}
	if end != "" {
		r.End = date.MustParse(end)
	}
	return &quote.Contract{Buyer: invoice.Party{Name: buyer}, Currency: a.Currency(), Lines: []quote.ContractLine{{
		ID: "1", NetAmount: a, Start: r.Start, End: r.End, Plan: schedule.RecurringPlan(r),
	}}}
}

func ExampleMRR() {
	contracts := []*quote.Contract{
		subscription("Acme", "100.00 EUR", schedule.Month, "2026-01-01", ""),
		subscription("Globex", "1000.00 EUR", schedule.Year, "2026-02-01", ""),
		subscription("Initech", "10.00 EUR", schedule.Week, "2026-01-05", ""),
	}
	r, err := kpi.MRR(contracts, date.MustParse("2026-03-01"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range r.Customers() {
		fmt.Println(c, r.ByCustomer[c])
	}
	fmt.Println("MRR:", r.MRR, "=", r.MRR.RoundedHalfUp())
	fmt.Println("ARR:", r.ARR().RoundedHalfUp())
	// Output:
	// Acme 100.00 EUR
	// Globex 83.333333 EUR
	// Initech 43.333333 EUR
	// MRR: 226.666666 EUR = 226.67 EUR
	// ARR: 2720.00 EUR
}

func ExampleMRRMovements() {
	contracts := []*quote.Contract{
		subscription("Acme", "100.00 EUR", schedule.Month, "2026-01-01", ""),
		subscription("Acme", "50.00 EUR", schedule.Month, "2026-02-01", ""),
		subscription("Globex", "80.00 EUR", schedule.Month, "2025-06-01", "2026-02-01"),
		subscription("Initech", "30.00 EUR", schedule.Month, "2026-02-15", ""),
	}
	m, err := kpi.MRRMovements(contracts, date.MustParse("2026-01-15"), date.MustParse("2026-03-01"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range m.Customers {
		fmt.Printf("%-8s %-10s %s -> %s\n", c.Customer, c.Kind, c.Opening, c.Closing)
	}
	fmt.Printf("%s + %s new + %s expansion - %s contraction - %s churn = %s\n",
		m.Opening, m.New.Number(), m.Expansion.Number(), m.Contraction.Number(), m.Churn.Number(), m.Closing)
	// Output:
	// Acme     expansion  100.00 EUR -> 150.00 EUR
	// Globex   churn      80.00 EUR -> 0.00 EUR
	// Initech  new        0.00 EUR -> 30.00 EUR
	// 180.00 EUR + 30 new + 50 expansion - 0 contraction - 80 churn = 180.00 EUR
}

func ExampleRetention() {
	contracts := []*quote.Contract{
		subscription("Acme", "100.00 EUR", schedule.Month, "2026-01-01", ""),
		subscription("Globex", "80.00 EUR", schedule.Month, "2025-06-01", "2026-02-01"),
		subscription("Initech", "30.00 EUR", schedule.Month, "2025-12-01", ""),
	}
	c, err := kpi.Retention(contracts, date.MustParse("2026-01-15"), date.MustParse("2026-02-15"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("retained:", c.Retained, "churned:", c.Churned)
	fmt.Println("retention:", c.RetentionRate, "churn:", c.ChurnRate)
	// Output:
	// retained: [Acme Initech] churned: [Globex]
	// retention: 0.6667 churn: 0.3333
}

func ExampleLifetimeValue() {
	ltv, err := kpi.LifetimeValue(kpi.LTVInput{
		ARPA:         money.MustParse("50.00 EUR"),
		MonthlyChurn: decimal.RequireFromString("0.03"),                        // 3 % a month
		GrossMargin:  decimal.NewNullDecimal(decimal.RequireFromString("0.8")), // 80 %
	})
	fmt.Println(ltv, err)

	// Customers who never leave have no lifetime value.
	_, err = kpi.LifetimeValue(kpi.LTVInput{ARPA: money.MustParse("50.00 EUR")})
	fmt.Println(errors.Is(err, kpi.ErrZeroChurn), err)
	// Output:
	// 1333.33 EUR <nil>
	// true kpi: lifetime value is undefined: the monthly churn rate is zero, so the expected lifetime is unbounded
}

func ExampleBasket() {
	doc := func(typ invoice.DocumentType, number, issued, buyer, net string) invoice.Snapshot {
		return invoice.Snapshot{Status: invoice.StatusIssued, Document: invoice.Document{
			Type: typ, Number: number, IssueDate: date.MustParse(issued), Currency: money.EUR,
			Buyer: invoice.Party{Name: buyer}, Totals: invoice.Totals{TaxExclusive: money.MustParse(net)}}}
	}
	snapshots := []invoice.Snapshot{
		doc(invoice.TypeCommercialInvoice, "F1", "2026-03-02", "Acme", "100.00 EUR"),
		doc(invoice.TypeCommercialInvoice, "F2", "2026-03-10", "Acme", "250.00 EUR"),
		doc(invoice.TypeCommercialInvoice, "F3", "2026-03-20", "Globex", "80.00 EUR"),
		doc(invoice.TypeCreditNote, "A1", "2026-03-25", "Acme", "30.00 EUR"),
	}
	march := date.Range{Start: date.MustParse("2026-03-01"), End: date.MustParse("2026-04-01")}
	r, err := kpi.Basket(snapshots, march)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("net sales:", r.Net, "over", r.Invoices, "invoices")
	fmt.Println("average basket:", r.AverageBasket)
	fmt.Println("purchase frequency:", r.PurchaseFrequency)
	// Output:
	// net sales: 400.00 EUR over 3 invoices
	// average basket: 133.33 EUR
	// purchase frequency: 1.5
}

func ExampleDSO() {
	open := func(issued, due, balance string) invoice.Receivable {
		a := money.MustParse(balance)
		return invoice.Receivable{IssueDate: date.MustParse(issued), DueDate: date.MustParse(due),
			Status: invoice.StatusSent, Due: a, Credited: money.Zero(a.Currency()), Paid: money.Zero(a.Currency()), Balance: a}
	}
	paid := open("2026-03-12", "2026-04-11", "24000.00 EUR")
	paid.Status, paid.Paid, paid.Balance = invoice.StatusPaid, paid.Due, money.Zero(money.EUR)
	receivables := []invoice.Receivable{open("2026-03-20", "2026-04-19", "12000.00 EUR"), paid}

	march := date.Range{Start: date.MustParse("2026-03-01"), End: date.MustParse("2026-04-01")}
	r, err := kpi.DSO(receivables, march)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s outstanding of %s sold in %d days: DSO %s days\n", r.Outstanding, r.CreditSales, r.Days, r.DSO)
	// Output:
	// 12000.00 EUR outstanding of 36000.00 EUR sold in 31 days: DSO 10.33 days
}

func ExampleAgeReceivables() {
	open := func(due, balance string) invoice.Receivable {
		a := money.MustParse(balance)
		return invoice.Receivable{IssueDate: date.MustParse("2026-01-01"), DueDate: date.MustParse(due),
			Status: invoice.StatusSent, Due: a, Balance: a}
	}
	receivables := []invoice.Receivable{
		open("2026-05-15", "100.00 EUR"),
		open("2026-04-10", "200.00 EUR"),
		open("2026-01-10", "300.00 EUR"),
		open("2026-02-15", "99.00 USD"),
	}
	r, err := kpi.AgeReceivables(receivables, date.MustParse("2026-04-30"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range r.Currencies {
		for _, b := range kpi.Buckets() {
			fmt.Printf("%s %-7s %s\n", a.Currency, b, a.Amount(b))
		}
		fmt.Println(a.Currency, "total  ", a.Total)
	}
	// Output:
	// EUR current 100.00 EUR
	// EUR 1-30    200.00 EUR
	// EUR 31-60   0.00 EUR
	// EUR 61-90   0.00 EUR
	// EUR 90+     300.00 EUR
	// EUR total   600.00 EUR
	// USD current 0.00 USD
	// USD 1-30    0.00 USD
	// USD 31-60   0.00 USD
	// USD 61-90   99.00 USD
	// USD 90+     0.00 USD
	// USD total   99.00 USD
}

func ExamplePayerProfiles() {
	s := func(customer string, n int, due, paid string) kpi.Settlement {
		return kpi.Settlement{Customer: customer, InvoiceID: testID(n), DueDate: date.MustParse(due),
			PaidOn: date.MustParse(paid), Amount: money.MustParse("100.00 EUR")}
	}
	settlements := []kpi.Settlement{
		s("acme", 1, "2026-01-31", "2026-01-30"),
		s("acme", 2, "2026-02-28", "2026-03-02"),
		s("globex", 3, "2026-01-31", "2026-03-15"),
		s("globex", 4, "2026-02-28", "2026-03-15"),
		s("initech", 5, "2026-01-31", "2026-01-31"),
	}
	profiles, err := kpi.PayerProfiles(settlements, kpi.DefaultPayerThresholds())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range profiles {
		fmt.Printf("%-8s %d invoices, %s paid late, %s days late on average: %s\n",
			p.Customer, p.Invoices, p.LateShare, p.AverageDaysLate, p.Class)
	}
	// Output:
	// acme     2 invoices, 0.5 paid late, 1 days late on average: slow
	// globex   2 invoices, 1 paid late, 29 days late on average: bad
	// initech  1 invoices, 0 paid late, 0 days late on average: good
}
