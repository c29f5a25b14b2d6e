// Command quickstart is a narrated tour of billkit's billing engine on the
// in-memory store. Four people with the built-in roles take two deals from
// quote to cash:
//
//   - a catalogue, and a quote whose discount is beyond what the sales rep
//     may grant alone: sending it is refused until a sales manager
//     approves it from their inbox; a second, smaller quote within the
//     limits goes straight out;
//   - the buyers' acceptance, which makes a contract of each quote;
//   - a bill run that turns what is due into draft invoices (the first,
//     partial month of seats prorated), idempotent when run again;
//   - an invoice above the approval threshold that a finance manager
//     approves, then its issue with a gapless number, its sending and its
//     payment, and its audit trail field by field;
//   - a conversation on that invoice's thread, where the accountant
//     @mentions the sales rep, and the activity feed that merges it with
//     the audit events;
//   - the indicators of package kpi over what was billed.
//
// The clock and the IDs are pinned, so every run prints the same text:
//
//	go run ./examples/quickstart
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/notify"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

// The people of the tour, one per built-in role. Their IDs are both the
// engine's user IDs and their @handles in conversations.
const (
	alice  = "alice"  // Alice Martin, sales rep
	bruno  = "bruno"  // Bruno Petit, sales manager
	claire = "claire" // Claire Dubois, accountant
	david  = "david"  // David Roux, finance manager
)

// tour is the state the steps of the story share.
type tour struct {
	ctx    context.Context
	w      io.Writer
	clock  *storyClock
	engine *billing.Engine
	inbox  *notify.Recorder // every notification, engine's and collab's
	seen   map[string]bool  // notifications already printed, by ID

	newID func() uuid.UUID // the IDs of everything: engine, payments, messages

	contracts     []billing.Contract // the Boulangerie's, then the Fromagerie's
	drafts        []invoice.Snapshot // the bill run's invoices, in the same order
	invoiceID     string             // the Boulangerie's invoice
	invoiceNumber string             // and its number
}

// run tells the whole story to w.
func run(w io.Writer) error {
	t := &tour{ctx: context.Background(), w: w, inbox: &notify.Recorder{}, seen: map[string]bool{}, newID: sequentialIDs(),
		clock: &storyClock{}}
	for _, step := range []func() error{
		t.setUp, t.negotiate, t.billRun, t.approveAndIssue, t.collect, t.history, t.discuss, t.indicators,
	} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// say prints one line of the story.
func (t *tour) say(format string, args ...any) { fmt.Fprintf(t.w, format+"\n", args...) }

// section starts a part of the story, on day at 09:00 UTC.
func (t *tour) section(title string, day date.Date) {
	t.clock.set(day)
	t.say("\n== %s, %s", title, day)
}

// storyClock is the clock of the engine and of the conversations: set to
// a day of the story, it moves one second each time it is read, so that
// events are ordered and dated as the story goes. It is safe for
// concurrent use, as bill runs read it from their workers.
type storyClock struct {
	mu  sync.Mutex
	now time.Time
}

// set moves the clock to 09:00 UTC on day.
func (c *storyClock) set(day date.Date) {
	c.mu.Lock()
	c.now = day.Time(time.UTC).Add(9 * time.Hour)
	c.mu.Unlock()
}

// read returns the time, one second later than the previous read.
func (c *storyClock) read() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(time.Second)
	return c.now
}

// sequentialIDs returns a generator of UUIDv7-shaped IDs numbered from 1:
// they sort in creation order like real ones, and are the same every run.
func sequentialIDs() func() uuid.UUID {
	var n atomic.Uint64
	return func() uuid.UUID {
		return uuid.MustParse(fmt.Sprintf("01960000-0000-7000-8000-%012d", n.Add(1)))
	}
}
