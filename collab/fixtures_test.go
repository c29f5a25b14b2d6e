package collab_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/notify"
	"github.com/billkit/billkit/store/memory"
	"github.com/stretchr/testify/require"
)

// tb is what fixtures need of a test: *testing.T, *testing.B and
// *rapid.T all provide it.
type tb interface {
	require.TestingT
	Helper()
}

// Users of the fixture directory.
const (
	alice  = "u-alice"  // sales rep, @alice, "Alice Martin"
	bob    = "u-bob"    // sales manager, @bob, "Bob Stone"
	claire = "u-claire" // accountant, @claire, "Claire Dubois"
	dana   = "u-dana"   // finance, @dana
	erin   = "u-erin"   // board member, @erin
	admin  = "u-admin"  // administrator who sees every object
	mallow = "u-mallow" // outsider who sees nothing

	financeTeam = "g-finance" // public group @finance-team: claire, dana
	board       = "g-board"   // private group @board: erin, bob
)

var (
	inv   = collab.Ref{Kind: collab.KindInvoice, ID: "INV-2026-0042"}
	quote = collab.Ref{Kind: collab.KindQuote, ID: "Q-17"}
	t0    = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
)

// env is a Service over a memory store with a fixed cast, a recording
// notifier, a clock that ticks one second per reading and sequential IDs.
type env struct {
	svc     *collab.Service
	store   *memory.CollabStore
	dir     *collab.MemoryDirectory
	rec     *notify.Recorder
	policy  *testPolicy
	clock   *fakeClock
	content *memory.CollabContent
	errs    *errorLog
}

type envConfig struct {
	opts      []collab.Option
	fixedTime bool
}

type envOption func(*envConfig)

func withOptions(opts ...collab.Option) envOption {
	return func(c *envConfig) { c.opts = append(c.opts, opts...) }
}

// withFixedTime makes every reading of the clock return the same instant.
func withFixedTime() envOption { return func(c *envConfig) { c.fixedTime = true } }

func newEnv(t tb, options ...envOption) *env {
	t.Helper()
	var cfg envConfig
	for _, o := range options {
		o(&cfg)
	}
	e := &env{
		store:   memory.NewCollabStore(),
		dir:     newDirectory(t),
		rec:     &notify.Recorder{},
		policy:  newPolicy(),
		clock:   &fakeClock{now: t0, step: time.Second},
		content: memory.NewCollabContent(),
		errs:    &errorLog{},
	}
	if cfg.fixedTime {
		e.clock.step = 0
	}
	var n atomic.Int64
	opts := append([]collab.Option{
		collab.WithClock(e.clock.Now),
		collab.WithIDGenerator(func() string { return fmt.Sprintf("id-%05d", n.Add(1)) }),
		collab.WithNotifier(e.rec),
		collab.WithContent(e.content),
		collab.WithErrorHandler(e.errs.add),
	}, cfg.opts...)
	svc, err := collab.NewService(e.store, e.dir, e.policy, opts...)
	require.NoError(t, err)
	e.svc = svc
	return e
}

func newDirectory(t tb) *collab.MemoryDirectory {
	t.Helper()
	d := collab.NewMemoryDirectory()
	for _, u := range []struct{ id, handle, name string }{
		{alice, "alice", "Alice Martin"},
		{bob, "bob", "Bob Stone"},
		{claire, "claire", "Claire Dubois"},
		{dana, "dana", "Dana Scully"},
		{erin, "erin", "Erin Brock"},
		{admin, "admin", "Ada Admin"},
		{mallow, "mallow", "Mal Low"},
	} {
		require.NoError(t, d.AddUser(u.id, u.handle, u.name))
	}
	require.NoError(t, d.AddGroup(financeTeam, "finance-team", "Finance team", false, claire, dana))
	require.NoError(t, d.AddGroup(board, "board", "Board", true, erin, bob))
	return d
}

// testPolicy lets everyone but mallow see every object; the admin
// moderates; confidential attachments are granted to those in
// confidential. Tests adjust it through deny and grant.
type testPolicy struct {
	mu           sync.Mutex
	denied       map[string]map[collab.Ref]bool
	moderators   map[string]bool
	confidential map[string]bool
	calls        atomic.Int64
}

func newPolicy() *testPolicy {
	return &testPolicy{
		denied:       map[string]map[collab.Ref]bool{},
		moderators:   map[string]bool{admin: true},
		confidential: map[string]bool{},
	}
}

func (p *testPolicy) deny(user string, ref collab.Ref) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.denied[user] == nil {
		p.denied[user] = map[collab.Ref]bool{}
	}
	p.denied[user][ref] = true
}

func (p *testPolicy) allow(user string, ref collab.Ref) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.denied[user], ref)
}

func (p *testPolicy) grantConfidential(user string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.confidential[user] = true
}

func (p *testPolicy) CanView(_ context.Context, user string, ref collab.Ref) (bool, error) {
	p.calls.Add(1)
	p.mu.Lock()
	defer p.mu.Unlock()
	return user != mallow && !p.denied[user][ref], nil
}

func (p *testPolicy) CanModerate(_ context.Context, user string, _ collab.Ref) (bool, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.moderators[user], nil
}

func (p *testPolicy) CanReadConfidential(_ context.Context, user string, _ collab.Attachment) (bool, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.confidential[user], nil
}

// fakeClock returns now, then moves it by step.
type fakeClock struct {
	mu   sync.Mutex
	now  time.Time
	step time.Duration
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := c.now
	c.now = c.now.Add(c.step)
	return t
}

// errorLog records what the Service reports to its error handler.
type errorLog struct {
	mu   sync.Mutex
	errs []error
}

func (l *errorLog) add(_ context.Context, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.errs = append(l.errs, err)
}

func (l *errorLog) all() []error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]error(nil), l.errs...)
}

// post posts body as actor on ref and fails the test on error.
func (e *env) post(t tb, actor string, ref collab.Ref, body string) collab.Message {
	t.Helper()
	m, err := e.svc.Post(context.Background(), actor, ref, body)
	require.NoError(t, err)
	return m
}

// follow makes users follow ref.
func (e *env) follow(t tb, ref collab.Ref, users ...string) {
	t.Helper()
	for _, u := range users {
		require.NoError(t, e.svc.Follow(context.Background(), u, ref))
	}
}

// received returns, per recipient, the kinds of notification recorded.
func (e *env) received() map[string][]notify.Kind {
	out := map[string][]notify.Kind{}
	for _, n := range e.rec.All() {
		out[n.Recipient] = append(out[n.Recipient], n.Kind)
	}
	return out
}
