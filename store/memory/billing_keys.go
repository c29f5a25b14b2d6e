package memory

import (
	"context"
	"slices"
	"time"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/validation"
)

// keyID is the identity of an idempotency key: the key scoped by its user.
type keyID struct{ user, key string }

// keyStore holds the idempotency keys, and the undo log of the open
// transaction: for each key it wrote, the record it replaced, if any.
type keyStore struct {
	keys map[keyID]billing.IdempotencyRecord
	undo []keyUndo
}

// keyUndo is what puts a key back as it was.
type keyUndo struct {
	id   keyID
	prev billing.IdempotencyRecord
	had  bool
}

// commit keeps the keys of the transaction.
func (s *keyStore) commit() {
	clear(s.undo)
	s.undo = s.undo[:0]
}

// rollback puts the keys the transaction wrote back as they were, the
// last write first.
func (s *keyStore) rollback() {
	for _, u := range slices.Backward(s.undo) {
		if u.had {
			s.keys[u.id] = u.prev
		} else {
			delete(s.keys, u.id)
		}
	}
	s.commit()
}

// write sets or, with del, deletes the record of id, logging what it was.
func (s *keyStore) write(id keyID, rec billing.IdempotencyRecord, del bool) {
	prev, had := s.keys[id]
	s.undo = append(s.undo, keyUndo{id: id, prev: prev, had: had})
	if del {
		delete(s.keys, id)
	} else {
		s.keys[id] = rec
	}
}

// idempotencyKeys is the key store seen from a transaction.
type idempotencyKeys struct {
	tx *tx
	s  *keyStore
}

// cloneRecord returns rec with a result of its own.
func cloneRecord(rec billing.IdempotencyRecord) billing.IdempotencyRecord {
	rec.Result = slices.Clone(rec.Result)
	return rec
}

// Get implements billing.IdempotencyKeys.
func (k *idempotencyKeys) Get(ctx context.Context, user, key string) (billing.IdempotencyRecord, bool, error) {
	if err := k.tx.check(ctx, false); err != nil {
		return billing.IdempotencyRecord{}, false, err
	}
	rec, ok := k.s.keys[keyID{user, key}]
	if !ok {
		return billing.IdempotencyRecord{}, false, nil
	}
	return cloneRecord(rec), true, nil
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
	id := keyID{rec.User, rec.Key}
	if old, ok := k.s.keys[id]; ok && old.ExpiresAt.After(rec.CreatedAt) {
		return &billing.ConflictError{Kind: "idempotency_key", ID: rec.Key}
	}
	k.s.write(id, cloneRecord(rec), false)
	return nil
}

// Expire implements billing.IdempotencyKeys. It deletes the keys that
// expired first.
func (k *idempotencyKeys) Expire(ctx context.Context, before time.Time, limit int) (int, error) {
	if err := k.tx.check(ctx, true); err != nil {
		return 0, err
	}
	var expired []keyID
	for id, rec := range k.s.keys {
		if !rec.ExpiresAt.After(before) {
			expired = append(expired, id)
		}
	}
	if limit > 0 && len(expired) > limit {
		slices.SortFunc(expired, func(a, b keyID) int { return k.s.keys[a].ExpiresAt.Compare(k.s.keys[b].ExpiresAt) })
		expired = expired[:limit]
	}
	for _, id := range expired {
		k.s.write(id, billing.IdempotencyRecord{}, true)
	}
	return len(expired), nil
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

// IdempotencyKeys implements billing.Tx. Only calls made with a key use
// it, so the view is made when asked for rather than with every
// transaction.
func (t *tx) IdempotencyKeys() billing.IdempotencyKeys {
	return &idempotencyKeys{tx: t, s: &t.s.keys}
}
