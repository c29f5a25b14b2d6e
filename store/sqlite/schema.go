package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// migration is one step of the schema, applied once, in order.
type migration struct {
	version int
	stmts   []string
}

// migrations is the history of the schema. Append to it; never change a
// step that has shipped, since databases already hold it.
//
// Values are JSON text. Events are ordered by (at_sec, at_nsec, id): the
// instant in Unix seconds and nanoseconds compares exactly, unlike a
// formatted time or a float. Series keep their last date as YYYY-MM-DD,
// which sorts as it compares.
var migrations = []migration{
	{version: 1, stmts: []string{
		collectionTable("quotes"),
		collectionTable("contracts"),
		collectionTable("invoices"),
		collectionTable("ledgers"),
		collectionTable("approvals"),
		`CREATE TABLE events (
			id          TEXT    NOT NULL PRIMARY KEY,
			at_sec      INTEGER NOT NULL,
			at_nsec     INTEGER NOT NULL,
			object_kind TEXT    NOT NULL,
			object_id   TEXT    NOT NULL,
			value       TEXT    NOT NULL
		) STRICT, WITHOUT ROWID`,
		`CREATE INDEX events_by_time ON events (at_sec, at_nsec, id)`,
		`CREATE INDEX events_by_object ON events (object_kind, object_id, at_sec, at_nsec, id)`,
		`CREATE TABLE marks (
			key        TEXT NOT NULL PRIMARY KEY,
			invoice_id TEXT NOT NULL
		) STRICT, WITHOUT ROWID`,
		`CREATE TABLE series (
			id        TEXT    NOT NULL PRIMARY KEY,
			last      INTEGER NOT NULL,
			last_date TEXT    NOT NULL
		) STRICT, WITHOUT ROWID`,
	}},
	{version: 2, stmts: []string{ // collab.Store (see CollabStore)
		`CREATE TABLE collab_threads (
			object_kind TEXT NOT NULL,
			object_id   TEXT NOT NULL,
			value       TEXT NOT NULL,
			PRIMARY KEY (object_kind, object_id)
		) STRICT, WITHOUT ROWID`,
		`CREATE TABLE collab_messages (
			id          TEXT    NOT NULL PRIMARY KEY,
			object_kind TEXT    NOT NULL,
			object_id   TEXT    NOT NULL,
			parent_id   TEXT    NOT NULL,
			at_sec      INTEGER NOT NULL,
			at_nsec     INTEGER NOT NULL,
			version     INTEGER NOT NULL,
			value       TEXT    NOT NULL
		) STRICT, WITHOUT ROWID`,
		`CREATE INDEX collab_messages_by_object ON collab_messages (object_kind, object_id, at_sec, at_nsec, id)`,
		`CREATE INDEX collab_messages_by_parent ON collab_messages (parent_id, at_sec, at_nsec, id)`,
		`CREATE TABLE collab_reactions (
			message_id TEXT NOT NULL,
			user_id    TEXT NOT NULL,
			reaction   TEXT NOT NULL,
			PRIMARY KEY (message_id, user_id)
		) STRICT, WITHOUT ROWID`,
		`CREATE TABLE collab_follows (
			object_kind TEXT NOT NULL,
			object_id   TEXT NOT NULL,
			user_id     TEXT NOT NULL,
			PRIMARY KEY (object_kind, object_id, user_id)
		) STRICT, WITHOUT ROWID`,
		`CREATE INDEX collab_follows_by_user ON collab_follows (user_id, object_kind, object_id)`,
		`CREATE TABLE collab_preferences (
			user_id    TEXT NOT NULL PRIMARY KEY,
			preference TEXT NOT NULL
		) STRICT, WITHOUT ROWID`,
		`CREATE TABLE collab_digests (
			n         INTEGER PRIMARY KEY,
			recipient TEXT    NOT NULL,
			at_sec    INTEGER NOT NULL,
			at_nsec   INTEGER NOT NULL,
			id        TEXT    NOT NULL,
			value     TEXT    NOT NULL
		) STRICT`,
		`CREATE INDEX collab_digests_by_recipient ON collab_digests (recipient, at_sec, at_nsec, id)`,
		`CREATE TABLE collab_polls (
			id    TEXT NOT NULL PRIMARY KEY,
			value TEXT NOT NULL
		) STRICT, WITHOUT ROWID`,
		`CREATE TABLE collab_tasks (
			id          TEXT    NOT NULL PRIMARY KEY,
			object_kind TEXT    NOT NULL,
			object_id   TEXT    NOT NULL,
			assignee    TEXT    NOT NULL,
			status      TEXT    NOT NULL,
			at_sec      INTEGER NOT NULL,
			at_nsec     INTEGER NOT NULL,
			version     INTEGER NOT NULL,
			value       TEXT    NOT NULL
		) STRICT, WITHOUT ROWID`,
		`CREATE INDEX collab_tasks_by_object ON collab_tasks (object_kind, object_id)`,
		`CREATE INDEX collab_tasks_by_assignee ON collab_tasks (assignee)`,
		`CREATE TABLE collab_attachments (
			n           INTEGER PRIMARY KEY,
			id          TEXT    NOT NULL UNIQUE,
			object_kind TEXT    NOT NULL,
			object_id   TEXT    NOT NULL,
			value       TEXT    NOT NULL
		) STRICT`,
		`CREATE INDEX collab_attachments_by_object ON collab_attachments (object_kind, object_id, n)`,
	}},
	{version: 3, stmts: keysSchema}, // billing.IdempotencyKeys
}

// collectionTable returns the statement that creates the table of one
// aggregate.
func collectionTable(name string) string {
	return `CREATE TABLE ` + name + ` (
		id      TEXT    NOT NULL PRIMARY KEY,
		version INTEGER NOT NULL,
		value   TEXT    NOT NULL
	) STRICT, WITHOUT ROWID`
}

// migrate applies the steps that the database lacks. It runs in one write transaction
// (BEGIN IMMEDIATE), so that two processes opening a new file at once
// take turns, and the second finds the work done. A database whose schema
// is newer than this package knows is refused.
func migrate(ctx context.Context, db *sql.DB, steps []migration, wait time.Duration) (err error) {
	tx, err := beginTx(ctx, db, nil, wait)
	if err != nil {
		return dbError(ctx, "begin migration", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER NOT NULL PRIMARY KEY,
		applied_at TEXT    NOT NULL
	) STRICT`); err != nil {
		return dbError(ctx, "create schema_migrations", err)
	}
	var current int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return dbError(ctx, "read schema version", err)
	}
	latest := steps[len(steps)-1].version
	if current > latest {
		return fmt.Errorf("schema version %d is newer than %d, the latest this version of billkit knows", current, latest)
	}
	for _, m := range steps {
		if m.version <= current {
			continue
		}
		for _, q := range m.stmts {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return dbError(ctx, fmt.Sprintf("migration %d", m.version), err)
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`,
			m.version, time.Now().UTC().Format(time.RFC3339)); err != nil {
			return dbError(ctx, fmt.Sprintf("record migration %d", m.version), err)
		}
	}
	if err := tx.Commit(); err != nil {
		return dbError(ctx, "commit migration", err)
	}
	return nil
}
