package postgres

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/validation"
)

// keysMigration creates the table of the idempotency keys. The primary
// key is what makes twin calls under one key take turns: the second
// insert waits for the first one's transaction, then finds its row.
const keysMigration = `
CREATE TABLE {{s}}.idempotency_keys (
	user_id     text COLLATE "C" NOT NULL,
	key         text COLLATE "C" NOT NULL,
	operation   text NOT NULL,
	fingerprint text NOT NULL,
	result      bytea NOT NULL,
	created_at  timestamptz NOT NULL,
	expires_at  timestamptz NOT NULL,
	PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_expiry ON {{s}}.idempotency_keys (expires_at);
`

// idempotencyKeys is the idempotency_keys table seen from a transaction.
type idempotencyKeys struct {
	tx *tx
}

// IdempotencyKeys implements billing.Tx.
func (t *tx) IdempotencyKeys() billing.IdempotencyKeys { return &idempotencyKeys{tx: t} }

// table returns the quoted name of the table.
func (k *idempotencyKeys) table() string {
	return pgx.Identifier{k.tx.s.schema, "idempotency_keys"}.Sanitize()
}

// Get implements billing.IdempotencyKeys.
func (k *idempotencyKeys) Get(ctx context.Context, user, key string) (billing.IdempotencyRecord, bool, error) {
	t := k.tx
	if err := t.check(ctx, false); err != nil {
		return billing.IdempotencyRecord{}, false, err
	}
	if !storable(user) || !storable(key) {
		return billing.IdempotencyRecord{}, false, nil // never stored
	}
	rec := billing.IdempotencyRecord{User: user, Key: key}
	err := t.ptx.QueryRow(ctx, "SELECT operation, fingerprint, result, created_at, expires_at FROM "+k.table()+
		" WHERE user_id = $1 AND key = $2", user, key).
		Scan(&rec.Operation, &rec.Fingerprint, &rec.Result, &rec.CreatedAt, &rec.ExpiresAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return billing.IdempotencyRecord{}, false, nil
	}
	if err != nil {
		return billing.IdempotencyRecord{}, false, t.fail(err)
	}
	rec.CreatedAt, rec.ExpiresAt = rec.CreatedAt.UTC(), rec.ExpiresAt.UTC()
	return rec, true, nil
}

// Put implements billing.IdempotencyKeys with one statement, which
// replaces only a key that expired when the new one is made. An empty
// user or key, or one that is not UTF-8 text without NUL characters, is
// refused with a *validation.Error. A key stored already is a
// *billing.ConflictError that leaves the transaction usable; a key that a
// concurrent transaction is putting waits for it to end.
func (k *idempotencyKeys) Put(ctx context.Context, rec billing.IdempotencyRecord) error {
	t := k.tx
	if err := t.check(ctx, true); err != nil {
		return err
	}
	var errs validation.Errors
	for _, f := range []struct{ name, value string }{{"user", rec.User}, {"key", rec.Key}} {
		switch {
		case f.value == "":
			errs.Add(f.name, validation.CodeRequired, "is required to store an idempotency key")
		case !storable(f.value):
			errs.Add(f.name, validation.CodeInvalid, "must be UTF-8 text without NUL characters")
		}
	}
	if err := errs.Err(); err != nil {
		return err
	}
	result := rec.Result
	if result == nil {
		result = []byte{} // NOT NULL
	}
	tag, err := t.ptx.Exec(ctx, "INSERT INTO "+k.table()+` AS k
	(user_id, key, operation, fingerprint, result, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
ON CONFLICT (user_id, key) DO UPDATE SET operation = EXCLUDED.operation, fingerprint = EXCLUDED.fingerprint,
	result = EXCLUDED.result, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
WHERE k.expires_at <= EXCLUDED.created_at`,
		rec.User, rec.Key, string(rec.Operation), rec.Fingerprint, result, rec.CreatedAt, rec.ExpiresAt)
	if err != nil {
		return t.fail(err)
	}
	if tag.RowsAffected() == 0 {
		return &billing.ConflictError{Kind: "idempotency_key", ID: rec.Key}
	}
	return nil
}

// Expire implements billing.IdempotencyKeys. It deletes the keys that
// expired first, and skips those a concurrent transaction is replacing.
func (k *idempotencyKeys) Expire(ctx context.Context, before time.Time, limit int) (int, error) {
	t := k.tx
	if err := t.check(ctx, true); err != nil {
		return 0, err
	}
	var most *int64
	if limit > 0 {
		n := int64(limit)
		most = &n
	}
	table := k.table()
	tag, err := t.ptx.Exec(ctx, "DELETE FROM "+table+` WHERE (user_id, key) IN (
	SELECT user_id, key FROM `+table+` WHERE expires_at <= $1 ORDER BY expires_at LIMIT $2::bigint FOR UPDATE SKIP LOCKED)`,
		before, most)
	if err != nil {
		return 0, t.fail(err)
	}
	return int(tag.RowsAffected()), nil
}
