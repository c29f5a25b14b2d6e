package storetest

import (
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

// Seller is the French company that sells in the fixtures.
func Seller() invoice.Party {
	p := frenchParty("Atelier Numérique SAS", "732829320", "44")
	p.AdditionalLegalInfo = "SAS au capital de 10 000 € - RCS Paris 732 829 320"
	return p
}

// Buyer is the French company that buys in the fixtures.
func Buyer() invoice.Party { return frenchParty("Boulangerie Martin SARL", "552100554", "96") }

// frenchParty is a company in Paris with a SIREN and the VAT number its
// key gives.
func frenchParty(name, siren, vatKey string) invoice.Party {
	return invoice.Party{Name: name, LegalID: siren, VATID: "FR" + vatKey + siren,
		Address: invoice.Address{Line1: "1 rue de la Paix", City: "Paris", PostalCode: "75002", Country: "FR"}}
}

// QuoteInput is a quote of Desk's catalogue from Seller to Buyer: 10
// implementation days at the given discount in percent, billed on
// acceptance, and 20 seats a month from April 2026 for a year.
func QuoteInput(discount int64) quote.Input {
	return quote.Input{
		Number: "Q-2026-0042", Seller: Seller(), Buyer: Buyer(), Currency: money.EUR, BookID: "std",
		Date: date.MustParse("2026-03-02"), ValidUntil: date.MustParse("2026-03-31"),
		Lines: []quote.LineInput{
			{ID: "1", ProductID: "impl", Quantity: decimal.NewFromInt(10),
				Discount: quote.Discount{Percent: decimal.NewFromInt(discount)},
				Plan:     schedule.OneTimePlan(date.MustParse("2026-03-10"), money.Amount{})},
			{ID: "2", ProductID: "seat", Quantity: decimal.NewFromInt(20),
				Plan: schedule.Plan{Kind: schedule.KindRecurring, Recurring: &schedule.Recurring{Cycle: schedule.Cycle{
					Interval: schedule.Interval{Unit: schedule.Month},
					Start:    date.MustParse("2026-04-01"), End: date.MustParse("2027-04-01"),
				}}}},
		},
	}
}

// Desk returns a quote desk for engines over a store under test: a
// catalogue of implementation days at 1,000.00 EUR (billed once), seats
// at 50.00 EUR a month and API calls at 0.01 EUR each (billed monthly on
// usage), all from 2026, where a sales rep grants up to 10 % and a sales
// manager up to 25 %, below a finance level.
func Desk(tb testing.TB) *quote.Desk {
	tb.Helper()
	return DeskWithRates(tb, tax.DefaultRates())
}

// DeskWithRates is Desk over the VAT rates given, such as a table with a
// change of rate.
func DeskWithRates(tb testing.TB, rates *tax.Rates) *quote.Desk {
	tb.Helper()
	cat := catalog.New()
	require.NoError(tb, cat.AddBook(catalog.PriceBook{ID: "std", Name: "Standard", Active: true}))
	for _, p := range []struct {
		product catalog.Product
		price   string
		billing catalog.Billing
	}{
		{catalog.Product{ID: "impl", SKU: "IMPL", Name: "Implementation", Unit: catalog.UnitDay,
			TaxCategory: tax.StandardRate, RateKind: tax.Standard}, "1000", catalog.Billing{Kind: catalog.BillingOneTime}},
		{catalog.Product{ID: "seat", SKU: "SEAT", Name: "Platform seats", Unit: catalog.UnitOne,
			TaxCategory: tax.StandardRate, RateKind: tax.Standard}, "50", catalog.Billing{Kind: catalog.BillingRecurring,
			Interval: catalog.Interval{Unit: catalog.IntervalMonth, Count: 1}}},
		{catalog.Product{ID: "api", SKU: "API", Name: "API calls", Unit: catalog.UnitOne,
			TaxCategory: tax.StandardRate, RateKind: tax.Standard}, "0.01", catalog.Billing{Kind: catalog.BillingUsage,
			Interval: catalog.Interval{Unit: catalog.IntervalMonth, Count: 1}}},
	} {
		require.NoError(tb, cat.AddProduct(p.product))
		_, err := cat.AddPrice(catalog.PriceSpec{ID: p.product.ID + "-std", ProductID: p.product.ID, BookID: "std",
			Currency: money.EUR, EffectiveFrom: date.MustParse("2026-01-01"), Billing: p.billing,
			Pricing: catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: decimal.RequireFromString(p.price)}})
		require.NoError(tb, err)
	}
	desk, err := quote.NewDesk(cat, rates, quote.Policy{
		Levels: []string{"sales_rep", "sales_manager", "finance"},
		Rules: []quote.Rule{{Limits: []quote.Limit{
			{Level: "sales_rep", Percent: decimal.NewFromInt(10)},
			{Level: "sales_manager", Percent: decimal.NewFromInt(25)},
		}}},
	})
	require.NoError(tb, err)
	return desk
}

// MonthlyContract returns a contract accepted from a quote of desk (see
// Desk) for 20 seats a month from April 2026 for a year, billed in
// advance, between a French seller and a French buyer whose invoices can
// be issued: a template for PutContracts.
func MonthlyContract(tb testing.TB, desk *quote.Desk) billing.Contract {
	tb.Helper()
	in := QuoteInput(0)
	in.Lines = in.Lines[1:] // the seats only
	q, err := desk.New(uuid.New(), quote.User{ID: "alice", Level: "sales_rep"}, in)
	require.NoError(tb, err)
	require.NoError(tb, q.Send(date.MustParse("2026-03-02")))
	c, err := q.Accept(uuid.New(), date.MustParse("2026-03-10"))
	require.NoError(tb, err)
	return billing.Contract{Contract: *c, Customer: billing.CustomerKey(c.Buyer)}
}
