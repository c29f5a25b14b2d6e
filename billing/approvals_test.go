package billing_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
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
