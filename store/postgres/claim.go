package postgres

import (
	"context"

	"github.com/billkit/billkit/billing"
)

// Claim implements billing.Claimer: it runs fn in a read-write
// transaction, as Update does, that first takes the transaction-level
// advisory lock of key with pg_try_advisory_xact_lock. When another
// transaction, of any Store on the same schema in any process, holds
// that lock, Claim returns false at once without running fn. The lock is
// released when the transaction commits or rolls back, and by the server
// if the connection is lost, so a crashed instance never leaves a claim
// behind.
//
// Advisory locks are used rather than a claims table locked with FOR
// UPDATE SKIP LOCKED because they write nothing: no row to create first,
// no dead tuples to vacuum after every bill run, no cleanup. Their keys
// are 64-bit hashes of the schema and key; two keys that collide only
// make the second customer wait for a later run (Elsewhere), never billed
// twice, since the marks of each charge are unique.
func (s *Store) Claim(ctx context.Context, key string, fn func(tx billing.Tx) error) (bool, error) {
	claims := []int64{lockKey("claim", s.schema, key)}
	return s.run(ctx, true, claims, true, func(t billing.Tx, _ []bool) error { return fn(t) })
}

// ClaimEach implements billing.Claimer: it runs fn in one read-write
// transaction that first tries the advisory lock of each key, all in one
// statement and without waiting, and tells fn which it holds. Bill runs
// claim a batch of customers this way with one round trip.
func (s *Store) ClaimEach(ctx context.Context, keys []string, fn func(tx billing.Tx, claimed []bool) error) error {
	claims := make([]int64, len(keys))
	for i, k := range keys {
		claims[i] = lockKey("claim", s.schema, k)
	}
	_, err := s.run(ctx, true, claims, false, func(t billing.Tx, held []bool) error {
		if held == nil {
			held = []bool{}
		}
		return fn(t, held)
	})
	return err
}

// takeClaims tries the advisory lock of each key of $1, in order, and
// returns whether each is held.
const takeClaims = `SELECT coalesce(array_agg(pg_try_advisory_xact_lock(k) ORDER BY i), '{}')
FROM unnest($1::bigint[]) WITH ORDINALITY AS u(k, i)`
