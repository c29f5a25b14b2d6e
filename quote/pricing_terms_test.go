package quote_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/validation"
)

// How the list price of a quantity appears on an invoice line: the average
// unit price when it is an exact decimal, else the whole amount for the
// whole quantity (base quantity, BT-149).
func TestListUnitPrice(t *testing.T) {
	tests := []struct {
		product, quantity string
		unit, base        string
		net               string
	}{
		{"impl", "2.5", "1000.00 EUR", "", "2500.00 EUR"},
		{"setup", "4", "125.00 EUR", "", "500.00 EUR"},
		{"setup", "3", "500.00 EUR", "3", "500.00 EUR"},
		{"api", "12345", "111.725 EUR", "12345", "111.73 EUR"},
		{"api", "20000", "0.0075 EUR", "", "150.00 EUR"},
		{"api", "7", "0.01 EUR", "", "0.07 EUR"},
	}
	for _, tt := range tests {
		t.Run(tt.product+"×"+tt.quantity, func(t *testing.T) {
			plan := oneTime("2026-04-01")
			if tt.product == "api" {
				plan = usageMonthly("2026-04-01")
			}
			in := baseInput()
			in.Lines = []quote.LineInput{{ID: "1", ProductID: tt.product, Quantity: dec(tt.quantity), Plan: plan}}
			l := newQuote(t, newDesk(t), alice, in).Lines()[0]
			assert.Equal(t, tt.unit, l.UnitPrice.String())
			if tt.base == "" {
				assert.False(t, l.BaseQuantity.Valid)
			} else {
				assert.Equal(t, tt.base, l.BaseQuantity.Decimal.String())
			}
			assert.Equal(t, tt.net, l.NetAmount.String())
		})
	}
}

func TestNegotiatedUnitPrice(t *testing.T) {
	in := withLine(baseInput(), 1, func(l *quote.LineInput) { l.UnitPrice = amt("46.00 EUR") })
	q := newQuote(t, newDesk(t), alice, in)
	seats, ok := q.Line("2")
	require.True(t, ok)
	assert.True(t, seats.Negotiated)
	assert.Equal(t, "46.00 EUR", seats.UnitPrice.String())
	assert.Equal(t, "920.00 EUR", seats.NetAmount.String())
	assert.Equal(t, "8", seats.DiscountPercent.String(), "46 instead of 50")
	assert.Equal(t, "1000.00 EUR", seats.List.Amount.String())
	require.Len(t, q.Requirements(), 1, "8 % is over the 5 % a sales rep grants on seats")
	req := q.Requirements()[0]
	assert.Equal(t, "line 2: discount 8 % is over the author's limit of 5 %, needs sales_manager", req.String())
}

func TestTermsFaults(t *testing.T) {
	checkFaults(t, []faultCase{
		{"discount in another currency", alice, onLine(0, func(l *quote.LineInput) { l.Discount.Amount = amt("10.00 USD") }),
			[][2]string{{"lines[0].discount.amount", validation.CodeMismatch}}},
		{"unit price in another currency", alice, onLine(0, func(l *quote.LineInput) { l.UnitPrice = amt("900.00 GBP") }),
			[][2]string{{"lines[0].unit_price", validation.CodeMismatch}}},
		{"both kinds of discount", alice, onLine(0, func(l *quote.LineInput) {
			l.Discount = quote.Discount{Percent: dec("5"), Amount: amt("10.00 EUR")}
		}), [][2]string{{"lines[0].discount", validation.CodeInvalid}}},
		{"discount with a unit price", alice, onLine(0, func(l *quote.LineInput) {
			l.Discount.Percent, l.UnitPrice = dec("5"), amt("900.00 EUR")
		}), [][2]string{{"lines[0].discount", validation.CodeForbidden}}},
		{"percent over 100", alice, onLine(0, func(l *quote.LineInput) { l.Discount.Percent = dec("100.5") }),
			[][2]string{{"lines[0].discount.percent", validation.CodeOutOfRange}}},
		{"amount with too many decimals", alice, onLine(0, func(l *quote.LineInput) { l.Discount.Amount = amt("10.001 EUR") }),
			[][2]string{{"lines[0].discount.amount", validation.CodeInvalid}}},
		{"amount over the list amount", carol, onLine(0, func(l *quote.LineInput) { l.Discount.Amount = amt("10000.01 EUR") }),
			[][2]string{{"lines[0].discount.amount", validation.CodeOutOfRange}}},
		{"amount off usage", alice, onLine(1, func(l *quote.LineInput) {
			l.ProductID, l.Plan, l.Discount.Amount = "api", usageMonthly("2026-04-01"), amt("1.00 EUR")
		}), [][2]string{{"lines[1].discount.amount", validation.CodeNotAllowed}}},
		{"negative unit price", alice, onLine(0, func(l *quote.LineInput) { l.UnitPrice = amt("-1.00 EUR") }),
			[][2]string{{"lines[0].unit_price", validation.CodeOutOfRange}}},
		{"zero quantity", alice, onLine(0, func(l *quote.LineInput) { l.Quantity = decimal.Zero }),
			[][2]string{{"lines[0].quantity", validation.CodeOutOfRange}}},
		{"quantity with 13 decimals", alice, onLine(0, func(l *quote.LineInput) { l.Quantity = dec("1.0000000000001") }),
			[][2]string{{"lines[0].quantity", validation.CodeOutOfRange}}},
		{"hostile quantity", alice, onLine(0, func(l *quote.LineInput) { l.Quantity = decimal.New(1, -1_000_000_000) }),
			[][2]string{{"lines[0].quantity", validation.CodeOutOfRange}}},
		{"under the floor", carol, onLine(0, func(l *quote.LineInput) { l.UnitPrice = amt("599.99 EUR") }),
			[][2]string{{"lines[0].unit_price", quote.CodeUnderFloor}}},
		{"beyond every level", alice, onLine(1, func(l *quote.LineInput) { l.Discount.Percent = dec("40.01") }),
			[][2]string{{"lines[1].discount", quote.CodeDiscountLimit}}},
	})
}
