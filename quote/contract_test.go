package quote_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/schedule"
	"github.com/billkit/billkit/tax"
)

// installments is a plan template: 40 % on start, the rest two months
// later.
func installments() schedule.Plan {
	return schedule.Plan{Kind: schedule.KindInstallments, Installments: &schedule.Installments{Items: []schedule.Installment{
		{Label: "Balance", Date: day("2026-06-01"), Share: schedule.Share{Rest: true}},
		{Label: "Deposit", Date: day("2026-04-01"), Share: schedule.Share{Percent: dec("40")}},
	}}}
}

// allKinds is a quote with a line of every kind of plan.
func allKinds() quote.Input {
	in := baseInput()
	in.Lines = append(in.Lines,
		quote.LineInput{ID: "3", ProductID: "setup", Quantity: dec("1"), Plan: oneTime("2026-04-01")},
		quote.LineInput{ID: "4", ProductID: "course", Quantity: dec("3"), ExemptionReason: tax.ExemptionEU132, Plan: installments()},
		quote.LineInput{ID: "5", ProductID: "api", Quantity: dec("50000"), Discount: quote.Discount{Percent: dec("10")}, Plan: usageMonthly("2026-04-01")},
	)
	return in
}

// acceptedContract prices in, sends it on the quote date and accepts it on
// 2026-03-10.
func acceptedContract(t testingT, author quote.User, in quote.Input) (*quote.Quote, *quote.Contract) {
	t.Helper()
	q := newQuote(t, newDesk(t), author, in)
	require.NoError(t, q.Send(quoteDay))
	c, err := q.Accept(id(9), day("2026-03-10"))
	require.NoError(t, err)
	return q, c
}

func TestAcceptMakesTheContract(t *testing.T) {
	q, c := acceptedContract(t, alice, allKinds())
	assert.Equal(t, quote.StatusAccepted, q.Status())
	assert.Equal(t, id(9), c.ID)
	assert.Equal(t, q.ID(), c.QuoteID)
	assert.Equal(t, "Q-2026-0001", c.QuoteNumber)
	assert.Equal(t, 1, c.QuoteRevision)
	assert.Equal(t, day("2026-03-10"), c.AcceptedOn)
	assert.Equal(t, buyer(), c.Buyer)
	assert.Equal(t, "std", c.BookID)
	require.Len(t, c.Lines, len(q.Lines()))
	for i, ql := range q.Lines() {
		cl := c.Lines[i]
		assert.Equal(t, ql.ID, cl.ID)
		assert.Equal(t, ql.Terms, cl.Terms, "the negotiated terms")
		assert.True(t, ql.NetAmount.Equal(cl.NetAmount))
		assert.Equal(t, ql.Plan, cl.Plan)
		assert.Equal(t, id(9), cl.ContractID)
		assert.Equal(t, q.ID(), cl.QuoteID)
		assert.Equal(t, 1, cl.QuoteRevision)
		assert.Equal(t, ql.ID, cl.QuoteLineID)
		assert.Equal(t, id(9).String()+"/"+cl.ID, cl.Ref())
		assert.Equal(t, q.ID().String()+"/"+ql.ID, cl.QuoteLineRef())
	}
	api, ok := c.Line("5")
	require.True(t, ok)
	assert.Equal(t, "10", api.Discount.Percent.String())
	assert.Equal(t, "api-std", api.Price.ID())
	_, ok = c.Line("nope")
	assert.False(t, ok)
}

// Each contract line's term is the service period of its plan.
func TestContractLineTerms(t *testing.T) {
	_, c := acceptedContract(t, alice, allKinds())
	tests := []struct {
		kind       schedule.Kind
		line       string
		start, end date.Date
	}{
		{schedule.KindMilestones, "1", day("2026-03-10"), date.Date{}}, // from acceptance, until the last is reached
		{schedule.KindRecurring, "2", day("2026-04-01"), day("2027-04-01")},
		{schedule.KindOneTime, "3", day("2026-04-01"), day("2026-04-02")},
		{schedule.KindInstallments, "4", day("2026-04-01"), day("2026-06-02")},
		{schedule.KindUsage, "5", day("2026-04-01"), date.Date{}},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind), func(t *testing.T) {
			l, ok := c.Line(tt.line)
			require.True(t, ok)
			require.Equal(t, tt.kind, l.Plan.Kind)
			assert.Equal(t, tt.start, l.Start)
			assert.Equal(t, tt.end, l.End)
		})
	}
}

// The contract does not share its plans with the quote.
func TestContractOwnsItsPlans(t *testing.T) {
	q, c := acceptedContract(t, alice, baseInput())
	c.Lines[0].Plan.Milestones.Items[0].Name = "changed"
	l, _ := q.Line("1")
	assert.Equal(t, "Kick-off", l.Plan.Milestones.Items[0].Name)
}

// A contract saved as JSON and read back is the same contract, and prices
// usage at the same terms.
func TestContractJSON(t *testing.T) {
	_, c := acceptedContract(t, alice, allKinds())
	data, err := json.Marshal(c)
	require.NoError(t, err)
	var back quote.Contract
	require.NoError(t, json.Unmarshal(data, &back))
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(data), string(again))
	usage, ok := back.Line("5")
	require.True(t, ok)
	a, err := usage.Pricer().Amount(dec("20000"))
	require.NoError(t, err)
	assert.Equal(t, "135.00 EUR", a.String(), "150.00 less 10 %")
}
