package postgres

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// migration is one versioned change of the schema. Migrations are applied
// in version order, each once, and recorded in schema_migrations.
type migration struct {
	version int
	name    string
	sql     string // {{s}} stands for the quoted schema name
}

// migrations are the schema's history. Never change one that was
// released: add the next.
var migrations = []migration{
	{1, "aggregates, audit log, marks and numbering series", `
CREATE TABLE {{s}}.quotes (
	id         uuid PRIMARY KEY,
	version    bigint NOT NULL CHECK (version > 0),
	value      jsonb NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE {{s}}.contracts (
	id         uuid PRIMARY KEY,
	version    bigint NOT NULL CHECK (version > 0),
	customer   text NOT NULL,
	value      jsonb NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contracts_customer ON {{s}}.contracts (customer);
CREATE TABLE {{s}}.invoices (
	id         uuid PRIMARY KEY,
	version    bigint NOT NULL CHECK (version > 0),
	status     text NOT NULL,
	number     text,
	issue_date date,
	customer   text NOT NULL,
	currency   text NOT NULL,
	total      numeric NOT NULL,
	amount_due numeric NOT NULL,
	value      jsonb NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invoices_customer ON {{s}}.invoices (customer);
CREATE TABLE {{s}}.ledgers (
	id         text COLLATE "C" PRIMARY KEY,
	version    bigint NOT NULL CHECK (version > 0),
	value      jsonb NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE {{s}}.approvals (
	id         uuid PRIMARY KEY,
	version    bigint NOT NULL CHECK (version > 0),
	status     text NOT NULL,
	value      jsonb NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE {{s}}.events (
	id          uuid PRIMARY KEY,
	at          timestamptz NOT NULL,
	at_nanos    smallint NOT NULL CHECK (at_nanos BETWEEN 0 AND 999),
	actor       text NOT NULL,
	object_kind text NOT NULL,
	object_id   text NOT NULL,
	action      text NOT NULL,
	changes     jsonb NOT NULL,
	version     bigint NOT NULL,
	reason      text NOT NULL,
	tx          xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX events_time ON {{s}}.events (at, at_nanos, id);
CREATE INDEX events_object ON {{s}}.events (object_kind, object_id, at, at_nanos, id);
CREATE INDEX events_tx ON {{s}}.events (tx);
CREATE FUNCTION {{s}}.events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP
		USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON {{s}}.events
	FOR EACH ROW EXECUTE FUNCTION {{s}}.events_append_only();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON {{s}}.events
	FOR EACH STATEMENT EXECUTE FUNCTION {{s}}.events_append_only();

CREATE TABLE {{s}}.marks (
	key        text COLLATE "C" PRIMARY KEY,
	invoice_id uuid NOT NULL,
	marked_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE {{s}}.sequences (
	series    text COLLATE "C" PRIMARY KEY,
	last      bigint NOT NULL CHECK (last > 0),
	last_date date NOT NULL
);
`},
	{2, "the store each event comes from", `
ALTER TABLE {{s}}.events ADD COLUMN origin uuid;
COMMENT ON COLUMN {{s}}.events.origin IS 'the Store value that appended the event: its event feed skips its own';
`},
	{3, "idempotency keys", keysMigration},
	{4, "threads: collab.Store", collabSchema},
}

// migrate applies the migrations the schema lacks, in one transaction
// that holds an advisory lock on the schema: instances starting at once
// wait for the first one, then find nothing left to do.
func (s *Store) migrate(ctx context.Context) error {
	schema := pgx.Identifier{s.schema}.Sanitize()
	ptx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("postgres: migrate: %w", mapErr(err))
	}
	defer func() {
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		_ = ptx.Rollback(rctx) // no-op after the commit
	}()
	steps := []string{
		"SELECT pg_advisory_xact_lock($1)",
		"CREATE SCHEMA IF NOT EXISTS " + schema,
		"CREATE TABLE IF NOT EXISTS " + schema + `.schema_migrations (
			version    integer PRIMARY KEY,
			name       text NOT NULL,
			applied_at timestamptz NOT NULL DEFAULT now()
		)`,
	}
	for i, q := range steps {
		var args []any
		if i == 0 {
			args = append(args, lockKey("migrate", s.schema, ""))
		}
		if _, err := ptx.Exec(ctx, q, args...); err != nil {
			return fmt.Errorf("postgres: migrate: %w", mapErr(err))
		}
	}
	var current int
	err = ptx.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM "+schema+".schema_migrations").Scan(&current)
	if err != nil {
		return fmt.Errorf("postgres: migrate: %w", mapErr(err))
	}
	for _, m := range migrations {
		if m.version <= current {
			continue
		}
		if _, err := ptx.Exec(ctx, strings.ReplaceAll(m.sql, "{{s}}", schema)); err != nil {
			return fmt.Errorf("postgres: migration %d (%s): %w", m.version, m.name, mapErr(err))
		}
		if _, err := ptx.Exec(ctx, "INSERT INTO "+schema+".schema_migrations (version, name) VALUES ($1, $2)", m.version, m.name); err != nil {
			return fmt.Errorf("postgres: migration %d (%s): %w", m.version, m.name, mapErr(err))
		}
	}
	if err := ptx.Commit(ctx); err != nil {
		return fmt.Errorf("postgres: migrate: %w", mapErr(err))
	}
	return nil
}
