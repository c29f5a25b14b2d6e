package postgres_test

import (
	"context"
	"testing"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/schedule"
	"github.com/billkit/billkit/tax"
)

// accountant may create, issue and bill; auditor reads everything.
const (
	accountant = "carol"
	auditor    = "fred"
)

// newAccess returns the users of the engine tests.
func newAccess(t testing.TB) *billing.Access {
	t.Helper()
	a := billing.NewAccess()
	require.NoError(t, a.SetUser(billing.User{ID: accountant, Roles: []string{billing.RoleAccountant}}))
	require.NoError(t, a.SetUser(billing.User{ID: auditor, Roles: []string{billing.RoleAuditor}}))
	return a
}

// newDesk returns a quote desk over a catalogue of seats at 50.00 EUR a
// month.
func newDesk(t testing.TB) *quote.Desk {
	t.Helper()
	cat := catalog.New()
	require.NoError(t, cat.AddBook(catalog.PriceBook{ID: "std", Name: "Standard", Active: true}))
	require.NoError(t, cat.AddProduct(catalog.Product{ID: "seat", SKU: "SEAT", Name: "Platform seats",
		Unit: catalog.UnitOne, TaxCategory: tax.StandardRate, RateKind: tax.Standard}))
	_, err := cat.AddPrice(catalog.PriceSpec{ID: "seat-std", ProductID: "seat", BookID: "std", Currency: money.EUR,
		EffectiveFrom: date.MustParse("2026-01-01"),
		Billing:       catalog.Billing{Kind: catalog.BillingRecurring, Interval: catalog.Interval{Unit: catalog.IntervalMonth, Count: 1}},
		Pricing:       catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: decimal.RequireFromString("50")}})
	require.NoError(t, err)
	desk, err := quote.NewDesk(cat, tax.DefaultRates(), quote.Policy{Levels: []string{"sales_rep"}})
	require.NoError(t, err)
	return desk
}

// newEngines returns an engine over each store, sharing users and desk,
// as application instances over one database.
func newEngines(t testing.TB, stores ...billing.Store) []*billing.Engine {
	t.Helper()
	access, desk := newAccess(t), newDesk(t)
	out := make([]*billing.Engine, len(stores))
	for i, st := range stores {
		e, err := billing.New(st, desk, billing.WithAccess(access))
		require.NoError(t, err)
		out[i] = e
	}
	return out
}

var (
	seller = func() invoice.Party {
		p := party("Atelier Numérique SAS", "732829320")
		p.AdditionalLegalInfo = "SAS au capital de 10 000 € - RCS Paris 732 829 320"
		return p
	}()
	buyer = party("Boulangerie Martin SARL", "552100554")
)

func party(name, siren string) invoice.Party {
	return invoice.Party{Name: name, LegalID: siren, VATID: "FR44" + siren,
		Address: invoice.Address{Line1: "1 rue de la Paix", City: "Paris", PostalCode: "75002", Country: "FR"}}
}

// document returns an invoice document of n hours of consulting.
func document(n int) invoice.Document {
	return invoice.Document{
		Type: invoice.TypeCommercialInvoice, Currency: money.EUR, Seller: seller, Buyer: buyer,
		DueDate: date.MustParse("2026-04-01"),
		Period:  date.Range{Start: date.MustParse("2026-02-01"), End: date.MustParse("2026-03-01")},
		Lines: []invoice.Line{{ID: "1", Name: "Consulting", Quantity: decimal.NewFromInt(int64(n)), UnitCode: "HUR",
			UnitPrice: money.MustParse("100.00 EUR"), VAT: invoice.VAT{Category: tax.StandardRate, Rate: decimal.NewFromInt(20)}}},
	}
}

// approvedInvoice creates and submits an invoice through e, ready to be
// issued, and returns its ID.
func approvedInvoice(t testing.TB, e *billing.Engine, n int) string {
	t.Helper()
	return approve(t, e, document(n))
}

// approve creates and submits an invoice of doc through e, and returns
// its ID.
func approve(t testing.TB, e *billing.Engine, doc invoice.Document) string {
	t.Helper()
	ctx := context.Background()
	snap, err := e.CreateInvoice(ctx, accountant, doc)
	require.NoError(t, err)
	_, _, err = e.SubmitInvoice(ctx, accountant, snap.ID.String())
	require.NoError(t, err)
	return snap.ID.String()
}

// monthlyContract returns a contract for 20 seats a month from
// 2026-04-01, billed in advance.
func monthlyContract(t testing.TB, desk *quote.Desk) billing.Contract {
	t.Helper()
	in := quote.Input{
		Number: "Q-2026-0042", Seller: seller, Buyer: buyer, Currency: money.EUR, BookID: "std",
		Date: date.MustParse("2026-03-02"), ValidUntil: date.MustParse("2026-03-31"),
		Lines: []quote.LineInput{{ID: "1", ProductID: "seat", Quantity: decimal.NewFromInt(20),
			Plan: schedule.Plan{Kind: schedule.KindRecurring, Recurring: &schedule.Recurring{Cycle: schedule.Cycle{
				Interval: schedule.Interval{Unit: schedule.Month},
				Start:    date.MustParse("2026-04-01"), End: date.MustParse("2027-04-01"),
			}}}}},
	}
	q, err := desk.New(uuid.New(), quote.User{ID: "alice", Level: "sales_rep"}, in)
	require.NoError(t, err)
	require.NoError(t, q.Send(date.MustParse("2026-03-02")))
	c, err := q.Accept(uuid.New(), date.MustParse("2026-03-10"))
	require.NoError(t, err)
	return billing.Contract{Contract: *c, Customer: billing.CustomerKey(c.Buyer)}
}
