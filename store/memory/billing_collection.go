package memory

import (
	"context"
	"runtime"
	"slices"
	"sync"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/validation"
)

// table holds the records of one aggregate: the latest version of each
// by ID, the IDs in ascending order for Scan, and the undo log of the
// open transaction.
type table[T any] struct {
	kind  string
	clone func(T) T
	rows  map[string]*row[T]
	ids   []string     // ascending
	undo  []undoRow[T] // the writes of the open transaction, in order
}

// row is one stored version of a record. A write replaces the row rather
// than changing it, so that the undo log can keep the one it replaced.
type row[T any] struct {
	version uint64
	value   T
}

// undoRow records one write: the row it replaced, nil for an insert.
type undoRow[T any] struct {
	id   string
	prev *row[T]
}

func newTable[T any](kind string, clone func(T) T) table[T] {
	return table[T]{kind: kind, clone: clone, rows: map[string]*row[T]{}}
}

// put writes r as Collection.Put documents it.
func (t *table[T]) put(r billing.Record[T]) (uint64, error) {
	if r.ID == "" {
		return 0, validation.New("id", validation.CodeRequired, "is required to store a "+t.kind)
	}
	cur := t.rows[r.ID]
	var stored uint64
	if cur != nil {
		stored = cur.version
	}
	if r.Version != stored {
		return 0, &billing.ConflictError{Kind: t.kind, ID: r.ID, Expected: r.Version, Actual: stored}
	}
	next := &row[T]{version: stored + 1, value: t.clone(r.Value)}
	t.rows[r.ID] = next
	if cur == nil {
		t.insertID(r.ID)
	}
	t.undo = append(t.undo, undoRow[T]{id: r.ID, prev: cur})
	return next.version, nil
}

// insertID adds a new ID to the sorted IDs. UUIDv7 IDs mostly arrive in
// order, so appending is the common case.
func (t *table[T]) insertID(id string) {
	if n := len(t.ids); n == 0 || t.ids[n-1] < id {
		t.ids = append(t.ids, id)
		return
	}
	i, _ := slices.BinarySearch(t.ids, id)
	t.ids = slices.Insert(t.ids, i, id)
}

// removeID removes an ID inserted by the transaction being undone.
func (t *table[T]) removeID(id string) {
	if n := len(t.ids); n > 0 && t.ids[n-1] == id {
		t.ids = t.ids[:n-1]
		return
	}
	if i, ok := slices.BinarySearch(t.ids, id); ok {
		t.ids = slices.Delete(t.ids, i, i+1)
	}
}

// commit forgets the undo log.
func (t *table[T]) commit() {
	clear(t.undo)
	t.undo = t.undo[:0]
}

// rollback plays the undo log back, newest write first.
func (t *table[T]) rollback() {
	for i := len(t.undo) - 1; i >= 0; i-- {
		u := t.undo[i]
		if u.prev != nil {
			t.rows[u.id] = u.prev
			continue
		}
		delete(t.rows, u.id)
		t.removeID(u.id)
	}
	t.commit()
}

// record returns a copy of the stored row r.
func (t *table[T]) record(id string, r *row[T]) billing.Record[T] {
	return billing.Record[T]{ID: id, Version: r.version, Value: t.clone(r.value)}
}

// collection is a table seen from a transaction.
type collection[T any] struct {
	tx *tx
	t  *table[T]
}

// Get implements billing.Collection.
func (c *collection[T]) Get(ctx context.Context, id string) (billing.Record[T], error) {
	if err := c.tx.check(ctx, false); err != nil {
		return billing.Record[T]{}, err
	}
	r := c.t.rows[id]
	if r == nil {
		return billing.Record[T]{}, &billing.NotFoundError{Kind: c.t.kind, ID: id}
	}
	return c.t.record(id, r), nil
}

// GetMany implements billing.BatchGetter.
func (c *collection[T]) GetMany(ctx context.Context, ids []string) ([]billing.Record[T], error) {
	if err := c.tx.check(ctx, false); err != nil {
		return nil, err
	}
	out := make([]billing.Record[T], len(ids))
	for i, id := range ids {
		r := c.t.rows[id]
		if r == nil {
			return nil, &billing.NotFoundError{Kind: c.t.kind, ID: id}
		}
		out[i] = c.t.record(id, r)
	}
	return out, nil
}

// Put implements billing.Collection. An empty ID is refused with a
// *validation.Error.
func (c *collection[T]) Put(ctx context.Context, r billing.Record[T]) (uint64, error) {
	if err := c.tx.check(ctx, true); err != nil {
		return 0, err
	}
	return c.t.put(r)
}

// Scan implements billing.Collection. A limit of zero or less returns
// every record after the given ID.
func (c *collection[T]) Scan(ctx context.Context, after string, limit int) ([]billing.Record[T], error) {
	ids, err := c.scanIDs(ctx, after, limit)
	if err != nil {
		return nil, err
	}
	out := make([]billing.Record[T], len(ids))
	// Copying a large page is shared between the processors: a bill run
	// may read every contract before it bills any, with nothing else to
	// do.
	parts := min(runtime.GOMAXPROCS(0), len(ids)/scanPart)
	if parts < 2 {
		c.t.records(out, ids)
		return out, nil
	}
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := p*len(ids)/parts, (p+1)*len(ids)/parts
		wg.Go(func() { c.t.records(out[lo:hi], ids[lo:hi]) })
	}
	wg.Wait()
	return out, nil
}

// ScanShared implements billing.SharedScanner: the records point at the
// stored values. A stored value is never changed, only replaced by a
// write, so what they point at stays as it was whatever is written later.
func (c *collection[T]) ScanShared(ctx context.Context, after string, limit int) ([]billing.Record[*T], error) {
	ids, err := c.scanIDs(ctx, after, limit)
	if err != nil {
		return nil, err
	}
	out := make([]billing.Record[*T], len(ids))
	for i, id := range ids {
		r := c.t.rows[id]
		out[i] = billing.Record[*T]{ID: id, Version: r.version, Value: &r.value}
	}
	return out, nil
}

// scanIDs returns the IDs a Scan lists.
func (c *collection[T]) scanIDs(ctx context.Context, after string, limit int) ([]string, error) {
	if err := c.tx.check(ctx, false); err != nil {
		return nil, err
	}
	ids := c.t.ids
	start, found := slices.BinarySearch(ids, after)
	if found {
		start++
	}
	ids = ids[start:]
	if limit > 0 && limit < len(ids) {
		ids = ids[:limit]
	}
	return ids, nil
}

// scanPart is the least number of records a Scan copies in a goroutine
// of its own.
const scanPart = 256

// records writes into out copies of the records with the given IDs.
func (t *table[T]) records(out []billing.Record[T], ids []string) {
	for i, id := range ids {
		out[i] = t.record(id, t.rows[id])
	}
}
