package main

import (
	"context"
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
	"github.com/billkit/billkit/store/memory"
	"github.com/billkit/billkit/store/sqlite"
	"github.com/billkit/billkit/tax"
)

// person is a user of the demo: their ID is also their @handle.
type person struct {
	ID, Name, Role, Title string
}

// The people of the demo, one per built-in role.
const (
	alice  = "alice"
	bruno  = "bruno"
	claire = "claire"
	david  = "david"
	emma   = "emma"
	felix  = "felix"
)

// people lists the users in the order of the user switcher.
var people = []person{
	{alice, "Alice Martin", billing.RoleSalesRep, "Sales rep"},
	{bruno, "Bruno Petit", billing.RoleSalesManager, "Sales manager"},
	{claire, "Claire Dubois", billing.RoleAccountant, "Accountant"},
	{david, "David Roux", billing.RoleFinanceManager, "Finance manager"},
	{emma, "Emma Laurent", billing.RoleAdmin, "Admin"},
	{felix, "Félix Bernard", billing.RoleAuditor, "Auditor"},
}

// groups are the teams people can @mention at once.
var groups = []struct {
	id, name string
	members  []string
}{
	{"finance", "Finance team", []string{claire, david}},
	{"sales", "Sales team", []string{alice, bruno}},
}

// invoiceThreshold is the amount with VAT from which an invoice needs a
// finance manager's approval before it is issued.
var invoiceThreshold = money.MustParse("2000.00 EUR")

// services are billkit's engine and conversations, wired together over
// the in-memory stores, with every notification recorded for the
// notification list.
type services struct {
	engine *billing.Engine
	collab *collab.Service
	inbox  *notify.Recorder
	newID  func() uuid.UUID // the IDs the host gives, such as payments'
}

// stores are where the application keeps its data, and how to close them.
type stores struct {
	billing billing.Store
	collab  collab.Store
	close   func() error
}

// memoryStores returns the in-memory stores, the default.
func memoryStores() stores {
	return stores{billing: memory.NewStore(), collab: memory.NewCollabStore(), close: func() error { return nil }}
}

// sqliteStores opens the SQLite database at path, or creates it, for the
// billing data and the conversations alike.
func sqliteStores(ctx context.Context, path string) (stores, error) {
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		return stores{}, err
	}
	return stores{billing: db, collab: db.Collab(), close: db.Close}, nil
}

// newServices builds the catalogue, the quote desk with its discount
// limits, the users and roles, the engine and the conversation service,
// dated by clock and identified by newID.
func newServices(st stores, clock *demoClock, newID func() uuid.UUID) (*services, error) {
	start := date.MustParse("2026-01-01")
	cat := catalog.New()
	if err := cat.AddBook(catalog.PriceBook{ID: "std", Name: "Standard EUR", Active: true}); err != nil {
		return nil, err
	}
	monthly := catalog.Billing{Kind: catalog.BillingRecurring, Interval: catalog.Interval{Unit: catalog.IntervalMonth, Count: 1}}
	for _, p := range []struct {
		product catalog.Product
		price   string
		billing catalog.Billing
	}{
		{catalog.Product{ID: "impl", SKU: "IMPL", Name: "Implementation", Unit: catalog.UnitDay,
			TaxCategory: tax.StandardRate, RateKind: tax.Standard}, "1000", catalog.Billing{Kind: catalog.BillingOneTime}},
		{catalog.Product{ID: "seat", SKU: "SEAT", Name: "Platform seats", Unit: catalog.UnitOne,
			TaxCategory: tax.StandardRate, RateKind: tax.Standard}, "50", monthly},
	} {
		if err := cat.AddProduct(p.product); err != nil {
			return nil, err
		}
		if _, err := cat.AddPrice(catalog.PriceSpec{ID: p.product.ID + "-2026", ProductID: p.product.ID, BookID: "std",
			Currency: money.EUR, EffectiveFrom: start, Billing: p.billing,
			Pricing: catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: decimal.RequireFromString(p.price)}}); err != nil {
			return nil, err
		}
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
		return nil, err
	}

	access := billing.NewAccess()
	dir := collab.NewMemoryDirectory()
	for _, p := range people {
		if err := access.SetUser(billing.User{ID: p.ID, Name: p.Name, Roles: []string{p.Role}}); err != nil {
			return nil, err
		}
		if err := dir.AddUser(p.ID, p.ID, p.Name); err != nil {
			return nil, err
		}
	}
	for _, g := range groups {
		if err := dir.AddGroup(g.id, g.id, g.name, false, g.members...); err != nil {
			return nil, err
		}
	}

	s := &services{inbox: &notify.Recorder{}, newID: newID}
	s.engine, err = billing.New(st.billing, desk,
		billing.WithAccess(access),
		billing.WithClock(clock.read),
		billing.WithIDs(newID),
		billing.WithNotifier(s.inbox),
		billing.WithLegalMentions(invoice.FrenchB2BMentions(decimal.RequireFromString("12.15"))),
		billing.WithApprovalRules(billing.ApprovalRule{Kind: billing.ApprovalInvoice, Threshold: invoiceThreshold,
			Roles: []string{billing.RoleFinanceManager}}))
	if err != nil {
		return nil, err
	}
	// Whoever may see an object may see and write in its thread.
	s.collab, err = collab.NewService(st.collab, dir, s.engine.CollabPolicy(nil),
		collab.WithHistory(s.engine.HistorySource()),
		collab.WithNames(s.engine.Names()),
		collab.WithNotifier(s.inbox),
		collab.WithClock(clock.read),
		collab.WithIDGenerator(func() string { return newID().String() }))
	if err != nil {
		return nil, err
	}
	return s, nil
}

// The seller and the customers of the demo.
var (
	seller = invoice.Party{Name: "Atelier Numérique SAS", LegalID: "732829320", VATID: "FR44732829320",
		AdditionalLegalInfo: "SAS au capital de 10 000 € - RCS Paris 732 829 320",
		Address:             invoice.Address{Line1: "12 rue de la Paix", City: "Paris", PostalCode: "75002", Country: "FR"}}
	boulangerie = customer("Boulangerie Martin SARL", "552100554", "3 place Bellecour", "Lyon", "69002")
	fromagerie  = customer("Fromagerie Durand", "813452198", "8 rue Mercière", "Lyon", "69002")
	librairie   = customer("Librairie Vidal", "487390211", "21 quai des Chartrons", "Bordeaux", "33000")
	garage      = customer("Garage Lefèvre", "398114507", "140 avenue Jean Jaurès", "Toulouse", "31000")
	pharmacie   = customer("Pharmacie Morel", "752864190", "5 rue Sainte-Catherine", "Bordeaux", "33000")
	cafe        = customer("Café des Arts", "901225674", "2 place du Capitole", "Toulouse", "31000")
	hotel       = customer("Hôtel du Parc", "844017352", "9 cours Mirabeau", "Aix-en-Provence", "13100")
	brasserie   = customer("Brasserie Lumière", "529660813", "17 rue de la République", "Lyon", "69001")
	couture     = customer("Atelier Couture Blanc", "811930465", "4 rue du Bac", "Paris", "75007")
)

// customer is a French business buyer.
func customer(name, siren, street, city, postcode string) invoice.Party {
	return invoice.Party{Name: name, LegalID: siren, Business: true,
		Address: invoice.Address{Line1: street, City: city, PostalCode: postcode, Country: "FR"}}
}
