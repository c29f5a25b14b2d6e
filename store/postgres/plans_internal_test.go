package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
)

// planRows is how many rows each table holds when the plans are read:
// enough that a sort or a sequential scan costs far more than an index.
const planRows = 20000

// TestQueryPlansUseIndexes explains the store's reads over tables of
// planRows rows and fails on a sort or a sequential scan where an index
// gives the rows in order: a paged Scan that sorts reads the whole table
// for every page, which makes reading a table quadratic.
func TestQueryPlansUseIndexes(t *testing.T) {
	dsn := os.Getenv("BILLKIT_POSTGRES_DSN")
	if dsn == "" {
		t.Skip("BILLKIT_POSTGRES_DSN is not set")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var b [8]byte
	_, _ = rand.Read(b[:])
	schema := "t_plans_" + hex.EncodeToString(b[:])
	st, err := Open(ctx, dsn, WithSchema(schema))
	require.NoError(t, err)
	t.Cleanup(func() {
		_, err := st.pool.Exec(context.Background(), "DROP SCHEMA IF EXISTS "+pgx.Identifier{schema}.Sanitize()+" CASCADE")
		if err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
		st.Close()
	})
	s := pgx.Identifier{schema}.Sanitize()
	fill := []string{
		`INSERT INTO ` + s + `.quotes (id, version, value) SELECT gen_random_uuid(), 1, '{}' FROM generate_series(1, $1)`,
		`INSERT INTO ` + s + `.contracts (id, version, customer, value)
			SELECT gen_random_uuid(), 1, 'customer ' || (i % 1000), '{}' FROM generate_series(1, $1) i`,
		`INSERT INTO ` + s + `.invoices (id, version, status, customer, currency, total, amount_due, value)
			SELECT gen_random_uuid(), 1, 'draft', 'customer ' || (i % 1000), 'EUR', 100, 100, '{}' FROM generate_series(1, $1) i`,
		`INSERT INTO ` + s + `.ledgers (id, version, value) SELECT 'customer ' || i || '/EUR', 1, '{}' FROM generate_series(1, $1) i`,
		`INSERT INTO ` + s + `.approvals (id, version, status, value) SELECT gen_random_uuid(), 1, 'pending', '{}' FROM generate_series(1, $1)`,
		`INSERT INTO ` + s + `.events (id, at, at_nanos, actor, object_kind, object_id, action, changes, version, reason)
			SELECT gen_random_uuid(), timestamptz '2026-01-01' + i * interval '1 second', 0, 'carol', 'invoice',
				'object ' || (i % 1000), 'invoice.created', '[]', 1, '' FROM generate_series(1, $1) i`,
	}
	for _, q := range fill {
		_, err := st.pool.Exec(ctx, q, planRows)
		require.NoError(t, err, q)
	}
	_, err = st.pool.Exec(ctx, "ANALYZE "+s+".quotes, "+s+".contracts, "+s+".invoices, "+s+".ledgers, "+s+".approvals, "+s+".events")
	require.NoError(t, err)

	uuidAfter := "01900000-0000-7000-8000-000000000000"
	type plan struct {
		name string
		sql  string
		args []any
	}
	var plans []plan
	tables := func(name string, scanAll, scanAfter, scanAfterText, taken, get, getMany string, after string) {
		plans = append(plans,
			plan{name + " scan from the start", scanAll, []any{int64(1000)}},
			plan{name + " scan after an ID", scanAfter, []any{int64(1000), after}},
			plan{name + " scan after a text cursor", scanAfterText, []any{int64(1000), "0"}},
			plan{name + " get", get, []any{after}},
			plan{name + " many", getMany, []any{[]string{after, after}}},
			plan{name + " taken", taken, []any{[]string{after, after}}},
		)
	}
	q := &st.q
	tables("quotes", q.quotes.scanAll, q.quotes.scanAfter, q.quotes.scanAfterText, q.quotes.taken, q.quotes.get, q.quotes.getMany, uuidAfter)
	tables("contracts", q.contracts.scanAll, q.contracts.scanAfter, q.contracts.scanAfterText, q.contracts.taken, q.contracts.get, q.contracts.getMany, uuidAfter)
	tables("invoices", q.invoices.scanAll, q.invoices.scanAfter, q.invoices.scanAfterText, q.invoices.taken, q.invoices.get, q.invoices.getMany, uuidAfter)
	tables("ledgers", q.ledgers.scanAll, q.ledgers.scanAfter, q.ledgers.scanAfterText, q.ledgers.taken, q.ledgers.get, q.ledgers.getMany, "customer 5/EUR")
	tables("approvals", q.approvals.scanAll, q.approvals.scanAfter, q.approvals.scanAfterText, q.approvals.taken, q.approvals.get, q.approvals.getMany, uuidAfter)
	plans = append(plans, plan{"event taken", q.eventTaken, []any{[]string{uuidAfter}}})
	at := time.Date(2026, 1, 1, 3, 0, 0, 0, time.UTC)
	ref := collab.Ref{Kind: collab.KindInvoice, ID: "object 7"}
	for _, c := range []struct {
		name string
		ref  *collab.Ref
		q    billing.EventQuery
	}{
		{"object events", &ref, billing.EventQuery{}},
		{"object events, newest first", &ref, billing.EventQuery{Descending: true, Limit: 10}},
		{"object events after a position", &ref, billing.EventQuery{After: collab.Position{At: at, ID: uuidAfter}, Limit: 10}},
		{"events in a time range", nil, billing.EventQuery{Since: at, Until: at.Add(time.Hour)}},
		{"events page after a position", nil, billing.EventQuery{After: collab.Position{At: at, ID: uuidAfter}, Limit: 100}},
		{"events page, newest first", nil, billing.EventQuery{Descending: true, Limit: 100}},
	} {
		sql, args := q.eventQuery(c.ref, c.q)
		plans = append(plans, plan{c.name, sql, args})
	}

	for _, p := range plans {
		t.Run(p.name, func(t *testing.T) {
			var raw []byte
			require.NoError(t, st.pool.QueryRow(ctx, "EXPLAIN (FORMAT JSON) "+p.sql, p.args...).Scan(&raw))
			var out []struct {
				Plan planNode `json:"Plan"`
			}
			require.NoError(t, json.Unmarshal(raw, &out))
			require.Len(t, out, 1)
			if bad := out[0].Plan.find(func(n planNode) bool {
				return strings.HasSuffix(n.Type, "Sort") || n.Type == "Seq Scan"
			}); bad != "" {
				t.Errorf("%s\nplans a %s:\n%s", p.sql, bad, raw)
			}
		})
	}
}

// planNode is a node of a plan that EXPLAIN (FORMAT JSON) writes.
type planNode struct {
	Type  string     `json:"Node Type"`
	Plans []planNode `json:"Plans"`
}

// find returns the type of the first node of the tree under n for which
// bad is true, or "".
func (n planNode) find(bad func(planNode) bool) string {
	if bad(n) {
		return n.Type
	}
	for _, c := range n.Plans {
		if s := c.find(bad); s != "" {
			return s
		}
	}
	return ""
}
