package quote_test

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/schedule"
)

// A negotiated discount billed by milestones goes from the quote, through
// approval and acceptance, to the contract and its invoices without losing
// a cent: the schedule bills the negotiated amount, and each invoice line
// carries the negotiated price and discount and calculates to its charge.
func TestNegotiatedMilestonesReachTheInvoices(t *testing.T) {
	desk := newDesk(t)
	in := baseInput()
	in.Lines = []quote.LineInput{{ID: "impl", ProductID: "impl", Quantity: dec("7.5"),
		Discount: quote.Discount{Percent: dec("13.3")}, Plan: milestones()}}

	// Quote: 7.5 days × 1000.00 = 7500.00, less 13.3 % (997.50) = 6502.50.
	q, err := desk.New(id(1), alice, in)
	require.NoError(t, err)
	line, _ := q.Line("impl")
	require.Equal(t, "6502.50 EUR", line.NetAmount.String())
	require.Equal(t, "1300.50 EUR", q.Totals().VAT.String())
	require.Equal(t, []string{"sales_manager"}, q.RequiredLevels(), "13.3 % is over a sales rep's 10 %")

	// It cannot be sent before a manager approves it.
	require.ErrorIs(t, q.Send(day("2026-03-03")), quote.ErrApprovalRequired)
	require.NoError(t, q.Submit())
	require.NoError(t, q.Approve(bob, approvedAt))
	require.NoError(t, q.Send(day("2026-03-03")))
	contract, err := q.Accept(id(9), day("2026-03-10"))
	require.NoError(t, err)
	cl, ok := contract.Line("impl")
	require.True(t, ok)
	assert.Equal(t, "13.3", cl.Discount.Percent.String())
	assert.Equal(t, "1000.00 EUR", cl.UnitPrice.String())
	assert.Equal(t, "7.5", cl.Quantity.String())
	assert.Equal(t, "6502.50 EUR", cl.Plan.Milestones.Total.String())

	// The schedule bills the negotiated amount, to the cent.
	reached := map[string]date.Date{
		"Kick-off": day("2026-03-16"), "Delivery": day("2026-05-04"), "Acceptance": day("2026-06-30"),
	}
	charges, err := cl.Charges(date.Range{Start: day("2026-03-01"), End: day("2027-01-01")}, schedule.Inputs{Reached: reached})
	require.NoError(t, err)
	want := []struct{ label, amount, vat, total string }{
		{"Kick-off", "1950.75 EUR", "390.15 EUR", "2340.90 EUR"},
		{"Delivery", "2601.00 EUR", "520.20 EUR", "3121.20 EUR"},
		{"Acceptance", "1950.75 EUR", "390.15 EUR", "2340.90 EUR"},
	}
	require.Len(t, charges, len(want))
	billed, vat := money.Zero(money.EUR), money.Zero(money.EUR)

	// Each charge becomes an invoice with the negotiated terms.
	for i, c := range charges {
		assert.Equal(t, want[i].label, c.Label)
		assert.Equal(t, want[i].amount, c.Amount.String())
		il, err := cl.InvoiceLine(strconv.Itoa(i+1), c)
		require.NoError(t, err)
		assert.Equal(t, "7.5", il.Quantity.String())
		assert.Equal(t, "DAY", il.UnitCode)
		assert.Equal(t, "1000.00 EUR", il.UnitPrice.String())
		require.Len(t, il.Allowances, 2)
		assert.Equal(t, "13.3", il.Allowances[0].Percent.String())
		assert.Equal(t, quote.DiscountReasonCode, il.Allowances[0].ReasonCode)
		assert.Equal(t, c.Label+", billed as "+c.Explanation.String(), il.Allowances[1].Reason)
		assert.Equal(t, cl.Ref(), il.ContractLineRef)
		assert.Equal(t, q.ID().String()+"/impl", il.QuoteLineRef)

		doc := invoice.Document{
			Type: invoice.TypeCommercialInvoice, Currency: contract.Currency, Seller: contract.Seller, Buyer: contract.Buyer,
			DueDate: c.BillingDate.AddDays(30), DeliveryDate: c.BillingDate, ContractRef: contract.ID.String(),
			Legal:   invoice.FrenchB2BMentions(dec("12.15")),
			Pricing: invoice.Pricing{RoundingMode: contract.RoundingMode},
			Lines:   []invoice.Line{il},
		}
		require.NoError(t, doc.Calculate())
		require.NoError(t, doc.ValidateDraft(), "an EN 16931 invoice but for its number and issue date")
		assert.Equal(t, want[i].amount, doc.Lines[0].NetAmount.String())
		assert.Equal(t, want[i].vat, doc.Totals.VAT.String())
		assert.Equal(t, want[i].total, doc.Totals.TaxInclusive.String())
		billed, _ = billed.Add(doc.Totals.TaxExclusive)
		vat, _ = vat.Add(doc.Totals.VAT)
	}
	assert.Equal(t, "6502.50 EUR", billed.String(), "the invoices bill the negotiated amount")
	assert.Equal(t, q.Totals().VAT.String(), vat.String(), "and the VAT of the quote")
}
