package billing_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/store/storetest"
)

// requireForbidden checks that err is a *ForbiddenError for user, naming
// perm.
func requireForbidden(t *testing.T, err error, user string, perm billing.Permission) *billing.ForbiddenError {
	t.Helper()
	var fe *billing.ForbiddenError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, user, fe.User)
	assert.Equal(t, perm, fe.Permission)
	return fe
}

// The approval inbox is refused, not empty, to those who may approve
// nothing; any one permission to approve opens it.
func TestPendingApprovalsNeedsAPermissionToApprove(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	for _, u := range []string{alice, carol, fred, "nobody"} {
		t.Run(u, func(t *testing.T) {
			list, err := f.engine.PendingApprovals(ctx, u)
			fe := requireForbidden(t, err, u, billing.PermInvoiceApprove)
			assert.Contains(t, fe.Reason, "invoice.writeoff")
			assert.Nil(t, list)
		})
	}
	require.NoError(t, f.engine.Access().SetRole(billing.Role{Name: "collector", Permissions: []billing.Permission{billing.PermInvoiceWriteOff}}))
	require.NoError(t, f.engine.Access().SetUser(billing.User{ID: "hugo", Roles: []string{"collector"}}))
	for _, u := range []string{bob, dan, erin, "hugo"} {
		list, err := f.engine.PendingApprovals(ctx, u)
		require.NoError(t, err, u)
		assert.Empty(t, list, u)
	}
}

// A requester reads their own request while they may see its object;
// once stripped of their roles they no longer may.
func TestApprovalReadByItsRequester(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	e := f.engine
	inv, err := e.CreateInvoice(ctx, carol, smallDoc("9000.00"))
	require.NoError(t, err)
	_, ireq, err := e.SubmitInvoice(ctx, carol, inv.ID.String())
	require.NoError(t, err)
	q, err := e.CreateQuote(ctx, alice, storetest.QuoteInput(15))
	require.NoError(t, err)
	_, qreq, err := e.SubmitQuote(ctx, alice, q.ID.String())
	require.NoError(t, err)

	got, err := e.Approval(ctx, carol, ireq.ID)
	require.NoError(t, err, "an accountant reads the request they opened")
	assert.Equal(t, ireq.ID, got.ID)
	_, err = e.Approval(ctx, alice, qreq.ID)
	require.NoError(t, err, "a sales rep reads the request they opened")
	_, err = e.Approval(ctx, alice, ireq.ID)
	requireForbidden(t, err, alice, billing.PermInvoiceApprove)
	_, err = e.Approval(ctx, dan, ireq.ID)
	require.NoError(t, err, "a decider reads it")

	require.NoError(t, e.Access().SetUser(billing.User{ID: carol}))
	require.NoError(t, e.Access().SetUser(billing.User{ID: alice}))
	_, err = e.Approval(ctx, carol, ireq.ID)
	requireForbidden(t, err, carol, billing.PermInvoiceView)
	_, err = e.Approval(ctx, alice, qreq.ID)
	requireForbidden(t, err, alice, billing.PermQuoteView)

	require.NoError(t, e.Access().SetUser(billing.User{ID: alice, Roles: []string{billing.RoleAuditor}}))
	_, err = e.Approval(ctx, alice, qreq.ID)
	require.NoError(t, err, "a requester who may still see the quote reads the request")
}

// Nobody who drew up, edited or submitted an invoice approves it, unless
// the rule that applies allows its authors; the requester never may.
func TestApprovalSegregatesDuties(t *testing.T) {
	for _, tc := range []struct {
		name                       string
		drafter, editor, submitter string
		allowAuthors               bool
		approver                   string
		refused                    bool
	}{
		{name: "the author, after a colleague submitted", drafter: dan, submitter: carol, approver: dan, refused: true},
		{name: "an editor", drafter: carol, editor: dan, submitter: carol, approver: dan, refused: true},
		{name: "the submitter", drafter: carol, submitter: dan, approver: dan, refused: true},
		{name: "a colleague", drafter: dan, editor: carol, submitter: carol, approver: gina},
		{name: "the author, allowed by the rule", drafter: dan, submitter: carol, allowAuthors: true, approver: dan},
		{name: "an editor, allowed by the rule", drafter: carol, editor: dan, submitter: carol, allowAuthors: true, approver: dan},
		{name: "the submitter, even allowed by the rule", drafter: dan, submitter: gina, allowAuthors: true, approver: gina, refused: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			f := newFixture(t, billing.WithApprovalRules(billing.ApprovalRule{Kind: billing.ApprovalInvoice,
				Threshold: money.MustParse("5000.00 EUR"), Roles: []string{billing.RoleFinanceManager}, AllowAuthors: tc.allowAuthors}))
			e := f.engine
			inv, err := e.CreateInvoice(ctx, tc.drafter, smallDoc("9000.00"))
			require.NoError(t, err)
			id := inv.ID.String()
			if tc.editor != "" {
				_, err = e.EditInvoice(ctx, tc.editor, id, 1, func(d *invoice.Document) error { d.PaymentTerms = "15 days"; return nil })
				require.NoError(t, err)
			}
			_, req, err := e.SubmitInvoice(ctx, tc.submitter, id)
			require.NoError(t, err)
			want := []string{tc.drafter}
			for _, u := range []string{tc.editor, tc.submitter} {
				if u != "" && !slices.Contains(want, u) {
					want = append(want, u)
				}
			}
			assert.Equal(t, want, req.Authors)
			assert.Equal(t, tc.allowAuthors, req.AuthorsMayDecide)

			inbox, err := e.PendingApprovals(ctx, tc.approver)
			require.NoError(t, err)
			notified := len(f.notified.For(tc.approver)) > 0
			_, err = e.Approve(ctx, tc.approver, req.ID)
			if !tc.refused {
				require.NoError(t, err)
				assert.Len(t, inbox, 1)
				assert.True(t, notified)
				got, err := e.Invoice(ctx, fred, id)
				require.NoError(t, err)
				assert.Equal(t, invoice.StatusApproved, got.Status)
				return
			}
			fe := requireForbidden(t, err, tc.approver, billing.PermInvoiceApprove)
			assert.NotEmpty(t, fe.Reason)
			assert.Empty(t, inbox, "the inbox leaves out what the user may not decide")
			assert.False(t, notified, "nor are they asked")
			got, err := e.Approval(ctx, erin, req.ID)
			require.NoError(t, err)
			assert.Equal(t, billing.ApprovalPending, got.Status, "a refusal decides nothing")
		})
	}
}

// Credit notes follow the same rule: whoever drew one up does not
// approve it.
func TestApprovalSegregatesDutiesOnCreditNotes(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, billing.WithApprovalRules(billing.ApprovalRule{Kind: billing.ApprovalCreditNote,
		Threshold: money.MustParse("0.00 EUR"), Roles: []string{billing.RoleFinanceManager}}))
	e := f.engine
	inv, err := e.CreateInvoice(ctx, carol, smallDoc("100.00"))
	require.NoError(t, err)
	_, _, err = e.SubmitInvoice(ctx, carol, inv.ID.String())
	require.NoError(t, err)
	_, err = e.IssueInvoice(ctx, carol, inv.ID.String(), date.MustParse("2026-03-02"))
	require.NoError(t, err)
	cn, err := e.CreateCreditNote(ctx, dan, inv.ID.String(), invoice.CreditRequest{Reason: "goodwill",
		Lines: []invoice.LineCredit{{LineID: "1", Amount: money.MustParse("10.00 EUR")}}})
	require.NoError(t, err)
	_, req, err := e.SubmitInvoice(ctx, carol, cn.ID.String())
	require.NoError(t, err)
	assert.Equal(t, []string{dan, carol}, req.Authors)
	_, err = e.Approve(ctx, dan, req.ID)
	requireForbidden(t, err, dan, billing.PermCreditNoteApprove)
	done, err := e.Approve(ctx, gina, req.ID)
	require.NoError(t, err)
	assert.Equal(t, billing.ApprovalApproved, done.Status)
}

// A quote's discounts are not approved by whoever edited the quote,
// unless the engine lets quote authors decide.
func TestApprovalSegregatesDutiesOnQuotes(t *testing.T) {
	for _, allow := range []bool{false, true} {
		t.Run(fmt.Sprint("allow authors ", allow), func(t *testing.T) {
			ctx := context.Background()
			var opts []billing.Option
			if allow {
				opts = append(opts, billing.WithQuoteApprovalAllowAuthors())
			}
			f := newFixture(t, opts...)
			e := f.engine
			q, err := e.CreateQuote(ctx, alice, storetest.QuoteInput(15))
			require.NoError(t, err)
			id := q.ID.String()
			_, err = e.EditQuote(ctx, bob, id, 1, func(in *quote.Input) error { in.Lines[0].Quantity = decimal.NewFromInt(12); return nil })
			require.NoError(t, err)
			_, req, err := e.SubmitQuote(ctx, alice, id)
			require.NoError(t, err)
			assert.Equal(t, []string{alice, bob}, req.Authors)
			assert.Equal(t, allow, req.AuthorsMayDecide)

			inbox, err := e.PendingApprovals(ctx, bob)
			require.NoError(t, err)
			_, err = e.Approve(ctx, bob, req.ID)
			if allow {
				require.NoError(t, err)
				assert.Len(t, inbox, 1)
				return
			}
			requireForbidden(t, err, bob, billing.PermQuoteApprove)
			assert.Empty(t, inbox)
			_, err = e.Approve(ctx, alice, req.ID)
			requireForbidden(t, err, alice, billing.PermQuoteApprove)
			done, err := e.Approve(ctx, dan, req.ID)
			require.NoError(t, err, "a finance manager who did not touch the quote approves it")
			assert.Equal(t, billing.ApprovalApproved, done.Status)
		})
	}
}

// Whoever runs a bill run draws up its invoices: they do not approve
// them, whether a colleague submits the drafts or the run issues them.
func TestApprovalSegregatesDutiesOnBillRuns(t *testing.T) {
	for _, issue := range []bool{false, true} {
		t.Run(fmt.Sprint("issue ", issue), func(t *testing.T) {
			ctx := context.Background()
			f := newFixture(t, billing.WithApprovalRules(billing.ApprovalRule{Kind: billing.ApprovalInvoice,
				Threshold: money.MustParse("0.00 EUR"), Roles: []string{billing.RoleFinanceManager}}))
			storetest.PutContracts(t, f.store, storetest.MonthlyContract(t, f.engine.Desk()), 2)
			f.clock.travel(t, may1.String())
			rep, err := f.engine.BillRun(ctx, dan, may1, billing.BillRunOptions{Issue: issue})
			require.NoError(t, err)
			require.Len(t, rep.Invoices, 2)
			authors := []string{dan}
			if !issue {
				for _, inv := range rep.Invoices {
					_, _, err := f.engine.SubmitInvoice(ctx, carol, inv.ID.String())
					require.NoError(t, err)
				}
				authors = append(authors, carol)
			}
			inbox, err := f.engine.PendingApprovals(ctx, dan)
			require.NoError(t, err)
			assert.Empty(t, inbox)
			inbox, err = f.engine.PendingApprovals(ctx, gina)
			require.NoError(t, err)
			require.Len(t, inbox, 2)
			for _, req := range inbox {
				assert.Equal(t, authors, req.Authors)
				_, err = f.engine.Approve(ctx, dan, req.ID)
				requireForbidden(t, err, dan, billing.PermInvoiceApprove)
				_, err = f.engine.Approve(ctx, gina, req.ID)
				require.NoError(t, err)
			}
		})
	}
}
