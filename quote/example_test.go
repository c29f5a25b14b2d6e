package quote_test

import (
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/schedule"
	"github.com/billkit/billkit/tax"
)

// exampleDesk returns a desk over a catalogue of implementation days at
// 1000.00 EUR and seats at 50.00 EUR a month, where a sales rep grants up
// to 10 % and a sales manager up to 25 %.
func exampleDesk() (*quote.Desk, error) {
	cat := catalog.New()
	if err := cat.AddBook(catalog.PriceBook{ID: "std", Name: "Standard", Active: true}); err != nil {
		return nil, err
	}
	products := []struct {
		product catalog.Product
		price   string
		billing catalog.Billing
	}{
		{catalog.Product{ID: "impl", SKU: "IMPL", Name: "Implementation", Unit: catalog.UnitDay,
			TaxCategory: tax.StandardRate, RateKind: tax.Standard}, "1000", catalog.Billing{Kind: catalog.BillingOneTime}},
		{catalog.Product{ID: "saas", SKU: "SAAS", Name: "Platform seats", Unit: catalog.UnitOne,
			TaxCategory: tax.StandardRate, RateKind: tax.Standard}, "50", catalog.Billing{Kind: catalog.BillingRecurring,
			Interval: catalog.Interval{Unit: catalog.IntervalMonth, Count: 1}}},
	}
	for _, p := range products {
		if err := cat.AddProduct(p.product); err != nil {
			return nil, err
		}
		_, err := cat.AddPrice(catalog.PriceSpec{ID: p.product.ID + "-std", ProductID: p.product.ID, BookID: "std",
			Currency: money.EUR, EffectiveFrom: date.MustParse("2026-01-01"), Billing: p.billing,
			Pricing: catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: decimal.RequireFromString(p.price)}})
		if err != nil {
			return nil, err
		}
	}
	return quote.NewDesk(cat, tax.DefaultRates(), quote.Policy{
		Levels: []string{"sales_rep", "sales_manager", "finance"},
		Rules: []quote.Rule{{Limits: []quote.Limit{
			{Level: "sales_rep", Percent: decimal.NewFromInt(10)},
			{Level: "sales_manager", Percent: decimal.NewFromInt(25)},
		}}},
	})
}

// exampleInput is a quote for 10 implementation days at 15 % off, billed
// by milestones, and 20 seats for a year.
func exampleInput() quote.Input {
	return quote.Input{
		Number:   "Q-2026-0042",
		Seller:   invoice.Party{Name: "Atelier Numérique SAS", Address: invoice.Address{Country: "FR"}},
		Buyer:    invoice.Party{Name: "Boulangerie Martin SARL", Address: invoice.Address{Country: "FR"}},
		Currency: money.EUR, BookID: "std",
		Date: date.MustParse("2026-03-02"), ValidUntil: date.MustParse("2026-03-31"),
		Lines: []quote.LineInput{
			{ID: "1", ProductID: "impl", Quantity: decimal.NewFromInt(10),
				Discount: quote.Discount{Percent: decimal.NewFromInt(15)},
				Plan: schedule.Plan{Kind: schedule.KindMilestones, Milestones: &schedule.Milestones{Items: []schedule.Milestone{
					{Name: "Kick-off", Share: schedule.Share{Percent: decimal.NewFromInt(30)}},
					{Name: "Go-live", Share: schedule.Share{Rest: true}},
				}}}},
			{ID: "2", ProductID: "saas", Quantity: decimal.NewFromInt(20),
				Plan: schedule.Plan{Kind: schedule.KindRecurring, Recurring: &schedule.Recurring{Cycle: schedule.Cycle{
					Interval: schedule.Interval{Unit: schedule.Month},
					Start:    date.MustParse("2026-04-01"), End: date.MustParse("2027-04-01"),
				}}}},
		},
	}
}

// A quote goes from draft to contract: the 15 % discount is over what a
// sales rep may grant, so a manager approves it before it is sent; the
// buyer accepts it and the contract lines carry the negotiated terms.
func Example() {
	desk, err := exampleDesk()
	if err != nil {
		fmt.Println(err)
		return
	}
	alice := quote.User{ID: "alice", Level: "sales_rep"}
	bob := quote.User{ID: "bob", Level: "sales_manager"}
	q, err := desk.New(uuid.MustParse("019d0000-0000-7000-8000-000000000001"), alice, exampleInput())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range q.Lines() {
		fmt.Printf("%s: list %s, %s %% off, net %s\n", l.Name, l.List.Amount, l.DiscountPercent, l.NetAmount)
	}
	t := q.Totals()
	fmt.Printf("total %s + VAT %s = %s\n", t.TaxExclusive, t.VAT, t.TaxInclusive)

	fmt.Println(q.Send(date.MustParse("2026-03-02")))
	_ = q.Submit()
	if err := q.Approve(bob, time.Date(2026, 3, 2, 14, 0, 0, 0, time.UTC)); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(q.Status())
	_ = q.Send(date.MustParse("2026-03-02"))
	contract, err := q.Accept(uuid.MustParse("019d0000-0000-7000-8000-000000000009"), date.MustParse("2026-03-10"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(q.Status())
	for _, l := range contract.Lines {
		fmt.Printf("contract line %s: %s × %s, discount %s %%, billed %s from %s\n",
			l.ID, l.Quantity, l.UnitPrice, l.Discount.Percent, l.Plan.Kind, l.Start)
	}
	// Output:
	// Implementation: list 10000.00 EUR, 15 % off, net 8500.00 EUR
	// Platform seats: list 1000.00 EUR, 0 % off, net 1000.00 EUR
	// total 9500.00 EUR + VAT 1900.00 EUR = 11400.00 EUR
	// quote Q-2026-0042 revision 1 needs approval by sales_manager: line 1: discount 15 % is over the author's limit of 10 %, needs sales_manager
	// approved
	// accepted
	// contract line 1: 10 × 1000.00 EUR, discount 15 %, billed milestones from 2026-03-10
	// contract line 2: 20 × 50.00 EUR, discount 0 %, billed recurring from 2026-04-01
}

// Each charge of a contract line's plan becomes an invoice line with the
// negotiated terms; a milestone's share is brought to its amount by an
// allowance that says how it was computed.
func ExampleContractLine_InvoiceLine() {
	desk, err := exampleDesk()
	if err != nil {
		fmt.Println(err)
		return
	}
	q, err := desk.New(uuid.MustParse("019d0000-0000-7000-8000-000000000001"),
		quote.User{ID: "bob", Level: "sales_manager"}, exampleInput())
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = q.Send(date.MustParse("2026-03-02"))
	contract, err := q.Accept(uuid.MustParse("019d0000-0000-7000-8000-000000000009"), date.MustParse("2026-03-10"))
	if err != nil {
		fmt.Println(err)
		return
	}
	impl := contract.Lines[0]
	charges, err := impl.Charges(date.Range{Start: date.MustParse("2026-03-01"), End: date.MustParse("2026-04-01")},
		schedule.Inputs{Reached: map[string]date.Date{"Kick-off": date.MustParse("2026-03-16")}})
	if err != nil {
		fmt.Println(err)
		return
	}
	line, err := impl.InvoiceLine("1", charges[0])
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s × %s %s\n", line.Quantity, line.UnitPrice, line.UnitCode)
	for _, a := range line.Allowances {
		if a.Percent.IsZero() {
			fmt.Printf("less %s: %s\n", a.Amount, a.Reason)
		} else {
			fmt.Printf("less %s %%: %s\n", a.Percent, a.Reason)
		}
	}
	doc := invoice.Document{Currency: contract.Currency, Lines: []invoice.Line{line}}
	if err := doc.Calculate(); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("net", doc.Lines[0].NetAmount, "VAT", doc.Totals.VAT)
	// Output:
	// 10 × 1000.00 EUR DAY
	// less 15 %: Negotiated discount
	// less 5950.00 EUR: Kick-off, billed as 30 % of 8500.00 EUR
	// net 2550.00 EUR VAT 510.00 EUR
}

// A quote the buyer rejected is revised: the new revision keeps the number,
// is priced anew, and leaves the rejected one as it was.
func ExampleDesk_Revise() {
	desk, err := exampleDesk()
	if err != nil {
		fmt.Println(err)
		return
	}
	bob := quote.User{ID: "bob", Level: "sales_manager"}
	q, err := desk.New(uuid.MustParse("019d0000-0000-7000-8000-000000000001"), bob, exampleInput())
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = q.Send(date.MustParse("2026-03-02"))
	_ = q.Reject("we need 20 % off the seats", date.MustParse("2026-03-05"))

	rev, err := desk.Revise(q, uuid.MustParse("019d0000-0000-7000-8000-000000000002"), bob, func(in *quote.Input) error {
		in.Date, in.ValidUntil = date.MustParse("2026-03-06"), date.MustParse("2026-04-05")
		in.Lines[1].Discount.Percent = decimal.NewFromInt(20)
		return nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(q.Number(), "revision", q.Revision(), q.Status(), q.Totals().TaxExclusive)
	fmt.Println(rev.Number(), "revision", rev.Revision(), rev.Status(), rev.Totals().TaxExclusive)
	fmt.Println("needs approval:", rev.NeedsApproval())

	// The revision replaces the first: that one can no longer be revised.
	if err := q.Supersede(rev); err != nil {
		fmt.Println(err)
		return
	}
	_, err = desk.Revise(q, uuid.MustParse("019d0000-0000-7000-8000-000000000003"), bob, nil)
	fmt.Println(err)
	// Output:
	// Q-2026-0042 revision 1 rejected 9500.00 EUR
	// Q-2026-0042 revision 2 draft 9300.00 EUR
	// needs approval: false
	// quote Q-2026-0042 revision 1: cannot revise: rejected -> draft is not allowed (revision 2 replaced it)
}
