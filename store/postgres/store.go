package postgres

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"slices"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/invoice"
)

// Store implements billing.Store over a PostgreSQL database. It is safe
// for concurrent use, and any number of Store values, in one process or in
// many, may share a database schema.
//
// Update runs fn in a READ COMMITTED transaction: every write checks the
// version it replaces in the same statement (UPDATE ... WHERE version =
// $read), so a stale write is a *billing.ConflictError however the
// transactions interleave, and refused writes leave the transaction
// usable. Each read of an Update sees what other transactions committed
// before it: the versions, not a snapshot, keep Update's writes safe. View runs fn in a REPEATABLE READ, READ ONLY transaction: it
// sees one snapshot of the database from its first statement to its last.
//
// Beyond billing.Store, Store documents the choices the port leaves open,
// as the memory store does: Scan with a limit of zero or less returns
// every record after the given ID; empty IDs and mark keys are refused
// with a *validation.Error; a Tx must not be used once its fn has
// returned, nor from several goroutines at once; and fn must not wait for
// another transaction of the same pool, which may be waiting for fn's
// connection. Quote, contract, invoice,
// approval and event IDs are UUIDs in canonical (lowercase) form, as the
// engine makes them: a Put or an Append of anything else is refused with
// a *validation.Error naming the field, and a Get of it is a
// *billing.NotFoundError. Ledger keys, mark keys and idempotency keys
// (and their users) are any non-empty text. Event times are kept to the
// nanosecond, those of idempotency keys to the microsecond.
type Store struct {
	pool    *pgxpool.Pool
	owned   bool // Close closes pool
	schema  string
	origin  uuid.UUID    // tells this Store's events apart in the feed
	channel string       // the NOTIFY channel of the schema
	log     *slog.Logger // nil: no logging
	q       queries
}

var (
	_ billing.BatchGetter[invoice.Snapshot]   = (*collection[invoice.Snapshot])(nil)
	_ billing.BatchInserter[invoice.Snapshot] = (*collection[invoice.Snapshot])(nil)
	_ billing.Store                           = (*Store)(nil)
	_ billing.Claimer                         = (*Store)(nil)
	_ billing.EventFeed                       = (*Store)(nil)
)

// Option configures a Store.
type Option func(*config)

type config struct {
	schema string
	log    *slog.Logger
}

// WithSchema sets the PostgreSQL schema that holds the store's tables;
// the default is "public". The schema is created if it does not exist.
// Its name must be a lowercase SQL identifier: letters, digits and
// underscores, starting with a letter or an underscore, at most 63 bytes.
// Stores on different schemas of one database are independent.
func WithSchema(name string) Option { return func(c *config) { c.schema = name } }

// WithLogger sets the logger the store reports what it recovers from on
// its own, such as the event feed's lost connections (see Follow). By
// default the store logs nothing.
func WithLogger(l *slog.Logger) Option { return func(c *config) { c.log = l } }

// schemaName is what WithSchema accepts.
var schemaName = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

// Open connects to the database at dsn (a URL or a key=value string, as
// pgxpool.ParseConfig reads it), applies the migrations the schema lacks
// and returns a Store that owns the connection pool: Close closes it.
func Open(ctx context.Context, dsn string, opts ...Option) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("%w: postgres: %w", billing.ErrConfig, err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	s, err := New(ctx, pool, opts...)
	if err != nil {
		pool.Close()
		return nil, err
	}
	s.owned = true
	return s, nil
}

// New returns a Store over a pool the caller owns and closes, after
// applying the migrations the schema lacks. Table names are qualified
// with the schema, so the pool's search_path does not matter.
func New(ctx context.Context, pool *pgxpool.Pool, opts ...Option) (*Store, error) {
	c := config{schema: "public"}
	for _, o := range opts {
		o(&c)
	}
	if pool == nil {
		return nil, fmt.Errorf("%w: postgres: a connection pool is required", billing.ErrConfig)
	}
	if !schemaName.MatchString(c.schema) {
		return nil, fmt.Errorf("%w: postgres: schema %q is not a lowercase SQL identifier", billing.ErrConfig, c.schema)
	}
	s := &Store{pool: pool, schema: c.schema, origin: uuid.New(), channel: channelOf(c.schema), log: c.log}
	s.q = newQueries(pgx.Identifier{c.schema}.Sanitize())
	if err := s.migrate(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// Close closes the connection pool if Open made it. It waits for the
// connections in use to be released. A Follow under way keeps its own
// connection until its context ends.
func (s *Store) Close() {
	if s.owned {
		s.pool.Close()
	}
}

// Schema returns the name of the schema that holds the store's tables.
func (s *Store) Schema() string { return s.schema }

// Update runs fn in a read-write transaction and commits what it wrote if
// fn returns nil. If fn returns an error, Update rolls back and returns it
// unchanged; if fn panics, Update rolls back and the panic goes on. When a
// statement failed inside fn in a way that aborted the transaction (a
// lost connection, a cancelled context), Update rolls back and returns
// that failure even if fn ignored it. A cancelled ctx is refused before fn
// runs.
//
// A server that cannot be reached, a connection lost or terminated, a
// server shutting down or starting up, fail with a
// *billing.UnavailableError (it wraps billing.ErrUnavailable and pgx's
// error): nothing was kept, and the same Update may succeed later, on a
// new connection from the pool. A connection lost while the COMMIT was
// under way fails with a *billing.OutcomeUnknownError: the transaction
// may have been kept, and the caller reads back what it wrote before
// writing it again.
func (s *Store) Update(ctx context.Context, fn func(tx billing.Tx) error) error {
	_, err := s.run(ctx, true, nil, false, func(t billing.Tx, _ []bool) error { return fn(t) })
	return err
}

// View runs fn in a read-only transaction over one snapshot of the
// database. Writes in it fail with billing.ErrReadOnly. View returns fn's
// error.
func (s *Store) View(ctx context.Context, fn func(tx billing.Tx) error) error {
	_, err := s.run(ctx, false, nil, false, func(t billing.Tx, _ []bool) error { return fn(t) })
	return err
}

// run runs fn in a transaction: a write one or a read-only one, holding
// the advisory lock claim first when claiming. It reports false, without
// running fn, when the claim is held by another transaction.
func (s *Store) run(ctx context.Context, write bool, claims []int64, all bool, fn func(tx billing.Tx, held []bool) error) (ran bool, err error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return false, mapErr(err)
	}
	defer conn.Release()
	begin := beginRead
	if write {
		begin = beginWrite
	}
	ptx := &lazyTx{conn: conn, begin: begin}
	t := &tx{s: s, ptx: ptx, writable: write}
	t.init()
	finished := false
	defer func() {
		t.done = true
		if !finished { // fn panicked or called runtime.Goexit
			t.rollback(ctx)
		}
	}()
	var held []bool
	if len(claims) > 0 {
		if err := ptx.QueryRow(ctx, takeClaims, claims).Scan(&held); err != nil {
			finished = true
			t.rollback(ctx)
			return false, mapErr(err)
		}
		if all && slices.Contains(held, false) {
			finished = true
			t.rollback(ctx)
			return false, nil
		}
	}
	err = fn(t, held)
	finished = true
	if err != nil {
		t.rollback(ctx)
		return true, err
	}
	if t.failed != nil {
		t.rollback(ctx)
		return true, t.failed
	}
	if err := ptx.Commit(ctx); err != nil {
		return true, commitErr(err)
	}
	return true, nil
}

// errTxDone reports the use of a transaction after its fn returned.
var errTxDone = errors.New("postgres: transaction has ended")
