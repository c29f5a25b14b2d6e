package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/store/postgres"
)

// dsnVar names the environment variable that points the tests at a
// database. Without it they skip; with it, a server that cannot be
// reached fails the whole package.
const dsnVar = "BILLKIT_POSTGRES_DSN"

var (
	dsn   = os.Getenv(dsnVar)
	admin *pgxpool.Pool // creates and drops the tests' schemas
)

func TestMain(m *testing.M) {
	if dsn != "" {
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		pool, err := pgxpool.New(ctx, dsn)
		if err == nil {
			err = pool.Ping(ctx)
		}
		cancel()
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s is set but PostgreSQL cannot be reached: %v\n", dsnVar, err)
			os.Exit(1)
		}
		admin = pool
	}
	code := m.Run()
	if admin != nil {
		admin.Close()
	}
	os.Exit(code)
}

// needDB skips the test when no database is configured.
func needDB(t testing.TB) {
	t.Helper()
	if dsn == "" {
		t.Skipf("%s is not set: set it to a PostgreSQL URL, such as postgres://billkit:billkit@localhost:5432/billkit_test?sslmode=disable, to run this test", dsnVar)
	}
}

// newSchema returns the name of a schema that no other test, in this
// process or another, uses, and drops it when the test ends.
func newSchema(t testing.TB) string {
	t.Helper()
	needDB(t)
	var b [8]byte
	_, _ = rand.Read(b[:])
	name := "t_" + hex.EncodeToString(b[:])
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		_, err := admin.Exec(ctx, "DROP SCHEMA IF EXISTS "+pgx.Identifier{name}.Sanitize()+" CASCADE")
		if err != nil {
			t.Errorf("drop schema %s: %v", name, err)
		}
	})
	return name
}

// openOn opens a store on schema, closed when the test ends.
func openOn(t testing.TB, schema string) *postgres.Store {
	t.Helper()
	st, err := postgres.Open(context.Background(), dsn, postgres.WithSchema(schema))
	require.NoError(t, err)
	t.Cleanup(st.Close)
	return st
}

// openStore opens a store on a new, empty schema.
func openStore(t testing.TB) *postgres.Store {
	t.Helper()
	return openOn(t, newSchema(t))
}

// openPair opens two stores on one new schema, as two application
// instances over one database.
func openPair(t testing.TB) (*postgres.Store, *postgres.Store) {
	t.Helper()
	schema := newSchema(t)
	return openOn(t, schema), openOn(t, schema)
}
