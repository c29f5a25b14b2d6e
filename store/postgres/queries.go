package postgres

import (
	"hash/fnv"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/quote"
)

// queries holds the SQL of a store, written once for its schema.
type queries struct {
	quotes    table[quote.Snapshot]
	contracts table[billing.Contract]
	invoices  table[invoice.Snapshot]
	ledgers   table[invoice.LedgerSnapshot]
	approvals table[billing.ApprovalRequest]

	appendEvents, appendEvent, eventTaken, notify, eventsOfTx, eventsBetween, eventColumns, events string
	mark, marked, markAll, unmark, markedAmong                                                     string
	next, lastDate                                                                                 string
}

// newQueries writes the SQL of a store whose tables are in schema, a
// quoted identifier.
func newQueries(schema string) queries {
	q := queries{
		quotes: newTable[quote.Snapshot](schema, "quotes", "quote", true, nil, nil, nil),
		contracts: newTable(schema, "contracts", "contract", true, []string{"customer"}, []string{"text"},
			func(c billing.Contract) []any { return []any{clean(c.Customer)} }),
		invoices: newTable(schema, "invoices", "invoice", true,
			[]string{"status", "number", "issue_date", "customer", "currency", "total", "amount_due"},
			[]string{"text", "text", "date", "text", "text", "numeric", "numeric"}, invoiceColumns),
		ledgers: newTable[invoice.LedgerSnapshot](schema, "ledgers", "ledger", false, nil, nil, nil),
		approvals: newTable(schema, "approvals", "approval", true, []string{"status"}, []string{"text"},
			func(r billing.ApprovalRequest) []any { return []any{clean(string(r.Status))} }),
	}
	// A customer's ledger is where concurrent writers of the customer's
	// receivables queue (see billing.Tx.Ledgers).
	q.ledgers.locked = true
	ev := schema + ".events"
	// Events are appended all or none: when one of the IDs is stored
	// already, the insert adds nothing, and eventTaken finds which.
	q.appendEvents = `INSERT INTO ` + ev + ` (id, at_nanos, at, actor, object_kind, object_id, action, changes, version, reason, origin)
SELECT *, $11::uuid FROM unnest($1::uuid[], $2::smallint[], $3::timestamptz[], $4::text[], $5::text[], $6::text[],
	$7::text[], $8::jsonb[], $9::bigint[], $10::text[])
WHERE NOT EXISTS (SELECT FROM ` + ev + ` WHERE id = ANY($1::uuid[]))
ON CONFLICT (id) DO NOTHING`
	q.eventTaken = "SELECT e.id::text FROM " + ev + " AS e WHERE e.id = ANY($1::uuid[]) ORDER BY e.id LIMIT 1"
	// One event, the common case, needs no duplicate check of its own:
	// if its ID is taken, nothing is inserted.
	q.appendEvent = `INSERT INTO ` + ev + ` (id, at_nanos, at, actor, object_kind, object_id, action, changes, version, reason, origin)
VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11::uuid) ON CONFLICT (id) DO NOTHING`
	q.notify = "SELECT pg_notify($1, $2 || pg_current_xact_id()::text)"
	// The events' ID is selected as text: ordering by e.id, not id,
	// keeps to the uuid column that the indexes hold.
	q.eventColumns = "SELECT e.id::text, e.at, e.at_nanos, e.actor, e.object_kind, e.object_id, e.action, e.changes, e.version, e.reason FROM " + ev + " AS e"
	q.eventsOfTx = q.eventColumns + " WHERE e.tx = $1::xid8 ORDER BY e.at, e.at_nanos, e.id"
	// The events of the transactions of other stores committed between
	// two snapshots: visible in the second ($3), not in the first ($4).
	// Those are the first snapshot's running transactions ($2) and the
	// ones that started after it (from its xmax, $1): two index lookups,
	// however far back a long transaction holds the snapshot's xmin.
	q.eventsBetween = "SELECT tx::text, " + strings.TrimPrefix(q.eventColumns, "SELECT ") + `
WHERE (tx >= $1::xid8 OR tx = ANY($2::xid8[]))
	AND pg_visible_in_snapshot(tx, $3::pg_snapshot) AND NOT pg_visible_in_snapshot(tx, $4::pg_snapshot)
	AND origin IS DISTINCT FROM $5::uuid
ORDER BY e.tx, e.at, e.at_nanos, e.id`
	q.mark = "INSERT INTO " + schema + ".marks (key, invoice_id) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING"
	q.marked = "SELECT invoice_id::text FROM " + schema + ".marks WHERE key = $1"
	q.markAll = "INSERT INTO " + schema + ".marks (key, invoice_id) SELECT * FROM unnest($1::text[], $2::uuid[]) ON CONFLICT (key) DO NOTHING RETURNING key"
	q.unmark = "DELETE FROM " + schema + ".marks WHERE key = ANY($1::text[])"
	q.markedAmong = "SELECT key, invoice_id::text FROM " + schema + ".marks WHERE key = ANY($1::text[])"
	// The upsert locks the series row, as SELECT ... FOR UPDATE would,
	// until the transaction ends: concurrent issuers queue on it, and
	// each reads the counter the one before it committed.
	q.next = "INSERT INTO " + schema + `.sequences AS s (series, last, last_date) VALUES ($1, 1, $2::date)
ON CONFLICT (series) DO UPDATE SET last = s.last + 1, last_date = EXCLUDED.last_date
	WHERE s.last_date <= EXCLUDED.last_date
RETURNING last`
	q.lastDate = "SELECT to_char(last_date, 'YYYY-MM-DD') FROM " + schema + ".sequences WHERE series = $1"
	return q
}

// invoiceColumns returns the derived columns of an invoice: status,
// number, issue date, customer, currency, total with VAT and amount due.
// Amounts go as decimal text into numeric columns, never through a float.
func invoiceColumns(s invoice.Snapshot) []any {
	d := &s.Document
	var number, issued any // NULL until issued
	if d.Number != "" {
		number = clean(d.Number)
	}
	if !d.IssueDate.IsZero() {
		issued = d.IssueDate.String()
	}
	return []any{clean(string(s.Status)), number, issued, clean(billing.CustomerKey(d.Buyer)), clean(d.Currency.Code()),
		numericText(d.Totals.TaxInclusive.Number()), numericText(d.Totals.Due.Number())}
}

// numericText returns d as the text of a numeric with d's scale: 840.00
// stays 840.00.
func numericText(d decimal.Decimal) string {
	if e := d.Exponent(); e < 0 {
		return d.StringFixed(-e)
	}
	return d.String()
}

// lockKey returns the advisory lock key of a purpose ("claim",
// "migrate"), a schema and a key: a 64-bit FNV-1a hash, so that claims on
// different schemas of one database never meet.
func lockKey(purpose, schema, key string) int64 {
	h := fnv.New64a()
	h.Write([]byte(purpose))
	h.Write([]byte{0})
	h.Write([]byte(schema))
	h.Write([]byte{0})
	h.Write([]byte(key))
	return int64(h.Sum64())
}

// channelOf returns the NOTIFY channel of a schema's events. Channel
// names are identifiers of at most 63 bytes.
func channelOf(schema string) string {
	ch := "billkit_events." + schema
	if len(ch) > 63 {
		h := fnv.New64a()
		h.Write([]byte(schema))
		ch = "billkit_events." + strconv.FormatUint(h.Sum64(), 16)
	}
	return ch
}
