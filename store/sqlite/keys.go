package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/validation"
)

// keysSchema creates the table of the idempotency keys (migration 3).
// Times are Unix nanoseconds, which compare exactly; the index serves
// Expire.
var keysSchema = []string{
	`CREATE TABLE idempotency_keys (
		user_id     TEXT    NOT NULL,
		key         TEXT    NOT NULL,
		operation   TEXT    NOT NULL,
		fingerprint TEXT    NOT NULL,
		result      BLOB    NOT NULL,
		created_at  INTEGER NOT NULL,
		expires_at  INTEGER NOT NULL,
		PRIMARY KEY (user_id, key)
	) STRICT, WITHOUT ROWID`,
	`CREATE INDEX idempotency_keys_by_expiry ON idempotency_keys (expires_at)`,
}

// The statements of the idempotency keys. The insert replaces only a key
// that expired when the new one is made, and changes no row otherwise.
const (
	keyGet = `SELECT operation, fingerprint, result, created_at, expires_at
		FROM idempotency_keys WHERE user_id = ? AND key = ?`
	keyPut = `INSERT INTO idempotency_keys (user_id, key, operation, fingerprint, result, created_at, expires_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (user_id, key) DO UPDATE SET operation = excluded.operation, fingerprint = excluded.fingerprint,
			result = excluded.result, created_at = excluded.created_at, expires_at = excluded.expires_at
		WHERE idempotency_keys.expires_at <= excluded.created_at`
	keyExpire = `DELETE FROM idempotency_keys WHERE (user_id, key) IN (
		SELECT user_id, key FROM idempotency_keys WHERE expires_at <= ? ORDER BY expires_at LIMIT ?)`
)

// idempotencyKeys is the idempotency_keys table seen from a transaction.
type idempotencyKeys struct {
	tx *tx
}

// IdempotencyKeys implements billing.Tx.
func (t *tx) IdempotencyKeys() billing.IdempotencyKeys { return &idempotencyKeys{tx: t} }

// Get implements billing.IdempotencyKeys.
func (k *idempotencyKeys) Get(ctx context.Context, user, key string) (billing.IdempotencyRecord, bool, error) {
	if err := k.tx.check(ctx, false); err != nil {
		return billing.IdempotencyRecord{}, false, err
	}
	rec := billing.IdempotencyRecord{User: user, Key: key}
	var created, expires int64
	err := k.tx.sqlTx.QueryRowContext(ctx, keyGet, user, key).Scan(&rec.Operation, &rec.Fingerprint, &rec.Result, &created, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return billing.IdempotencyRecord{}, false, nil
	}
	if err != nil {
		return billing.IdempotencyRecord{}, false, dbError(ctx, "get idempotency key", err)
	}
	rec.CreatedAt, rec.ExpiresAt = time.Unix(0, created).UTC(), time.Unix(0, expires).UTC()
	if rec.Result == nil {
		rec.Result = []byte{}
	}
	return rec, true, nil
}

// Put implements billing.IdempotencyKeys. An empty user or key is refused
// with a *validation.Error.
func (k *idempotencyKeys) Put(ctx context.Context, rec billing.IdempotencyRecord) error {
	if err := k.tx.check(ctx, true); err != nil {
		return err
	}
	if err := checkKeyRecord(rec); err != nil {
		return err
	}
	result := rec.Result
	if result == nil {
		result = []byte{} // NOT NULL
	}
	res, err := k.tx.sqlTx.ExecContext(ctx, keyPut, rec.User, rec.Key, string(rec.Operation), rec.Fingerprint, result,
		rec.CreatedAt.UnixNano(), rec.ExpiresAt.UnixNano())
	if err != nil {
		return dbError(ctx, "put idempotency key", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return dbError(ctx, "put idempotency key", err)
	} else if n == 0 {
		return &billing.ConflictError{Kind: "idempotency_key", ID: rec.Key}
	}
	return nil
}

// Expire implements billing.IdempotencyKeys. It deletes the keys that
// expired first.
func (k *idempotencyKeys) Expire(ctx context.Context, before time.Time, limit int) (int, error) {
	if err := k.tx.check(ctx, true); err != nil {
		return 0, err
	}
	if limit <= 0 {
		limit = -1 // no limit
	}
	res, err := k.tx.sqlTx.ExecContext(ctx, keyExpire, before.UnixNano(), limit)
	if err != nil {
		return 0, dbError(ctx, "expire idempotency keys", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, dbError(ctx, "expire idempotency keys", err)
	}
	return int(n), nil
}

// checkKeyRecord refuses a record without a user or a key.
func checkKeyRecord(rec billing.IdempotencyRecord) error {
	var errs validation.Errors
	if rec.User == "" {
		errs.Add("user", validation.CodeRequired, "is required to store an idempotency key")
	}
	if rec.Key == "" {
		errs.Add("key", validation.CodeRequired, "is required to store an idempotency key")
	}
	return errs.Err()
}
