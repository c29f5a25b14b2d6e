package billing_test

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/notify"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/schedule"
	"github.com/billkit/billkit/store/memory"
	"github.com/billkit/billkit/tax"
)

// exampleEngine returns an engine over an empty memory store, a catalogue
// of seats at 50.00 EUR a month, a sales rep (sam), an accountant (claire)
// and a finance manager (david), and a clock that moves one second per
// reading from April 1st, 2026, the day the examples bill and issue on.
func exampleEngine(opts ...billing.Option) *billing.Engine {
	must := func(err error) {
		if err != nil {
			panic(err) // the configuration below is valid
		}
	}
	cat := catalog.New()
	must(cat.AddBook(catalog.PriceBook{ID: "std", Name: "Standard", Active: true}))
	must(cat.AddProduct(catalog.Product{ID: "seat", SKU: "SEAT", Name: "Platform seats", Unit: catalog.UnitOne,
		TaxCategory: tax.StandardRate, RateKind: tax.Standard}))
	_, err := cat.AddPrice(catalog.PriceSpec{ID: "seat-2026", ProductID: "seat", BookID: "std", Currency: money.EUR,
		EffectiveFrom: date.MustParse("2026-01-01"),
		Billing:       catalog.Billing{Kind: catalog.BillingRecurring, Interval: catalog.Interval{Unit: catalog.IntervalMonth, Count: 1}},
		Pricing:       catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: decimal.NewFromInt(50)}})
	must(err)
	desk, err := quote.NewDesk(cat, tax.DefaultRates(), quote.Policy{Levels: []string{"sales_rep", "sales_manager", "finance"}})
	must(err)
	access := billing.NewAccess()
	must(access.SetUser(billing.User{ID: "sam", Name: "Sam Leroy", Roles: []string{billing.RoleSalesRep}}))
	must(access.SetUser(billing.User{ID: "claire", Name: "Claire Dubois", Roles: []string{billing.RoleAccountant}}))
	must(access.SetUser(billing.User{ID: "david", Name: "David Roux", Roles: []string{billing.RoleFinanceManager}}))
	now := time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC)
	base := []billing.Option{
		billing.WithAccess(access),
		billing.WithClock(func() time.Time { now = now.Add(time.Second); return now }),
	}
	e, err := billing.New(memory.NewStore(), desk, append(base, opts...)...)
	must(err)
	return e
}

// exampleContract has sam quote 20 seats a month from April to buyer and
// records the buyer's acceptance.
func exampleContract(ctx context.Context, e *billing.Engine, number, buyer string) billing.Contract {
	q, err := e.CreateQuote(ctx, "sam", quote.Input{
		Number: number, Currency: money.EUR, BookID: "std",
		Seller: invoice.Party{Name: "Atelier Numérique SAS", LegalID: "732829320", VATID: "FR44732829320",
			AdditionalLegalInfo: "SAS au capital de 10 000 € - RCS Paris 732 829 320",
			Address:             invoice.Address{Line1: "12 rue de la Paix", City: "Paris", PostalCode: "75002", Country: "FR"}},
		Buyer: invoice.Party{Name: buyer, Address: invoice.Address{Line1: "3 place Bellecour", City: "Lyon", PostalCode: "69002", Country: "FR"}},
		Date:  date.MustParse("2026-03-02"), ValidUntil: date.MustParse("2026-03-31"),
		Lines: []quote.LineInput{{ID: "1", ProductID: "seat", Quantity: decimal.NewFromInt(20),
			Plan: schedule.Plan{Kind: schedule.KindRecurring, Recurring: &schedule.Recurring{Cycle: schedule.Cycle{
				Interval: schedule.Interval{Unit: schedule.Month}, Start: date.MustParse("2026-04-01")}}}}},
	})
	if err == nil {
		_, err = e.SendQuote(ctx, "sam", q.ID.String(), date.MustParse("2026-03-02"))
	}
	var c billing.Contract
	if err == nil {
		c, err = e.AcceptQuote(ctx, "sam", q.ID.String(), date.MustParse("2026-03-10"), "")
	}
	if err != nil {
		panic(err)
	}
	return c
}

// From quote to cash: a contract, the bill run that invoices it, the
// invoice issued, the payment, and the customer's account.
func Example() {
	ctx := context.Background()
	e := exampleEngine()
	c := exampleContract(ctx, e, "Q-2026-0001", "Boulangerie Martin SARL")

	rep, err := e.BillRun(ctx, "claire", date.MustParse("2026-04-01"), billing.BillRunOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	id := rep.Invoices[0].ID.String()
	if _, _, err = e.SubmitInvoice(ctx, "claire", id); err != nil {
		fmt.Println(err)
		return
	}
	inv, err := e.IssueInvoice(ctx, "claire", id, date.MustParse("2026-04-01"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(inv.Document.Number, inv.Status, inv.Document.Totals.Due)

	_, err = e.RecordPayment(ctx, "claire", invoice.Payment{ID: uuid.New(), Customer: c.Customer,
		Amount: money.MustParse("1000.00 EUR"), Date: date.MustParse("2026-04-20"), Method: invoice.MethodTransfer},
		invoice.AllocateOldestFirst())
	if err != nil {
		fmt.Println(err)
		return
	}
	account, err := e.Statement(ctx, "claire", c.Customer, money.EUR)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("outstanding", account.Outstanding, "status", account.Receivables[0].Status)
	// Output:
	// F2026-000001 issued 1200.00 EUR
	// outstanding 200.00 EUR status partially_paid
}

// A bill run reports its progress as customers are billed, hands each
// invoice's document to the host as it is committed, and keeps a summary
// of each in its report. Running it again bills nothing twice.
func ExampleEngine_BillRun() {
	ctx := context.Background()
	e := exampleEngine()
	exampleContract(ctx, e, "Q-2026-0001", "Boulangerie Martin SARL")
	exampleContract(ctx, e, "Q-2026-0002", "Fromagerie Durand")

	opts := billing.BillRunOptions{
		Workers:  1,
		Progress: func(p billing.BillRunProgress) { fmt.Printf("%d/%d contracts\n", p.Done, p.Total) },
		OnInvoice: func(s invoice.Snapshot) {
			fmt.Println("invoice to", s.Document.Buyer.Name, "for", s.Document.Period)
		},
	}
	rep, err := e.BillRun(ctx, "claire", date.MustParse("2026-05-01"), opts)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, inv := range rep.Invoices {
		fmt.Println(inv.Status, inv.Lines, "lines", inv.Total)
	}
	again, _ := e.BillRun(ctx, "claire", date.MustParse("2026-05-01"), billing.BillRunOptions{})
	fmt.Println("again:", len(again.Invoices), "invoices,", again.AlreadyBilled, "charges already billed")
	// Output:
	// invoice to Boulangerie Martin SARL for 2026-04-01..2026-05-31
	// 1/2 contracts
	// invoice to Fromagerie Durand for 2026-04-01..2026-05-31
	// 2/2 contracts
	// draft 2 lines 2400.00 EUR
	// draft 2 lines 2400.00 EUR
	// again: 0 invoices, 4 charges already billed
}

// An invoice above the threshold waits for a finance manager's approval;
// the request is in their inbox, and approving it carries the decision
// over to the invoice.
func ExampleEngine_Approve() {
	ctx := context.Background()
	e := exampleEngine(billing.WithApprovalRules(billing.ApprovalRule{Kind: billing.ApprovalInvoice,
		Threshold: money.MustParse("1000.00 EUR"), Roles: []string{billing.RoleFinanceManager}}))
	exampleContract(ctx, e, "Q-2026-0001", "Boulangerie Martin SARL")
	rep, _ := e.BillRun(ctx, "claire", date.MustParse("2026-04-01"), billing.BillRunOptions{})
	id := rep.Invoices[0].ID.String()

	inv, req, err := e.SubmitInvoice(ctx, "claire", id)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(inv.Status)
	inbox, _ := e.PendingApprovals(ctx, "david")
	fmt.Println(len(inbox), "request for david:", inbox[0].Summary)
	if _, err := e.Approve(ctx, "claire", req.ID); err != nil {
		fmt.Println(err)
	}
	if _, err := e.Approve(ctx, "david", req.ID); err != nil {
		fmt.Println(err)
		return
	}
	inv, _ = e.Invoice(ctx, "david", id)
	fmt.Println(inv.Status)
	// Output:
	// pending_approval
	// 1 request for david: invoice to Boulangerie Martin SARL for 1200.00 EUR
	// billing: user "claire" lacks permission invoice.approve
	// approved
}

// Subscribers receive each change as it is committed, with its fields
// before and after.
func ExampleEngine_Subscribe() {
	ctx := context.Background()
	e := exampleEngine()
	exampleContract(ctx, e, "Q-2026-0001", "Boulangerie Martin SARL")
	sub, err := e.Subscribe("david", billing.EventFilter{Kinds: []collab.Kind{collab.KindInvoice}}, 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer sub.Close()

	rep, _ := e.BillRun(ctx, "claire", date.MustParse("2026-04-01"), billing.BillRunOptions{})
	_, _, _ = e.SubmitInvoice(ctx, "claire", rep.Invoices[0].ID.String())
	for range 2 {
		select {
		case ev := <-sub.C:
			fmt.Println(ev.Action, "by", ev.Actor, ev.Changes[0].Field, ev.Changes[0].Before, "->", ev.Changes[0].After)
		case <-time.After(time.Second):
			fmt.Println("no event")
		}
	}
	// Output:
	// invoice.created by claire status  -> draft
	// invoice.submitted by claire status draft -> approved
}

// Wired to the engine, collab shows a thread only to those who may see
// its object, names the object in notifications as people know it, and
// merges the object's audit trail into its activity feed.
func ExampleEngine_Names() {
	ctx := context.Background()
	e := exampleEngine()
	exampleContract(ctx, e, "Q-2026-0001", "Boulangerie Martin SARL")
	rep, _ := e.BillRun(ctx, "claire", date.MustParse("2026-04-01"), billing.BillRunOptions{})
	id := rep.Invoices[0].ID.String()
	_, _, _ = e.SubmitInvoice(ctx, "claire", id)
	_, _ = e.IssueInvoice(ctx, "claire", id, date.MustParse("2026-04-01"))

	dir := collab.NewMemoryDirectory()
	_ = dir.AddUser("claire", "claire", "Claire Dubois")
	_ = dir.AddUser("sam", "sam", "Sam Leroy")
	rec := &notify.Recorder{}
	threads, err := collab.NewService(memory.NewCollabStore(), dir, e.CollabPolicy(nil),
		collab.WithHistory(e.HistorySource()), collab.WithNames(e.Names()), collab.WithNotifier(rec))
	if err != nil {
		fmt.Println(err)
		return
	}
	ref := collab.Ref{Kind: collab.KindInvoice, ID: id}
	if _, err := threads.Post(ctx, "claire", ref, "@sam is the seat count right?"); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rec.For("sam")[0].Subject)
	feed, _ := threads.Activity(ctx, "sam", ref, collab.PageRequest{Limit: 10})
	for _, item := range feed.Items {
		if item.History != nil {
			fmt.Println(item.History.Actor, item.History.Summary)
		}
	}
	// Output:
	// Claire Dubois mentioned you on invoice F2026-000001
	// claire drew up the draft
	// claire submitted it: approved
	// claire issued it as F2026-000001
}

// Dunning proposes the day's reminders; the host sends them and records
// those it sent, so that the next run goes on to the next step.
func ExampleEngine_Dunning() {
	ctx := context.Background()
	e := exampleEngine()
	exampleContract(ctx, e, "Q-2026-0001", "Boulangerie Martin SARL")
	rep, err := e.BillRun(ctx, "claire", date.MustParse("2026-04-01"), billing.BillRunOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	id := rep.Invoices[0].ID.String()
	if _, _, err = e.SubmitInvoice(ctx, "claire", id); err == nil {
		_, err = e.IssueInvoice(ctx, "claire", id, date.MustParse("2026-04-01")) // due in 30 days
	}
	if err != nil {
		fmt.Println(err)
		return
	}
	policy := invoice.DefaultDunningPolicy()
	for _, day := range []string{"2026-05-05", "2026-05-10", "2026-05-10", "2026-05-20"} {
		reminders, err := e.Dunning(ctx, "claire", date.MustParse(day), policy)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(day+":", len(reminders), "to send")
		for _, r := range reminders {
			fmt.Println(" ", r.Number, r.Step, "by", r.Channel, r.DaysOverdue, "days late,", r.Balance, "owed")
		}
		if err := e.RecordReminders(ctx, "claire", reminders...); err != nil { // once sent
			fmt.Println(err)
			return
		}
	}
	// Output:
	// 2026-05-05: 0 to send
	// 2026-05-10: 1 to send
	//   F2026-000001 reminder by email 9 days late, 1200.00 EUR owed
	// 2026-05-10: 0 to send
	// 2026-05-20: 1 to send
	//   F2026-000001 firm_reminder by email 19 days late, 1200.00 EUR owed
}
