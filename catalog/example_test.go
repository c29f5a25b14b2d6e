package catalog_test

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/tax"
)

// examplePrice builds a usage price in cur for the examples.
func examplePrice(cur money.Currency, pricing catalog.Pricing) catalog.Price {
	p, err := catalog.NewPrice(catalog.PriceSpec{
		ID: "price-1", ProductID: "api", BookID: "standard", Currency: cur,
		EffectiveFrom: date.MustParse("2026-01-01"),
		Pricing:       pricing,
		Billing:       catalog.Billing{Kind: catalog.BillingUsage},
	})
	if err != nil {
		fmt.Println(err)
	}
	return p
}

func bound(n int64) decimal.NullDecimal { return decimal.NewNullDecimal(decimal.NewFromInt(n)) }

// A graduated price charges each unit at the price of the tier it falls in.
func ExamplePrice_Evaluate() {
	price := examplePrice(money.EUR, catalog.Pricing{
		Model: catalog.ModelGraduated,
		Tiers: []catalog.Tier{
			{UpTo: bound(10), UnitPrice: decimal.RequireFromString("5.00")},
			{UpTo: bound(25), UnitPrice: decimal.RequireFromString("4.00")},
			{UnitPrice: decimal.RequireFromString("3.00")},
		},
	})
	for _, q := range []int64{0, 10, 25, 30} {
		ev, err := price.Evaluate(decimal.NewFromInt(q))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(ev)
	}
	// Output:
	// quantity 0 = 0.00 EUR
	// 0–10 × 5.00 = 50.00 EUR
	// 0–10 × 5.00 + 11–25 × 4.00 = 110.00 EUR
	// 0–10 × 5.00 + 11–25 × 4.00 + 26–30 × 3.00 = 125.00 EUR
}

// A flat price charges the same amount whatever the quantity.
func ExamplePrice_Evaluate_flat() {
	price := examplePrice(money.EUR, catalog.Pricing{Model: catalog.ModelFlat, FlatAmount: decimal.RequireFromString("49")})
	ev, _ := price.Evaluate(decimal.Zero)
	fmt.Println(ev)
	// Output: flat 49.00 = 49.00 EUR
}

// A per-unit price may have more decimals than its currency: the amount is
// exact, and the invoice rounds it.
func ExamplePrice_Evaluate_perUnit() {
	price := examplePrice(money.EUR, catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: decimal.RequireFromString("0.0015")})
	ev, _ := price.Evaluate(decimal.NewFromInt(12345))
	fmt.Println(ev)
	// Output: 12345 × 0.0015 = 18.5175 EUR
}

// A volume price charges every unit at the tier the whole quantity reaches.
func ExamplePrice_Evaluate_volume() {
	price := examplePrice(money.JPY, catalog.Pricing{
		Model: catalog.ModelVolume,
		Tiers: []catalog.Tier{
			{UpTo: bound(100), UnitPrice: decimal.NewFromInt(150)},
			{UnitPrice: decimal.NewFromInt(120), FlatFee: decimal.NewFromInt(1000)},
		},
	})
	for _, q := range []int64{100, 101} {
		ev, _ := price.Evaluate(decimal.NewFromInt(q))
		fmt.Println(ev)
	}
	// Output:
	// 100 × 150 (tier 1) = 15000 JPY
	// 101 × 120 (tier 2) + flat 1000 = 13120 JPY
}

// A package price sells blocks of units; a started block is charged whole.
func ExamplePrice_Evaluate_package() {
	price := examplePrice(money.KWD, catalog.Pricing{
		Model:        catalog.ModelPackage,
		PackageSize:  decimal.NewFromInt(1000),
		PackagePrice: decimal.RequireFromString("1.5"),
	})
	ev, _ := price.Evaluate(decimal.NewFromInt(2001))
	fmt.Println(ev)
	// Output: 3 packs × 1.500 (2001 in packs of 1000) = 4.500 KWD
}

// Every model takes a minimum and a maximum charge.
func ExamplePrice_Evaluate_minimumCharge() {
	price := examplePrice(money.USD, catalog.Pricing{
		Model:     catalog.ModelPerUnit,
		UnitPrice: decimal.RequireFromString("0.10"),
		MinCharge: decimal.NewNullDecimal(decimal.NewFromInt(5)),
	})
	ev, _ := price.Evaluate(decimal.NewFromInt(20))
	fmt.Println(ev)
	fmt.Println(ev.Limit)
	// Output:
	// 20 × 0.10 = 2.00, minimum charge 5.00 USD
	// minimum
}

// A percentage price charges a share of each base amount, such as each
// payment processed, within a minimum and a maximum fee.
func ExamplePrice_EvaluateBase() {
	price := examplePrice(money.EUR, catalog.Pricing{
		Model:   catalog.ModelPercentage,
		Percent: decimal.RequireFromString("1.4"),
		MinFee:  decimal.NewNullDecimal(decimal.RequireFromString("0.25")),
	})
	ev, err := price.EvaluateBase(money.MustParse("120.00 EUR"), money.MustParse("9.90 EUR"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ev)
	// Output: 1.4% of 120.00 + 1.4% of 9.90 (minimum fee 0.25) = 1.93 EUR
}

// Amount returns only the amount: it is what usage billing calls.
func ExamplePrice_Amount() {
	price := examplePrice(money.EUR, catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: decimal.RequireFromString("0.12")})
	amount, _ := price.Amount(decimal.RequireFromString("1234.5"))
	fmt.Println(amount)
	_, err := price.Amount(decimal.NewFromInt(-1))
	fmt.Println(err)
	// Output:
	// 148.14 EUR
	// invalid input: quantity: must not be negative (out_of_range)
}

// PriceAt finds the version of a price in force on a day.
func ExampleCatalog_PriceAt() {
	cat := catalog.New()
	_ = cat.AddProduct(catalog.Product{ID: "seat", SKU: "SEAT", Name: "Seat licence",
		Unit: catalog.UnitOne, TaxCategory: tax.StandardRate, RateKind: tax.Standard})
	_ = cat.AddBook(catalog.PriceBook{ID: "standard", Name: "Standard EUR", Active: true})
	monthly := catalog.Billing{Kind: catalog.BillingRecurring,
		Interval: catalog.Interval{Unit: catalog.IntervalMonth, Count: 1}}
	for _, v := range []struct {
		id, from, to, price string
	}{
		{"seat-2026", "2026-01-01", "2027-01-01", "30"},
		{"seat-2027", "2027-01-01", "", "33"},
	} {
		spec := catalog.PriceSpec{ID: v.id, ProductID: "seat", BookID: "standard", Currency: money.EUR,
			EffectiveFrom: date.MustParse(v.from),
			Pricing:       catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: decimal.RequireFromString(v.price)},
			Billing:       monthly}
		if v.to != "" {
			spec.EffectiveTo = date.MustParse(v.to)
		}
		if _, err := cat.AddPrice(spec); err != nil {
			fmt.Println(err)
			return
		}
	}

	for _, day := range []string{"2026-12-31", "2027-01-01", "2025-06-01"} {
		price, err := cat.PriceAt("seat", "standard", money.EUR, date.MustParse(day))
		if errors.Is(err, catalog.ErrNoPrice) {
			fmt.Println(day, "no price")
			continue
		}
		amount, _ := price.Amount(decimal.NewFromInt(10))
		fmt.Println(day, price.ID(), price.Period(), price.Billing().Interval, "10 seats:", amount)
	}

	// An overlapping version is refused, naming the version it overlaps.
	_, err := cat.AddPrice(catalog.PriceSpec{ID: "promo", ProductID: "seat", BookID: "standard", Currency: money.EUR,
		EffectiveFrom: date.MustParse("2026-12-01"), EffectiveTo: date.MustParse("2027-02-01"),
		Pricing: catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: decimal.NewFromInt(25)}, Billing: monthly})
	fmt.Println(err)
	// Output:
	// 2026-12-31 seat-2026 2026-01-01..2026-12-31 1 month 10 seats: 300.00 EUR
	// 2027-01-01 seat-2027 from 2027-01-01 1 month 10 seats: 330.00 EUR
	// 2025-06-01 no price
	// invalid input: effective_from: period 2026-12-01..2027-01-31 overlaps price version "seat-2026" in force 2026-01-01..2026-12-31 (overlap); effective_from: period 2026-12-01..2027-01-31 overlaps price version "seat-2027" in force from 2027-01-01 (overlap)
}

// Archiving a product keeps its prices readable, but PriceAt reports it.
func ExampleCatalog_ArchiveProduct() {
	cat := catalog.New()
	_ = cat.AddProduct(catalog.Product{ID: "legacy", SKU: "LEGACY", Name: "Legacy plan",
		Unit: catalog.UnitMonth, TaxCategory: tax.StandardRate, RateKind: tax.Standard})
	_ = cat.AddBook(catalog.PriceBook{ID: "standard", Name: "Standard EUR", Active: true})
	_, _ = cat.AddPrice(catalog.PriceSpec{ID: "legacy-1", ProductID: "legacy", BookID: "standard", Currency: money.EUR,
		EffectiveFrom: date.MustParse("2026-01-01"),
		Pricing:       catalog.Pricing{Model: catalog.ModelFlat, FlatAmount: decimal.NewFromInt(10)},
		Billing:       catalog.Billing{Kind: catalog.BillingOneTime}})

	_ = cat.ArchiveProduct("legacy")
	price, err := cat.PriceAt("legacy", "standard", money.EUR, date.MustParse("2026-05-01"))
	fmt.Println(err)
	fmt.Println(errors.Is(err, catalog.ErrInactive), price.ID())
	// Output:
	// catalog: product "legacy" is archived
	// true legacy-1
}

// Replacing a price: close the current version, then add the next one.
func ExampleCatalog_ClosePrice() {
	cat := catalog.New()
	_ = cat.AddProduct(catalog.Product{ID: "kwh", SKU: "KWH", Name: "Energy",
		Unit: catalog.UnitKilowattHour, TaxCategory: tax.StandardRate, RateKind: tax.Standard})
	_ = cat.AddBook(catalog.PriceBook{ID: "standard", Name: "Standard EUR", Active: true})
	spec := catalog.PriceSpec{ID: "kwh-1", ProductID: "kwh", BookID: "standard", Currency: money.EUR,
		EffectiveFrom: date.MustParse("2026-01-01"),
		Pricing:       catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: decimal.RequireFromString("0.2516")},
		Billing:       catalog.Billing{Kind: catalog.BillingUsage}}
	_, _ = cat.AddPrice(spec)

	closed, _ := cat.ClosePrice("kwh-1", date.MustParse("2026-08-01"))
	spec.ID, spec.EffectiveFrom = "kwh-2", date.MustParse("2026-08-01")
	spec.Pricing.UnitPrice = decimal.RequireFromString("0.1952")
	next, err := cat.AddPrice(spec)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(closed.ID(), closed.Period())
	fmt.Println(next.ID(), next.Period())
	// Output:
	// kwh-1 2026-01-01..2026-07-31
	// kwh-2 from 2026-08-01
}

// NewPrice reports every fault of a specification at once, with field paths.
func ExampleNewPrice() {
	_, err := catalog.NewPrice(catalog.PriceSpec{
		ID: "p", ProductID: "api", BookID: "standard", Currency: money.EUR,
		EffectiveFrom: date.MustParse("2026-01-01"),
		Pricing: catalog.Pricing{Model: catalog.ModelGraduated, Tiers: []catalog.Tier{
			{UpTo: bound(100), UnitPrice: decimal.NewFromInt(1)},
			{UpTo: bound(50), UnitPrice: decimal.NewFromInt(-1)},
		}},
		Billing: catalog.Billing{Kind: catalog.BillingRecurring},
	})
	fmt.Println(err)
	// Output: invalid input: pricing.tiers[1].up_to: must be empty: the last tier is open-ended (forbidden); pricing.tiers[1].unit_price: must not be negative (out_of_range); billing.interval: is required for recurring billing (required)
}
