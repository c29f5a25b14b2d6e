package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
)

// footprint describes everything a store holds: every record's ID and
// version, and the number of events. Two footprints are equal when
// nothing was written in between.
func footprint(t *testing.T, s billing.Store) string {
	t.Helper()
	ctx := context.Background()
	var b strings.Builder
	require.NoError(t, s.View(ctx, func(tx billing.Tx) error {
		for _, list := range []func() ([]string, error){
			func() ([]string, error) { return versionsOf(ctx, tx.Quotes()) },
			func() ([]string, error) { return versionsOf(ctx, tx.Contracts()) },
			func() ([]string, error) { return versionsOf(ctx, tx.Invoices()) },
			func() ([]string, error) { return versionsOf(ctx, tx.Ledgers()) },
			func() ([]string, error) { return versionsOf(ctx, tx.Approvals()) },
		} {
			recs, err := list()
			if err != nil {
				return err
			}
			b.WriteString(strings.Join(recs, " ") + "\n")
		}
		evs, err := tx.Events().Range(ctx, billing.EventQuery{})
		b.WriteString("events: " + strconv.Itoa(len(evs)))
		return err
	}))
	return b.String()
}

// versionsOf lists the records of c as ID@version.
func versionsOf[T any](ctx context.Context, c billing.Collection[T]) ([]string, error) {
	recs, err := c.Scan(ctx, "", 0)
	out := make([]string, len(recs))
	for i, r := range recs {
		out[i] = r.ID + "@" + strconv.FormatUint(r.Version, 10)
	}
	return out, err
}

// sameJSON reports whether two values encode to the same JSON.
func sameJSON(t *testing.T, want, got any) bool {
	t.Helper()
	w, err := json.Marshal(want)
	require.NoError(t, err)
	g, err := json.Marshal(got)
	require.NoError(t, err)
	return string(w) == string(g)
}

// testKeyedRetries makes calls with idempotency keys through one engine
// and retries each through the other, as a client retries a request
// whose answer it lost on another application server: each retry gets
// the first result and writes nothing.
func testKeyedRetries(t *testing.T, a, b *billing.Engine) {
	bg := context.Background()
	key := func(k string) context.Context { return billing.WithIdempotencyKey(bg, k) }
	retried := func(what string, call func(e *billing.Engine) (any, error)) {
		t.Helper()
		first, err := call(a)
		require.NoError(t, err, what)
		before := footprint(t, a.Store())
		again, err := call(b)
		require.NoError(t, err, what)
		assert.True(t, sameJSON(t, first, again), "%s: the retry gets the first result", what)
		assert.Equal(t, before, footprint(t, a.Store()), "%s: the retry writes nothing", what)
	}

	var id string
	retried("create invoice", func(e *billing.Engine) (any, error) {
		snap, err := e.CreateInvoice(key("create"), clerk, consulting(2))
		id = snap.ID.String()
		return snap, err
	})
	retried("submit invoice", func(e *billing.Engine) (any, error) {
		snap, req, err := e.SubmitInvoice(key("submit"), clerk, id)
		return []any{snap, req}, err
	})
	retried("issue invoice", func(e *billing.Engine) (any, error) {
		return e.IssueInvoice(key("issue"), clerk, id, suiteDay)
	})
	p := invoice.Payment{ID: uuid.Must(uuid.NewV7()), Customer: billing.CustomerKey(Buyer()),
		Amount: money.MustParse("100.00 EUR"), Date: suiteDay, Method: invoice.MethodTransfer}
	retried("record payment", func(e *billing.Engine) (any, error) {
		return e.RecordPayment(key("pay"), clerk, p, invoice.AllocateOldestFirst())
	})
	retried("create quote", func(e *billing.Engine) (any, error) {
		return e.CreateQuote(key("quote"), rep, QuoteInput(0))
	})

	// The same key with other arguments is refused by either engine.
	p.Amount = money.MustParse("90.00 EUR")
	_, err := b.RecordPayment(key("pay"), clerk, p, invoice.AllocateOldestFirst())
	assert.ErrorIs(t, err, billing.ErrIdempotencyMismatch)
	st, err := a.Statement(bg, clerk, billing.CustomerKey(Buyer()), money.EUR)
	require.NoError(t, err)
	assert.Len(t, st.Payments, 1)
	assert.Equal(t, "140.00 EUR", st.Outstanding.String())
}

// testKeyedTwins makes the same call with the same key from twelve
// goroutines at once, through both engines, as a client that sends a
// request again before the first answer came: every caller gets the same
// result, and the change is made once.
func testKeyedTwins(t *testing.T, a, b *billing.Engine) {
	bg := context.Background()
	engines := []*billing.Engine{a, b}
	twins := func(what string, call func(e *billing.Engine) (any, error)) any {
		t.Helper()
		const callers = 12
		warm(t, engines...)
		results := make([]any, callers)
		errs := make([]error, callers)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range callers {
			wg.Go(func() {
				<-start
				results[i], errs[i] = call(engines[i%2])
			})
		}
		close(start)
		wg.Wait()
		for i, err := range errs {
			require.NoError(t, err, "%s: caller %d", what, i)
			assert.True(t, sameJSON(t, results[0], results[i]), "%s: caller %d got another result", what, i)
		}
		return results[0]
	}

	first := twins("create invoice", func(e *billing.Engine) (any, error) {
		return e.CreateInvoice(billing.WithIdempotencyKey(bg, "create"), clerk, consulting(1))
	}).(invoice.Snapshot)
	all, err := a.Invoices(bg, clerk, nil)
	require.NoError(t, err)
	require.Len(t, all, 1, "one invoice created")
	assert.Equal(t, first.ID, all[0].ID)

	id := first.ID.String()
	_, _, err = a.SubmitInvoice(bg, clerk, id)
	require.NoError(t, err)
	issued := twins("issue invoice", func(e *billing.Engine) (any, error) {
		return e.IssueInvoice(billing.WithIdempotencyKey(bg, "issue"), clerk, id, suiteDay)
	}).(invoice.Snapshot)
	assert.Equal(t, "F2026-000001", issued.Document.Number)

	p := invoice.Payment{ID: uuid.Must(uuid.NewV7()), Customer: billing.CustomerKey(Buyer()),
		Amount: money.MustParse("20.00 EUR"), Date: suiteDay, Method: invoice.MethodTransfer}
	twins("record payment", func(e *billing.Engine) (any, error) {
		return e.RecordPayment(billing.WithIdempotencyKey(bg, "pay"), clerk, p, invoice.AllocateOldestFirst())
	})
	st, err := a.Statement(bg, clerk, billing.CustomerKey(Buyer()), money.EUR)
	require.NoError(t, err)
	require.Len(t, st.Receivables, 1, "the invoice is in the ledger once")
	assert.Len(t, st.Payments, 1, "the payment is recorded once")
	assert.Equal(t, "100.00 EUR", st.Outstanding.String())

	evs, err := a.Events(bg, auditor, billing.EventQuery{})
	require.NoError(t, err)
	count := map[billing.Action]int{}
	for _, ev := range evs {
		count[ev.Action]++
	}
	for _, action := range []billing.Action{billing.ActionInvoiceCreated, billing.ActionInvoiceIssued, billing.ActionPaymentRecorded} {
		assert.Equal(t, 1, count[action], "%s events", action)
	}

	// The key of the payment is refused for another request.
	_, err = b.CreateInvoice(billing.WithIdempotencyKey(bg, "pay"), clerk, consulting(1))
	var mismatch *billing.IdempotencyError
	if assert.True(t, errors.As(err, &mismatch), "%v", err) {
		assert.Equal(t, billing.OpRecordPayment, mismatch.Operation)
	}
}
