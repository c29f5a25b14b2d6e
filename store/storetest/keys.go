package storetest

import (
	"context"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/validation"
)

// keyRecord returns the record of key for user, made at t0 plus offset
// and kept for a day.
func keyRecord(user, key string, offset time.Duration) billing.IdempotencyRecord {
	at := t0.Add(offset)
	return billing.IdempotencyRecord{User: user, Key: key, Operation: billing.OpRecordPayment,
		Fingerprint: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
		Result:      []byte(`{"version":3,"credit_balance":"0.00 EUR"}`), CreatedAt: at, ExpiresAt: at.Add(24 * time.Hour)}
}

// storedKey returns what the store holds of user's key.
func storedKey(t *testing.T, s billing.Store, user, key string) (billing.IdempotencyRecord, bool) {
	t.Helper()
	var (
		rec billing.IdempotencyRecord
		ok  bool
	)
	view(t, s, func(tx billing.Tx) error {
		var err error
		rec, ok, err = tx.IdempotencyKeys().Get(context.Background(), user, key)
		return err
	})
	return rec, ok
}

// assertKey checks that two records hold the same data, times as instants.
func assertKey(t *testing.T, want, got billing.IdempotencyRecord, msgAndArgs ...any) {
	t.Helper()
	assert.True(t, want.CreatedAt.Equal(got.CreatedAt), "created at %s, want %s", got.CreatedAt, want.CreatedAt)
	assert.True(t, want.ExpiresAt.Equal(got.ExpiresAt), "expires at %s, want %s", got.ExpiresAt, want.ExpiresAt)
	want.CreatedAt, want.ExpiresAt, got.CreatedAt, got.ExpiresAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	assert.Equal(t, want, got, msgAndArgs...)
}

func testKeys(t *testing.T, s billing.Store) {
	ctx := context.Background()
	rec := keyRecord("u-claire", "pay-7f3a", 0)
	_, ok := storedKey(t, s, rec.User, rec.Key)
	assert.False(t, ok, "no key before it is put")

	update(t, s, func(tx billing.Tx) error { return tx.IdempotencyKeys().Put(ctx, rec) })
	got, ok := storedKey(t, s, rec.User, rec.Key)
	require.True(t, ok)
	assertKey(t, rec, got)

	// The same key again, even with another result, is a conflict that
	// leaves the first record and the transaction as they were; another
	// user's key of the same name is another key.
	other := keyRecord("u-david", rec.Key, time.Minute)
	other.Operation, other.Result = billing.OpCreateInvoice, []byte(`{"id":"x"}`)
	update(t, s, func(tx billing.Tx) error {
		again := keyRecord(rec.User, rec.Key, time.Minute)
		again.Result = []byte(`{"version":4}`)
		err := tx.IdempotencyKeys().Put(ctx, again)
		var conflict *billing.ConflictError
		require.ErrorAs(t, err, &conflict)
		assert.ErrorIs(t, err, billing.ErrConflict)
		assert.Equal(t, billing.ConflictError{Kind: "idempotency_key", ID: rec.Key}, *conflict)
		return tx.IdempotencyKeys().Put(ctx, other)
	})
	got, ok = storedKey(t, s, rec.User, rec.Key)
	require.True(t, ok)
	assertKey(t, rec, got, "the first record stands")
	got, ok = storedKey(t, s, other.User, other.Key)
	require.True(t, ok)
	assertKey(t, other, got, "keys are scoped by user")
	_, ok = storedKey(t, s, "u-erin", rec.Key)
	assert.False(t, ok)

	// What a caller does with a record it read changes nothing stored.
	got.Result[0] = '['
	got, _ = storedKey(t, s, other.User, other.Key)
	assert.Equal(t, `{"id":"x"}`, string(got.Result))

	// An empty user or key is refused, and a view refuses to put.
	for _, bad := range []billing.IdempotencyRecord{keyRecord("", "k", 0), keyRecord("u-claire", "", 0)} {
		err := s.Update(ctx, func(tx billing.Tx) error { return tx.IdempotencyKeys().Put(ctx, bad) })
		var invalid *validation.Error
		assert.ErrorAs(t, err, &invalid, "user %q key %q", bad.User, bad.Key)
	}
	err := s.View(ctx, func(tx billing.Tx) error { return tx.IdempotencyKeys().Put(ctx, keyRecord("u-claire", "k-2", 0)) })
	assert.ErrorIs(t, err, billing.ErrReadOnly)
}

func testKeysRollback(t *testing.T, s billing.Store) {
	ctx := context.Background()
	rec := keyRecord("u-claire", "inv-1", 0)
	err := s.Update(ctx, func(tx billing.Tx) error {
		require.NoError(t, tx.IdempotencyKeys().Put(ctx, rec))
		got, ok, err := tx.IdempotencyKeys().Get(ctx, rec.User, rec.Key)
		require.NoError(t, err)
		assert.True(t, ok, "a transaction reads the key it put")
		assert.Equal(t, rec.Result, got.Result)
		return errBoom
	})
	require.ErrorIs(t, err, errBoom)
	_, ok := storedKey(t, s, rec.User, rec.Key)
	assert.False(t, ok, "a rolled back key is not kept")
	update(t, s, func(tx billing.Tx) error { return tx.IdempotencyKeys().Put(ctx, rec) })
	_, ok = storedKey(t, s, rec.User, rec.Key)
	assert.True(t, ok, "the key can be put again")
}

func testKeysExpire(t *testing.T, s billing.Store) {
	ctx := context.Background()
	first := keyRecord("u-claire", "k", 0)
	update(t, s, func(tx billing.Tx) error { return tx.IdempotencyKeys().Put(ctx, first) })

	// Before it expires the key stands; from the instant it expires, a
	// new record replaces it.
	update(t, s, func(tx billing.Tx) error {
		err := tx.IdempotencyKeys().Put(ctx, keyRecord("u-claire", "k", 24*time.Hour-time.Second))
		assert.ErrorIs(t, err, billing.ErrConflict)
		return nil
	})
	next := keyRecord("u-claire", "k", 24*time.Hour)
	next.Operation = billing.OpCreateQuote
	update(t, s, func(tx billing.Tx) error { return tx.IdempotencyKeys().Put(ctx, next) })
	got, ok := storedKey(t, s, "u-claire", "k")
	require.True(t, ok)
	assertKey(t, next, got, "the expired record is replaced")

	// Five keys expire an hour apart, from t0+24h (the replaced one
	// expires a day later).
	for i := range 5 {
		rec := keyRecord("u-david", "k-"+strconv.Itoa(i), time.Duration(i)*time.Hour)
		update(t, s, func(tx billing.Tx) error { return tx.IdempotencyKeys().Put(ctx, rec) })
	}
	expire := func(before time.Time, limit int) int {
		var n int
		update(t, s, func(tx billing.Tx) error {
			var err error
			n, err = tx.IdempotencyKeys().Expire(ctx, before, limit)
			return err
		})
		return n
	}
	at := t0.Add(27 * time.Hour) // k-0 to k-3 have expired
	assert.Equal(t, 2, expire(at, 2), "at most limit keys")
	for i, want := range []bool{false, false, true, true, true} {
		_, ok := storedKey(t, s, "u-david", "k-"+strconv.Itoa(i))
		assert.Equal(t, want, ok, "k-%d: the keys that expired first go first", i)
	}
	// A rolled back expiry deletes nothing.
	err := s.Update(ctx, func(tx billing.Tx) error {
		n, err := tx.IdempotencyKeys().Expire(ctx, at, 0)
		require.NoError(t, err)
		assert.Equal(t, 2, n)
		return errBoom
	})
	require.ErrorIs(t, err, errBoom)
	_, ok = storedKey(t, s, "u-david", "k-2")
	assert.True(t, ok)
	assert.Equal(t, 2, expire(at, 0), "every expired key without a limit")
	for i, want := range []bool{false, false, false, false, true} {
		_, ok := storedKey(t, s, "u-david", "k-"+strconv.Itoa(i))
		assert.Equal(t, want, ok, "k-%d", i)
	}
	_, ok = storedKey(t, s, "u-claire", "k")
	assert.True(t, ok, "a key that has not expired is kept")
	assert.Zero(t, expire(at, 0))

	err = s.View(ctx, func(tx billing.Tx) error {
		_, err := tx.IdempotencyKeys().Expire(ctx, at, 0)
		return err
	})
	assert.ErrorIs(t, err, billing.ErrReadOnly)
}

// testConcurrentKeys has many transactions put one key at once, each
// with a record of its own: one commits it, every other is refused as a
// conflict, and the key holds the winner's record.
func testConcurrentKeys(t *testing.T, s billing.Store) {
	const writers = 12
	ctx := context.Background()
	results := make([]error, writers)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for w := range writers {
		wg.Go(func() {
			<-start
			rec := keyRecord("u-claire", "pay-1", 0)
			rec.Result = []byte(strconv.Itoa(w))
			results[w] = s.Update(ctx, func(tx billing.Tx) error {
				if _, _, err := tx.IdempotencyKeys().Get(ctx, rec.User, rec.Key); err != nil {
					return err
				}
				return tx.IdempotencyKeys().Put(ctx, rec)
			})
		})
	}
	close(start)
	wg.Wait()
	winner := -1
	for w, err := range results {
		if err == nil {
			assert.Equal(t, -1, winner, "writers %d and %d both put the key", winner, w)
			winner = w
			continue
		}
		var conflict *billing.ConflictError
		assert.ErrorAs(t, err, &conflict, "writer %d", w)
	}
	require.NotEqual(t, -1, winner, "one writer puts the key")
	got, ok := storedKey(t, s, "u-claire", "pay-1")
	require.True(t, ok)
	assert.Equal(t, strconv.Itoa(winner), string(got.Result))
}
