package quote_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/schedule"
	"github.com/billkit/billkit/validation"
)

// calculated returns line calculated alone in an invoice in cur.
func calculated(t testingT, line invoice.Line, cur money.Currency) invoice.Line {
	t.Helper()
	doc := invoice.Document{Currency: cur, Lines: []invoice.Line{line}}
	require.NoError(t, doc.Calculate())
	return doc.Lines[0]
}

func month(s string) date.Range { return date.Range{Start: day(s), End: day(s).AddMonths(1)} }

// seatsContract is the contract of 20 seats at 12 % off, billed monthly
// under plan.
func seatsContract(t *testing.T, plan schedule.Plan) quote.ContractLine {
	t.Helper()
	in := baseInput()
	in.Lines = []quote.LineInput{{ID: "7", ProductID: "saas", Quantity: dec("20"), Discount: quote.Discount{Percent: dec("12")}, Plan: plan}}
	_, c := acceptedContract(t, bob, in)
	return c.Lines[0]
}

// A full period is billed at exactly the negotiated terms.
func TestInvoiceLineFullPeriod(t *testing.T) {
	l := seatsContract(t, monthly("2026-04-01", 12))
	charges, err := l.Charges(month("2026-04-01"), schedule.Inputs{})
	require.NoError(t, err)
	require.Len(t, charges, 1)
	assert.Equal(t, "880.00 EUR", charges[0].Amount.String())

	line, err := l.InvoiceLine("INV-1", charges[0])
	require.NoError(t, err)
	assert.Equal(t, "INV-1", line.ID)
	assert.Equal(t, "Platform seats", line.Name)
	assert.Equal(t, "20", line.Quantity.String())
	assert.Equal(t, "C62", line.UnitCode)
	assert.Equal(t, "50.00 EUR", line.UnitPrice.String())
	require.Len(t, line.Allowances, 1)
	assert.Equal(t, invoice.LineAllowanceCharge{Percent: dec("12"), Reason: quote.DiscountReason, ReasonCode: quote.DiscountReasonCode},
		line.Allowances[0])
	assert.Empty(t, line.Charges)
	assert.Equal(t, charges[0].Period, line.Period)
	assert.Equal(t, l.Ref(), line.ContractLineRef)
	assert.Equal(t, l.QuoteLineRef(), line.QuoteLineRef)
	assert.Equal(t, "880.00 EUR", calculated(t, line, money.EUR).NetAmount.String())
}

// A charge that is not one whole billing keeps the negotiated terms and
// adds an allowance or a charge that brings the line to its amount.
func TestInvoiceLineAdjusted(t *testing.T) {
	calendar := monthly("2026-04-15", 0)
	calendar.Recurring.Alignment = schedule.AlignCalendar
	l := seatsContract(t, calendar)
	charges, err := l.Charges(month("2026-04-01"), schedule.Inputs{})
	require.NoError(t, err)
	require.Len(t, charges, 1)
	credit := schedule.Charge{
		Period: date.Range{Start: day("2026-05-20"), End: day("2026-06-01")}, BillingDate: day("2026-05-20"),
		Amount: amt("-200.00 EUR"), Explanation: schedule.Explanation{Basis: schedule.BasisCredit, Base: amt("880.00 EUR"),
			Part: dec("12"), Whole: dec("31"), Span: date.Range{Start: day("2026-05-20"), End: day("2026-06-01")}},
	}
	tests := []struct {
		name      string
		charge    schedule.Charge
		quantity  string
		allowance string // the adjustment allowance, if any
		extra     string // the adjustment charge, if any
		reason    string
	}{
		{"prorated", charges[0], "20", "410.67 EUR", "", "Billed as 880.00 EUR × 16/30 days (2026-04-15..2026-04-30)"},
		{"credit", credit, "-20", "", "680.00 EUR", "Billed as credit for unused 880.00 EUR × 12/31 days (2026-05-20..2026-05-31)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line, err := l.InvoiceLine("1", tt.charge)
			require.NoError(t, err)
			assert.Equal(t, tt.quantity, line.Quantity.String())
			assert.Equal(t, "12", line.Allowances[0].Percent.String(), "the negotiated discount stays")
			if tt.allowance != "" {
				require.Len(t, line.Allowances, 2)
				assert.Equal(t, tt.allowance, line.Allowances[1].Amount.String())
				assert.Equal(t, tt.reason, line.Allowances[1].Reason)
			} else {
				require.Len(t, line.Charges, 1)
				assert.Equal(t, tt.extra, line.Charges[0].Amount.String())
				assert.Equal(t, tt.reason, line.Charges[0].Reason)
			}
			assert.True(t, tt.charge.Amount.Equal(calculated(t, line, money.EUR).NetAmount))
		})
	}
}

// usageContract is the contract of API calls at 10 % off, or at a
// negotiated unit price when price is set.
func usageContract(t *testing.T, price string) quote.ContractLine {
	t.Helper()
	in := baseInput()
	li := quote.LineInput{ID: "9", ProductID: "api", Quantity: dec("20000"), Plan: usageMonthly("2026-04-01")}
	if price == "" {
		li.Discount.Percent = dec("10")
	} else {
		li.UnitPrice = amt(price)
	}
	in.Lines = []quote.LineInput{li}
	_, c := acceptedContract(t, carol, in)
	return c.Lines[0]
}

// Usage is priced at the negotiated terms with the price of the quote date,
// and billed for the quantity used.
func TestInvoiceLineUsage(t *testing.T) {
	records := schedule.UsageRecords{{Date: day("2026-04-05"), Quantity: dec("12000")}, {Date: day("2026-04-20"), Quantity: dec("345")}}
	tests := []struct {
		name, price, window string
		amount, quantity    string
		unit, unitCode      string
	}{
		{"discount", "", "2026-05-01", "100.56 EUR", "12345", "111.725 EUR", "C62"},
		{"unit price", "0.008 EUR", "2026-05-01", "98.76 EUR", "12345", "0.008 EUR", "C62"},
		{"nothing used", "", "2026-06-01", "0.00 EUR", "1", "0.00 EUR", "LS"},
		{"nothing used at a unit price", "0.008 EUR", "2026-06-01", "0.00 EUR", "1", "0.00 EUR", "LS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := usageContract(t, tt.price)
			charges, err := l.Charges(month(tt.window), schedule.Inputs{Usage: records})
			require.NoError(t, err)
			require.Len(t, charges, 1)
			assert.Equal(t, tt.amount, charges[0].Amount.String())
			line, err := l.InvoiceLine("1", charges[0])
			require.NoError(t, err)
			assert.Equal(t, tt.quantity, line.Quantity.String())
			assert.Equal(t, tt.unit, line.UnitPrice.String())
			assert.Equal(t, tt.unitCode, line.UnitCode)
			assert.Empty(t, line.Charges)
			assert.LessOrEqual(t, len(line.Allowances), 1, "no adjustment: the pricer is the invoice calculation")
			assert.Equal(t, tt.amount, calculated(t, line, money.EUR).NetAmount.String())
		})
	}
}

func TestUsagePricer(t *testing.T) {
	p := usageContract(t, "").Pricer()
	a, err := p.Amount(dec("20000"))
	require.NoError(t, err)
	assert.Equal(t, "135.00 EUR", a.String(), "150.00 less 10 %")
	_, err = p.Amount(dec("-1"))
	requireFaults(t, err, [2]string{"quantity", validation.CodeOutOfRange})
	_, err = p.Amount(decimal.New(1, -100))
	requireFaults(t, err, [2]string{"quantity", validation.CodeOutOfRange})
}

func TestContractLineFaults(t *testing.T) {
	l := usageContract(t, "")
	_, err := l.Charges(month("2026-04-01"), schedule.Inputs{Usage: schedule.UsageRecords{}, Pricer: catalog.Price{}})
	requireFaults(t, err, [2]string{"inputs.pricer", validation.CodeForbidden})
	_, err = l.InvoiceLine("1", schedule.Charge{Amount: amt("1.00 USD")})
	requireFaults(t, err, [2]string{"charge.amount", validation.CodeMismatch})
}
