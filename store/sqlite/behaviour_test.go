package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/store/sqlite"
	"github.com/billkit/billkit/validation"
)

var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func TestStoreRefusesEmptyKeys(t *testing.T) {
	ctx := context.Background()
	s := openMemory(t)
	err := s.Update(ctx, func(tx billing.Tx) error {
		_, err := tx.Contracts().Put(ctx, billing.Record[billing.Contract]{})
		assert.ErrorIs(t, err, validation.ErrInvalid, "a record without an ID")
		var verr *validation.Error
		if assert.ErrorAs(t, err, &verr) {
			assert.True(t, verr.Has("id", validation.CodeRequired))
		}
		err = tx.Events().Append(ctx, billing.Event{ID: "e-1", At: t0}, billing.Event{At: t0})
		assert.ErrorIs(t, err, validation.ErrInvalid, "an event without an ID")
		assert.ErrorContains(t, err, "events[1].id")
		assert.ErrorIs(t, tx.Marks().Mark(ctx, "", "inv-1"), validation.ErrInvalid, "a mark without a key")
		_, err = tx.Sequence().Next(ctx, "F", date.Date{})
		assert.ErrorIs(t, err, validation.ErrInvalid, "a number without a date")
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, 0, count(t, s), "nothing was written")
}

func TestEventsOrderByInstant(t *testing.T) {
	ctx := context.Background()
	s := openMemory(t)
	paris := time.FixedZone("CET", 3600)
	events := []billing.Event{ // the same instant in two zones, a nanosecond apart, before 1970
		{ID: "e-3", At: t0.Add(time.Nanosecond)},
		{ID: "e-2", At: t0.In(paris)},
		{ID: "e-1", At: t0},
		{ID: "e-0", At: time.Date(1969, 12, 31, 23, 59, 59, 999999999, time.UTC)},
	}
	require.NoError(t, s.Update(ctx, func(tx billing.Tx) error { return tx.Events().Append(ctx, events...) }))
	require.NoError(t, s.View(ctx, func(tx billing.Tx) error {
		all, err := tx.Events().Range(ctx, billing.EventQuery{})
		require.NoError(t, err)
		assert.Equal(t, []string{"e-0", "e-1", "e-2", "e-3"}, ids(all))
		page, err := tx.Events().Range(ctx, billing.EventQuery{Since: t0.In(paris), Until: t0.Add(time.Nanosecond)})
		require.NoError(t, err)
		assert.Equal(t, []string{"e-1", "e-2"}, ids(page))
		page, err = tx.Events().Range(ctx, billing.EventQuery{After: all[1].Position(), Descending: true})
		require.NoError(t, err)
		assert.Equal(t, []string{"e-0"}, ids(page))
		return nil
	}))
}

func TestStoreTxEndsWithItsFunction(t *testing.T) {
	ctx := context.Background()
	s := openMemory(t)
	var kept billing.Tx
	require.NoError(t, s.Update(ctx, func(tx billing.Tx) error { kept = tx; return nil }))
	_, err := kept.Contracts().Put(ctx, billing.Record[billing.Contract]{ID: "c-1"})
	assert.Error(t, err, "a transaction cannot be used once its function returned")
	_, err = kept.Contracts().Get(ctx, "c-1")
	assert.Error(t, err)
	assert.NotErrorIs(t, err, billing.ErrNotFound)
}

func TestStoreCancelledInsideTransaction(t *testing.T) {
	s := openFile(t)
	ctx, cancel := context.WithCancel(context.Background())
	err := s.Update(ctx, func(tx billing.Tx) error {
		if _, err := tx.Contracts().Put(ctx, billing.Record[billing.Contract]{ID: "c-1"}); err != nil {
			return err
		}
		cancel()
		_, err := tx.Contracts().Put(ctx, billing.Record[billing.Contract]{ID: "c-2"})
		return err
	})
	require.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, 0, count(t, s), "the write before the cancellation was rolled back")
}

func TestViewRefusesWritesWithErrReadOnly(t *testing.T) {
	ctx := context.Background()
	s := openFile(t)
	err := s.View(ctx, func(tx billing.Tx) error {
		_, err := tx.Contracts().Put(ctx, billing.Record[billing.Contract]{ID: "c-1"})
		return err
	})
	assert.ErrorIs(t, err, billing.ErrReadOnly)
	assert.Equal(t, 0, count(t, s))
}

// TestUpdateWaitsForAnotherProcess holds the write lock from a second Store
// over the same file, as another process would, and checks that an Update
// waits for it, then that a short busy timeout ends the wait with an
// error that wraps billing.ErrConflict.
func TestUpdateWaitsForAnotherProcess(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "billing.db")
	s := openAt(t, path, sqlite.WithBusyTimeout(50*time.Millisecond))
	other := openAt(t, path)
	put := func() error {
		return s.Update(ctx, func(tx billing.Tx) error {
			_, err := tx.Contracts().Put(ctx, billing.Record[billing.Contract]{ID: "c-1"})
			return err
		})
	}

	holding, release, released := make(chan struct{}), make(chan struct{}), make(chan struct{})
	go func() {
		defer close(released)
		_ = other.Update(ctx, func(billing.Tx) error {
			close(holding)
			<-release
			return nil
		})
	}()
	<-holding
	err := put()
	assert.ErrorIs(t, err, billing.ErrConflict, "the lock was held beyond the busy timeout")
	assert.ErrorContains(t, err, "locked")
	close(release)
	<-released
	assert.NoError(t, put(), "the lock is free again")
}

// TestFailedTransactionWritesNothing fails transactions after they wrote
// to every part of the store: by returning an error, and by a statement
// that the database refuses (a trigger stands in for a full disk or a
// broken constraint). Then it reopens the file and finds nothing of them.
func TestFailedTransactionWritesNothing(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "billing.db")
	s := openAt(t, path)
	db, err := sql.Open("sqlite", path)
	require.NoError(t, err)
	defer db.Close()
	_, err = db.Exec(`CREATE TRIGGER refuse_poison BEFORE INSERT ON marks WHEN NEW.key = 'poison'
		BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`)
	require.NoError(t, err)

	errBoom := errors.New("boom")
	for _, tc := range []struct {
		name string
		last func(tx billing.Tx) error
		want string
	}{
		{"fn returns an error", func(billing.Tx) error { return errBoom }, "boom"},
		{"a statement fails", func(tx billing.Tx) error { return tx.Marks().Mark(ctx, "poison", "i-9") }, "refused by the test"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := s.Update(ctx, func(tx billing.Tx) error {
				writeEverything(t, tx)
				return tc.last(tx)
			})
			require.ErrorContains(t, err, tc.want)
			assert.NotErrorIs(t, err, billing.ErrConflict)
		})
	}
	assertEmpty(t, s)
	assertEmpty(t, openAt(t, path))
}

// writeEverything writes to every part of the store in tx.
func writeEverything(t *testing.T, tx billing.Tx) {
	t.Helper()
	ctx := context.Background()
	for i := range 3 {
		id := "x-" + strconv.Itoa(i)
		_, err := tx.Quotes().Put(ctx, billing.Record[quote.Snapshot]{ID: id})
		require.NoError(t, err)
		_, err = tx.Contracts().Put(ctx, billing.Record[billing.Contract]{ID: id})
		require.NoError(t, err)
		_, err = tx.Invoices().Put(ctx, billing.Record[invoice.Snapshot]{ID: id})
		require.NoError(t, err)
		_, err = tx.Ledgers().Put(ctx, billing.Record[invoice.LedgerSnapshot]{ID: id})
		require.NoError(t, err)
		_, err = tx.Approvals().Put(ctx, billing.Record[billing.ApprovalRequest]{ID: id})
		require.NoError(t, err)
		require.NoError(t, tx.Events().Append(ctx, billing.Event{ID: id, At: t0, Object: collab.Ref{Kind: collab.KindInvoice, ID: id}}))
		require.NoError(t, tx.Marks().Mark(ctx, id+"/l1/2026-03", id))
		n, err := tx.Sequence().Next(ctx, "F", date.MustParse("2026-03-31"))
		require.NoError(t, err)
		require.Equal(t, uint64(i+1), n)
	}
}

// assertEmpty checks that s holds nothing that writeEverything writes.
func assertEmpty(t *testing.T, s *sqlite.Store) {
	t.Helper()
	ctx := context.Background()
	assert.Equal(t, 0, count(t, s))
	require.NoError(t, s.View(ctx, func(tx billing.Tx) error {
		q, err := tx.Quotes().Scan(ctx, "", 0)
		assert.Empty(t, q)
		i, err2 := tx.Invoices().Scan(ctx, "", 0)
		assert.Empty(t, i)
		l, err3 := tx.Ledgers().Scan(ctx, "", 0)
		assert.Empty(t, l)
		a, err4 := tx.Approvals().Scan(ctx, "", 0)
		assert.Empty(t, a)
		_, marked, err5 := tx.Marks().Marked(ctx, "x-0/l1/2026-03")
		assert.False(t, marked)
		return errors.Join(err, err2, err3, err4, err5)
	}))
	errCheckOnly := errors.New("check only")
	require.ErrorIs(t, s.Update(ctx, func(tx billing.Tx) error {
		n, err := tx.Sequence().Next(ctx, "F", date.MustParse("2026-03-01"))
		require.NoError(t, err)
		assert.Equal(t, uint64(1), n, "no number and no date was kept")
		return errCheckOnly // take nothing either
	}), errCheckOnly)
}

// count returns the number of contracts and events stored.
func count(t *testing.T, s *sqlite.Store) int {
	t.Helper()
	n := 0
	ctx := context.Background()
	require.NoError(t, s.View(ctx, func(tx billing.Tx) error {
		all, err := tx.Contracts().Scan(ctx, "", 0)
		n += len(all)
		events, err2 := tx.Events().Range(ctx, billing.EventQuery{})
		n += len(events)
		return errors.Join(err, err2)
	}))
	return n
}

// ids returns the IDs of events.
func ids(events []billing.Event) []string {
	out := make([]string, len(events))
	for i, e := range events {
		out[i] = e.ID
	}
	return out
}

// TestViewRunsBesideUpdate checks that, on a file, a View neither waits
// for an Update that is running nor sees what it wrote so far.
func TestViewRunsBesideUpdate(t *testing.T) {
	ctx := context.Background()
	s := openFile(t)
	wrote, release, done := make(chan struct{}), make(chan struct{}), make(chan error)
	go func() {
		done <- s.Update(ctx, func(tx billing.Tx) error {
			if _, err := tx.Contracts().Put(ctx, billing.Record[billing.Contract]{ID: "c-1"}); err != nil {
				return err
			}
			close(wrote)
			<-release
			return nil
		})
	}()
	<-wrote
	require.NoError(t, s.View(ctx, func(tx billing.Tx) error {
		_, err := tx.Contracts().Get(ctx, "c-1")
		assert.ErrorIs(t, err, billing.ErrNotFound, "the Update has not committed")
		return nil
	}))
	close(release)
	require.NoError(t, <-done)
	assert.Equal(t, 1, count(t, s))
}

// TestUpdateWaitsForItsContext checks that an Update waiting for another
// one of the same Store gives up when its context ends.
func TestUpdateWaitsForItsContext(t *testing.T) {
	ctx := context.Background()
	s := openFile(t)
	holding, release, done := make(chan struct{}), make(chan struct{}), make(chan error)
	go func() {
		done <- s.Update(ctx, func(billing.Tx) error { close(holding); <-release; return nil })
	}()
	<-holding
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	called := false
	err := s.Update(short, func(billing.Tx) error { called = true; return nil })
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.False(t, called)
	close(release)
	require.NoError(t, <-done)
}
