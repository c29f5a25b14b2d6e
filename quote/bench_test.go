package quote_test

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/schedule"
)

// Sinks keep the compiler from optimising the benchmarked calls away.
var (
	quoteSink  *quote.Quote
	lineSink   invoice.Line
	amountSink money.Amount
)

// twentyLines is a quote of 20 lines of every kind of product and term.
func twentyLines() quote.Input {
	in := baseInput()
	in.Lines = nil
	for i := range 20 {
		l := quote.LineInput{ID: strconv.Itoa(i + 1), Quantity: dec(strconv.Itoa(i + 1))}
		switch i % 4 {
		case 0:
			l.ProductID, l.Plan, l.Discount.Percent = "impl", milestones(), dec("12.5")
		case 1:
			l.ProductID, l.Plan, l.UnitPrice = "saas", monthly("2026-04-01", 12), amt("47.50 EUR")
		case 2:
			l.ProductID, l.Plan, l.Discount.Amount = "setup", oneTime("2026-04-01"), amt("25.00 EUR")
		case 3:
			l.ProductID, l.Plan, l.Quantity = "api", usageMonthly("2026-04-01"), dec(strconv.Itoa(1000*i+345))
		}
		in.Lines = append(in.Lines, l)
	}
	return in
}

func BenchmarkNew20Lines(b *testing.B) {
	desk := newDesk(b)
	in := twentyLines()
	_, err := desk.New(id(1), alice, in)
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		quoteSink, _ = desk.New(id(1), alice, in)
	}
}

func BenchmarkInvoiceLineMilestone(b *testing.B) {
	_, c := acceptedContract(b, carol, baseInput())
	l := c.Lines[0]
	charges, err := l.Charges(month("2026-03-01"), schedule.Inputs{Reached: map[string]date.Date{"Kick-off": day("2026-03-16")}})
	require.NoError(b, err)
	require.Len(b, charges, 1)
	b.ReportAllocs()
	for b.Loop() {
		lineSink, _ = l.InvoiceLine("1", charges[0])
	}
}

func BenchmarkUsagePricer(b *testing.B) {
	in := baseInput()
	in.Lines = []quote.LineInput{{ID: "1", ProductID: "api", Quantity: dec("20000"),
		Discount: quote.Discount{Percent: dec("10")}, Plan: usageMonthly("2026-04-01")}}
	_, c := acceptedContract(b, alice, in)
	p := c.Lines[0].Pricer()
	q := dec("123456")
	b.ReportAllocs()
	for b.Loop() {
		amountSink, _ = p.Amount(q)
	}
}
