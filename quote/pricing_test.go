package quote_test

import (
	"testing"

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

func TestNewPricesFromTheCatalogue(t *testing.T) {
	q := newQuote(t, newDesk(t), alice, discounted())
	assert.Equal(t, quote.StatusDraft, q.Status())
	assert.Equal(t, 1, q.Revision())
	assert.Equal(t, "Q-2026-0001", q.Number())

	lines := q.Lines()
	require.Len(t, lines, 2)
	impl := lines[0]
	assert.Equal(t, "Implementation", impl.Name)
	assert.Equal(t, "On-site implementation", impl.Description)
	assert.Equal(t, "DAY", impl.UnitCode)
	assert.Equal(t, "impl-std", impl.List.PriceID)
	assert.Equal(t, "10 × 1000.00 = 10000.00 EUR", impl.List.Evaluation.String())
	assert.Equal(t, "1000.00 EUR", impl.UnitPrice.String())
	assert.False(t, impl.Negotiated)
	assert.Equal(t, "8200.00 EUR", impl.NetAmount.String())
	assert.Equal(t, "18", impl.DiscountPercent.String())
	assert.Equal(t, invoice.VAT{Category: tax.StandardRate, Rate: dec("20")}, impl.VAT)
	assert.Equal(t, "8200.00 EUR", impl.Plan.Milestones.Total.String(), "the plan bills the negotiated amount")

	seats := lines[1]
	assert.Equal(t, "1000.00 EUR", seats.NetAmount.String())
	assert.Equal(t, "1000.00 EUR", seats.Plan.Recurring.Amount.String())

	totals := q.Totals()
	assert.Equal(t, "9200.00 EUR", totals.TaxExclusive.String())
	assert.Equal(t, "1840.00 EUR", totals.VAT.String())
	assert.Equal(t, "11040.00 EUR", totals.TaxInclusive.String())
}

// The quote's totals are those an invoice of the same lines computes: the
// invoice package does the calculation.
func TestTotalsAreTheInvoiceCalculation(t *testing.T) {
	in := baseInput()
	in.Lines = append(in.Lines,
		quote.LineInput{ID: "3", ProductID: "setup", Quantity: dec("3"), Discount: quote.Discount{Amount: amt("100.01 EUR")}, Plan: oneTime("2026-04-01")},
		quote.LineInput{ID: "4", ProductID: "course", Quantity: dec("2"), UnitPrice: amt("777.777 EUR"),
			ExemptionReason: tax.ExemptionEU132, Plan: oneTime("2026-04-02")},
		quote.LineInput{ID: "5", ProductID: "api", Quantity: dec("12345"), Discount: quote.Discount{Percent: dec("7.5")}, Plan: usageMonthly("2026-04-01")},
	)
	q := newQuote(t, newDesk(t), bob, in)
	doc := q.Document()
	want := doc.Clone()
	require.NoError(t, want.Calculate())
	assert.Equal(t, want.Totals, q.Totals())
	assert.Equal(t, want.VATBreakdown, q.VATBreakdown())
	for i, l := range q.Lines() {
		assert.True(t, l.NetAmount.Equal(doc.Lines[i].NetAmount), l.ID)
		assert.Equal(t, q.ID().String()+"/"+l.ID, doc.Lines[i].QuoteLineRef)
	}
	require.Len(t, q.VATBreakdown(), 2)
	assert.Equal(t, tax.ExemptionEU132, q.VATBreakdown()[1].ExemptionReason)
}

// Every fault of an input is reported with its field and a stable code,
// and no quote is made.
func TestNewFaults(t *testing.T) {
	checkFaults(t, []faultCase{
		{"unknown product", alice, onLine(0, func(l *quote.LineInput) { l.ProductID = "nope" }),
			[][2]string{{"lines[0].product_id", validation.CodeUnknown}}},
		{"archived product", alice, onLine(0, func(l *quote.LineInput) { l.ProductID = "legacy"; l.Plan = oneTime("2026-04-01") }),
			[][2]string{{"lines[0].product_id", validation.CodeInactive}}},
		{"inactive price book", alice, func(in *quote.Input) { in.BookID = "old" },
			[][2]string{{"book_id", validation.CodeInactive}}},
		{"unknown price book", alice, func(in *quote.Input) { in.BookID = "vip" },
			[][2]string{{"book_id", validation.CodeUnknown}}},
		{"no price in the currency", alice, func(in *quote.Input) { in.Currency = money.USD },
			[][2]string{{"lines[0].product_id", quote.CodeNoPrice}, {"lines[1].product_id", quote.CodeNoPrice}}},
		{"no price on the date", alice, func(in *quote.Input) { in.Date, in.ValidUntil = day("2025-12-01"), day("2025-12-31") },
			[][2]string{{"lines[0].product_id", quote.CodeNoPrice}, {"lines[1].product_id", quote.CodeNoPrice}}},
		{"milestone amount in another currency", alice, onLine(0, func(l *quote.LineInput) {
			l.Plan = milestones()
			l.Plan.Milestones.Items[0].Share = schedule.Share{Amount: amt("100.00 USD")}
		}), [][2]string{{"lines[0].plan.milestones.items[0].amount", validation.CodeMismatch}}},
		{"plan amount given", alice, onLine(1, func(l *quote.LineInput) { l.Plan.Recurring.Amount = amt("1000.00 EUR") }),
			[][2]string{{"lines[1].plan.recurring.amount", validation.CodeForbidden}}},
		{"plan not the price's billing", alice, onLine(1, func(l *quote.LineInput) { l.Plan = oneTime("2026-04-01") }),
			[][2]string{{"lines[1].plan.kind", quote.CodeBilling}}},
		{"plan interval not the price's", alice, onLine(1, func(l *quote.LineInput) { l.Plan.Recurring.Interval.Unit = schedule.Year }),
			[][2]string{{"lines[1].plan.recurring.interval", quote.CodeBilling}}},
		{"plan missing", alice, onLine(1, func(l *quote.LineInput) { l.Plan = schedule.Plan{} }),
			[][2]string{{"lines[1].plan.kind", validation.CodeRequired}}},
		{"plan invalid", alice, onLine(1, func(l *quote.LineInput) { l.Plan.Recurring.Start = day("2027-05-01") }),
			[][2]string{{"lines[1].plan.recurring.end", validation.CodeOutOfRange}}},
		{"duplicate line", alice, onLine(1, func(l *quote.LineInput) { l.ID = "1" }),
			[][2]string{{"lines[1].id", validation.CodeDuplicate}}},
		{"header", quote.User{}, func(in *quote.Input) {
			in.Number, in.Buyer.Name, in.ValidUntil, in.RoundingMode = "", "", quoteDay.AddDays(-1), "sideways"
		}, [][2]string{{"number", validation.CodeRequired}, {"author.id", validation.CodeRequired}, {"author.level", validation.CodeUnknown},
			{"buyer.name", validation.CodeRequired}, {"valid_until", validation.CodeOutOfRange}, {"rounding_mode", validation.CodeNotAllowed}}},
		{"no lines", alice, func(in *quote.Input) { in.Lines = nil },
			[][2]string{{"lines", validation.CodeRequired}}},
		{"no currency nor dates", alice, func(in *quote.Input) {
			in.Currency, in.Date, in.ValidUntil = money.Currency{}, date.Date{}, date.Date{}
		},
			[][2]string{{"currency", validation.CodeRequired}, {"date", validation.CodeRequired}, {"valid_until", validation.CodeRequired}}},
	})
}

func TestNewNeedsAnID(t *testing.T) {
	_, err := newDesk(t).New([16]byte{}, alice, baseInput())
	requireFaults(t, err, [2]string{"id", validation.CodeRequired})
}

// A catalogue price the quote cannot evaluate is refused with its reason.
func TestNewRefusesPercentagePrices(t *testing.T) {
	cat := newCatalog(t)
	require.NoError(t, cat.AddProduct(catalog.Product{ID: "fee", SKU: "FEE", Name: "Payment fee", Unit: catalog.UnitOne,
		TaxCategory: tax.StandardRate, RateKind: tax.Standard}))
	_, err := cat.AddPrice(catalog.PriceSpec{ID: "fee-std", ProductID: "fee", BookID: "std", Currency: money.EUR,
		EffectiveFrom: day("2026-01-01"), Pricing: catalog.Pricing{Model: catalog.ModelPercentage, Percent: dec("2.9")},
		Billing: catalog.Billing{Kind: catalog.BillingUsage}})
	require.NoError(t, err)
	desk, err := quote.NewDesk(cat, tax.DefaultRates(), testPolicy())
	require.NoError(t, err)
	in := withLine(baseInput(), 1, func(l *quote.LineInput) { l.ProductID, l.Plan = "fee", usageMonthly("2026-04-01") })
	_, err = desk.New(id(1), alice, in)
	requireFaults(t, err, [2]string{"lines[1].product_id", validation.CodeNotAllowed})
}
