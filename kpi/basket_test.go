package kpi_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/kpi"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// snapshot returns the snapshot of an issued document (number "" for a
// draft) to buyer, with the given total without VAT.
func snapshot(typ invoice.DocumentType, number, issued, buyer, net string) invoice.Snapshot {
	a := amt(net)
	return invoice.Snapshot{ID: testID(len(number)), Status: invoice.StatusIssued, Document: invoice.Document{
		Type: typ, Number: number, IssueDate: day(issued), Currency: a.Currency(),
		Buyer: invoice.Party{Name: buyer}, Totals: invoice.Totals{TaxExclusive: a}}}
}

// marchSales are the documents of the basket tests; March 2026 counts
// F1, F2, F3 and the credit note A1.
func marchSales() []invoice.Snapshot {
	inv, cn := invoice.TypeCommercialInvoice, invoice.TypeCreditNote
	draft := snapshot(inv, "", "2026-03-05", "Acme", "999.00 EUR")
	draft.Status = invoice.StatusDraft
	return []invoice.Snapshot{
		snapshot(inv, "F0", "2026-02-27", "Globex", "500.00 EUR"), // February
		snapshot(inv, "F1", "2026-03-02", "Acme", "100.00 EUR"),
		snapshot(inv, "F2", "2026-03-10", "Acme", "250.00 EUR"),
		draft, // never issued
		snapshot(inv, "F3", "2026-03-20", "Globex", "80.00 EUR"),
		snapshot(cn, "A1", "2026-03-25", "Acme", "30.00 EUR"),   // credits F2
		snapshot(cn, "A2", "2026-04-02", "Globex", "10.00 EUR"), // April
	}
}

func TestBasket(t *testing.T) {
	tests := []struct {
		name                      string
		from, to                  string
		invoices, credits, buyers int
		invoiced, credited, net   string
		average, frequency        string
	}{
		// 100 + 250 + 80 = 430 invoiced, 30 credited, net 400;
		// 400 ÷ 3 = 133.333… -> 133.33; 3 invoices ÷ 2 customers = 1.5.
		{"March", "2026-03-01", "2026-04-01", 3, 1, 2, "430.00 EUR", "30.00 EUR", "400.00 EUR", "133.33 EUR", "1.5"},
		// F0 + F1 + F2 + F3 = 930, A1 30, A2 10: net 890 ÷ 4 = 222.50; 4 ÷ 2 = 2.
		{"first half", "2026-01-01", "2026-07-01", 4, 2, 2, "930.00 EUR", "40.00 EUR", "890.00 EUR", "222.50 EUR", "2"},
		// F1 and F2 only: 350 ÷ 2 = 175; 2 ÷ 1 = 2.
		{"first ten days", "2026-03-01", "2026-03-11", 2, 0, 1, "350.00 EUR", "0 EUR", "350.00 EUR", "175.00 EUR", "2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := kpi.Basket(marchSales(), period(tt.from, tt.to))
			require.NoError(t, err)
			assert.Equal(t, money.EUR, r.Currency)
			assert.Equal(t, tt.invoices, r.Invoices)
			assert.Equal(t, tt.credits, r.CreditNotes)
			assert.Equal(t, tt.buyers, r.Customers)
			assert.True(t, r.Invoiced.Equal(amt(tt.invoiced)), "invoiced %s", r.Invoiced)
			assert.True(t, r.Credited.Equal(amt(tt.credited)), "credited %s", r.Credited)
			assert.True(t, r.Net.Equal(amt(tt.net)), "net %s", r.Net)
			assert.Equal(t, tt.average, r.AverageBasket.String())
			assert.True(t, r.PurchaseFrequency.Equal(dec(tt.frequency)), "frequency %s", r.PurchaseFrequency)
		})
	}
}

func TestBasketErrors(t *testing.T) {
	_, err := kpi.Basket(marchSales(), period("2025-01-01", "2025-02-01"))
	assert.ErrorIs(t, err, kpi.ErrNoInvoices)
	assert.ErrorIs(t, err, kpi.ErrUndefined)

	docs := append(marchSales(), snapshot(invoice.TypeCommercialInvoice, "F9", "2026-03-30", "Hooli", "10.00 USD"))
	_, err = kpi.Basket(docs, period("2026-03-01", "2026-04-01"))
	var ce *kpi.CurrencyError
	require.True(t, errors.As(err, &ce), "got %v", err)
	assert.Equal(t, "snapshots[7].document.currency", ce.Field)

	// Outside the period, the dollar invoice does not count.
	_, err = kpi.Basket(docs, period("2026-03-01", "2026-03-30"))
	require.NoError(t, err)

	var ve *validation.Error
	_, err = kpi.Basket(docs, period("2026-03-01", "2026-03-01"))
	require.True(t, errors.As(err, &ve), "got %v", err)
	assert.True(t, ve.Has("period", validation.CodeInvalid))

	bad := marchSales()
	bad[1].Document.Buyer = invoice.Party{}
	bad[2].Document.Type = "999"
	bad[4].Document.Currency = money.Currency{}
	_, err = kpi.Basket(bad, period("2026-03-01", "2026-04-01"))
	require.True(t, errors.As(err, &ve), "got %v", err)
	assert.True(t, ve.Has("snapshots[1].document.buyer", validation.CodeRequired), "%v", err)
	assert.True(t, ve.Has("snapshots[2].document.type", validation.CodeNotAllowed), "%v", err)
	assert.True(t, ve.Has("snapshots[4].document.currency", validation.CodeRequired), "%v", err)
}
