package quote_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
)

func TestQuoteReads(t *testing.T) {
	q := newQuote(t, newDesk(t), alice, baseInput())
	assert.Equal(t, id(1), q.ID())
	assert.Equal(t, [16]byte{}, [16]byte(q.PreviousID()))
	assert.Equal(t, alice, q.Author())
	assert.Equal(t, buyer(), q.Buyer())
	assert.Equal(t, money.EUR, q.Currency())
	assert.Equal(t, quoteDay, q.Date())
	assert.Equal(t, validUntil, q.ValidUntil())
	assert.True(t, q.SentOn().IsZero())
	assert.True(t, q.ClosedOn().IsZero())
	assert.Empty(t, q.RejectionReason())
	assert.Equal(t, [16]byte{}, [16]byte(q.ContractID()))
	assert.Equal(t, quote.StatusDraft, q.Status())
}

// Reads return copies: changing them does not change the quote.
func TestReadsAreCopies(t *testing.T) {
	q := newQuote(t, newDesk(t), alice, baseInput())
	before := q.Snapshot()
	in := q.Input()
	in.Lines[0].Plan.Milestones.Items[0].Name = "changed"
	lines := q.Lines()
	lines[1].Plan.Recurring.Amount = amt("1.00 EUR")
	l, _ := q.Line("1")
	l.Plan.Milestones.Items[1].Name = "changed"
	doc := q.Document()
	doc.Lines[0].Name = "changed"
	q.VATBreakdown()[0].Rate = dec("1")
	assert.Equal(t, before, q.Snapshot())
	_, ok := q.Line("nope")
	assert.False(t, ok)
}
