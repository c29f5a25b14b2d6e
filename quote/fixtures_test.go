package quote_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/schedule"
	"github.com/billkit/billkit/tax"
	"github.com/billkit/billkit/validation"
)

// Test fixtures: a catalogue of five products, a three-level policy and a
// French B2B quote.

// testingT is what the fixtures need of *testing.T, *testing.B and *rapid.T.
type testingT interface {
	require.TestingT
	Helper()
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func amt(s string) money.Amount { return money.MustParse(s) }

func day(s string) date.Date { return date.MustParse(s) }

var (
	quoteDay   = day("2026-03-02")
	validUntil = day("2026-03-31")
	approvedAt = time.Date(2026, 3, 3, 9, 30, 0, 0, time.UTC)

	alice = quote.User{ID: "alice", Level: "sales_rep"}
	bob   = quote.User{ID: "bob", Level: "sales_manager"}
	carol = quote.User{ID: "carol", Level: "finance"}
	dave  = quote.User{ID: "dave", Level: "sales_rep"}
)

// id returns a fixed UUID ending in n, so that tests and examples are
// deterministic.
func id(n byte) uuid.UUID {
	var u uuid.UUID
	u[0], u[6], u[8], u[15] = 0x01, 0x70, 0x80, n
	return u
}

// newCatalog returns a catalogue with an active book "std" and an inactive
// book "old", and these products, priced in EUR from 2026-01-01:
//
//	impl   implementation days, 1000.00 per day, one-time
//	saas   platform seats, 50.00 per seat per month, recurring
//	api    API calls, graduated 0.01 then 0.005 above 10000, usage monthly
//	setup  setup fee, flat 500.00, one-time
//	course training, exempt, 800.00 per person, one-time
//	legacy an archived product, 10.00 per unit, one-time
func newCatalog(t testingT) *catalog.Catalog {
	t.Helper()
	c := catalog.New()
	require.NoError(t, c.AddBook(catalog.PriceBook{ID: "std", Name: "Standard", Active: true}))
	require.NoError(t, c.AddBook(catalog.PriceBook{ID: "old", Name: "Old", Active: false}))
	monthly := catalog.Interval{Unit: catalog.IntervalMonth, Count: 1}
	once := catalog.Billing{Kind: catalog.BillingOneTime}
	products := []struct {
		p       catalog.Product
		pricing catalog.Pricing
		billing catalog.Billing
	}{
		{catalog.Product{ID: "impl", SKU: "IMPL", Name: "Implementation", Description: "On-site implementation",
			Unit: catalog.UnitDay, TaxCategory: tax.StandardRate, RateKind: tax.Standard},
			catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: dec("1000")}, once},
		{catalog.Product{ID: "saas", SKU: "SAAS", Name: "Platform seats", Unit: catalog.UnitOne,
			TaxCategory: tax.StandardRate, RateKind: tax.Standard},
			catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: dec("50")},
			catalog.Billing{Kind: catalog.BillingRecurring, Interval: monthly}},
		{catalog.Product{ID: "api", SKU: "API", Name: "API calls", Unit: catalog.UnitOne,
			TaxCategory: tax.StandardRate, RateKind: tax.Standard},
			catalog.Pricing{Model: catalog.ModelGraduated, Tiers: []catalog.Tier{
				{UpTo: decimal.NewNullDecimal(dec("10000")), UnitPrice: dec("0.01")},
				{UnitPrice: dec("0.005")},
			}},
			catalog.Billing{Kind: catalog.BillingUsage, Interval: monthly}},
		{catalog.Product{ID: "setup", SKU: "SETUP", Name: "Setup fee", Unit: catalog.UnitLumpSum,
			TaxCategory: tax.StandardRate, RateKind: tax.Standard},
			catalog.Pricing{Model: catalog.ModelFlat, FlatAmount: dec("500")}, once},
		{catalog.Product{ID: "course", SKU: "COURSE", Name: "Training course", Unit: catalog.UnitOne,
			TaxCategory: tax.Exempt},
			catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: dec("800")}, once},
		{catalog.Product{ID: "legacy", SKU: "LEGACY", Name: "Legacy module", Unit: catalog.UnitOne,
			TaxCategory: tax.StandardRate, RateKind: tax.Standard},
			catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: dec("10")}, once},
	}
	for _, pr := range products {
		require.NoError(t, c.AddProduct(pr.p))
		for _, book := range []string{"std", "old"} {
			_, err := c.AddPrice(catalog.PriceSpec{
				ID: pr.p.ID + "-" + book, ProductID: pr.p.ID, BookID: book, Currency: money.EUR,
				EffectiveFrom: day("2026-01-01"), Pricing: pr.pricing, Billing: pr.billing,
			})
			require.NoError(t, err)
		}
	}
	require.NoError(t, c.ArchiveProduct("legacy"))
	return c
}

// testPolicy: a sales rep grants up to 10 %, a manager up to 25 %, finance
// beyond; seats are stricter (5 %, 15 %, at most 40 %); implementation
// days never go under 600.00 EUR.
func testPolicy() quote.Policy {
	return quote.Policy{
		Levels: []string{"sales_rep", "sales_manager", "finance"},
		Rules: []quote.Rule{
			{Limits: []quote.Limit{{Level: "sales_rep", Percent: dec("10")}, {Level: "sales_manager", Percent: dec("25")}}},
			{ProductID: "saas", BookID: "std", Limits: []quote.Limit{
				{Level: "sales_rep", Percent: dec("5")}, {Level: "sales_manager", Percent: dec("15")},
				{Level: "finance", Percent: dec("40")}}},
			{ProductID: "impl", Floors: []money.Amount{amt("600.00 EUR")}},
		},
	}
}

func newDesk(t testingT) *quote.Desk {
	t.Helper()
	d, err := quote.NewDesk(newCatalog(t), tax.DefaultRates(), testPolicy())
	require.NoError(t, err)
	return d
}

func seller() invoice.Party {
	return invoice.Party{Name: "Atelier Numérique SAS", LegalID: "732829320", VATID: "FR44732829320",
		AdditionalLegalInfo: "SAS au capital de 10 000 € - RCS Paris 732 829 320",
		Address:             invoice.Address{Line1: "12 rue de la Paix", City: "Paris", PostalCode: "75002", Country: "FR"},
		ElectronicAddress:   invoice.ElectronicAddress{Scheme: "0225", Value: "732829320"}}
}

func buyer() invoice.Party {
	return invoice.Party{Name: "Boulangerie Martin SARL", LegalID: "552100554", Business: true,
		Address: invoice.Address{Line1: "3 place Bellecour", City: "Lyon", PostalCode: "69002", Country: "FR"}}
}

// oneTime is a one-time plan template due on day s.
func oneTime(s string) schedule.Plan {
	return schedule.Plan{Kind: schedule.KindOneTime, OneTime: &schedule.OneTime{Date: day(s)}}
}

// monthly is a monthly recurring plan template from start, for months
// months (0: until further notice).
func monthly(start string, months int) schedule.Plan {
	r := schedule.Recurring{Cycle: schedule.Cycle{Interval: schedule.Interval{Unit: schedule.Month}, Start: day(start)}}
	if months > 0 {
		r.End = day(start).AddMonths(months)
	}
	return schedule.Plan{Kind: schedule.KindRecurring, Recurring: &r}
}

// milestones is a plan template: 30 % at kick-off, 40 % at delivery, the
// rest at acceptance.
func milestones() schedule.Plan {
	return schedule.Plan{Kind: schedule.KindMilestones, Milestones: &schedule.Milestones{Items: []schedule.Milestone{
		{Name: "Kick-off", Share: schedule.Share{Percent: dec("30")}},
		{Name: "Delivery", Share: schedule.Share{Percent: dec("40")}},
		{Name: "Acceptance", Share: schedule.Share{Rest: true}},
	}}}
}

// usageMonthly is a usage plan template billed monthly from start.
func usageMonthly(start string) schedule.Plan {
	return schedule.Plan{Kind: schedule.KindUsage, Usage: &schedule.Usage{
		Cycle: schedule.Cycle{Interval: schedule.Interval{Unit: schedule.Month}, Start: day(start)}}}
}

// baseInput is a quote for 10 implementation days billed by milestones and
// 20 seats for 12 months, with no discount.
func baseInput() quote.Input {
	return quote.Input{
		Number: "Q-2026-0001", Seller: seller(), Buyer: buyer(), Currency: money.EUR, BookID: "std",
		Date: quoteDay, ValidUntil: validUntil,
		Lines: []quote.LineInput{
			{ID: "1", ProductID: "impl", Quantity: dec("10"), Plan: milestones()},
			{ID: "2", ProductID: "saas", Quantity: dec("20"), Plan: monthly("2026-04-01", 12)},
		},
	}
}

// withLine returns in with its line i changed by edit.
func withLine(in quote.Input, i int, edit func(l *quote.LineInput)) quote.Input {
	in.Lines = append([]quote.LineInput(nil), in.Lines...)
	edit(&in.Lines[i])
	return in
}

// newQuote prices in as written by author, and fails the test on error.
func newQuote(t testingT, desk *quote.Desk, author quote.User, in quote.Input) *quote.Quote {
	t.Helper()
	q, err := desk.New(id(1), author, in)
	require.NoError(t, err)
	return q
}

// discounted is baseInput with 18 % off the implementation days: over the
// 10 % of a sales rep, within the 25 % of a manager.
func discounted() quote.Input {
	return withLine(baseInput(), 0, func(l *quote.LineInput) { l.Discount.Percent = dec("18") })
}

// quoteIn returns a quote written by alice that needs a manager's approval,
// brought to status s.
func quoteIn(t testingT, s quote.Status) *quote.Quote {
	t.Helper()
	q := newQuote(t, newDesk(t), alice, discounted())
	steps := map[quote.Status][]func() error{
		quote.StatusDraft:    nil,
		quote.StatusInReview: {q.Submit},
		quote.StatusApproved: {q.Submit, func() error { return q.Approve(bob, approvedAt) }},
	}
	send := append(steps[quote.StatusApproved], func() error { return q.Send(day("2026-03-03")) })
	steps[quote.StatusSent] = send
	steps[quote.StatusAccepted] = append(send[:len(send):len(send)], func() error {
		_, err := q.Accept(id(9), day("2026-03-10"))
		return err
	})
	steps[quote.StatusRejected] = append(send[:len(send):len(send)], func() error { return q.Reject("too expensive", day("2026-03-10")) })
	steps[quote.StatusExpired] = append(send[:len(send):len(send)], func() error { return q.Expire(day("2026-04-01")) })
	for _, step := range steps[s] {
		require.NoError(t, step())
	}
	require.Equal(t, s, q.Status())
	return q
}

// requireFaults asserts that err is a *validation.Error holding exactly the
// given field/code pairs, in any order.
func requireFaults(t testing.TB, err error, want ...[2]string) {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, validation.ErrInvalid)
	var ve *validation.Error
	require.True(t, errors.As(err, &ve))
	got := make([][2]string, len(ve.Faults))
	for i, f := range ve.Faults {
		got[i] = [2]string{f.Field, f.Code}
	}
	assert.ElementsMatch(t, want, got, "faults: %v", ve.Faults)
}

// faultCase is a change to baseInput that a desk refuses, priced for
// author, with exactly the faults want.
type faultCase struct {
	name   string
	author quote.User
	edit   func(in *quote.Input)
	want   [][2]string
}

// onLine returns the edit of line i of an input.
func onLine(i int, edit func(l *quote.LineInput)) func(in *quote.Input) {
	return func(in *quote.Input) { *in = withLine(*in, i, edit) }
}

// checkFaults runs the cases: each is refused with its faults, and no quote
// is made.
func checkFaults(t *testing.T, cases []faultCase) {
	t.Helper()
	desk := newDesk(t)
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			in := baseInput()
			tt.edit(&in)
			q, err := desk.New(id(1), tt.author, in)
			requireFaults(t, err, tt.want...)
			assert.Nil(t, q)
		})
	}
}
