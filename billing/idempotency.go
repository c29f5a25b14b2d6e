package billing

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/billkit/billkit/validation"
)

// MaxIdempotencyKeyLength is the longest idempotency key, in bytes.
const MaxIdempotencyKeyLength = 255

// DefaultIdempotencyRetention is how long an idempotency key counts
// unless WithIdempotencyRetention says otherwise.
const DefaultIdempotencyRetention = 24 * time.Hour

// WithIdempotencyRetention sets how long an idempotency key counts after
// the call that used it: a retry within it gets the first result, a call
// after it runs as new. It must be positive; the default is
// DefaultIdempotencyRetention. Expired keys take room until
// ExpireIdempotencyKeys deletes them.
func WithIdempotencyRetention(d time.Duration) Option {
	return func(e *Engine) { e.retention = d }
}

// idempotencyKeyCtx is the context key of an idempotency key.
type idempotencyKeyCtx struct{}

// WithIdempotencyKey returns a context that carries an idempotency key:
// the engine calls that create or record something (see the Operation
// constants) made with it run once per key and acting user. A host sets
// it from a request's Idempotency-Key header, or from a form's hidden
// field, once per request.
//
// The first call under a key runs and stores its result with the key, in
// its own transaction. A later call by the same user under the same key,
// with the same arguments, returns that result and writes nothing, not
// even an audit event: the retry of a request whose answer was lost is
// answered as the request was. The same key with another call or other
// arguments is an *IdempotencyError. A call that fails stores nothing, so
// its retry runs again. A key counts for the engine's retention (see
// WithIdempotencyRetention).
//
// The key must be printable text of 1 to MaxIdempotencyKeyLength bytes;
// any other is refused by the call with a *validation.Error on the field
// idempotency_key. Calls that read, and EditQuote, EditInvoice and
// BillRun, ignore the key: an edit names the version it changes, so its
// retry is refused as a conflict and changes nothing, and a bill run
// never bills a charge twice.
func WithIdempotencyKey(ctx context.Context, key string) context.Context {
	return context.WithValue(ctx, idempotencyKeyCtx{}, key)
}

// IdempotencyKeyFrom returns the idempotency key ctx carries, and whether
// it carries one.
func IdempotencyKeyFrom(ctx context.Context) (string, bool) {
	key, ok := ctx.Value(idempotencyKeyCtx{}).(string)
	return key, ok
}

// checkIdempotencyKey returns the *validation.Error of a key that is
// empty, too long or not printable text.
func checkIdempotencyKey(key string) error {
	const field = "idempotency_key"
	switch {
	case key == "":
		return validation.New(field, validation.CodeRequired, "must not be empty")
	case len(key) > MaxIdempotencyKeyLength:
		return validation.New(field, validation.CodeOutOfRange, fmt.Sprintf("must be at most %d bytes", MaxIdempotencyKeyLength))
	case !utf8.ValidString(key) || strings.ContainsFunc(key, func(r rune) bool { return !unicode.IsPrint(r) }):
		return validation.New(field, validation.CodeInvalid, "must be printable text")
	}
	return nil
}

// ExpireIdempotencyKeys deletes the records of the idempotency keys whose
// retention has passed, in transactions of a thousand, and returns how
// many it deleted. An expired key counts for nothing whether it is
// deleted or not: this only gives the room back. A host runs it from
// time to time, as it runs bill runs; like Listen, it is the host's
// housekeeping, not a user's action, and needs no permission.
func (e *Engine) ExpireIdempotencyKeys(ctx context.Context) (int, error) {
	const batch = 1000
	now := e.now()
	total := 0
	for {
		var n int
		err := e.store.Update(ctx, func(tx Tx) error {
			var err error
			n, err = tx.IdempotencyKeys().Expire(ctx, now, batch)
			return err
		})
		if err != nil {
			return total, err
		}
		total += n
		if n < batch {
			return total, nil
		}
	}
}

// submission is the result of SubmitQuote and SubmitInvoice, as a key
// records it.
type submission[T any] struct {
	Document T               `json:"document"`
	Request  ApprovalRequest `json:"request"`
}

// pendingKeyCtx is the context key of the pendingKey of a keyed call.
type pendingKeyCtx struct{}

// pendingKey is the record that a keyed call writes in its transaction,
// with the result the call has once its changes are made.
type pendingKey struct {
	rec    IdempotencyRecord
	result func() ([]byte, error)
}

// putPendingKey writes the record of the keyed call that ctx carries, if
// any, in tx. update calls it once fn has made its changes.
func (e *Engine) putPendingKey(ctx context.Context, tx Tx) error {
	p, ok := ctx.Value(pendingKeyCtx{}).(*pendingKey)
	if !ok {
		return nil
	}
	res, err := p.result()
	if err != nil {
		return fmt.Errorf("billing: encode the result of %s: %w", p.rec.Operation, err)
	}
	rec := p.rec
	rec.Result = res
	rec.CreatedAt = e.now()
	rec.ExpiresAt = rec.CreatedAt.Add(e.retention)
	return tx.IdempotencyKeys().Put(ctx, rec)
}

// idempotent runs call, the operation op of userID with the arguments
// args, once per idempotency key (see WithIdempotencyKey). Without a key
// in ctx it just runs call. With one, a record of the key answers the
// call; otherwise call runs with a context that has its one update write
// the key's record, in the same transaction as its changes. The caller
// has checked the user's permission: a user who lost it reads no result.
//
// Twin calls under one key may both miss the record and run: the one
// that commits second conflicts on the key, or on what the first
// changed, and rolls back; it then finds the first one's record, and
// answers with it.
func idempotent[R any](ctx context.Context, e *Engine, userID string, op Operation, args []any,
	call func(ctx context.Context, out *R) error) (R, error) {
	return idempotentIf(ctx, e, userID, op, args, nil, call)
}

// idempotentIf is idempotent with a check of the result recorded, which
// may refuse to give it to the user (nil gives it).
func idempotentIf[R any](ctx context.Context, e *Engine, userID string, op Operation, args []any,
	allow func(R) error, call func(ctx context.Context, out *R) error) (R, error) {
	var out R
	key, ok := IdempotencyKeyFrom(ctx)
	if !ok {
		err := call(ctx, &out)
		return out, err
	}
	if err := checkIdempotencyKey(key); err != nil {
		return out, err
	}
	fp, err := fingerprint(op, args)
	if err != nil {
		return out, err
	}
	if found, err := replay(ctx, e, userID, key, op, fp, allow, &out); found || err != nil {
		return out, err
	}
	p := &pendingKey{rec: IdempotencyRecord{User: userID, Key: key, Operation: op, Fingerprint: fp},
		result: func() ([]byte, error) { return json.Marshal(out) }}
	err = call(context.WithValue(ctx, pendingKeyCtx{}, p), &out)
	if err == nil {
		return out, nil
	}
	var first R
	if found, rerr := replay(ctx, e, userID, key, op, fp, allow, &first); found {
		return first, rerr
	}
	return out, err
}

// replay reads the record of key and, when there is one that has not
// expired, reports it found and sets out to its result. A record of
// another operation or other arguments is an *IdempotencyError.
func replay[R any](ctx context.Context, e *Engine, userID, key string, op Operation, fp string,
	allow func(R) error, out *R) (bool, error) {
	var rec IdempotencyRecord
	var found bool
	err := e.view(ctx, func(tx Tx) error {
		var err error
		rec, found, err = tx.IdempotencyKeys().Get(ctx, userID, key)
		return err
	})
	if err != nil || !found || rec.Expired(e.now()) {
		return false, err
	}
	if rec.Operation != op || rec.Fingerprint != fp {
		return true, &IdempotencyError{Key: key, Operation: rec.Operation, Attempted: op}
	}
	var r R
	if err := json.Unmarshal(rec.Result, &r); err != nil {
		return true, fmt.Errorf("billing: decode the result recorded under idempotency key %q: %w", key, err)
	}
	if allow != nil {
		if err := allow(r); err != nil {
			return true, err
		}
	}
	*out = r
	return true, nil
}

// fingerprint returns the hex SHA-256 of the JSON of op and args: the
// identity of a request, which the same call with the same arguments
// gives again. encoding/json writes struct fields in their order and map
// keys sorted, so equal arguments encode alike.
func fingerprint(op Operation, args []any) (string, error) {
	b, err := json.Marshal(append([]any{op}, args...))
	if err != nil {
		return "", fmt.Errorf("billing: encode the arguments of %s: %w", op, err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}
