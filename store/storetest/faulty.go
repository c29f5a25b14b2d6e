package storetest

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"

	"github.com/billkit/billkit/billing"
)

// ErrInjected is underneath every failure a Faults injects, wrapped in a
// *billing.UnavailableError or a *billing.OutcomeUnknownError as a store
// that lost its database reports it.
var ErrInjected = errors.New("storetest: injected fault")

// Fault is a kind of failure that Faults injects in a transaction.
type Fault int

const (
	// FaultBegin fails a transaction before it begins, as a connection
	// refused: fn does not run. The error is a *billing.UnavailableError.
	FaultBegin Fault = iota
	// FaultStatement fails one of the first reads or writes of a
	// transaction, as a connection lost during it: that call and every
	// later one fail with a *billing.UnavailableError, and the
	// transaction is rolled back even if fn ignores the failure. An
	// Update that makes fewer calls fails the same way before it commits.
	FaultStatement
	// FaultCommitLost fails the commit of an Update before the store
	// commits, as a connection lost while the commit was on its way:
	// nothing is kept, and the caller gets a *billing.OutcomeUnknownError.
	FaultCommitLost
	// FaultCommitKept lets the store commit an Update, then fails it with
	// a *billing.OutcomeUnknownError, as a connection lost before the
	// answer came back: everything is kept.
	FaultCommitKept
)

// allFaults lists every kind of fault.
var allFaults = []Fault{FaultBegin, FaultStatement, FaultCommitLost, FaultCommitKept}

// String returns the name of the fault.
func (k Fault) String() string {
	switch k {
	case FaultBegin:
		return "begin"
	case FaultStatement:
		return "statement"
	case FaultCommitLost:
		return "commit lost"
	case FaultCommitKept:
		return "commit kept"
	}
	return fmt.Sprintf("Fault(%d)", int(k))
}

// statementWindow is the number of first calls of a transaction among
// which FaultStatement picks the one that fails.
const statementWindow = 8

// Faults injects failures, at random from a seed, in the transactions of
// the stores it wraps, as a database whose connections are lost now and
// then: a fault test runs engine calls and bill runs through a wrapped
// store, then checks, through the store itself, that nothing was half
// written and that no write the caller was told of was lost.
//
//	faults := storetest.NewFaults(0.2, seed)
//	engine, err := billing.New(faults.Wrap(st), desk)
//
// A Faults is safe for concurrent use; the draws of transactions that run
// at once happen in the order they start.
type Faults struct {
	rate     float64
	kinds    []Fault
	mu       sync.Mutex
	rng      *rand.Rand
	injected [FaultCommitKept + 1]atomic.Int64
	downTill atomic.Int64 // Unix nanoseconds of the end of an outage
}

// NewFaults returns a Faults that fails a fraction rate (from 0 to 1) of
// the transactions, each with one of kinds drawn at random, or any kind
// when none is given. Views only get the kinds that apply to them
// (FaultBegin and FaultStatement). The same seed draws the same faults
// for the same sequence of transactions.
func NewFaults(rate float64, seed uint64, kinds ...Fault) *Faults {
	if len(kinds) == 0 {
		kinds = allFaults
	}
	return &Faults{rate: rate, kinds: kinds, rng: rand.New(rand.NewPCG(seed, 0x6661756c7479))}
}

// Faulty returns st behind NewFaults(rate, seed): every kind of fault,
// in a fraction rate of the transactions.
func Faulty(st billing.Store, rate float64, seed uint64) billing.Store {
	return NewFaults(rate, seed).Wrap(st)
}

// Wrap returns st with f's faults injected in its transactions. The store
// returned implements billing.Claimer when st does, and its collections
// implement billing.BatchInserter when st's do, so that the engine takes
// the paths it takes over st; they always implement billing.BatchGetter
// and billing.SharedScanner, with Get and Scan when st's collections do
// not. Everything else passes through to st.
func (f *Faults) Wrap(st billing.Store) billing.Store {
	fs := &faultyStore{f: f, st: st}
	if cl, ok := st.(billing.Claimer); ok {
		return &faultyClaimer{faultyStore: fs, cl: cl}
	}
	return fs
}

// Injected returns the number of faults of kind k injected so far.
func (f *Faults) Injected(k Fault) int {
	if k < 0 || int(k) >= len(f.injected) {
		return 0
	}
	return int(f.injected[k].Load())
}

// Outage fails every transaction for the next d, beside the random
// faults, as a database server restarting: a transaction that begins
// fails with FaultBegin, one under way fails at its next call with
// FaultStatement, or at its commit with FaultCommitLost. Outage(0) ends
// the outage under way.
func (f *Faults) Outage(d time.Duration) {
	f.downTill.Store(time.Now().Add(d).UnixNano())
}

// down reports whether an outage is under way.
func (f *Faults) down() bool { return time.Now().UnixNano() < f.downTill.Load() }

// plan is the fault drawn for one transaction.
type plan struct {
	fault bool
	kind  Fault
	at    int // FaultStatement: the index of the call that fails
}

// draw draws the fault of a transaction, an Update when write.
func (f *Faults) draw(write bool) plan {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.rate <= 0 || f.rng.Float64() >= f.rate {
		return plan{}
	}
	kinds := f.kinds
	if !write {
		kinds = nil
		for _, k := range f.kinds {
			if k == FaultBegin || k == FaultStatement {
				kinds = append(kinds, k)
			}
		}
		if len(kinds) == 0 {
			return plan{}
		}
	}
	return plan{fault: true, kind: kinds[f.rng.IntN(len(kinds))], at: f.rng.IntN(statementWindow)}
}

// inject counts a fault of kind k and returns its error.
func (f *Faults) inject(k Fault) error {
	f.injected[k].Add(1)
	if k == FaultCommitLost || k == FaultCommitKept {
		return &billing.OutcomeUnknownError{Err: ErrInjected}
	}
	return &billing.UnavailableError{Err: ErrInjected}
}

// errCommitLost makes the store roll back a transaction whose commit a
// fault loses.
var errCommitLost = errors.New("storetest: commit lost")

// run runs fn in a transaction that run begins, with the faults of p.
func (f *Faults) run(ctx context.Context, write bool, run func(context.Context, func(billing.Tx) error) error, fn func(billing.Tx) error) error {
	p := f.draw(write)
	if f.down() || (p.fault && p.kind == FaultBegin) {
		return f.inject(FaultBegin)
	}
	called := false // a claim held elsewhere does not run fn
	err := run(ctx, func(inner billing.Tx) error {
		called = true
		t := newFaultyTx(f, inner, p)
		if err := fn(t); err != nil {
			return err
		}
		if t.failed != nil { // fn ignored it: the database would not commit
			return t.failed
		}
		switch {
		case !write:
		case p.fault && p.kind == FaultStatement:
			// fn made fewer calls than the fault's index: the commit
			// fails before it is sent.
			return f.inject(FaultStatement)
		case f.down() || (p.fault && p.kind == FaultCommitLost):
			return errCommitLost
		}
		return nil
	})
	switch {
	case errors.Is(err, errCommitLost):
		return f.inject(FaultCommitLost)
	case err == nil && called && write && p.fault && p.kind == FaultCommitKept:
		return f.inject(FaultCommitKept)
	}
	return err
}

// faultyStore is a store with faults.
type faultyStore struct {
	f  *Faults
	st billing.Store
}

// Update implements billing.Store.
func (s *faultyStore) Update(ctx context.Context, fn func(tx billing.Tx) error) error {
	return s.f.run(ctx, true, s.st.Update, fn)
}

// View implements billing.Store.
func (s *faultyStore) View(ctx context.Context, fn func(tx billing.Tx) error) error {
	return s.f.run(ctx, false, s.st.View, fn)
}

// faultyClaimer is a store with faults whose store implements
// billing.Claimer.
type faultyClaimer struct {
	*faultyStore
	cl billing.Claimer
}

// Claim implements billing.Claimer.
func (s *faultyClaimer) Claim(ctx context.Context, key string, fn func(tx billing.Tx) error) (bool, error) {
	ran := false
	err := s.f.run(ctx, true, func(ctx context.Context, fn func(billing.Tx) error) error {
		var err error
		ran, err = s.cl.Claim(ctx, key, fn)
		return err
	}, fn)
	return ran, err
}

// ClaimEach implements billing.Claimer.
func (s *faultyClaimer) ClaimEach(ctx context.Context, keys []string, fn func(tx billing.Tx, claimed []bool) error) error {
	return s.f.run(ctx, true, func(ctx context.Context, run func(billing.Tx) error) error {
		return s.cl.ClaimEach(ctx, keys, func(tx billing.Tx, claimed []bool) error {
			return run(claimedTx{Tx: tx, claimed: claimed})
		})
	}, func(tx billing.Tx) error {
		ft := tx.(*faultyTx)
		return fn(ft, ft.inner.(claimedTx).claimed)
	})
}

// claimedTx carries the claims of a ClaimEach to the function it runs.
type claimedTx struct {
	billing.Tx
	claimed []bool
}
