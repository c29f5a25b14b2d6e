package postgres_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/store/postgres"
	"github.com/billkit/billkit/validation"
)

func TestMigrationsRunOnceWhenInstancesStartTogether(t *testing.T) {
	const instances = 6
	schema := newSchema(t)
	var wg sync.WaitGroup
	errs := make([]error, instances)
	for i := range instances {
		wg.Go(func() {
			st, err := postgres.Open(context.Background(), dsn, postgres.WithSchema(schema))
			errs[i] = err
			if err == nil {
				st.Close()
			}
		})
	}
	wg.Wait()
	for i, err := range errs {
		require.NoError(t, err, "instance %d", i)
	}
	applied := func() []int {
		rows, err := admin.Query(context.Background(), "SELECT version FROM "+pgx.Identifier{schema, "schema_migrations"}.Sanitize()+" ORDER BY version")
		require.NoError(t, err)
		versions, err := pgx.CollectRows(rows, pgx.RowTo[int])
		require.NoError(t, err)
		return versions
	}
	assert.Equal(t, []int{1, 2, 3, 4}, applied(), "each migration applied once")
	openOn(t, schema)
	assert.Equal(t, []int{1, 2, 3, 4}, applied(), "opening again applies nothing")
}

func TestSchemaTypes(t *testing.T) {
	schema := newSchema(t)
	st := openOn(t, schema)
	rows, err := admin.Query(context.Background(), `SELECT table_name || '.' || column_name, data_type
		FROM information_schema.columns WHERE table_schema = $1`, schema)
	require.NoError(t, err)
	types := map[string]string{}
	for rows.Next() {
		var col, typ string
		require.NoError(t, rows.Scan(&col, &typ))
		types[col] = typ
	}
	require.NoError(t, rows.Err())
	for col, want := range map[string]string{
		"quotes.id": "uuid", "contracts.id": "uuid", "invoices.id": "uuid", "approvals.id": "uuid", "events.id": "uuid",
		"ledgers.id": "text", "marks.key": "text", "marks.invoice_id": "uuid",
		"invoices.total": "numeric", "invoices.amount_due": "numeric", "invoices.value": "jsonb",
		"events.changes": "jsonb", "events.origin": "uuid", "sequences.last_date": "date",
	} {
		assert.Equal(t, want, types[col], col)
	}

	// An issued invoice's totals are kept as numeric beside the document.
	e := newEngines(t, st)[0]
	snap, err := e.IssueInvoice(context.Background(), accountant, approvedInvoice(t, e, 7), date.MustParse("2026-03-02"))
	require.NoError(t, err)
	var status, number, total, due, issued string
	err = admin.QueryRow(context.Background(), `SELECT status, number, total::text, amount_due::text, issue_date::text
		FROM `+pgx.Identifier{schema, "invoices"}.Sanitize()+` WHERE id = $1`, snap.ID.String()).Scan(&status, &number, &total, &due, &issued)
	require.NoError(t, err)
	assert.Equal(t, string(snap.Status), status)
	assert.Equal(t, snap.Document.Number, number)
	assert.Equal(t, "840.00", total) // 7 hours at 100.00 EUR, 20 % VAT
	assert.True(t, snap.Document.Totals.TaxInclusive.Number().Equal(decimal.RequireFromString(total)))
	assert.True(t, snap.Document.Totals.Due.Number().Equal(decimal.RequireFromString(due)))
	assert.Equal(t, "2026-03-02", issued)
}

func TestEventsAreAppendOnly(t *testing.T) {
	schema := newSchema(t)
	st := openOn(t, schema)
	ctx := context.Background()
	require.NoError(t, st.Update(ctx, func(tx billing.Tx) error {
		return tx.Events().Append(ctx, billing.Event{ID: billing.NewID().String(), Actor: accountant,
			Object: collab.Ref{Kind: collab.KindInvoice, ID: "x"}, Action: billing.ActionInvoiceCreated})
	}))
	events := pgx.Identifier{schema, "events"}.Sanitize()
	for _, sql := range []string{"UPDATE " + events + " SET reason = 'changed'", "DELETE FROM " + events, "TRUNCATE " + events} {
		_, err := admin.Exec(ctx, sql)
		var pg *pgconn.PgError
		if assert.ErrorAs(t, err, &pg, sql) {
			assert.Equal(t, "42501", pg.Code, sql)
		}
	}
	var n int
	require.NoError(t, admin.QueryRow(ctx, "SELECT count(*) FROM "+events).Scan(&n))
	assert.Equal(t, 1, n)
}

func TestInputRefused(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	faultOf := func(err error) []validation.Fault {
		var ve *validation.Error
		if !assert.ErrorAs(t, err, &ve) {
			return nil
		}
		return ve.Faults
	}
	require.NoError(t, st.Update(ctx, func(tx billing.Tx) error {
		inv, err := invoice.NewDraft(billing.NewID(), document(1))
		require.NoError(t, err)
		for _, id := range []string{"inv-1", "019D0000-0000-7000-8000-000000000001", "{019d0000-0000-7000-8000-000000000001}"} {
			_, err = tx.Invoices().Put(ctx, billing.Record[invoice.Snapshot]{ID: id, Value: inv.Snapshot()})
			assert.Equal(t, []validation.Fault{{Field: "id", Code: validation.CodeInvalid,
				Message: "must be a UUID in canonical form to store a invoice"}}, faultOf(err), id)
			_, err = tx.Invoices().Get(ctx, id)
			assert.ErrorIs(t, err, billing.ErrNotFound, id)
		}
		snap := inv.Snapshot()
		snap.Document.Notes = []invoice.Note{{Text: "nul \x00 here"}}
		_, err = tx.Invoices().Put(ctx, billing.Record[invoice.Snapshot]{ID: inv.ID().String(), Value: snap})
		assert.Equal(t, "value", faultOf(err)[0].Field)
		snap.Document.Notes = []invoice.Note{{Text: `a backslash and u0000: \u0000`}}
		_, err = tx.Invoices().Put(ctx, billing.Record[invoice.Snapshot]{ID: inv.ID().String(), Value: snap})
		assert.NoError(t, err, "an escaped backslash before u0000 is no NUL")

		_, err = tx.Ledgers().Put(ctx, billing.Record[invoice.LedgerSnapshot]{ID: "name:Café Dupont/EUR"})
		assert.NoError(t, err, "ledger keys are any text")
		for _, bad := range []string{"name:nul\x00/EUR", "name:\xff/EUR"} {
			_, err = tx.Ledgers().Put(ctx, billing.Record[invoice.LedgerSnapshot]{ID: bad})
			assert.Equal(t, "id", faultOf(err)[0].Field, "%q", bad)
			_, err = tx.Ledgers().Get(ctx, bad)
			assert.ErrorIs(t, err, billing.ErrNotFound, "%q", bad)
			_, err = tx.Ledgers().Scan(ctx, bad, 0)
			assert.NoError(t, err, "%q", bad)
			_, ok, err := tx.Marks().Marked(ctx, bad)
			assert.NoError(t, err, "%q", bad)
			assert.False(t, ok)
			evs, err := tx.Events().Object(ctx, collab.Ref{Kind: collab.KindCustomer, ID: bad}, billing.EventQuery{})
			assert.NoError(t, err, "%q", bad)
			assert.Empty(t, evs)
		}
		page, err := tx.Ledgers().Scan(ctx, "name:Caf\x00", 0)
		require.NoError(t, err)
		require.Len(t, page, 1, "a cursor cut at its NUL")
		c := billing.Contract{Customer: "name:\xffBoulangerie"}
		c.ID = billing.NewID()
		_, err = tx.Contracts().Put(ctx, billing.Record[billing.Contract]{ID: c.ID.String(), Value: c})
		assert.NoError(t, err, "invalid UTF-8 inside a value is stored")
		err = tx.Events().Append(ctx, billing.Event{ID: billing.NewID().String(), Actor: "nul\x00"})
		assert.Equal(t, "events[0]", faultOf(err)[0].Field)

		err = tx.Events().Append(ctx, billing.Event{ID: "e1"})
		assert.Equal(t, "events[0].id", faultOf(err)[0].Field)
		err = tx.Marks().Mark(ctx, "contract/l1", "inv-1")
		assert.Equal(t, "invoice_id", faultOf(err)[0].Field)
		_, err = tx.Sequence().Next(ctx, "", date.MustParse("2026-03-02"))
		assert.Equal(t, "series", faultOf(err)[0].Field)
		return nil // the refusals left the transaction usable
	}))

	for name, opts := range map[string][]postgres.Option{
		"an upper-case schema": {postgres.WithSchema("Billing")},
		"a quoted schema":      {postgres.WithSchema(`x"; DROP TABLE y; --`)},
		"an empty schema":      {postgres.WithSchema("")},
	} {
		_, err := postgres.Open(ctx, dsn, opts...)
		assert.ErrorIs(t, err, billing.ErrConfig, name)
	}
	_, err := postgres.Open(ctx, "postgres://%zz")
	assert.ErrorIs(t, err, billing.ErrConfig, "a malformed DSN")
	_, err = postgres.New(ctx, nil)
	assert.ErrorIs(t, err, billing.ErrConfig, "no pool")
}

func TestEventTimesKeptToTheNanosecond(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	base := time.Date(2026, 3, 2, 9, 0, 0, 123456000, time.UTC)
	ref := collab.Ref{Kind: collab.KindInvoice, ID: "i1"}
	ev := func(id string, at time.Time) billing.Event {
		return billing.Event{ID: id, At: at, Actor: accountant, Object: ref, Action: billing.ActionInvoiceEdited}
	}
	// Three events in one microsecond, appended out of order, and one at
	// the zero time.
	a := ev("019d0000-0000-7000-8000-00000000000a", base.Add(3))
	b := ev("019d0000-0000-7000-8000-00000000000b", base.Add(1))
	c := ev("019d0000-0000-7000-8000-00000000000c", base.Add(2))
	zero := ev("019d0000-0000-7000-8000-000000000000", time.Time{})
	require.NoError(t, st.Update(ctx, func(tx billing.Tx) error { return tx.Events().Append(ctx, a, b, c, zero) }))
	require.NoError(t, st.View(ctx, func(tx billing.Tx) error {
		all, err := tx.Events().Object(ctx, ref, billing.EventQuery{})
		require.NoError(t, err)
		assert.Equal(t, []billing.Event{zero, b, c, a}, all)
		page, err := tx.Events().Range(ctx, billing.EventQuery{After: b.Position(), Limit: 1})
		require.NoError(t, err)
		assert.Equal(t, []billing.Event{c}, page, "a cursor to the nanosecond")
		page, err = tx.Events().Range(ctx, billing.EventQuery{Since: base.Add(2), Until: base.Add(3)})
		require.NoError(t, err)
		assert.Equal(t, []billing.Event{c}, page)
		return nil
	}))
}
