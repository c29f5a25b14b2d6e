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
	sync        Sync
}

// Sync says how long a commit to a database file waits for the disk.
type Sync int

const (
	// SyncFull, the default, makes every commit wait until the write-ahead
	// log is on disk: an invoice committed, and perhaps already sent,
	// survives a power failure.
	SyncFull Sync = iota
	// SyncNormal lets commits return before the disk has the log: faster,
	// but a power failure (not a crash of the process) may lose the last
	// transactions committed. The file is never corrupted either way.
	SyncNormal
)

// WithSync sets how long commits wait for the disk (SQLite's synchronous
// setting): SyncFull by default.
func WithSync(s Sync) Option {
	return func(c *config) { c.sync = s }
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
	if c.sync != SyncFull && c.sync != SyncNormal {
		return fmt.Errorf("%w: sqlite: sync %d is neither SyncFull nor SyncNormal", billing.ErrConfig, c.sync)
	}
	return nil
}
