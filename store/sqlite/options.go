package sqlite

import (
	"fmt"
	"runtime"
	"time"

	"github.com/billkit/billkit/billing"
)

// Option configures Open.
type Option func(*config)

// config holds what the options set.
type config struct {
	busyTimeout time.Duration
	maxConns    int
}

func defaultConfig() config {
	return config{busyTimeout: 5 * time.Second, maxConns: max(4, runtime.GOMAXPROCS(0))}
}

// WithBusyTimeout sets how long a transaction waits for a lock that
// another process holds on the database file before it fails: 5 seconds
// by default. Updates of the same Store never need it: they wait their
// turn without a limit, as long as their context allows.
func WithBusyTimeout(d time.Duration) Option {
	return func(c *config) { c.busyTimeout = d }
}

// WithMaxConns sets how many connections a file database keeps open at
// most, which bounds how many Views run at once: by default 4, or
// GOMAXPROCS when it is larger. An in-memory database always has one.
func WithMaxConns(n int) Option {
	return func(c *config) { c.maxConns = n }
}

// validate refuses options out of range with an error that wraps
// billing.ErrConfig and names the option.
func (c config) validate() error {
	if c.busyTimeout < 0 {
		return fmt.Errorf("%w: sqlite: busy timeout %s is negative", billing.ErrConfig, c.busyTimeout)
	}
	if c.maxConns < 1 {
		return fmt.Errorf("%w: sqlite: max conns %d is less than 1", billing.ErrConfig, c.maxConns)
	}
	return nil
}
