package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/validation"
)

// collection is the table of one aggregate seen from a transaction.
type collection[T any] struct {
	tx    *tx
	kind  string // the Kind of its errors
	first stmt   // its first statement
}

// Get implements billing.Collection.
func (c *collection[T]) Get(ctx context.Context, id string) (billing.Record[T], error) {
	if err := c.tx.check(ctx, false); err != nil {
		return billing.Record[T]{}, err
	}
	var (
		version uint64
		value   []byte
	)
	err := c.tx.stmt(ctx, c.first+opGet).QueryRowContext(ctx, id).Scan(&version, &value)
	if errors.Is(err, sql.ErrNoRows) {
		return billing.Record[T]{}, &billing.NotFoundError{Kind: c.kind, ID: id}
	}
	if err != nil {
		return billing.Record[T]{}, dbError(ctx, "get "+c.kind, err)
	}
	return c.decode(id, version, value)
}

// GetMany implements billing.BatchGetter. The database is in the
// process, so reading the records one by one costs no round trip.
func (c *collection[T]) GetMany(ctx context.Context, ids []string) ([]billing.Record[T], error) {
	out := make([]billing.Record[T], len(ids))
	for i, id := range ids {
		var err error
		if out[i], err = c.Get(ctx, id); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Put implements billing.Collection. An empty ID is refused with a
// *validation.Error. A refused Put writes nothing, and the transaction
// goes on.
func (c *collection[T]) Put(ctx context.Context, r billing.Record[T]) (uint64, error) {
	if err := c.tx.check(ctx, true); err != nil {
		return 0, err
	}
	if r.ID == "" {
		return 0, validation.New("id", validation.CodeRequired, "is required to store a "+c.kind)
	}
	value, err := json.Marshal(r.Value)
	if err != nil {
		return 0, fmt.Errorf("sqlite: encode %s %q: %w", c.kind, r.ID, err)
	}
	var res sql.Result
	if r.Version == 0 {
		res, err = c.tx.stmt(ctx, c.first+opInsert).ExecContext(ctx, r.ID, string(value))
	} else {
		res, err = c.tx.stmt(ctx, c.first+opUpdate).ExecContext(ctx, string(value), r.ID, int64(r.Version))
	}
	if err != nil {
		return 0, dbError(ctx, "put "+c.kind, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return 0, dbError(ctx, "put "+c.kind, err)
	} else if n == 1 {
		return r.Version + 1, nil
	}
	// Nothing written: the ID is taken, or the version is not the stored one.
	var stored uint64
	err = c.tx.stmt(ctx, c.first+opVersion).QueryRowContext(ctx, r.ID).Scan(&stored)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, dbError(ctx, "put "+c.kind, err)
	}
	return 0, &billing.ConflictError{Kind: c.kind, ID: r.ID, Expected: r.Version, Actual: stored}
}

// Scan implements billing.Collection. A limit of zero or less returns
// every record after the given ID.
func (c *collection[T]) Scan(ctx context.Context, after string, limit int) ([]billing.Record[T], error) {
	if err := c.tx.check(ctx, false); err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = -1 // no limit, to SQLite
	}
	rows, err := c.tx.stmt(ctx, c.first+opScan).QueryContext(ctx, after, limit)
	if err != nil {
		return nil, dbError(ctx, "scan "+c.kind, err)
	}
	defer rows.Close()
	out := []billing.Record[T]{}
	for rows.Next() {
		var (
			id      string
			version uint64
			value   sql.RawBytes // decoded before the next row
		)
		if err := rows.Scan(&id, &version, &value); err != nil {
			return nil, dbError(ctx, "scan "+c.kind, err)
		}
		r, err := c.decode(id, version, value)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, dbError(ctx, "scan "+c.kind, err)
	}
	return out, nil
}

// decode returns the record stored under id.
func (c *collection[T]) decode(id string, version uint64, value []byte) (billing.Record[T], error) {
	r := billing.Record[T]{ID: id, Version: version}
	if err := json.Unmarshal(value, &r.Value); err != nil {
		return billing.Record[T]{}, fmt.Errorf("sqlite: decode %s %q: %w", c.kind, id, err)
	}
	return r, nil
}
