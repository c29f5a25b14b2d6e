package main

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
)

// payFormKey returns the idempotency key of the payment form on the page
// of an invoice, as drawn for user.
func payFormKey(t *testing.T, a *app, user, path string) string {
	t.Helper()
	page := do(t, a, user, path, nil).Body.String()
	m := regexp.MustCompile(`action="` + regexp.QuoteMeta(path) + `/pay">\s*<input type="hidden" name="csrf" value="[^"]*">\s*` +
		`<input type="hidden" name="idempotency_key" value="([^"]+)">`).FindStringSubmatch(page)
	require.NotNil(t, m, "the payment form carries a key")
	return m[1]
}

// A payment form sent twice (a double click, a reload that posts again)
// records one payment, and the second answer is the first one's; the
// same form sent again with another amount is refused; each showing of
// the form draws a new key.
func TestPaymentFormSentTwice(t *testing.T) {
	a := newTestApp(t)
	ctx := context.Background()
	list, err := a.svc.engine.Invoices(ctx, claire, func(s invoice.Snapshot) bool {
		return s.Document.Buyer.Name == garage.Name && s.Document.Period.Contains(today)
	})
	require.NoError(t, err)
	require.Len(t, list, 1)
	june := list[0]
	path := "/invoices/" + june.ID.String()
	customer := billing.CustomerKey(june.Document.Buyer)
	before, err := a.svc.engine.Statement(ctx, claire, customer, money.EUR)
	require.NoError(t, err)

	key := payFormKey(t, a, claire, path)
	assert.NotEqual(t, key, payFormKey(t, a, claire, path), "a new key each time the form is shown")
	form := func(amount string) url.Values {
		return url.Values{"amount": {amount}, "reference": {"VIR GARAGE 7"}, keyField: {key}}
	}
	for range 2 {
		w := do(t, a, claire, path+"/pay", form("800.00"))
		require.Equal(t, http.StatusSeeOther, w.Code, w.Body.String())
		assert.Equal(t, path, w.Header().Get("Location"))
	}
	after, err := a.svc.engine.Statement(ctx, claire, customer, money.EUR)
	require.NoError(t, err)
	assert.Len(t, after.Payments, len(before.Payments)+1, "one payment recorded")
	assert.Contains(t, do(t, a, claire, path, nil).Body.String(), "€1,000.00 still owed")

	w := do(t, a, claire, path+"/pay", form("900.00"))
	assert.Equal(t, http.StatusConflict, w.Code)
	assert.Contains(t, w.Body.String(), "This form was sent already, with other values.")
	again, err := a.svc.engine.Statement(ctx, claire, customer, money.EUR)
	require.NoError(t, err)
	assert.Len(t, again.Payments, len(after.Payments))
}
