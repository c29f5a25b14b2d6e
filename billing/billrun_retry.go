package billing

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"

	"github.com/billkit/billkit/date"
)

// The retries of a bill run, when BillRunOptions leave them zero. With
// them a run rides out a store out of reach for about three seconds, such
// as a database server restarting: the six pauses add up to 3.15 s at
// least, 4.7 s at most.
const (
	// DefaultBillRunRetries is the number of times a bill run tries a
	// transaction again after a transient failure.
	DefaultBillRunRetries = 6
	// DefaultBillRunRetryBackoff is the pause before the first retry.
	DefaultBillRunRetryBackoff = 50 * time.Millisecond
	// MaxBillRunRetryBackoff is the longest pause between two tries,
	// before the jitter: the pauses double up to it.
	MaxBillRunRetryBackoff = 2 * time.Second
)

// transient reports whether err is a failure that trying again may cure:
// the store out of reach (ErrUnavailable), or a conflict with a
// concurrent transaction (ErrConflict). A bill run reads afresh, in each
// transaction, what it writes, so a conflict is cured by a retry unless
// the concurrent writer keeps winning.
func transient(err error) bool {
	return errors.Is(err, ErrUnavailable) || errors.Is(err, ErrConflict) || errors.Is(err, errRaced)
}

// retrier is what the workers of one bill run share to try transactions
// again: the policy, the count of retries, and the stop of the run, which
// the first worker whose store stayed unavailable through every retry
// calls, so that the others do not fail every customer left one by one.
type retrier struct {
	retries int
	backoff time.Duration
	count   atomic.Int64
	stop    chan struct{}
	once    sync.Once
	cause   error // why the run stopped; written before stop is closed
}

// newRetrier returns the retrier of a run with opts, or an error that
// wraps ErrConfig.
func newRetrier(opts BillRunOptions) (*retrier, error) {
	r := &retrier{retries: opts.Retries, backoff: opts.RetryBackoff, stop: make(chan struct{})}
	switch {
	case r.retries == 0:
		r.retries = DefaultBillRunRetries
	case r.retries < 0:
		r.retries = 0
	}
	switch {
	case r.backoff == 0:
		r.backoff = DefaultBillRunRetryBackoff
	case r.backoff < 0:
		return nil, fmt.Errorf("%w: the retry backoff %s is negative", ErrConfig, r.backoff)
	}
	return r, nil
}

// pause waits before retry n (0 for the first): the backoff doubled n
// times, at most MaxBillRunRetryBackoff (or the backoff itself, when it
// is longer), and up to half as long again at random, so that workers and
// engine instances do not try again in step. It returns false at once
// when ctx ends or the run stops.
func (r *retrier) pause(ctx context.Context, n int) bool {
	d := max(MaxBillRunRetryBackoff, r.backoff)
	if n < 16 && r.backoff<<n < d {
		d = r.backoff << n
	}
	d += rand.N(d/2 + 1)
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
	case <-r.stop:
	}
	return false
}

// do runs fn, and again after each transient failure, up to the retries.
// It returns fn's last error, or ctx's once it ends.
func (r *retrier) do(ctx context.Context, fn func() error) error {
	for n := 0; ; n++ {
		err := fn()
		if err == nil || !transient(err) || n >= r.retries {
			return err
		}
		if !r.pause(ctx, n) {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return err
		}
		r.count.Add(1)
	}
}

// giveUp stops the run: the store stayed unavailable, as err says.
func (r *retrier) giveUp(err error) {
	r.once.Do(func() {
		r.cause = err
		close(r.stop)
	})
}

// stopped reports whether the run has given up.
func (r *retrier) stopped() bool {
	select {
	case <-r.stop:
		return true
	default:
		return false
	}
}

// uncertainBatch is the error of a batch whose commit had an unknown
// outcome: it keeps the change, to be published if the batch turns out to
// have been kept.
type uncertainBatch struct {
	err error // an *OutcomeUnknownError
	c   *change
}

func (u *uncertainBatch) Error() string { return u.err.Error() }
func (u *uncertainBatch) Unwrap() error { return u.err }

// updateBatch is updateIn for the transaction of a batch: when its
// commit has an unknown outcome, the error is an *uncertainBatch.
func (e *Engine) updateBatch(ctx context.Context, run func(context.Context, func(Tx) error) error, actor string, fn func(tx Tx, c *change) error) error {
	c, err := e.transact(ctx, run, actor, fn)
	if err != nil {
		var unknown *OutcomeUnknownError
		if errors.As(err, &unknown) {
			return &uncertainBatch{err: err, c: c}
		}
		return err
	}
	e.publish(ctx, c)
	return nil
}

// billRetrying bills the work of a batch as billWork does, and again
// after each transient failure, up to the retries: each try reads afresh
// what is billed, so a retry bills nothing twice. A try whose commit had
// an unknown outcome is followed by a read of the marks of its charges:
// if they name its invoices, it was kept, and the batch is done. A try
// that finds charges billed meanwhile by another run is repeated at once,
// three times at most, besides the retries.
//
// It returns nil, or the last try's error; when the outcome of a commit
// stays unknown, the *OutcomeUnknownError of that try, since the
// customers may have been billed.
func (e *Engine) billRetrying(ctx context.Context, r *retrier, userID string, on date.Date, work []batchCustomer, opts BillRunOptions, sc *scratch, guess *unbilledGuess) error {
	var uncertain *uncertainBatch // the last try, when it may have been kept
	raced := 0
	for n := 0; ; {
		var err error
		if uncertain != nil {
			var kept bool
			if kept, err = e.kept(ctx, work); err == nil {
				if kept {
					e.publish(ctx, uncertain.c)
					settle(work)
					return nil
				}
				uncertain = nil // nothing was kept: bill it again
			}
		}
		if err == nil {
			if err = e.billWork(ctx, userID, on, work, opts, sc, guess); err == nil {
				return nil
			}
			if uncertain = uncertainOf(err); uncertain != nil {
				err = uncertain.err
			}
			if errors.Is(err, errRaced) && raced < 3 {
				raced++
				continue
			}
		}
		if !transient(err) || n >= r.retries || !r.pause(ctx, n) {
			if uncertain != nil && transient(err) {
				return uncertain.err
			}
			return err
		}
		n++
		r.count.Add(1)
	}
}

// uncertainOf returns the *uncertainBatch in err's chain, or nil.
func uncertainOf(err error) *uncertainBatch {
	var u *uncertainBatch
	if errors.As(err, &u) {
		return u
	}
	return nil
}

// kept reads whether the try that wrote the drafts of the batch was
// committed, after its commit had an unknown outcome: it was if the marks
// of their charges name them, since it wrote the marks with the invoices
// and each try draws up invoices with new IDs. A try that drew up nothing
// wrote nothing the run reports: it was not kept, as far as billing it
// again is concerned. Marks that name some of the drafts and not others
// would be a store that kept part of a transaction: that is an error.
func (e *Engine) kept(ctx context.Context, work []batchCustomer) (bool, error) {
	var keys, ids []string
	for i := range work {
		if work[i].res.elsewhere {
			continue
		}
		for _, d := range work[i].drafts {
			for _, ch := range d.charges {
				keys, ids = append(keys, ch.key), append(ids, d.id)
			}
		}
	}
	if len(keys) == 0 {
		return false, nil
	}
	var marked map[string]string
	err := e.view(ctx, func(tx Tx) error {
		var err error
		marked, err = tx.Marks().MarkedAmong(ctx, keys)
		return err
	})
	if err != nil {
		return false, err
	}
	found := 0
	for i, k := range keys {
		if marked[k] == ids[i] {
			found++
		}
	}
	if found > 0 && found < len(keys) {
		return false, fmt.Errorf("billing: the store kept %d of the %d marks of one transaction", found, len(keys))
	}
	return found > 0, nil
}
