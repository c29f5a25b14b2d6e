// Package sqlite implements billing.Store over an embedded SQLite
// database, in one file or in memory. It uses modernc.org/sqlite, a SQLite
// translated to Go, so hosts build it without cgo and cross-compile it
// freely.
//
// Open creates the schema, or brings an older one up to date, and returns
// a Store that keeps every write of a transaction together:
//
//	s, err := sqlite.Open(ctx, "billing.db")
//	if err != nil {
//		return err
//	}
//	defer s.Close()
//	engine, err := billing.New(s, desk)
//
// Open(ctx, sqlite.Memory) returns a private in-memory database instead,
// lost when the Store is closed. Store.Collab returns a collab.Store kept
// in the same database, so that the conversations live beside the objects
// they are about.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/validation"
)

// Memory is the path that opens a private in-memory database: each Open
// of it returns a new, empty database that only that Store sees and that
// is dropped by Close.
const Memory = ":memory:"

// Store implements billing.Store over a SQLite database. It is safe for
// concurrent use, and several Stores, in one process or in several, may
// open the same file at once.
//
// Each aggregate is a table holding a record's ID, its version and its
// value encoded as JSON; the columns that queries need are real columns:
// events keep their time (as Unix seconds and nanoseconds, so that they
// sort exactly) and their object's kind and ID, marks their key, and
// numbering series their last number and its date. The schema is created
// and migrated by Open: each migration runs once, in a transaction that
// records its version in the schema_migrations table.
//
// Update is a write transaction begun with BEGIN IMMEDIATE, so that it
// takes the database's write lock before it reads anything: writers never
// deadlock upgrading a read lock, and a stale version is always seen as a
// *billing.ConflictError rather than a failed commit. Updates of one Store
// wait their turn in Go, honouring their context; those of other
// processes are waited for up to the busy timeout (see WithBusyTimeout),
// after which Update fails with an error that wraps billing.ErrConflict.
// A disk that fails or is full fails Update with a
// *billing.UnavailableError, which wraps billing.ErrUnavailable, and a
// disk failure during the commit with a *billing.OutcomeUnknownError: the
// write-ahead log may have received the transaction.
// If fn returns an error or panics, the transaction is rolled back:
// nothing of it is kept, and the invoice numbers it took are handed out
// again.
//
// A commit to a file waits until the write-ahead log is on disk, so that
// what was committed survives a power failure; WithSync(SyncNormal)
// trades that for speed.
//
// View is a read transaction over one snapshot of the database. A file
// database uses write-ahead logging, so Views run in parallel with each
// other and with an Update, and see none of an Update until it commits.
// An in-memory database has a single connection: its Views and Updates
// take turns.
//
// Beyond billing.Store, Store makes the choices of the reference
// in-memory store: Scan with a limit of zero or less returns every record
// after the given ID; empty IDs, mark keys and idempotency keys are
// refused with a *validation.Error; the Kind of a ConflictError or
// NotFoundError is "quote", "contract", "invoice", "ledger", "approval",
// "event", "mark" or "idempotency_key"; a Tx must not be used once its fn
// has returned, nor from several goroutines at once; and fn must not call
// Update or View on the same Store, which could wait for itself forever.
//
// Values read back are decoded from JSON, so they share no memory with
// the store. A value reads back as it was written, with the exceptions
// JSON makes: times keep their instant and offset but not their
// *time.Location (UTC stays UTC), and a field tagged omitempty that held
// an empty, non-nil slice or map reads back as nil.
type Store struct {
	db      *sql.DB
	busy    time.Duration // how long a transaction waits for other processes
	keeper  *sql.Conn     // holds an in-memory database open; nil for a file
	writer  chan struct{} // the turn of this Store's Updates
	stmts   [numStmts]*sql.Stmt
	closing sync.Once
	closed  atomic.Bool
}

var (
	_ billing.Store                         = (*Store)(nil)
	_ billing.BatchGetter[invoice.Snapshot] = (*collection[invoice.Snapshot])(nil)
)

// errTxDone reports the use of a transaction after its fn returned.
var errTxDone = errors.New("sqlite: transaction has ended")

// errClosed reports the use of a Store after Close.
var errClosed = errors.New("sqlite: store is closed")

// Open opens the SQLite database at path, creating the file if it does
// not exist, and creates or migrates its schema. Path is a file name, not
// a URI: Open sets the connection's parameters itself. Path Memory opens
// a new private in-memory database. An empty path is refused with a
// *validation.Error; invalid options with an error that wraps
// billing.ErrConfig.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	if path == "" {
		return nil, validation.New("path", validation.CodeRequired, "is required: a file name, or sqlite.Memory")
	}
	cfg := defaultConfig()
	for _, opt := range opts {
		opt(&cfg)
	}
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	params := url.Values{}
	params.Set("_txlock", "immediate")
	params.Set("_busy_timeout", strconv.FormatInt(cfg.busyTimeout.Milliseconds(), 10))
	params.Set("_foreign_keys", "1")
	var dsn string
	memory := path == Memory
	if memory {
		// A shared cache under a unique name lets the keeper connection
		// hold the database while the pool's connection comes and goes.
		params.Set("mode", "memory")
		params.Set("cache", "shared")
		dsn = "file:billkit-" + uuid.NewString() + "?" + params.Encode()
	} else {
		params.Set("_journal_mode", "WAL")
		params.Set("_synchronous", map[Sync]string{SyncFull: "FULL", SyncNormal: "NORMAL"}[cfg.sync])
		dsn = "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + params.Encode()
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	s := &Store{db: db, busy: cfg.busyTimeout, writer: make(chan struct{}, 1)}
	if memory {
		db.SetMaxOpenConns(1)
		if s.keeper, err = db.Conn(ctx); err != nil {
			db.Close()
			return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
		}
		db.SetMaxOpenConns(2) // the keeper and one working connection
	} else {
		db.SetMaxOpenConns(cfg.maxConns)
	}
	db.SetMaxIdleConns(cfg.maxConns)
	if err := s.open(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	return s, nil
}

// open migrates the schema and prepares the statements.
func (s *Store) open(ctx context.Context) error {
	if err := migrate(ctx, s.db, migrations, s.busy); err != nil {
		return err
	}
	for i, q := range statements {
		st, err := s.db.PrepareContext(ctx, q)
		if err != nil {
			return fmt.Errorf("prepare %q: %w", q, err)
		}
		s.stmts[i] = st
	}
	return nil
}

// Close closes the database. An in-memory database is dropped. Close
// waits for running transactions to end; Update and View fail once it has
// returned.
func (s *Store) Close() error {
	var err error
	s.closing.Do(func() {
		s.closed.Store(true)
		for _, st := range s.stmts {
			if st != nil {
				err = errors.Join(err, st.Close())
			}
		}
		if s.keeper != nil {
			err = errors.Join(err, s.keeper.Close())
		}
		err = errors.Join(err, s.db.Close())
	})
	return err
}

// Update runs fn in a write transaction and commits what it wrote if fn
// returns nil. If fn returns an error, Update returns it unchanged and
// rolls back every write of fn; if fn panics, Update rolls back too and
// the panic goes on. A cancelled ctx is refused before fn runs; a ctx
// cancelled while fn runs rolls the transaction back.
func (s *Store) Update(ctx context.Context, fn func(tx billing.Tx) error) error {
	sqlTx, err := s.begin(ctx, true)
	if err != nil {
		return err
	}
	t := newTx(s, sqlTx, true)
	ended := false
	defer func() {
		t.done = true
		if !ended { // fn failed, panicked or called runtime.Goexit
			_ = s.end(ctx, sqlTx, true, false)
		}
	}()
	if err := fn(t); err != nil {
		return err
	}
	t.done, ended = true, true
	return s.end(ctx, sqlTx, true, true)
}

// View runs fn in a read-only transaction over a consistent snapshot of
// the database. Writes in it fail with billing.ErrReadOnly. View returns
// fn's error.
func (s *Store) View(ctx context.Context, fn func(tx billing.Tx) error) error {
	sqlTx, err := s.begin(ctx, false)
	if err != nil {
		return err
	}
	t := newTx(s, sqlTx, false)
	defer func() {
		t.done = true
		_ = s.end(ctx, sqlTx, false, false)
	}()
	return fn(t)
}

// inTx runs fn in a transaction, as Update (write) or View does, and
// commits a write transaction if fn returns nil.
func (s *Store) inTx(ctx context.Context, write bool, fn func(*sql.Tx) error) error {
	sqlTx, err := s.begin(ctx, write)
	if err != nil {
		return err
	}
	ended := false
	defer func() {
		if !ended {
			_ = s.end(ctx, sqlTx, write, false)
		}
	}()
	if err := fn(sqlTx); err != nil {
		return err
	}
	ended = true
	return s.end(ctx, sqlTx, write, write)
}

// begin starts a transaction. A write transaction first waits for the
// turn of this Store's writers, then begins with BEGIN IMMEDIATE (set by
// the DSN's _txlock), which waits for other processes' writers up to the
// busy timeout. A read transaction begins deferred: its snapshot is taken
// by its first read.
func (s *Store) begin(ctx context.Context, write bool) (*sql.Tx, error) {
	if err := s.ready(ctx); err != nil {
		return nil, err
	}
	opts := &sql.TxOptions{ReadOnly: true}
	if write {
		select {
		case s.writer <- struct{}{}:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		opts = nil
	}
	sqlTx, err := beginTx(ctx, s.db, opts, s.busy)
	if err != nil {
		if write {
			<-s.writer
		}
		return nil, dbError(ctx, "begin", err)
	}
	return sqlTx, nil
}

// end commits or rolls back a transaction that begin started, and gives
// the writers' turn back.
func (s *Store) end(ctx context.Context, sqlTx *sql.Tx, write, commit bool) error {
	if write {
		defer func() { <-s.writer }()
	}
	if !commit {
		_ = sqlTx.Rollback()
		return nil
	}
	if err := sqlTx.Commit(); err != nil {
		return commitError(ctx, err)
	}
	return nil
}

// ready refuses a transaction on a closed Store or under a done ctx.
func (s *Store) ready(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.closed.Load() {
		return errClosed
	}
	return nil
}
