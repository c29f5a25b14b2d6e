package main

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/store/memory"
	"github.com/billkit/billkit/tax"
)

// people are the users of the tour: ID, name and built-in role.
var people = []struct{ id, name, role string }{
	{alice, "Alice Martin", billing.RoleSalesRep},
	{bruno, "Bruno Petit", billing.RoleSalesManager},
	{claire, "Claire Dubois", billing.RoleAccountant},
	{david, "David Roux", billing.RoleFinanceManager},
}

// setUp builds the catalogue, the quote desk with its discount limits,
// the users and the engine over the in-memory store.
func (t *tour) setUp() error {
	start := date.MustParse("2026-01-01")
	t.section("Catalogue", start)
	cat := catalog.New()
	if err := cat.AddBook(catalog.PriceBook{ID: "std", Name: "Standard EUR", Active: true}); err != nil {
		return err
	}
	monthly := catalog.Billing{Kind: catalog.BillingRecurring, Interval: catalog.Interval{Unit: catalog.IntervalMonth, Count: 1}}
	for _, p := range []struct {
		product    catalog.Product
		price, per string
		billing    catalog.Billing
	}{
		{catalog.Product{ID: "impl", SKU: "IMPL", Name: "Implementation", Unit: catalog.UnitDay,
			TaxCategory: tax.StandardRate, RateKind: tax.Standard}, "1000", "day", catalog.Billing{Kind: catalog.BillingOneTime}},
		{catalog.Product{ID: "seat", SKU: "SEAT", Name: "Platform seats", Unit: catalog.UnitOne,
			TaxCategory: tax.StandardRate, RateKind: tax.Standard}, "50", "seat", monthly},
	} {
		if err := cat.AddProduct(p.product); err != nil {
			return err
		}
		price, err := cat.AddPrice(catalog.PriceSpec{ID: p.product.ID + "-2026", ProductID: p.product.ID, BookID: "std",
			Currency: money.EUR, EffectiveFrom: start, Billing: p.billing,
			Pricing: catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: decimal.RequireFromString(p.price)}})
		if err != nil {
			return err
		}
		unit, err := price.Amount(decimal.NewFromInt(1))
		if err != nil {
			return err
		}
		every := "once"
		if b := price.Billing(); b.Kind == catalog.BillingRecurring {
			every = "every " + strings.TrimPrefix(b.Interval.String(), "1 ")
		}
		t.say("%-4s %-15s %s a %s, billed %s", p.product.SKU, p.product.Name, unit, p.per, every)
	}

	// A sales rep grants up to 10 % alone, a sales manager up to 25 %.
	desk, err := quote.NewDesk(cat, tax.DefaultRates(), quote.Policy{
		Levels: []string{"sales_rep", "sales_manager", "finance"},
		Rules: []quote.Rule{{Limits: []quote.Limit{
			{Level: "sales_rep", Percent: decimal.NewFromInt(10)},
			{Level: "sales_manager", Percent: decimal.NewFromInt(25)},
		}}},
	})
	if err != nil {
		return err
	}
	t.say("discount limits: sales rep 10 %%, sales manager 25 %%")

	t.say("\n== People")
	access := billing.NewAccess()
	for _, p := range people {
		if err := access.SetUser(billing.User{ID: p.id, Name: p.name, Roles: []string{p.role}}); err != nil {
			return err
		}
		t.say("%-6s %-13s %s", p.id, p.name, p.role)
	}

	threshold := money.MustParse("5000.00 EUR")
	t.engine, err = billing.New(memory.NewStore(), desk,
		billing.WithAccess(access),
		billing.WithClock(t.clock.read),
		billing.WithIDs(t.newID),
		billing.WithNotifier(t.inbox),
		billing.WithLegalMentions(invoice.FrenchB2BMentions(decimal.RequireFromString("12.15"))),
		billing.WithApprovalRules(billing.ApprovalRule{Kind: billing.ApprovalInvoice, Threshold: threshold,
			Roles: []string{billing.RoleFinanceManager}}))
	if err != nil {
		return err
	}
	t.say("invoices from %s with VAT need a %s's approval", threshold, billing.RoleFinanceManager)
	return nil
}

// The seller and the two buyers of the tour.
var (
	seller = invoice.Party{Name: "Atelier Numérique SAS", LegalID: "732829320", VATID: "FR44732829320",
		AdditionalLegalInfo: "SAS au capital de 10 000 € - RCS Paris 732 829 320",
		Address:             invoice.Address{Line1: "12 rue de la Paix", City: "Paris", PostalCode: "75002", Country: "FR"}}
	boulangerie = invoice.Party{Name: "Boulangerie Martin SARL", LegalID: "552100554", VATID: "FR96552100554", Business: true,
		Address: invoice.Address{Line1: "3 place Bellecour", City: "Lyon", PostalCode: "69002", Country: "FR"}}
	fromagerie = invoice.Party{Name: "Fromagerie Durand", LegalID: "813452198", Business: true,
		Address: invoice.Address{Line1: "8 rue Mercière", City: "Lyon", PostalCode: "69002", Country: "FR"}}
)
