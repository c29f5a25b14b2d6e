package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"

	"github.com/billkit/billkit/date"
)

// demoClock is the clock of the engine and of the conversations. The seed
// sets it to each day of the story; once the story is told it stays on the
// demo's "today", moving one second each time it is read, so that what
// people do in the browser is dated and ordered after the seeded history,
// and two runs of the application show the same pages. It is safe for
// concurrent use: HTTP handlers and bill run workers read it at once.
type demoClock struct {
	mu  sync.Mutex
	now time.Time
}

// set moves the clock to 09:00 UTC on day.
func (c *demoClock) set(day date.Date) {
	c.mu.Lock()
	c.now = day.Time(time.UTC).Add(9 * time.Hour)
	c.mu.Unlock()
}

// after moves the clock to t if t is later, so that what happens next is
// dated after it.
func (c *demoClock) after(t time.Time) {
	c.mu.Lock()
	if t.After(c.now) {
		c.now = t
	}
	c.mu.Unlock()
}

// read returns the time, one second later than the previous read.
func (c *demoClock) read() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(time.Second)
	return c.now
}

// sequentialIDs returns a generator of UUIDv7-shaped IDs numbered from 1:
// they sort in creation order like real ones, and are the same every run,
// so that links to the seeded invoices are stable.
func sequentialIDs() func() uuid.UUID {
	var n atomic.Uint64
	return func() uuid.UUID {
		return uuid.MustParse(fmt.Sprintf("01960000-0000-7000-8000-%012d", n.Add(1)))
	}
}
