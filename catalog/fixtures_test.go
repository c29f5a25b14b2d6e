package catalog_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/tax"
	"github.com/billkit/billkit/validation"
)

// testingT is what the fixtures need of a *testing.T, a *testing.B or a
// *rapid.T.
type testingT interface {
	require.TestingT
	Helper()
}

// d parses a decimal literal of a test.
func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// upTo returns a tier bound.
func upTo(s string) decimal.NullDecimal { return decimal.NewNullDecimal(d(s)) }

// threeTiers are 0–10 at 5, 11–25 at 4 and above 25 at 3.
func threeTiers() []catalog.Tier {
	return []catalog.Tier{
		{UpTo: upTo("10"), UnitPrice: d("5")},
		{UpTo: upTo("25"), UnitPrice: d("4")},
		{UnitPrice: d("3")},
	}
}

// baseProduct returns a valid active product with ID "p1".
func baseProduct() catalog.Product {
	return catalog.Product{
		ID: "p1", SKU: "API-CALLS", Name: "API calls", Unit: catalog.UnitOne,
		TaxCategory: tax.StandardRate, RateKind: tax.Standard,
	}
}

// baseSpec returns a valid per-unit price of product p1 in book std, in
// force from 2026-01-01 without end.
func baseSpec() catalog.PriceSpec {
	return catalog.PriceSpec{
		ID: "v1", ProductID: "p1", BookID: "std", Currency: money.EUR,
		EffectiveFrom: date.MustParse("2026-01-01"),
		Pricing:       catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: d("2.50")},
		Billing:       catalog.Billing{Kind: catalog.BillingUsage},
	}
}

// newPrice builds a valid price in cur with the given pricing.
func newPrice(t testingT, cur money.Currency, pricing catalog.Pricing) catalog.Price {
	t.Helper()
	spec := baseSpec()
	spec.Currency = cur
	spec.Pricing = pricing
	p, err := catalog.NewPrice(spec)
	require.NoError(t, err)
	return p
}

// newCatalog returns a catalog holding product p1 and the active book std.
func newCatalog(t testingT) *catalog.Catalog {
	t.Helper()
	c := catalog.New()
	require.NoError(t, c.AddProduct(baseProduct()))
	require.NoError(t, c.AddBook(catalog.PriceBook{ID: "std", Name: "Standard EUR", Active: true}))
	return c
}

// requireFaults asserts that err is a *validation.Error holding exactly the
// given field/code pairs, in any order.
func requireFaults(t testing.TB, err error, want ...[2]string) {
	t.Helper()
	require.Error(t, err)
	ve := asValidation(t, err)
	got := make([][2]string, 0, len(ve.Faults))
	for _, f := range ve.Faults {
		got = append(got, [2]string{f.Field, f.Code})
	}
	require.ElementsMatch(t, want, got, "faults: %v", err)
}

// asValidation returns err as a *validation.Error.
func asValidation(t testing.TB, err error) *validation.Error {
	t.Helper()
	var ve *validation.Error
	require.ErrorAs(t, err, &ve)
	require.ErrorIs(t, err, validation.ErrInvalid)
	return ve
}
