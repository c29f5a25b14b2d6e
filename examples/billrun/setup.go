package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/schedule"
	"github.com/billkit/billkit/store/memory"
	"github.com/billkit/billkit/tax"
)

// The users of the run.
const (
	seller     = "sam"    // sales rep: quotes
	accountant = "claire" // accountant: the bill run
	controller = "david"  // finance manager: the KPIs
)

// templates is the number of quoted contracts customers are copied from.
const templates = 48

var atelier = invoice.Party{Name: "Atelier Numérique SAS", LegalID: "732829320", VATID: "FR44732829320",
	AdditionalLegalInfo: "SAS au capital de 10 000 € - RCS Paris 732 829 320",
	Address:             invoice.Address{Line1: "12 rue de la Paix", City: "Paris", PostalCode: "75002", Country: "FR"}}

// newEngine returns an engine over an empty memory store, with a
// catalogue of seats, storage and support, and its three users. Its clock
// is on the day billed: invoices are issued on the day they are billed,
// and the run is played as if it were that day.
func newEngine(on date.Date) (*billing.Engine, error) {
	cat := catalog.New()
	if err := cat.AddBook(catalog.PriceBook{ID: "std", Name: "Standard EUR", Active: true}); err != nil {
		return nil, err
	}
	monthly := catalog.Billing{Kind: catalog.BillingRecurring, Interval: catalog.Interval{Unit: catalog.IntervalMonth, Count: 1}}
	dec := decimal.RequireFromString
	upTo := func(n int64) decimal.NullDecimal { return decimal.NewNullDecimal(decimal.NewFromInt(n)) }
	for _, p := range []struct {
		id, name string
		pricing  catalog.Pricing
	}{
		{"seat", "Platform seats", catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: dec("30")}},
		{"storage", "Storage (GB)", catalog.Pricing{Model: catalog.ModelGraduated, Tiers: []catalog.Tier{
			{UpTo: upTo(100), UnitPrice: dec("0.50")}, {UpTo: upTo(1000), UnitPrice: dec("0.30")}, {UnitPrice: dec("0.20")}}}},
		{"support", "Premium support", catalog.Pricing{Model: catalog.ModelFlat, FlatAmount: dec("199")}},
	} {
		err := cat.AddProduct(catalog.Product{ID: p.id, SKU: p.id, Name: p.name, Unit: catalog.UnitOne,
			TaxCategory: tax.StandardRate, RateKind: tax.Standard})
		if err != nil {
			return nil, err
		}
		_, err = cat.AddPrice(catalog.PriceSpec{ID: p.id + "-2026", ProductID: p.id, BookID: "std", Currency: money.EUR,
			EffectiveFrom: date.MustParse("2025-01-01"), Billing: monthly, Pricing: p.pricing})
		if err != nil {
			return nil, err
		}
	}
	desk, err := quote.NewDesk(cat, tax.DefaultRates(), quote.Policy{
		Levels: []string{"sales_rep", "sales_manager"},
		Rules: []quote.Rule{{Limits: []quote.Limit{
			{Level: "sales_rep", Percent: decimal.NewFromInt(15)},
			{Level: "sales_manager", Percent: decimal.NewFromInt(30)},
		}}},
	})
	if err != nil {
		return nil, err
	}
	access := billing.NewAccess()
	for _, u := range []billing.User{
		{ID: seller, Name: "Sam Leroy", Roles: []string{billing.RoleSalesRep}},
		{ID: accountant, Name: "Claire Dubois", Roles: []string{billing.RoleAccountant}},
		{ID: controller, Name: "David Roux", Roles: []string{billing.RoleFinanceManager}},
	} {
		if err := access.SetUser(u); err != nil {
			return nil, err
		}
	}
	shift := on.Time(time.UTC).Sub(date.In(time.Now(), time.UTC).Time(time.UTC))
	return billing.New(memory.NewStore(), desk, billing.WithAccess(access),
		billing.WithClock(func() time.Time { return time.Now().Add(shift) }),
		billing.WithLegalMentions(invoice.FrenchB2BMentions(decimal.RequireFromString("12.15"))))
}

// quoted returns the n-th template contract: a quote priced by the desk,
// sent and accepted. Its seats, storage, support, discount and start vary
// with n.
func quoted(ctx context.Context, e *billing.Engine, rng *rand.Rand, n int) (billing.Contract, error) {
	start := date.MustParse("2026-01-01").AddDays(rng.IntN(120))
	end := start.AddMonths(12)
	plan := schedule.Plan{Kind: schedule.KindRecurring, Recurring: &schedule.Recurring{Cycle: schedule.Cycle{
		Interval: schedule.Interval{Unit: schedule.Month}, Start: start, End: end}}}
	lines := []quote.LineInput{{ID: "1", ProductID: "seat", Quantity: decimal.NewFromInt(int64(1 + rng.IntN(50))), Plan: plan,
		Discount: quote.Discount{Percent: decimal.NewFromInt(int64(5 * rng.IntN(4)))}}}
	if rng.IntN(2) == 0 {
		lines = append(lines, quote.LineInput{ID: "2", ProductID: "storage", Quantity: decimal.NewFromInt(int64(50 * (1 + rng.IntN(40)))), Plan: plan})
	}
	if rng.IntN(4) == 0 {
		lines = append(lines, quote.LineInput{ID: "3", ProductID: "support", Quantity: decimal.NewFromInt(1), Plan: plan})
	}
	day := start.AddDays(-20)
	q, err := e.CreateQuote(ctx, seller, quote.Input{
		Number: fmt.Sprintf("Q-2026-%04d", n+1), Seller: atelier, Currency: money.EUR, BookID: "std",
		Buyer: invoice.Party{Name: "Template customer", Business: true, Address: invoice.Address{City: "Lyon", Country: "FR"}},
		Date:  day, ValidUntil: day.AddDays(30), Lines: lines,
	})
	if err != nil {
		return billing.Contract{}, err
	}
	if _, err := e.SendQuote(ctx, seller, q.ID.String(), day); err != nil {
		return billing.Contract{}, err
	}
	return e.AcceptQuote(ctx, seller, q.ID.String(), day.AddDays(5), "")
}

// makeContracts quotes the templates on a scratch engine, then stores in
// e's store n contracts copied from them, one per customer, a thousand per
// transaction.
func makeContracts(ctx context.Context, e *billing.Engine, n int, bar *progressbar.ProgressBar) error {
	scratch, err := billing.New(memory.NewStore(), e.Desk(), billing.WithAccess(e.Access()))
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(2026, 5))
	tmpl := make([]billing.Contract, templates)
	for i := range tmpl {
		c, err := quoted(ctx, scratch, rng, i)
		if err != nil {
			return fmt.Errorf("template %d: %w", i, err)
		}
		tmpl[i] = c
	}
	const batch = 1000
	for from := 0; from < n; from += batch {
		err := e.Store().Update(ctx, func(tx billing.Tx) error {
			for i := from; i < min(from+batch, n); i++ {
				c := tmpl[i%templates].Clone()
				c.ID = billing.NewID()
				c.Buyer.Name = fmt.Sprintf("Customer %06d", i+1)
				c.Buyer.LegalID = fmt.Sprintf("9%08d", i+1)
				c.Customer = billing.CustomerKey(c.Buyer)
				for j := range c.Lines {
					c.Lines[j].ContractID = c.ID
				}
				if _, err := tx.Contracts().Put(ctx, billing.Record[billing.Contract]{ID: c.ID.String(), Value: c}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		_ = bar.Set(min(from+batch, n))
	}
	_ = bar.Finish()
	return nil
}
