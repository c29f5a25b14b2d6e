package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
)

// TestEngineOverSQLite runs the engine's quote-to-cash flow on a database
// file, then reopens the file with a new engine and finds the same
// invoice, history and numbering.
func TestEngineOverSQLite(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "billing.db")
	s := openAt(t, path)
	id := quoteToCash(t, s)
	require.NoError(t, s.Close())

	e := newEngine(t, openAt(t, path))
	inv, err := e.Invoice(ctx, clerk, id)
	require.NoError(t, err)
	assert.Equal(t, "F2026-000001", inv.Document.Number)
	assert.Equal(t, invoice.StatusPartiallyPaid, inv.Status)
	assert.Equal(t, "11400.00 EUR", inv.Document.Totals.TaxInclusive.String())

	hist, err := e.History(ctx, clerk, collab.Ref{Kind: collab.KindInvoice, ID: id}, billing.EventQuery{})
	require.NoError(t, err)
	var actions []billing.Action
	for _, ev := range hist {
		actions = append(actions, ev.Action)
	}
	assert.Equal(t, []billing.Action{billing.ActionInvoiceCreated, billing.ActionInvoiceSubmitted,
		billing.ActionInvoiceApproved, billing.ActionInvoiceIssued, billing.ActionInvoiceSent,
		billing.ActionCreditNoteIssued, billing.ActionInvoicePaid}, actions)

	run, err := e.BillRun(ctx, clerk, date.MustParse("2026-04-01"), billing.BillRunOptions{})
	require.NoError(t, err)
	assert.Empty(t, run.Invoices, "the marks kept the run idempotent across the restart")
}
