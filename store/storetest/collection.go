package storetest

import (
	"context"
	"errors"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/validation"
)

// runCollection runs the collection subtests for kind k.
func runCollection[T any](t *testing.T, open func(t *testing.T) billing.Store, k kind[T]) {
	t.Helper()
	tests := []struct {
		name string
		run  func(t *testing.T, s billing.Store, k kind[T])
	}{
		{"insert, get and update count versions", testVersions[T]},
		{"a stale version is a conflict and writes nothing", testStale[T]},
		{"a duplicate insert is a conflict", testDuplicate[T]},
		{"a missing ID is not found", testNotFound[T]},
		{"scan lists IDs in order, page by page", testScan[T]},
		{"values share nothing with the store", testCopies[T]},
		{"get many reads records in the order asked", testGetMany[T]},
	}
	t.Run(k.name, func(t *testing.T) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) { tt.run(t, open(t), k) })
		}
		// SharedScanner and BatchInserter are optional: they are
		// checked where implemented.
		if s := open(t); implements[billing.SharedScanner[T]](s, k) {
			t.Run("a shared scan lists what scan lists and keeps it", func(t *testing.T) { testSharedScan(t, s, k) })
		}
		if s := open(t); implements[billing.BatchInserter[T]](s, k) {
			t.Run("insert many inserts all or none", func(t *testing.T) { testInsertMany(t, s, k) })
		}
	})
}

// implements reports whether the collection of kind k implements the
// optional capability C.
func implements[C, T any](s billing.Store, k kind[T]) bool {
	var ok bool
	_ = s.View(context.Background(), func(tx billing.Tx) error {
		_, ok = any(k.of(tx)).(C)
		return nil
	})
	return ok
}

// put writes value under id with the version read, in its own Update.
func put[T any](t *testing.T, s billing.Store, k kind[T], id string, version uint64, value T) (uint64, error) {
	t.Helper()
	var got uint64
	err := s.Update(context.Background(), func(tx billing.Tx) error {
		var err error
		got, err = k.of(tx).Put(context.Background(), billing.Record[T]{ID: id, Version: version, Value: value})
		return err
	})
	return got, err
}

// get reads id in a View.
func get[T any](t *testing.T, s billing.Store, k kind[T], id string) (billing.Record[T], error) {
	t.Helper()
	var r billing.Record[T]
	err := s.View(context.Background(), func(tx billing.Tx) error {
		var err error
		r, err = k.of(tx).Get(context.Background(), id)
		return err
	})
	return r, err
}

// mustGet reads id, which must be stored with the given version and value.
func mustGet[T any](t *testing.T, s billing.Store, k kind[T], id string, version uint64, value T) {
	t.Helper()
	r, err := get(t, s, k, id)
	require.NoError(t, err)
	assert.Equal(t, id, r.ID)
	assert.Equal(t, version, r.Version)
	assertSame(t, value, r.Value)
}

func testVersions[T any](t *testing.T, s billing.Store, k kind[T]) {
	id := k.id(1)
	v, err := put(t, s, k, id, 0, k.value(t, id, 1))
	require.NoError(t, err)
	assert.Equal(t, uint64(1), v, "an insert makes version 1")
	mustGet(t, s, k, id, 1, k.value(t, id, 1))

	for n := 2; n <= 3; n++ {
		v, err = put(t, s, k, id, uint64(n-1), k.value(t, id, n))
		require.NoError(t, err)
		assert.Equal(t, uint64(n), v, "each update adds one")
		mustGet(t, s, k, id, uint64(n), k.value(t, id, n))
	}
}

func testStale[T any](t *testing.T, s billing.Store, k kind[T]) {
	id, missing := k.id(1), k.id(2)
	_, err := put(t, s, k, id, 0, k.value(t, id, 1))
	require.NoError(t, err)
	_, err = put(t, s, k, id, 1, k.value(t, id, 2))
	require.NoError(t, err)

	update(t, s, func(tx billing.Tx) error {
		_, err := k.of(tx).Put(context.Background(), billing.Record[T]{ID: id, Version: 1, Value: k.value(t, id, 3)})
		var conflict *billing.ConflictError
		require.ErrorAs(t, err, &conflict)
		assert.ErrorIs(t, err, billing.ErrConflict)
		assert.Equal(t, billing.ConflictError{Kind: k.name, ID: id, Expected: 1, Actual: 2}, *conflict)

		_, err = k.of(tx).Put(context.Background(), billing.Record[T]{ID: missing, Version: 4, Value: k.value(t, missing, 4)})
		require.ErrorAs(t, err, &conflict, "updating a record that does not exist")
		assert.Equal(t, billing.ConflictError{Kind: k.name, ID: missing, Expected: 4, Actual: 0}, *conflict)
		return nil // commit: the refused Puts must have written nothing
	})
	mustGet(t, s, k, id, 2, k.value(t, id, 2))
	_, err = get(t, s, k, missing)
	assert.ErrorIs(t, err, billing.ErrNotFound)
}

func testDuplicate[T any](t *testing.T, s billing.Store, k kind[T]) {
	id := k.id(1)
	_, err := put(t, s, k, id, 0, k.value(t, id, 1))
	require.NoError(t, err)
	_, err = put(t, s, k, id, 0, k.value(t, id, 2))
	var conflict *billing.ConflictError
	require.ErrorAs(t, err, &conflict)
	assert.ErrorIs(t, err, billing.ErrConflict)
	assert.Equal(t, billing.ConflictError{Kind: k.name, ID: id, Expected: 0, Actual: 1}, *conflict)
	mustGet(t, s, k, id, 1, k.value(t, id, 1))
}

func testNotFound[T any](t *testing.T, s billing.Store, k kind[T]) {
	id := k.id(9)
	_, err := get(t, s, k, id)
	assert.ErrorIs(t, err, billing.ErrNotFound)
	var nf *billing.NotFoundError
	require.ErrorAs(t, err, &nf)
	assert.Equal(t, billing.NotFoundError{Kind: k.name, ID: id}, *nf)
	assert.False(t, errors.Is(err, billing.ErrConflict))
}

func testScan[T any](t *testing.T, s billing.Store, k kind[T]) {
	const total = 25
	order := rand.New(rand.NewPCG(1, 2)).Perm(total) // IDs do not always arrive in order
	for i, n := range order {
		if i%2 == 0 { // half in one transaction each, half together
			_, err := put(t, s, k, k.id(n), 0, k.value(t, k.id(n), n))
			require.NoError(t, err)
		}
	}
	update(t, s, func(tx billing.Tx) error {
		for i, n := range order {
			if i%2 == 1 {
				if _, err := k.of(tx).Put(context.Background(), billing.Record[T]{ID: k.id(n), Value: k.value(t, k.id(n), n)}); err != nil {
					return err
				}
			}
		}
		return nil
	})

	var pages [][]billing.Record[T]
	view(t, s, func(tx billing.Tx) error {
		after := ""
		for range total {
			page, err := k.of(tx).Scan(context.Background(), after, 10)
			require.NoError(t, err)
			pages = append(pages, page)
			if len(page) == 0 {
				return nil
			}
			after = page[len(page)-1].ID
		}
		return nil
	})
	require.Len(t, pages, 4)
	assert.Equal(t, []int{10, 10, 5, 0}, []int{len(pages[0]), len(pages[1]), len(pages[2]), len(pages[3])})
	n := 0
	for _, page := range pages {
		for _, r := range page {
			assert.Equal(t, k.id(n), r.ID, "ascending ID order")
			assert.Equal(t, uint64(1), r.Version)
			assertSame(t, k.value(t, k.id(n), n), r.Value)
			n++
		}
	}

	view(t, s, func(tx billing.Tx) error {
		between := k.id(7) + "~" // sorts after id(7), before id(8)
		page, err := k.of(tx).Scan(context.Background(), between, 2)
		require.NoError(t, err)
		require.Len(t, page, 2)
		assert.Equal(t, []string{k.id(8), k.id(9)}, []string{page[0].ID, page[1].ID})
		all, err := k.of(tx).Scan(context.Background(), "", total+10)
		require.NoError(t, err)
		assert.Len(t, all, total)
		for _, limit := range []int{0, -1} {
			rest, err := k.of(tx).Scan(context.Background(), k.id(4), limit)
			require.NoError(t, err)
			assert.Len(t, rest, total-5, "a limit of %d returns every record after the ID", limit)
		}
		return nil
	})
}

func testCopies[T any](t *testing.T, s billing.Store, k kind[T]) {
	id := k.id(1)
	given := k.value(t, id, 1)
	_, err := put(t, s, k, id, 0, given)
	require.NoError(t, err)
	k.mutate(&given)
	mustGet(t, s, k, id, 1, k.value(t, id, 1))

	r, err := get(t, s, k, id)
	require.NoError(t, err)
	k.mutate(&r.Value)
	mustGet(t, s, k, id, 1, k.value(t, id, 1))

	update(t, s, func(tx billing.Tx) error {
		page, err := k.of(tx).Scan(context.Background(), "", 1)
		require.NoError(t, err)
		require.Len(t, page, 1)
		k.mutate(&page[0].Value)
		r, err := k.of(tx).Get(context.Background(), id)
		require.NoError(t, err)
		assertSame(t, k.value(t, id, 1), r.Value, "inside the transaction too")
		return nil
	})
	mustGet(t, s, k, id, 1, k.value(t, id, 1))
}

// testGetMany checks BatchGetter, which the engine uses when a store
// implements it: the suite expects stores to.
func testGetMany[T any](t *testing.T, s billing.Store, k kind[T]) {
	var implemented bool
	_ = s.View(context.Background(), func(tx billing.Tx) error {
		_, implemented = k.of(tx).(billing.BatchGetter[T])
		return nil
	})
	require.True(t, implemented, "the %s collection does not implement billing.BatchGetter", k.name)
	for n := 1; n <= 3; n++ {
		_, err := put(t, s, k, k.id(n), 0, k.value(t, k.id(n), n))
		require.NoError(t, err)
	}
	_, err := put(t, s, k, k.id(2), 1, k.value(t, k.id(2), 20))
	require.NoError(t, err)
	many := func(ids ...string) ([]billing.Record[T], error) {
		var out []billing.Record[T]
		err := s.View(context.Background(), func(tx billing.Tx) error {
			var err error
			out, err = k.of(tx).(billing.BatchGetter[T]).GetMany(context.Background(), ids)
			return err
		})
		return out, err
	}
	got, err := many(k.id(3), k.id(1), k.id(2), k.id(3))
	require.NoError(t, err)
	require.Len(t, got, 4)
	for i, want := range []struct {
		n, value int
		version  uint64
	}{{3, 3, 1}, {1, 1, 1}, {2, 20, 2}, {3, 3, 1}} {
		assert.Equal(t, k.id(want.n), got[i].ID)
		assert.Equal(t, want.version, got[i].Version)
		assertSame(t, k.value(t, k.id(want.n), want.value), got[i].Value)
	}
	// What it returns shares nothing with the store.
	k.mutate(&got[1].Value)
	mustGet(t, s, k, k.id(1), 1, k.value(t, k.id(1), 1))

	got, err = many()
	require.NoError(t, err)
	assert.Empty(t, got)
	_, err = many(k.id(1), k.id(9))
	var nf *billing.NotFoundError
	require.ErrorAs(t, err, &nf)
	assert.Equal(t, billing.NotFoundError{Kind: k.name, ID: k.id(9)}, *nf)
}

// testInsertMany checks BatchInserter: records inserted at version 1 in
// one call, and nothing inserted when an ID is stored already, given
// twice, or has a version.
func testInsertMany[T any](t *testing.T, s billing.Store, k kind[T]) {
	ctx := context.Background()
	insert := func(recs ...billing.Record[T]) error {
		return s.Update(ctx, func(tx billing.Tx) error {
			return k.of(tx).(billing.BatchInserter[T]).InsertMany(ctx, recs)
		})
	}
	rec := func(n int) billing.Record[T] { return billing.Record[T]{ID: k.id(n), Value: k.value(t, k.id(n), n)} }
	_, err := put(t, s, k, k.id(3), 0, k.value(t, k.id(3), 3))
	require.NoError(t, err)

	// An ID stored already: a conflict naming it, and nothing inserted.
	err = insert(rec(1), rec(2), rec(3), rec(4))
	var conflict *billing.ConflictError
	require.ErrorAs(t, err, &conflict)
	assert.Equal(t, k.name, conflict.Kind)
	assert.Equal(t, k.id(3), conflict.ID)
	// An ID given twice, and a record with a version.
	err = insert(rec(1), rec(2), rec(1))
	require.ErrorAs(t, err, &conflict)
	assert.Equal(t, k.id(1), conflict.ID)
	withVersion := rec(2)
	withVersion.Version = 1
	err = insert(rec(1), withVersion)
	var invalid *validation.Error
	require.ErrorAs(t, err, &invalid)
	for _, n := range []int{1, 2, 4} {
		_, err := get(t, s, k, k.id(n))
		require.ErrorIs(t, err, billing.ErrNotFound, "record %d was inserted", n)
	}

	require.NoError(t, insert(rec(1), rec(2), rec(4)))
	require.NoError(t, insert())
	for _, n := range []int{1, 2, 4} {
		mustGet(t, s, k, k.id(n), 1, k.value(t, k.id(n), n))
	}
	// What was inserted shares nothing with what was given.
	given := rec(5)
	require.NoError(t, insert(given))
	k.mutate(&given.Value)
	mustGet(t, s, k, k.id(5), 1, k.value(t, k.id(5), 5))
	// A transaction that fails after inserting keeps nothing.
	errUndo := errors.New("undo")
	err = s.Update(ctx, func(tx billing.Tx) error {
		if err := k.of(tx).(billing.BatchInserter[T]).InsertMany(ctx, []billing.Record[T]{rec(6)}); err != nil {
			return err
		}
		return errUndo
	})
	require.ErrorIs(t, err, errUndo)
	_, err = get(t, s, k, k.id(6))
	require.ErrorIs(t, err, billing.ErrNotFound)
}

// testSharedScan checks SharedScanner: the records Scan lists, and values
// that stay as they were listed whatever is written afterwards, while it
// is written (under -race) and after a write that is rolled back.
func testSharedScan[T any](t *testing.T, s billing.Store, k kind[T]) {
	ctx := context.Background()
	for n := 1; n <= 3; n++ {
		_, err := put(t, s, k, k.id(n), 0, k.value(t, k.id(n), n))
		require.NoError(t, err)
	}
	_, err := put(t, s, k, k.id(2), 1, k.value(t, k.id(2), 20))
	require.NoError(t, err)
	scan := func(after string, limit int) []billing.Record[T] {
		var out []billing.Record[T]
		require.NoError(t, s.View(ctx, func(tx billing.Tx) error {
			var err error
			out, err = k.of(tx).Scan(ctx, after, limit)
			return err
		}))
		return out
	}
	shared := func(after string, limit int) []billing.Record[*T] {
		var out []billing.Record[*T]
		require.NoError(t, s.View(ctx, func(tx billing.Tx) error {
			var err error
			out, err = k.of(tx).(billing.SharedScanner[T]).ScanShared(ctx, after, limit)
			return err
		}))
		return out
	}
	got := shared("", 0)
	want := scan("", 0)
	require.Len(t, got, 3)
	for i := range want {
		assert.Equal(t, want[i].ID, got[i].ID)
		assert.Equal(t, want[i].Version, got[i].Version)
		require.NotNil(t, got[i].Value)
		assertSame(t, want[i].Value, *got[i].Value)
	}
	page := shared(k.id(1), 1)
	require.Len(t, page, 1)
	assert.Equal(t, k.id(2), page[0].ID)
	assert.Empty(t, shared(k.id(3), 0))

	// Writes replace what the store holds, never what it handed out:
	// new versions written while the shared values are read...
	var wg sync.WaitGroup
	wg.Go(func() {
		for v := uint64(1); v <= 20; v++ {
			if _, err := put(t, s, k, k.id(1), v, k.value(t, k.id(1), 100+int(v))); err != nil {
				t.Error(err)
				return
			}
		}
	})
	for range 20 {
		assertSame(t, want[0].Value, *got[0].Value)
	}
	wg.Wait()
	// ... and a write that fails.
	errUndo := errors.New("undo")
	err = s.Update(ctx, func(tx billing.Tx) error {
		if _, err := k.of(tx).Put(ctx, billing.Record[T]{ID: k.id(3), Version: 1, Value: k.value(t, k.id(3), 30)}); err != nil {
			return err
		}
		return errUndo
	})
	require.ErrorIs(t, err, errUndo)
	for i := range want {
		assertSame(t, want[i].Value, *got[i].Value, "record %s", want[i].ID)
	}
	mustGet(t, s, k, k.id(1), 21, k.value(t, k.id(1), 120))
	mustGet(t, s, k, k.id(3), 1, k.value(t, k.id(3), 3))
}
