package billing_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/store/storetest"
	"github.com/billkit/billkit/validation"
)

// TestQuoteToCash follows one deal from quote to payment through the
// engine, checking amounts, approvals, numbering and the audit trail.
func TestQuoteToCash(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	e := f.engine
	sub, err := e.Subscribe(fred, billing.EventFilter{Kinds: []collab.Kind{collab.KindInvoice}}, 64)
	require.NoError(t, err)
	defer sub.Close()

	// A 15 % discount is over a sales rep's 10 %: it needs a manager.
	q, err := e.CreateQuote(ctx, alice, storetest.QuoteInput(15))
	require.NoError(t, err)
	qid := q.ID.String()
	assert.Equal(t, "11400.00 EUR", q.Document.Totals.TaxInclusive.String())
	_, err = e.SendQuote(ctx, alice, qid, date.MustParse("2026-03-02"))
	require.ErrorIs(t, err, quote.ErrApprovalRequired)

	_, req, err := e.SubmitQuote(ctx, alice, qid)
	require.NoError(t, err)
	require.Len(t, req.Steps, 1)
	assert.Equal(t, "sales_manager", req.Steps[0].Level)
	inbox, err := e.PendingApprovals(ctx, bob)
	require.NoError(t, err)
	require.Len(t, inbox, 1)
	assert.Equal(t, req.ID, inbox[0].ID)
	assert.NotEmpty(t, f.notified.For(bob), "the manager is told")

	// The author cannot approve their own quote; the manager can.
	_, err = e.Approve(ctx, alice, req.ID)
	require.ErrorIs(t, err, billing.ErrForbidden)
	done, err := e.Approve(ctx, bob, req.ID)
	require.NoError(t, err)
	assert.Equal(t, billing.ApprovalApproved, done.Status)
	_, err = e.Approve(ctx, bob, req.ID)
	require.ErrorIs(t, err, billing.ErrDecided)

	_, err = e.SendQuote(ctx, alice, qid, date.MustParse("2026-03-02"))
	require.NoError(t, err)
	contract, err := e.AcceptQuote(ctx, alice, qid, date.MustParse("2026-03-10"), "PO-77")
	require.NoError(t, err)
	assert.Equal(t, billing.CustomerKey(buyer), contract.Customer)

	// The bill run of April 1st bills the implementation (one time, on
	// March 10th) and the first month of seats, on one invoice.
	f.clock.travel(t, "2026-04-01")
	rep, err := e.BillRun(ctx, carol, date.MustParse("2026-04-01"), billing.BillRunOptions{})
	require.NoError(t, err)
	require.Empty(t, rep.Failures)
	require.Len(t, rep.Invoices, 1)
	assert.Equal(t, contract.Customer, rep.Invoices[0].Customer)
	inv, err := e.Invoice(ctx, fred, rep.Invoices[0].ID.String())
	require.NoError(t, err)
	assert.Equal(t, 2, rep.Billed)
	assert.Equal(t, "PO-77", inv.Document.PurchaseOrderRef)
	assert.Equal(t, "Q-2026-0042", inv.Document.ContractRef, "the buyer knows its contract by its quote")
	assert.Equal(t, "9500.00 EUR", inv.Document.Totals.TaxExclusive.String())
	assert.Equal(t, "11400.00 EUR", inv.Document.Totals.TaxInclusive.String())
	assert.Equal(t, contract.Lines[0].Ref(), inv.Document.Lines[0].ContractLineRef)

	// 11,400 EUR is over the 5,000 EUR threshold: a finance manager approves.
	id := inv.ID.String()
	_, ireq, err := e.SubmitInvoice(ctx, carol, id)
	require.NoError(t, err)
	require.NotEmpty(t, ireq.ID)
	_, err = e.IssueInvoice(ctx, carol, id, date.MustParse("2026-04-01"))
	require.Error(t, err, "an invoice waiting for approval cannot be issued")
	_, err = e.Approve(ctx, bob, ireq.ID)
	require.ErrorIs(t, err, billing.ErrForbidden, "a sales manager cannot approve invoices")
	_, err = e.Approve(ctx, dan, ireq.ID)
	require.NoError(t, err)

	issued, err := e.IssueInvoice(ctx, carol, id, date.MustParse("2026-04-01"))
	require.NoError(t, err)
	assert.Equal(t, "F2026-000001", issued.Document.Number)
	assert.Equal(t, invoice.StatusIssued, issued.Status)
	rec, err := e.InvoiceRecord(ctx, carol, id)
	require.NoError(t, err)
	_, err = e.EditInvoice(ctx, carol, id, rec.Version, func(doc *invoice.Document) error { doc.PaymentTerms = "x"; return nil })
	require.ErrorIs(t, err, invoice.ErrImmutable, "an issued invoice is immutable")

	_, err = e.SendInvoice(ctx, carol, id, date.MustParse("2026-04-02"))
	require.NoError(t, err)
	_, err = e.RecordPayment(ctx, carol, invoice.Payment{ID: uuid.New(), Customer: contract.Customer,
		Amount: money.MustParse("11400.00 EUR"), Date: date.MustParse("2026-04-20"), Method: invoice.MethodTransfer},
		invoice.AllocateOldestFirst())
	require.NoError(t, err)
	paid, err := e.Invoice(ctx, fred, id)
	require.NoError(t, err)
	assert.Equal(t, invoice.StatusPaid, paid.Status)

	// The invoice's history tells its whole life, field by field.
	hist, err := e.History(ctx, fred, collab.Ref{Kind: collab.KindInvoice, ID: id}, billing.EventQuery{})
	require.NoError(t, err)
	var actions []billing.Action
	for _, ev := range hist {
		actions = append(actions, ev.Action)
	}
	assert.Equal(t, []billing.Action{billing.ActionInvoiceCreated, billing.ActionInvoiceSubmitted,
		billing.ActionInvoiceApproved, billing.ActionInvoiceIssued, billing.ActionInvoiceSent,
		billing.ActionInvoicePaid}, actions)
	issuedEv := hist[3]
	assert.Equal(t, carol, issuedEv.Actor)
	assert.Contains(t, issuedEv.Changes, billing.Change{Field: "number", After: "F2026-000001"})
	assert.Contains(t, issuedEv.Changes, billing.Change{Field: "status", Before: "approved", After: "issued"})
	for i := 1; i < len(hist); i++ {
		assert.Greater(t, hist[i].Version, hist[i-1].Version, "versions grow")
	}

	// KPIs of April: 20 seats at 50.00 EUR a month, one invoice of
	// 9,500.00 EUR without VAT, paid before it was due.
	k, err := e.KPIs(ctx, fred, date.Range{Start: date.MustParse("2026-04-01"), End: date.MustParse("2026-05-01")}, money.EUR)
	require.NoError(t, err)
	assert.True(t, k.MRR.Equal(money.MustParse("1000.00 EUR")), "MRR %s", k.MRR)
	assert.True(t, k.ARR.Equal(money.MustParse("12000.00 EUR")), "ARR %s", k.ARR)
	assert.True(t, k.Basket.AverageBasket.Equal(money.MustParse("9500.00 EUR")), "basket %s", k.Basket.AverageBasket)
	assert.Equal(t, 1, k.Basket.Invoices)
	require.Len(t, k.Payers, 1)
	assert.Equal(t, contract.Customer, k.Payers[0].Customer)
	assert.Equal(t, "good", string(k.Payers[0].Class))
	assert.True(t, k.DSO.Outstanding.IsZero())

	// The subscriber received the same events, as they were committed.
	for _, want := range hist {
		select {
		case got := <-sub.C:
			assert.Equal(t, want.ID, got.ID)
		default:
			t.Fatalf("subscriber missed %s", want.Action)
		}
	}
	assert.Zero(t, sub.Dropped())
}

func TestForbiddenChangesNothing(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	_, err := f.engine.CreateQuote(ctx, fred, storetest.QuoteInput(0))
	var fe *billing.ForbiddenError
	require.True(t, errors.As(err, &fe))
	assert.Equal(t, billing.PermQuoteCreate, fe.Permission)
	assert.Equal(t, fred, fe.User)
	evs, err := f.engine.Events(ctx, fred, billing.EventQuery{})
	require.NoError(t, err)
	assert.Empty(t, evs)
	_, err = f.engine.CreateQuote(ctx, "nobody", storetest.QuoteInput(0))
	require.ErrorIs(t, err, billing.ErrForbidden, "an unknown user can do nothing")
}

// The buyer declines a quote, the rep revises it with a better discount,
// and the buyer accepts the revision: the first revision can no longer be
// accepted, and its history says which revision replaced it.
func TestDeclineReviseAccept(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	e := f.engine
	q, err := e.CreateQuote(ctx, alice, storetest.QuoteInput(0))
	require.NoError(t, err)
	first := q.ID.String()
	_, err = e.SendQuote(ctx, alice, first, date.MustParse("2026-03-02"))
	require.NoError(t, err)
	_, err = e.DeclineQuote(ctx, alice, first, date.MustParse("2026-03-04"), "")
	var invalid *validation.Error
	require.ErrorAs(t, err, &invalid, "a reason is required")
	assert.Equal(t, "reason", invalid.Faults[0].Field)
	declined, err := e.DeclineQuote(ctx, alice, first, date.MustParse("2026-03-04"), "we need 5 % off the implementation")
	require.NoError(t, err)
	assert.Equal(t, quote.StatusRejected, declined.Status)

	rev, err := e.ReviseQuote(ctx, alice, first, func(in *quote.Input) error {
		in.Date, in.ValidUntil = date.MustParse("2026-03-05"), date.MustParse("2026-04-04")
		in.Lines[0].Discount.Percent = decimal.NewFromInt(5)
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, 2, rev.Revision)
	assert.Equal(t, q.ID, rev.PreviousID)
	assert.Equal(t, quote.StatusDraft, rev.Status)
	assert.Equal(t, alice, rev.Author.ID)
	assert.Equal(t, "Q-2026-0042", rev.Input.Number)
	old, err := e.Quote(ctx, alice, first)
	require.NoError(t, err)
	assert.Equal(t, rev.ID, old.NextID, "the first revision names the one that replaced it")

	// The first revision is closed for good: no acceptance, no second
	// revision.
	_, err = e.AcceptQuote(ctx, alice, first, date.MustParse("2026-03-06"), "")
	var te *quote.TransitionError
	require.ErrorAs(t, err, &te)
	_, err = e.ReviseQuote(ctx, alice, first, nil)
	require.ErrorAs(t, err, &te)

	id := rev.ID.String()
	_, err = e.SendQuote(ctx, alice, id, date.MustParse("2026-03-05"))
	require.NoError(t, err)
	c, err := e.AcceptQuote(ctx, alice, id, date.MustParse("2026-03-06"), "PO-9")
	require.NoError(t, err)
	assert.Equal(t, 2, c.QuoteRevision)
	assert.Equal(t, "9500.00 EUR", c.Lines[0].NetAmount.String(), "10 days at 1,000.00 less 5 %")

	history, err := e.HistorySource().History(ctx, collab.Ref{Kind: collab.KindQuote, ID: first}, collab.HistoryQuery{})
	require.NoError(t, err)
	var said []string
	for _, h := range history {
		said = append(said, h.Summary)
	}
	assert.Contains(t, strings.Join(said, "\n"), "replaced it by revision 2")
	assert.Contains(t, strings.Join(said, "\n"), "recorded that the buyer declined it")
}
