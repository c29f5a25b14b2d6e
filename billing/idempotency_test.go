package billing_test

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/schedule"
	"github.com/billkit/billkit/store/storetest"
	"github.com/billkit/billkit/validation"
)

// keyedCall is an engine call that takes an idempotency key. arrange
// makes what the call needs in f, and returns the call and a call of the
// same operation with other arguments; both return their results.
type keyedCall struct {
	op      billing.Operation
	arrange func(t *testing.T, f *fixture) (call, other func(ctx context.Context) (any, error))
}

// keyDay is the fixture's first day, on which the keyed calls act.
var keyDay = date.MustParse("2026-03-02")

var keyedCalls = []keyedCall{
	{billing.OpCreateQuote, func(t *testing.T, f *fixture) (call, other func(context.Context) (any, error)) {
		create := func(discount int64) func(ctx context.Context) (any, error) {
			return func(ctx context.Context) (any, error) {
				return f.engine.CreateQuote(ctx, alice, storetest.QuoteInput(discount))
			}
		}
		return create(0), create(5)
	}},
	{billing.OpSubmitQuote, func(t *testing.T, f *fixture) (call, other func(context.Context) (any, error)) {
		submit := func(id string) func(ctx context.Context) (any, error) {
			return func(ctx context.Context) (any, error) {
				q, req, err := f.engine.SubmitQuote(ctx, alice, id)
				return []any{q, req}, err
			}
		}
		return submit(draftQuote(t, f, 15)), submit(draftQuote(t, f, 15))
	}},
	{billing.OpSendQuote, func(t *testing.T, f *fixture) (call, other func(context.Context) (any, error)) {
		id := draftQuote(t, f, 0)
		send := func(on string) func(ctx context.Context) (any, error) {
			return func(ctx context.Context) (any, error) { return f.engine.SendQuote(ctx, alice, id, date.MustParse(on)) }
		}
		return send("2026-03-02"), send("2026-03-03")
	}},
	{billing.OpAcceptQuote, func(t *testing.T, f *fixture) (call, other func(context.Context) (any, error)) {
		id := sentQuote(t, f, storetest.QuoteInput(0))
		accept := func(po string) func(ctx context.Context) (any, error) {
			return func(ctx context.Context) (any, error) {
				return f.engine.AcceptQuote(ctx, alice, id, date.MustParse("2026-03-10"), po)
			}
		}
		return accept("PO-1"), accept("PO-2")
	}},
	{billing.OpDeclineQuote, func(t *testing.T, f *fixture) (call, other func(context.Context) (any, error)) {
		id := sentQuote(t, f, storetest.QuoteInput(0))
		decline := func(reason string) func(ctx context.Context) (any, error) {
			return func(ctx context.Context) (any, error) { return f.engine.DeclineQuote(ctx, alice, id, keyDay, reason) }
		}
		return decline("too dear"), decline("too late")
	}},
	{billing.OpReviseQuote, func(t *testing.T, f *fixture) (call, other func(context.Context) (any, error)) {
		id := sentQuote(t, f, storetest.QuoteInput(0))
		_, err := f.engine.DeclineQuote(context.Background(), alice, id, keyDay, "too dear")
		require.NoError(t, err)
		revise := func(discount int64) func(ctx context.Context) (any, error) {
			return func(ctx context.Context) (any, error) {
				return f.engine.ReviseQuote(ctx, alice, id, func(in *quote.Input) error {
					in.Lines[0].Discount.Percent = decimal.NewFromInt(discount)
					return nil
				})
			}
		}
		return revise(5), revise(6)
	}},
	{billing.OpReachMilestone, func(t *testing.T, f *fixture) (call, other func(context.Context) (any, error)) {
		in := storetest.QuoteInput(0)
		in.Lines[0].Plan = schedule.Plan{Kind: schedule.KindMilestones, Milestones: &schedule.Milestones{Items: []schedule.Milestone{
			{Name: "Kick-off", Share: schedule.Share{Percent: decimal.NewFromInt(30)}},
			{Name: "Go-live", Share: schedule.Share{Rest: true}}}}}
		c, err := f.engine.AcceptQuote(context.Background(), alice, sentQuote(t, f, in), keyDay, "")
		require.NoError(t, err)
		reach := func(milestone string) func(ctx context.Context) (any, error) {
			return func(ctx context.Context) (any, error) {
				return f.engine.ReachMilestone(ctx, carol, c.ID.String(), "1", milestone, date.MustParse("2026-03-20"))
			}
		}
		return reach("Kick-off"), reach("Go-live")
	}},
	{billing.OpCreateInvoice, func(t *testing.T, f *fixture) (call, other func(context.Context) (any, error)) {
		create := func(amount string) func(ctx context.Context) (any, error) {
			return func(ctx context.Context) (any, error) { return f.engine.CreateInvoice(ctx, carol, smallDoc(amount)) }
		}
		return create("100.00"), create("200.00")
	}},
	{billing.OpSubmitInvoice, func(t *testing.T, f *fixture) (call, other func(context.Context) (any, error)) {
		submit := func(id string) func(ctx context.Context) (any, error) {
			return func(ctx context.Context) (any, error) {
				inv, req, err := f.engine.SubmitInvoice(ctx, carol, id)
				return []any{inv, req}, err
			}
		}
		return submit(draftInvoice(t, f, "9000.00")), submit(draftInvoice(t, f, "9000.00"))
	}},
	{billing.OpIssueInvoice, func(t *testing.T, f *fixture) (call, other func(context.Context) (any, error)) {
		issue := func(id string) func(ctx context.Context) (any, error) {
			return func(ctx context.Context) (any, error) { return f.engine.IssueInvoice(ctx, carol, id, keyDay) }
		}
		return issue(approvedInvoice(t, f, "100.00")), issue(approvedInvoice(t, f, "200.00"))
	}},
	{billing.OpSendInvoice, func(t *testing.T, f *fixture) (call, other func(context.Context) (any, error)) {
		id := issuedInvoice(t, f, "100.00")
		send := func(on string) func(ctx context.Context) (any, error) {
			return func(ctx context.Context) (any, error) {
				return f.engine.SendInvoice(ctx, carol, id, date.MustParse(on))
			}
		}
		return send("2026-03-02"), send("2026-03-03")
	}},
	{billing.OpRecordPayment, func(t *testing.T, f *fixture) (call, other func(context.Context) (any, error)) {
		issuedInvoice(t, f, "100.00")
		p := invoice.Payment{ID: uuid.MustParse("019d0000-0000-7000-8000-00000000beef"), Customer: billing.CustomerKey(buyer),
			Amount: money.MustParse("50.00 EUR"), Date: keyDay, Method: invoice.MethodTransfer, Reference: "VIR 1"}
		pay := func(p invoice.Payment) func(ctx context.Context) (any, error) {
			return func(ctx context.Context) (any, error) {
				return f.engine.RecordPayment(ctx, carol, p, invoice.AllocateOldestFirst())
			}
		}
		more := p
		more.Amount = money.MustParse("60.00 EUR")
		return pay(p), pay(more)
	}},
	{billing.OpCreateCreditNote, func(t *testing.T, f *fixture) (call, other func(context.Context) (any, error)) {
		id := issuedInvoice(t, f, "100.00")
		credit := func(reason string) func(ctx context.Context) (any, error) {
			return func(ctx context.Context) (any, error) {
				return f.engine.CreateCreditNote(ctx, carol, id, invoice.CreditRequest{Reason: reason})
			}
		}
		return credit("returned"), credit("goodwill")
	}},
	{billing.OpIssueCreditNote, func(t *testing.T, f *fixture) (call, other func(context.Context) (any, error)) {
		ctx := context.Background()
		cn, err := f.engine.CreateCreditNote(ctx, carol, issuedInvoice(t, f, "100.00"), invoice.CreditRequest{Reason: "returned"})
		require.NoError(t, err)
		_, _, err = f.engine.SubmitInvoice(ctx, carol, cn.ID.String())
		require.NoError(t, err)
		issue := func(on string) func(ctx context.Context) (any, error) {
			return func(ctx context.Context) (any, error) {
				return f.engine.IssueCreditNote(ctx, carol, cn.ID.String(), date.MustParse(on))
			}
		}
		return issue("2026-03-02"), issue("2026-03-01")
	}},
	{billing.OpWriteOff, func(t *testing.T, f *fixture) (call, other func(context.Context) (any, error)) {
		id := issuedInvoice(t, f, "100.00")
		writeOff := func(reason string) func(ctx context.Context) (any, error) {
			return func(ctx context.Context) (any, error) { return f.engine.WriteOff(ctx, dan, id, reason) }
		}
		return writeOff("the customer went bankrupt"), writeOff("never mind")
	}},
	{billing.OpRecordReminders, func(t *testing.T, f *fixture) (call, other func(context.Context) (any, error)) {
		issued(t, f, "100.00")
		issued(t, f, "200.00")
		rems, err := f.engine.Dunning(context.Background(), carol, date.MustParse("2026-05-08"), invoice.DefaultDunningPolicy())
		require.NoError(t, err)
		require.Len(t, rems, 2)
		record := func(rems ...invoice.Reminder) func(ctx context.Context) (any, error) {
			return func(ctx context.Context) (any, error) { return nil, f.engine.RecordReminders(ctx, carol, rems...) }
		}
		return record(rems...), record(rems[0])
	}},
	{billing.OpApprove, func(t *testing.T, f *fixture) (call, other func(context.Context) (any, error)) {
		approve := func(id string) func(ctx context.Context) (any, error) {
			return func(ctx context.Context) (any, error) { return f.engine.Approve(ctx, dan, id) }
		}
		return approve(invoiceRequest(t, f)), approve(invoiceRequest(t, f))
	}},
	{billing.OpReject, func(t *testing.T, f *fixture) (call, other func(context.Context) (any, error)) {
		id := invoiceRequest(t, f)
		reject := func(reason string) func(ctx context.Context) (any, error) {
			return func(ctx context.Context) (any, error) { return f.engine.Reject(ctx, dan, id, reason) }
		}
		return reject("the rate is wrong"), reject("the buyer is wrong")
	}},
}

// draftQuote returns the ID of a draft quote with a discount, by alice.
func draftQuote(t *testing.T, f *fixture, discount int64) string {
	t.Helper()
	q, err := f.engine.CreateQuote(context.Background(), alice, storetest.QuoteInput(discount))
	require.NoError(t, err)
	return q.ID.String()
}

// sentQuote returns the ID of a quote of in sent on keyDay, by alice.
func sentQuote(t *testing.T, f *fixture, in quote.Input) string {
	t.Helper()
	q, err := f.engine.CreateQuote(context.Background(), alice, in)
	require.NoError(t, err)
	_, err = f.engine.SendQuote(context.Background(), alice, q.ID.String(), keyDay)
	require.NoError(t, err)
	return q.ID.String()
}

// draftInvoice returns the ID of a draft invoice of amount, by carol.
func draftInvoice(t *testing.T, f *fixture, amount string) string {
	t.Helper()
	inv, err := f.engine.CreateInvoice(context.Background(), carol, smallDoc(amount))
	require.NoError(t, err)
	return inv.ID.String()
}

// issuedInvoice returns the ID of an invoice of amount issued on keyDay.
func issuedInvoice(t *testing.T, f *fixture, amount string) string {
	t.Helper()
	id := approvedInvoice(t, f, amount)
	_, err := f.engine.IssueInvoice(context.Background(), carol, id, keyDay)
	require.NoError(t, err)
	return id
}

// invoiceRequest returns the ID of the approval request of an invoice of
// 9,000.00 EUR that carol submitted.
func invoiceRequest(t *testing.T, f *fixture) string {
	t.Helper()
	_, req, err := f.engine.SubmitInvoice(context.Background(), carol, draftInvoice(t, f, "9000.00"))
	require.NoError(t, err)
	require.NotEmpty(t, req.ID)
	return req.ID
}

// footprint describes everything the fixture's store holds and the
// notifications sent: every record's ID and version, and the number of
// events. Two footprints are equal when nothing was written in between.
func footprint(t *testing.T, f *fixture) string {
	t.Helper()
	ctx := context.Background()
	var b strings.Builder
	require.NoError(t, f.store.View(ctx, func(tx billing.Tx) error {
		for _, list := range []func() ([]string, error){
			func() ([]string, error) { return versions(ctx, tx.Quotes()) },
			func() ([]string, error) { return versions(ctx, tx.Contracts()) },
			func() ([]string, error) { return versions(ctx, tx.Invoices()) },
			func() ([]string, error) { return versions(ctx, tx.Ledgers()) },
			func() ([]string, error) { return versions(ctx, tx.Approvals()) },
		} {
			recs, err := list()
			if err != nil {
				return err
			}
			b.WriteString(strings.Join(recs, " ") + "\n")
		}
		evs, err := tx.Events().Range(ctx, billing.EventQuery{})
		b.WriteString("events: " + strconv.Itoa(len(evs)) + "\n")
		return err
	}))
	b.WriteString("notifications: " + strconv.Itoa(f.notified.Len()))
	return b.String()
}

// versions lists the records of c as ID@version.
func versions[T any](ctx context.Context, c billing.Collection[T]) ([]string, error) {
	recs, err := c.Scan(ctx, "", 0)
	out := make([]string, len(recs))
	for i, r := range recs {
		out[i] = r.ID + "@" + strconv.FormatUint(r.Version, 10)
	}
	return out, err
}

// assertSameResult checks that two results hold the same data, as their
// JSON says: a replayed result is decoded from what the first call
// recorded.
func assertSameResult(t *testing.T, want, got any, msgAndArgs ...any) {
	t.Helper()
	w, err := json.Marshal(want)
	require.NoError(t, err)
	g, err := json.Marshal(got)
	require.NoError(t, err)
	assert.JSONEq(t, string(w), string(g), msgAndArgs...)
}

// Each call that creates or records something, retried with the same key
// after it committed (its answer lost on the way), returns the same
// result and writes nothing: no record, no event, no notification. The
// same key for other arguments is refused, and writes nothing either.
func TestIdempotentCalls(t *testing.T) {
	for _, tc := range keyedCalls {
		t.Run(string(tc.op), func(t *testing.T) {
			f := newFixture(t)
			call, other := tc.arrange(t, f)
			ctx := billing.WithIdempotencyKey(context.Background(), "req-"+string(tc.op))
			before := footprint(t, f)
			first, err := call(ctx)
			require.NoError(t, err)
			done := footprint(t, f)
			require.NotEqual(t, before, done, "the first call writes")

			sub, err := f.engine.Subscribe(fred, billing.EventFilter{}, 16)
			require.NoError(t, err)
			defer sub.Close()
			again, err := call(ctx)
			require.NoError(t, err, "the retry is answered")
			assertSameResult(t, first, again, "the retry gets the first result")
			assert.Equal(t, done, footprint(t, f), "the retry writes nothing")
			assert.Empty(t, sub.C, "the retry publishes nothing")

			_, err = other(ctx)
			var mismatch *billing.IdempotencyError
			require.ErrorAs(t, err, &mismatch)
			assert.ErrorIs(t, err, billing.ErrIdempotencyMismatch)
			assert.Equal(t, billing.IdempotencyError{Key: "req-" + string(tc.op), Operation: tc.op, Attempted: tc.op}, *mismatch)
			assert.Equal(t, done, footprint(t, f), "a mismatch writes nothing")
		})
	}
}

// Every operation that takes a key has a test above.
func TestIdempotentCallsCoverEveryOperation(t *testing.T) {
	tested := map[billing.Operation]bool{}
	for _, tc := range keyedCalls {
		tested[tc.op] = true
	}
	for _, op := range []billing.Operation{billing.OpCreateQuote, billing.OpSubmitQuote, billing.OpSendQuote,
		billing.OpAcceptQuote, billing.OpDeclineQuote, billing.OpReviseQuote, billing.OpReachMilestone,
		billing.OpCreateInvoice, billing.OpSubmitInvoice, billing.OpIssueInvoice, billing.OpSendInvoice,
		billing.OpRecordPayment, billing.OpCreateCreditNote, billing.OpIssueCreditNote, billing.OpWriteOff,
		billing.OpRecordReminders, billing.OpApprove, billing.OpReject} {
		assert.True(t, tested[op], "%s has no test", op)
	}
}

// A key is scoped by its user and its operation: another user's key of
// the same name is another key, and a key used for one operation is
// refused for another.
func TestIdempotencyKeyScope(t *testing.T) {
	f := newFixture(t)
	ctx := billing.WithIdempotencyKey(context.Background(), "form-1")
	mine, err := f.engine.CreateInvoice(ctx, carol, smallDoc("100.00"))
	require.NoError(t, err)
	theirs, err := f.engine.CreateInvoice(ctx, erin, smallDoc("100.00"))
	require.NoError(t, err)
	assert.NotEqual(t, mine.ID, theirs.ID, "two users' keys never collide")

	_, err = f.engine.CreateQuote(ctx, erin, storetest.QuoteInput(0))
	var mismatch *billing.IdempotencyError
	require.ErrorAs(t, err, &mismatch)
	assert.Equal(t, billing.IdempotencyError{Key: "form-1", Operation: billing.OpCreateInvoice, Attempted: billing.OpCreateQuote}, *mismatch)
	assert.Contains(t, mismatch.Error(), "was used for create_invoice, not create_quote")

	again, err := f.engine.CreateInvoice(billing.WithIdempotencyKey(context.Background(), "form-2"), carol, smallDoc("100.00"))
	require.NoError(t, err)
	assert.NotEqual(t, mine.ID, again.ID, "another key is another request")
}

// A call that fails stores no key: its retry runs again, and once it
// succeeds, the key answers.
func TestIdempotencyKeyOfAFailedCall(t *testing.T) {
	f := newFixture(t)
	ctx := billing.WithIdempotencyKey(context.Background(), "pay-1")
	p := invoice.Payment{ID: uuid.New(), Customer: billing.CustomerKey(buyer), Amount: money.MustParse("50.00 EUR"),
		Date: keyDay, Method: invoice.MethodTransfer}
	_, err := f.engine.RecordPayment(ctx, carol, p, invoice.AllocateOldestFirst())
	require.ErrorIs(t, err, billing.ErrNotFound, "the customer has no ledger yet")
	var rec billing.IdempotencyRecord
	require.NoError(t, f.store.View(context.Background(), func(tx billing.Tx) error {
		var ok bool
		var err error
		rec, ok, err = tx.IdempotencyKeys().Get(context.Background(), carol, "pay-1")
		assert.False(t, ok, "a failed call stores no key")
		return err
	}))

	issuedInvoice(t, f, "100.00")
	first, err := f.engine.RecordPayment(ctx, carol, p, invoice.AllocateOldestFirst())
	require.NoError(t, err, "the retry runs again")
	again, err := f.engine.RecordPayment(ctx, carol, p, invoice.AllocateOldestFirst())
	require.NoError(t, err)
	assertSameResult(t, first, again)
	st, err := f.engine.Statement(context.Background(), carol, billing.CustomerKey(buyer), money.EUR)
	require.NoError(t, err)
	assert.Len(t, st.Payments, 1)
	assert.Equal(t, "70.00 EUR", st.Outstanding.String())

	require.NoError(t, f.store.View(context.Background(), func(tx billing.Tx) error {
		var err error
		rec, _, err = tx.IdempotencyKeys().Get(context.Background(), carol, "pay-1")
		return err
	}))
	assert.Equal(t, billing.OpRecordPayment, rec.Operation)
	assert.Equal(t, billing.DefaultIdempotencyRetention, rec.ExpiresAt.Sub(rec.CreatedAt))
	assert.Len(t, rec.Fingerprint, 64)
}

// A key counts for the engine's retention: after it, the same key is a
// new request, and ExpireIdempotencyKeys deletes what has expired.
func TestIdempotencyKeyExpires(t *testing.T) {
	f := newFixture(t, billing.WithIdempotencyRetention(time.Hour))
	bg := context.Background()
	a, b := billing.WithIdempotencyKey(bg, "a"), billing.WithIdempotencyKey(bg, "b")
	first, err := f.engine.CreateInvoice(a, carol, smallDoc("100.00"))
	require.NoError(t, err)
	_, err = f.engine.CreateInvoice(b, carol, smallDoc("100.00"))
	require.NoError(t, err)
	replayed, err := f.engine.CreateInvoice(a, carol, smallDoc("100.00"))
	require.NoError(t, err)
	assert.Equal(t, first.ID, replayed.ID, "within the hour")

	f.clock.travel(t, "2026-03-03")
	later, err := f.engine.CreateInvoice(a, carol, smallDoc("200.00"))
	require.NoError(t, err, "an expired key is a new one, whatever it was used for")
	assert.NotEqual(t, first.ID, later.ID)
	n, err := f.engine.ExpireIdempotencyKeys(bg)
	require.NoError(t, err)
	assert.Equal(t, 1, n, "b has expired; a was used again")
	require.NoError(t, f.store.View(bg, func(tx billing.Tx) error {
		_, ok, err := tx.IdempotencyKeys().Get(bg, carol, "b")
		assert.False(t, ok)
		return err
	}))
	replayed, err = f.engine.CreateInvoice(a, carol, smallDoc("200.00"))
	require.NoError(t, err)
	assert.Equal(t, later.ID, replayed.ID)

	_, err = billing.New(f.store, storetest.Desk(t), billing.WithIdempotencyRetention(0))
	require.ErrorIs(t, err, billing.ErrConfig)
}

// A key must be printable text of 1 to 255 bytes; the permission is
// checked before the key.
func TestIdempotencyKeyValidation(t *testing.T) {
	f := newFixture(t)
	before := footprint(t, f)
	for _, key := range []string{"", strings.Repeat("k", 256), "line\nbreak", "bad \xff utf-8"} {
		ctx := billing.WithIdempotencyKey(context.Background(), key)
		_, err := f.engine.CreateInvoice(ctx, carol, smallDoc("100.00"))
		var invalid *validation.Error
		require.ErrorAs(t, err, &invalid, "key %q", key)
		assert.Equal(t, "idempotency_key", invalid.Faults[0].Field)
		_, err = f.engine.CreateInvoice(ctx, fred, smallDoc("100.00"))
		assert.ErrorIs(t, err, billing.ErrForbidden, "the permission first")
	}
	assert.Equal(t, before, footprint(t, f))
	ctx := billing.WithIdempotencyKey(context.Background(), strings.Repeat("é", 127)+"!")
	_, err := f.engine.CreateInvoice(ctx, carol, smallDoc("100.00"))
	require.NoError(t, err, "255 bytes of printable text")
	key, ok := billing.IdempotencyKeyFrom(ctx)
	assert.True(t, ok)
	assert.Len(t, key, 255)
	_, ok = billing.IdempotencyKeyFrom(context.Background())
	assert.False(t, ok)
}

// A user who lost the permission of a call reads nothing of its result:
// the permission is checked before the key, and a decision's retry needs
// the permission of its request's kind.
func TestIdempotencyKeyNeedsThePermission(t *testing.T) {
	f := newFixture(t)
	access := f.engine.Access()
	ctx := billing.WithIdempotencyKey(context.Background(), "k")
	_, err := f.engine.CreateInvoice(ctx, gina, smallDoc("100.00"))
	require.NoError(t, err)
	req := invoiceRequest(t, f)
	_, err = f.engine.Approve(billing.WithIdempotencyKey(context.Background(), "ok"), dan, req)
	require.NoError(t, err)

	require.NoError(t, access.SetUser(billing.User{ID: gina, Roles: []string{billing.RoleAuditor}}))
	_, err = f.engine.CreateInvoice(ctx, gina, smallDoc("100.00"))
	requireForbidden(t, err, gina, billing.PermInvoiceCreate)
	require.NoError(t, access.SetUser(billing.User{ID: dan, Roles: []string{billing.RoleSalesManager}}))
	_, err = f.engine.Approve(billing.WithIdempotencyKey(context.Background(), "ok"), dan, req)
	requireForbidden(t, err, dan, billing.PermInvoiceApprove)
}

// Edits name the version they change, so they ignore the key: the retry
// of an edit that committed is a conflict, and writes nothing.
func TestEditIgnoresIdempotencyKey(t *testing.T) {
	f := newFixture(t)
	id := draftQuote(t, f, 0)
	ctx := billing.WithIdempotencyKey(context.Background(), "edit-1")
	edit := func(in *quote.Input) error { in.Lines[0].Quantity = decimal.NewFromInt(12); return nil }
	_, err := f.engine.EditQuote(ctx, alice, id, 1, edit)
	require.NoError(t, err)
	before := footprint(t, f)
	_, err = f.engine.EditQuote(ctx, alice, id, 1, edit)
	require.ErrorIs(t, err, billing.ErrConflict)
	assert.Equal(t, before, footprint(t, f))
}

// The retry of an issue answers with the invoice as issued, even once
// the day it was issued on has left the issue date window: the key is
// looked up before the call's arguments are checked.
func TestIdempotentIssueRetriedNextDay(t *testing.T) {
	f := newFixture(t)
	id := approvedInvoice(t, f, "100.00")
	ctx := billing.WithIdempotencyKey(context.Background(), "issue-1")
	first, err := f.engine.IssueInvoice(ctx, carol, id, keyDay)
	require.NoError(t, err)
	f.clock.travel(t, "2026-03-03")
	_, err = f.engine.IssueInvoice(context.Background(), carol, approvedInvoice(t, f, "100.00"), keyDay)
	var invalid *validation.Error
	require.ErrorAs(t, err, &invalid, "yesterday is out of the window")
	again, err := f.engine.IssueInvoice(ctx, carol, id, keyDay)
	require.NoError(t, err)
	assert.Equal(t, first.Document.Number, again.Document.Number)
	assertSameResult(t, first, again)
}
