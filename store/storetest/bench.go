package storetest

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/tax"
)

// IDs returns n UUIDv7-shaped IDs in ascending order, as the engine's
// IDs sort, for tests and benchmarks that fill a store.
func IDs(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("019d0000-0000-7000-8000-%012d", i)
	}
	return ids
}

// SubscriptionInvoice returns a calculated three-line draft invoice, the
// size of a typical subscription invoice, for benchmarks of stores.
func SubscriptionInvoice(tb testing.TB) invoice.Snapshot {
	tb.Helper()
	vat := invoice.VAT{Category: tax.StandardRate, Rate: decimal.NewFromInt(20)}
	doc := invoice.Document{Currency: money.EUR, DueDate: date.MustParse("2026-04-01"),
		Seller: invoice.Party{Name: "Atelier Numérique SAS", Address: invoice.Address{City: "Paris", Country: "FR"}},
		Buyer:  invoice.Party{Name: "Boulangerie Martin SARL", Address: invoice.Address{City: "Lyon", Country: "FR"}}}
	for i, price := range []string{"49.00 EUR", "120.00 EUR", "9.90 EUR"} {
		doc.Lines = append(doc.Lines, invoice.Line{ID: strconv.Itoa(i + 1), Name: "Plan " + strconv.Itoa(i+1),
			Quantity: decimal.NewFromInt(int64(i + 1)), UnitCode: "MON", UnitPrice: money.MustParse(price), VAT: vat})
	}
	inv, err := invoice.NewDraft(uuid.MustParse(IDs(1)[0]), doc)
	require.NoError(tb, err)
	return inv.Snapshot()
}
