package billing_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/collab"
)

// TestCollabPolicy checks who sees the thread of every kind of object: a
// person sees it only if they may see the object through the engine.
func TestCollabPolicy(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	p := f.engine.CollabPolicy(nil)
	users := []string{alice, bob, carol, dan, erin, fred, "nobody"}
	// In the order of users: 'Y' may view, '.' may not.
	want := map[collab.Kind]string{
		collab.KindQuote:      "YYYYYY.",
		collab.KindContract:   "YYYYYY.",
		collab.KindInvoice:    "YYYYYY.",
		collab.KindCreditNote: "YYYYYY.",
		collab.KindPayment:    "YYYYYY.",
		collab.KindCustomer:   "YYYYYY.",
		collab.KindDashboard:  ".YYYYY.",
		"project":             ".......", // a host kind, with no policy of the host's
	}
	for kind, row := range want {
		for i, u := range users {
			ok, err := p.CanView(ctx, u, collab.Ref{Kind: kind, ID: "x"})
			require.NoError(t, err)
			assert.Equal(t, row[i] == 'Y', ok, "%s viewing a %s", u, kind)
		}
	}
	ok, err := p.CanModerate(ctx, alice, collab.Ref{Kind: collab.KindInvoice, ID: "x"})
	require.NoError(t, err)
	assert.False(t, ok, "a sales rep sees invoices but does not moderate their threads")
	ok, err = p.CanModerate(ctx, carol, collab.Ref{Kind: collab.KindInvoice, ID: "x"})
	require.NoError(t, err)
	assert.True(t, ok)
	ok, err = p.CanReadConfidential(ctx, erin, collab.Attachment{})
	require.NoError(t, err)
	assert.False(t, ok, "not even an admin reads a confidential attachment not shared with them")
}
