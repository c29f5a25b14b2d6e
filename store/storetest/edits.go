package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/tax"
	"github.com/billkit/billkit/validation"
)

// editor is the one user of the engines of the edit tests: an admin, who
// may create, edit and read quotes, invoices and their history.
const editor = "editor"

// editEngine returns an engine over s, with Desk's catalogue and editor
// as its user.
func editEngine(t *testing.T, s billing.Store) *billing.Engine {
	t.Helper()
	access := billing.NewAccess()
	require.NoError(t, access.SetUser(billing.User{ID: editor, Roles: []string{billing.RoleAdmin}}))
	e, err := billing.New(s, Desk(t), billing.WithAccess(access),
		billing.WithClock(func() time.Time { return t0 }))
	require.NoError(t, err)
	return e
}

// assertConflict checks that err is the *billing.ConflictError of an
// edit made from version of an object stored at stored.
func assertConflict(t *testing.T, err error, kind, id string, version, stored uint64) {
	t.Helper()
	var conflict *billing.ConflictError
	require.ErrorAs(t, err, &conflict)
	assert.ErrorIs(t, err, billing.ErrConflict)
	assert.Equal(t, billing.ConflictError{Kind: kind, ID: id, Expected: version, Actual: stored}, *conflict)
}

// assertVersionRequired checks that err is the *validation.Error of an
// edit that does not say which version it was made from.
func assertVersionRequired(t *testing.T, err error) {
	t.Helper()
	var invalid *validation.Error
	require.ErrorAs(t, err, &invalid)
	assert.True(t, invalid.Has("version", validation.CodeRequired), "%v", err)
}

// actions returns the actions of the events in ref's history, oldest
// first.
func actions(t *testing.T, e *billing.Engine, ref collab.Ref) []billing.Action {
	t.Helper()
	hist, err := e.History(context.Background(), editor, ref, billing.EventQuery{})
	require.NoError(t, err)
	out := make([]billing.Action, len(hist))
	for i, ev := range hist {
		out[i] = ev.Action
	}
	return out
}

// testStaleQuoteEdit has two people edit a quote from the same version:
// the first edit is saved, the second is refused and writes nothing.
func testStaleQuoteEdit(t *testing.T, s billing.Store) {
	ctx := context.Background()
	e := editEngine(t, s)
	q, err := e.CreateQuote(ctx, editor, QuoteInput(0))
	require.NoError(t, err)
	id := q.ID.String()
	read, err := e.QuoteRecord(ctx, editor, id)
	require.NoError(t, err)
	require.Equal(t, uint64(1), read.Version)
	seats := func(n int64) func(in *quote.Input) error {
		return func(in *quote.Input) error {
			in.Lines[1].Quantity = decimal.NewFromInt(n)
			return nil
		}
	}

	saved, err := e.EditQuote(ctx, editor, id, read.Version, seats(25))
	require.NoError(t, err)
	after, err := e.QuoteRecord(ctx, editor, id)
	require.NoError(t, err)
	assert.Equal(t, read.Version+1, after.Version, "an edit stores the quote at the next version")
	assert.Equal(t, "25", after.Value.Input.Lines[1].Quantity.String())
	assertSame(t, saved, after.Value)

	_, err = e.EditQuote(ctx, editor, id, read.Version, seats(30))
	assertConflict(t, err, "quote", id, read.Version, after.Version)
	_, err = e.EditQuote(ctx, editor, id, after.Version+1, seats(30))
	assertConflict(t, err, "quote", id, after.Version+1, after.Version)
	_, err = e.EditQuote(ctx, editor, id, 0, seats(30))
	assertVersionRequired(t, err)

	now, err := e.QuoteRecord(ctx, editor, id)
	require.NoError(t, err)
	assert.Equal(t, after.Version, now.Version, "a refused edit writes nothing")
	assertSame(t, after.Value, now.Value, "a refused edit writes nothing")
	assert.Equal(t, []billing.Action{billing.ActionQuoteCreated, billing.ActionQuoteEdited},
		actions(t, e, collab.Ref{Kind: collab.KindQuote, ID: id}), "a refused edit records no event")
}

// testStaleInvoiceEdit is testStaleQuoteEdit for a draft invoice.
func testStaleInvoiceEdit(t *testing.T, s billing.Store) {
	ctx := context.Background()
	e := editEngine(t, s)
	doc := invoice.Document{Type: invoice.TypeCommercialInvoice, Currency: money.EUR, Seller: Seller(), Buyer: Buyer(),
		DueDate: date.MustParse("2026-04-01"),
		Lines: []invoice.Line{{ID: "1", Name: "Consulting", Quantity: decimal.NewFromInt(3), UnitCode: "HUR",
			UnitPrice: money.MustParse("100.00 EUR"), VAT: invoice.VAT{Category: tax.StandardRate, Rate: decimal.NewFromInt(20)}}}}
	inv, err := e.CreateInvoice(ctx, editor, doc)
	require.NoError(t, err)
	id := inv.ID.String()
	read, err := e.InvoiceRecord(ctx, editor, id)
	require.NoError(t, err)
	require.Equal(t, uint64(1), read.Version)
	terms := func(s string) func(doc *invoice.Document) error {
		return func(doc *invoice.Document) error {
			doc.PaymentTerms = s
			return nil
		}
	}

	saved, err := e.EditInvoice(ctx, editor, id, read.Version, terms("30 days"))
	require.NoError(t, err)
	after, err := e.InvoiceRecord(ctx, editor, id)
	require.NoError(t, err)
	assert.Equal(t, read.Version+1, after.Version, "an edit stores the invoice at the next version")
	assert.Equal(t, "30 days", after.Value.Document.PaymentTerms)
	assertSame(t, saved, after.Value)

	_, err = e.EditInvoice(ctx, editor, id, read.Version, terms("60 days"))
	assertConflict(t, err, "invoice", id, read.Version, after.Version)
	_, err = e.EditInvoice(ctx, editor, id, after.Version+1, terms("60 days"))
	assertConflict(t, err, "invoice", id, after.Version+1, after.Version)
	_, err = e.EditInvoice(ctx, editor, id, 0, terms("60 days"))
	assertVersionRequired(t, err)

	now, err := e.InvoiceRecord(ctx, editor, id)
	require.NoError(t, err)
	assert.Equal(t, after.Version, now.Version, "a refused edit writes nothing")
	assertSame(t, after.Value, now.Value, "a refused edit writes nothing")
	assert.Equal(t, []billing.Action{billing.ActionInvoiceCreated, billing.ActionInvoiceEdited},
		actions(t, e, collab.Ref{Kind: collab.KindInvoice, ID: id}), "a refused edit records no event")
}
