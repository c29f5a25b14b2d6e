package postgres_test

import (
	"context"
	"errors"
	"net"
	"strconv"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/store/postgres"
)

// openNamed opens a store on schema whose connections carry the
// schema's name as their application_name, so that a test can find its
// server processes and terminate them.
func openNamed(t testing.TB, schema string) *postgres.Store {
	t.Helper()
	cfg, err := pgxpool.ParseConfig(dsn)
	require.NoError(t, err)
	cfg.ConnConfig.RuntimeParams["application_name"] = schema
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	require.NoError(t, err)
	t.Cleanup(pool.Close)
	st, err := postgres.New(context.Background(), pool, postgres.WithSchema(schema))
	require.NoError(t, err)
	return st
}

// terminate terminates the server processes of the connections named
// app that are in the given state ("" for any) and run a statement
// containing query, as an administrator or a server restart would, and
// returns how many it terminated.
func terminate(t testing.TB, app, state, query string) int {
	t.Helper()
	var n int
	err := admin.QueryRow(context.Background(), `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE application_name = $1 AND pid <> pg_backend_pid() AND ($2 = '' OR state = $2) AND query LIKE '%' || $3 || '%'`,
		app, state, query).Scan(&n)
	require.NoError(t, err)
	return n
}

// A server that refuses connections is a *billing.UnavailableError, with
// the dial error underneath.
func TestUnreachableServerIsUnavailable(t *testing.T) {
	needDB(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := l.Addr().(*net.TCPAddr).Port
	require.NoError(t, l.Close()) // nothing listens there now

	cfg, err := pgxpool.ParseConfig(dsn)
	require.NoError(t, err)
	cfg.ConnConfig.Host, cfg.ConnConfig.Port = "127.0.0.1", uint16(port)
	cfg.ConnConfig.Fallbacks = nil
	cfg.ConnConfig.ConnectTimeout = 2 * time.Second
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	require.NoError(t, err)
	defer pool.Close()
	_, err = postgres.New(context.Background(), pool, postgres.WithSchema("t_unreachable_"+strconv.Itoa(port)))
	require.ErrorIs(t, err, billing.ErrUnavailable)
	var connect *pgconn.ConnectError
	assert.ErrorAs(t, err, &connect, "pgx's error stays reachable")
	var op *net.OpError
	assert.ErrorAs(t, err, &op)
}

func TestLostConnectionIsUnavailable(t *testing.T) {
	needDB(t)
	ctx := context.Background()

	t.Run("terminated during a transaction", func(t *testing.T) {
		schema := newSchema(t)
		st := openNamed(t, schema)
		err := st.Update(ctx, func(tx billing.Tx) error {
			writeAll(t, ctx, tx)
			require.Equal(t, 1, terminate(t, schema, "", ""))
			_, _, err := tx.Marks().Marked(ctx, "contract/l1/2026-03")
			return err
		})
		require.ErrorIs(t, err, billing.ErrUnavailable)
		var u *billing.UnavailableError
		assert.ErrorAs(t, err, &u, "nothing was committed, and the error says so")
		var unknown *billing.OutcomeUnknownError
		assert.False(t, errors.As(err, &unknown))
		assertEmpty(t, schema)
		require.NoError(t, st.Update(ctx, func(tx billing.Tx) error {
			writeAll(t, ctx, tx)
			return nil
		}), "the pool replaces the lost connection")
	})

	t.Run("terminated while idle in the pool", func(t *testing.T) {
		schema := newSchema(t)
		st := openNamed(t, schema)
		require.NoError(t, st.View(ctx, func(tx billing.Tx) error { return nil }))
		terminate(t, schema, "idle", "")
		// The pool may hand out the dead connection once: the failure is
		// transient, and the next transaction gets a new one.
		var err error
		failed := 0
		for range 3 {
			if err = st.Update(ctx, func(tx billing.Tx) error {
				return tx.Marks().Mark(ctx, "contract/l1/2026-03", billing.NewID().String())
			}); err == nil {
				break
			}
			failed++
			require.ErrorIs(t, err, billing.ErrUnavailable)
		}
		require.NoError(t, err)
		assert.LessOrEqual(t, failed, 1, "one lost connection fails one transaction at most")
	})

	t.Run("terminated during the commit", func(t *testing.T) {
		schema := newSchema(t)
		st := openNamed(t, schema)
		s := pgx.Identifier{schema}.Sanitize()
		// A deferred trigger makes COMMIT wait on the key "slow commit".
		_, err := admin.Exec(ctx, `
CREATE FUNCTION `+s+`.slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.key = 'slow commit' THEN PERFORM pg_sleep(10); END IF;
	RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER slow_commit AFTER INSERT ON `+s+`.marks
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION `+s+`.slow_commit();`)
		require.NoError(t, err)
		done := make(chan struct{})
		go func() {
			defer close(done)
			for range 200 {
				time.Sleep(25 * time.Millisecond)
				if terminate(t, schema, "active", "COMMIT") > 0 {
					return
				}
			}
		}()
		start := time.Now()
		err = st.Update(ctx, func(tx billing.Tx) error {
			writeAll(t, ctx, tx)
			return tx.Marks().Mark(ctx, "slow commit", billing.NewID().String())
		})
		<-done
		var unknown *billing.OutcomeUnknownError
		require.ErrorAs(t, err, &unknown, "the connection was lost after COMMIT was sent: %v", err)
		assert.ErrorIs(t, err, billing.ErrUnavailable)
		var pg *pgconn.PgError
		assert.ErrorAs(t, err, &pg, "pgx's error stays reachable")
		assert.Less(t, time.Since(start), 8*time.Second)
		assertEmpty(t, schema) // here the server died before committing
	})
}
