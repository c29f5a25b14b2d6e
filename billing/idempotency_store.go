package billing

import (
	"context"
	"time"
)

// IdempotencyRecord is what a store keeps of an engine call made with an
// idempotency key (see WithIdempotencyKey): enough to tell a retry of the
// call from another call under the same key, and to answer the retry
// with the first call's result.
type IdempotencyRecord struct {
	// User is the acting user of the call. A key is scoped by its user:
	// two users' keys never collide, and a user never reads what another
	// user's key recorded.
	User string
	// Key is the idempotency key the caller gave.
	Key string
	// Operation is the engine call made.
	Operation Operation
	// Fingerprint is the hex SHA-256 of the canonical encoding of the
	// call's operation and arguments.
	Fingerprint string
	// Result is the call's result, encoded by the engine. Stores keep it
	// as opaque bytes.
	Result []byte
	// CreatedAt is when the call committed, ExpiresAt when the record
	// stops counting: from then on the key is as if never used.
	CreatedAt, ExpiresAt time.Time
}

// Expired reports whether the record no longer counts at now.
func (r IdempotencyRecord) Expired(now time.Time) bool { return !r.ExpiresAt.After(now) }

// IdempotencyKeys stores the records of the calls made with idempotency
// keys, each written in the transaction of the change it records, so that
// a change rolled back leaves no key behind.
//
// Stores may keep the times to the microsecond.
type IdempotencyKeys interface {
	// Get returns the record stored under user and key, expired or not,
	// and whether there is one.
	Get(ctx context.Context, user, key string) (IdempotencyRecord, bool, error)
	// Put stores rec under rec.User and rec.Key. A record stored under
	// them that expired at or before rec.CreatedAt is replaced; any other
	// is a *ConflictError (Kind "idempotency_key", ID the key), and
	// nothing is written. A Put of a key that a concurrent transaction
	// is putting waits for that transaction to end, then conflicts if
	// it committed. An empty User or Key is refused with a
	// *validation.Error.
	Put(ctx context.Context, rec IdempotencyRecord) error
	// Expire deletes at most limit records (every one when limit <= 0)
	// that expired at or before the given time, and returns how many it
	// deleted.
	Expire(ctx context.Context, before time.Time, limit int) (int, error)
}
