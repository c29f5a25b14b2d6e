// Package catalog is billkit's pricing catalogue, the single source of truth
// for what is sold and at which price: products (with their unit of measure
// and VAT category), price books, and price versions over time, each with a
// pricing model.
//
// A price version belongs to a product, a price book and a currency, and is
// in force over a half-open period of civil dates [EffectiveFrom,
// EffectiveTo). Versions of the same product, book and currency never
// overlap, so Catalog.PriceAt finds at most one for any day.
//
// Pricing models are flat, per unit, graduated (each unit priced in its
// tier), volume (all units priced at the tier reached), package (blocks of
// units, partial blocks rounded up) and percentage (of a base amount, with a
// minimum and maximum fee per base amount); every model takes an optional
// minimum and maximum charge. A Pricing is a tagged struct, so prices
// round-trip through JSON.
//
// Evaluating a price returns an exact amount, not rounded to the currency's
// precision: invoices round at their own documented steps. The Evaluation
// explains the amount for an invoice line:
//
//	cat := catalog.New()
//	_ = cat.AddProduct(catalog.Product{ID: "p1", SKU: "API", Name: "API calls",
//		Unit: catalog.UnitOne, TaxCategory: tax.StandardRate, RateKind: tax.Standard})
//	_ = cat.AddBook(catalog.PriceBook{ID: "std", Name: "Standard", Active: true})
//	_, err := cat.AddPrice(catalog.PriceSpec{
//		ID: "v1", ProductID: "p1", BookID: "std", Currency: money.EUR,
//		EffectiveFrom: date.MustParse("2026-01-01"),
//		Pricing: catalog.Pricing{Model: catalog.ModelGraduated, Tiers: []catalog.Tier{
//			{UpTo: decimal.NewNullDecimal(decimal.NewFromInt(10)), UnitPrice: decimal.RequireFromString("5")},
//			{UnitPrice: decimal.RequireFromString("4")},
//		}},
//		Billing: catalog.Billing{Kind: catalog.BillingUsage},
//	})
//	price, err := cat.PriceAt("p1", "std", money.EUR, date.MustParse("2026-03-15"))
//	ev, err := price.Evaluate(decimal.NewFromInt(25))
//	fmt.Println(ev) // 0–10 × 5.00 + 11–25 × 4.00 = 110.00 EUR
//
// Bad input is reported as a *validation.Error listing every fault with a
// stable code and a field path; lookups fail with the typed errors of
// errors.go (NotFoundError, NoPriceError, InactiveError).
package catalog
