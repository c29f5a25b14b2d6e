// Command quickstart is a narrated tour of billkit on in-memory values: a
// price catalogue, a subscription billing plan with a mid-month start and an
// upgrade, the invoice those charges produce (EN 16931 totals, gapless
// number, frozen once issued), a credit note, and the conversation between
// accounting and sales on the invoice's thread.
//
//	go run ./examples/quickstart
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"golang.org/x/text/language"

	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/notify"
	"github.com/billkit/billkit/schedule"
	"github.com/billkit/billkit/store/memory"
	"github.com/billkit/billkit/tax"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

var french = language.MustParse("fr-FR")

func run(w io.Writer) error {
	ctx := context.Background()
	say := func(format string, args ...any) { fmt.Fprintf(w, format+"\n", args...) }

	// 1. The catalogue: one source of truth for products and prices.
	say("== Catalogue")
	cat := catalog.New()
	monthly := catalog.Billing{Kind: catalog.BillingRecurring, Interval: catalog.Interval{Unit: catalog.IntervalMonth, Count: 1}}
	usage := catalog.Billing{Kind: catalog.BillingUsage, Interval: catalog.Interval{Unit: catalog.IntervalMonth, Count: 1}}
	for _, p := range []catalog.Product{
		{ID: "seat", SKU: "SEAT", Name: "Seat licence", Unit: catalog.UnitOne, TaxCategory: tax.StandardRate, RateKind: tax.Standard},
		{ID: "api", SKU: "API-CALLS", Name: "API calls", Unit: catalog.UnitOne, TaxCategory: tax.StandardRate, RateKind: tax.Standard},
	} {
		if err := cat.AddProduct(p); err != nil {
			return err
		}
	}
	if err := cat.AddBook(catalog.PriceBook{ID: "standard", Name: "Standard EUR", Active: true}); err != nil {
		return err
	}
	from := date.MustParse("2026-01-01")
	if _, err := cat.AddPrice(catalog.PriceSpec{ID: "seat-2026", ProductID: "seat", BookID: "standard", Currency: money.EUR,
		EffectiveFrom: from, Billing: monthly,
		Pricing: catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: decimal.RequireFromString("30")}}); err != nil {
		return err
	}
	if _, err := cat.AddPrice(catalog.PriceSpec{ID: "api-2026", ProductID: "api", BookID: "standard", Currency: money.EUR,
		EffectiveFrom: from, Billing: usage,
		Pricing: catalog.Pricing{Model: catalog.ModelGraduated, Tiers: []catalog.Tier{
			{UpTo: decimal.NewNullDecimal(decimal.NewFromInt(10_000)), UnitPrice: decimal.Zero},
			{UpTo: decimal.NewNullDecimal(decimal.NewFromInt(100_000)), UnitPrice: decimal.RequireFromString("0.002")},
			{UnitPrice: decimal.RequireFromString("0.001")},
		}}}); err != nil {
		return err
	}
	seatPrice, err := cat.PriceAt("seat", "standard", money.EUR, date.MustParse("2026-03-16"))
	if err != nil {
		return err
	}
	apiPrice, err := cat.PriceAt("api", "standard", money.EUR, date.MustParse("2026-03-16"))
	if err != nil {
		return err
	}
	seats, err := seatPrice.Evaluate(decimal.NewFromInt(10))
	if err != nil {
		return err
	}
	say("10 seats a month: %s", seats)
	calls, err := apiPrice.Evaluate(decimal.NewFromInt(150_000))
	if err != nil {
		return err
	}
	say("150,000 API calls: %s", calls)

	// 2. The billing plan: 10 seats from March 16, calendar-aligned,
	// billed in advance; the first, partial month is prorated.
	say("\n== Billing plan")
	plan := schedule.RecurringPlan(schedule.Recurring{
		Cycle: schedule.Cycle{
			Interval:  schedule.Interval{Unit: schedule.Month},
			Start:     date.MustParse("2026-03-16"),
			Alignment: schedule.AlignCalendar,
		},
		Amount: seats.Amount,
	})
	q2 := date.Range{Start: date.MustParse("2026-03-01"), End: date.MustParse("2026-05-01")}
	charges, err := plan.Charges(q2, schedule.Inputs{})
	if err != nil {
		return err
	}
	for _, c := range charges {
		say("%s", c)
	}

	// An upgrade to 15 seats on April 16: the unused half of April is
	// credited from what was billed, the rest billed at the new price.
	newAmount := seats.Amount.Mul(decimal.RequireFromString("1.5"))
	adj, err := schedule.Prorate(plan, schedule.Change{
		Kind:      schedule.ChangeQuantity,
		Effective: date.MustParse("2026-04-16"),
		Amount:    &newAmount,
		Billed:    &schedule.Billed{Period: charges[1].Period, Amount: charges[1].Amount},
	})
	if err != nil {
		return err
	}
	for _, c := range adj.Credits {
		say("upgrade credit: %s", c)
	}
	for _, c := range adj.Preview {
		say("upgrade charge: %s", c)
	}

	// 3. The invoice for March and April, from those charges.
	say("\n== Invoice")
	doc := invoice.Document{
		Type:     invoice.TypeCommercialInvoice,
		Currency: money.EUR,
		Seller: invoice.Party{
			Name: "Atelier Numérique SAS", LegalID: "732829320", VATID: "FR44732829320",
			AdditionalLegalInfo: "SAS au capital de 10 000 € - RCS Paris 732 829 320",
			Address:             invoice.Address{Line1: "12 rue de la Paix", City: "Paris", PostalCode: "75002", Country: "FR"},
		},
		Buyer: invoice.Party{
			Name: "Boulangerie Martin SARL", Business: true,
			Address: invoice.Address{Line1: "3 place Bellecour", City: "Lyon", PostalCode: "69002", Country: "FR"},
		},
		Period:  date.Range{Start: date.MustParse("2026-03-16"), End: date.MustParse("2026-05-01")},
		DueDate: date.MustParse("2026-05-31"),
		Legal:   invoice.FrenchB2BMentions(decimal.RequireFromString("12.15")),
	}
	standard, err := tax.DefaultRates().Lookup("FR", tax.Standard, date.MustParse("2026-04-16"))
	if err != nil {
		return err
	}
	all := append(append(append([]schedule.Charge(nil), charges...), adj.Credits...), adj.Preview...)
	for i, c := range all {
		qty := decimal.NewFromInt(1)
		price := c.Amount
		if price.IsNegative() { // a credit is a negative quantity at a positive price
			qty, price = qty.Neg(), price.Neg()
		}
		doc.Lines = append(doc.Lines, invoice.Line{
			ID: fmt.Sprint(i + 1), Name: "Seat licences", Description: c.Explanation.String(),
			Quantity: qty, UnitCode: string(catalog.UnitOne), UnitPrice: price, Period: c.Period,
			VAT:             invoice.VAT{Category: tax.StandardRate, Rate: standard},
			ContractLineRef: "contract-1/line-1",
		})
	}
	inv, err := invoice.NewDraft(uuid.MustParse("01960000-0000-7000-8000-000000000001"), doc)
	if err != nil {
		return err
	}
	if err := inv.Submit(invoice.ApprovalPolicy{Threshold: money.MustParse("5000.00 EUR")}); err != nil {
		return err
	}
	var seq invoice.MemorySequence
	series := invoice.Series{ID: "atelier/invoice", Prefix: "F", Yearly: true, Separator: "-"}
	if err := inv.Issue(ctx, &seq, series, date.MustParse("2026-04-16")); err != nil {
		return err
	}
	issued := inv.Document()
	for _, l := range issued.Lines {
		say("line %s  %-9s %s", l.ID, l.NetAmount.Format(french), l.Description)
	}
	for _, b := range issued.VATBreakdown {
		say("VAT %s %s %%: %s on %s", b.Category, b.Rate, b.TaxAmount.Format(french), b.TaxableAmount.Format(french))
	}
	say("invoice %s issued %s, status %s", inv.Number(), inv.IssueDate(), inv.Status())
	say("total %s, VAT %s, due %s by %s",
		issued.Totals.TaxExclusive.Format(french), issued.Totals.VAT.Format(french), inv.AmountDue().Format(french), inv.DueDate())

	err = inv.Edit(func(d *invoice.Document) error { d.Lines[0].Quantity = decimal.NewFromInt(2); return nil })
	say("editing it now: %v", err)

	// 4. A correction is a credit note that references the invoice.
	say("\n== Credit note")
	cn, err := invoice.NewCreditNote(uuid.MustParse("01960000-0000-7000-8000-000000000002"), inv, invoice.CreditRequest{
		Reason: "Goodwill: onboarding delayed",
		Lines:  []invoice.LineCredit{{LineID: "1", Amount: money.MustParse("50.00 EUR")}},
	})
	if err != nil {
		return err
	}
	if err := cn.Submit(invoice.ApprovalPolicy{}); err != nil {
		return err
	}
	credits := invoice.Series{ID: "atelier/credit", Prefix: "AV", Yearly: true, Separator: "-"}
	if err := cn.IssueCredit(ctx, inv, &seq, credits, date.MustParse("2026-04-20")); err != nil {
		return err
	}
	say("credit note %s corrects %s: %s; still due on the invoice %s",
		cn.Number(), cn.Document().Preceding[0].Number, cn.Total().Format(french), inv.DueAfterCredits().Format(french))

	// 5. Questions are settled on the invoice itself, not in e-mail.
	say("\n== Invoice thread")
	return discuss(ctx, say, inv.Number())
}

// discuss runs a conversation on the invoice's thread: the accountant asks
// the sales rep about the prorated line, and the mention notification
// reaches the sales rep through the notifier.
func discuss(ctx context.Context, say func(string, ...any), number string) error {
	dir := collab.NewMemoryDirectory()
	for _, u := range [][3]string{{"u-claire", "claire", "Claire Dubois"}, {"u-alice", "alice", "Alice Martin"}} {
		if err := dir.AddUser(u[0], u[1], u[2]); err != nil {
			return err
		}
	}
	everyone := collab.PolicyFuncs{View: func(context.Context, string, collab.Ref) (bool, error) { return true, nil }}
	now := time.Date(2026, 4, 17, 9, 0, 0, 0, time.UTC)
	seq := 0
	inbox := &notify.Recorder{}
	svc, err := collab.NewService(memory.NewCollabStore(), dir, everyone,
		collab.WithNotifier(inbox),
		collab.WithClock(func() time.Time { now = now.Add(time.Minute); return now }),
		collab.WithIDGenerator(func() string { seq++; return fmt.Sprintf("msg-%d", seq) }))
	if err != nil {
		return err
	}
	thread := collab.Ref{Kind: collab.KindInvoice, ID: number}
	q, err := svc.Post(ctx, "u-claire", thread, "@alice line 4 bills 15 seats from April 16: was the upgrade signed?")
	if err != nil {
		return err
	}
	for _, n := range inbox.For("u-alice") {
		say("notification to %s: %s", n.Recipient, n.Subject)
	}
	if _, err := svc.Reply(ctx, "u-alice", q.ID, "Yes, @claire: signed on April 15, the order form is on the contract."); err != nil {
		return err
	}
	for _, n := range inbox.For("u-claire") {
		say("notification to %s: %s", n.Recipient, n.Subject)
	}
	page, err := svc.Activity(ctx, "u-claire", thread, collab.PageRequest{})
	if err != nil {
		return err
	}
	for _, a := range page.Items {
		if a.Message != nil {
			say("%s %s: %s", a.At.Format("15:04"), a.Message.Author, a.Message.Body)
		}
	}
	return nil
}
