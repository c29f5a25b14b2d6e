package billing

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
)

// DefaultBillRunBatch is the number of customers a bill run bills in one
// transaction when BillRunOptions.Batch is zero.
const DefaultBillRunBatch = 128

// batchCustomer is one customer's part in a batch: its contracts, the
// charges due and, once billed, the result.
type batchCustomer struct {
	contracts []*Contract
	due       []dueCharge
	drafts    []draft
	res       *groupResult
	// base is the number of failures of the contracts themselves, which
	// come before those of drawing up the invoices.
	base int
}

// billBatch bills several customers in one transaction, and writes each
// customer's result in results. A transaction that fails for a transient
// reason is tried again (see billRetrying). If it still fails, nothing of
// it is kept; a store that stayed unavailable stops the run, and the
// batch's customers fail with its error; otherwise each customer is
// billed again in a transaction of its own, so that a customer that
// cannot be billed fails alone.
//
// sc, when not nil, is memory the batch draws up its invoices in; the
// caller reuses it for the next batch once this one is summarised. guess
// is the worker's guess that the batch was never billed (see
// billBatchPlain).
func (e *Engine) billBatch(ctx context.Context, r *retrier, userID string, on date.Date, groups [][]*Contract, results []groupResult, opts BillRunOptions, sc *scratch, guess *unbilledGuess) {
	if len(groups) == 1 {
		results[0] = e.billCustomer(ctx, r, userID, on, groups[0], opts)
		return
	}
	work := make([]batchCustomer, 0, len(groups))
	for i, contracts := range groups {
		results[i] = groupResult{}
		if w, ok := e.customerWork(ctx, on, contracts, &results[i], sc); ok {
			work = append(work, w)
		}
	}
	if len(work) == 0 {
		return
	}
	err := e.billRetrying(ctx, r, userID, on, work, opts, sc, guess)
	switch {
	case err == nil:
	case ctx.Err() != nil:
		// The run is cancelled: none of the batch was billed, and billing
		// them one by one would fail the same way.
		for _, w := range work {
			*w.res = failAll(*w.res, w.contracts, ctx.Err())
		}
	case errors.Is(err, ErrUnavailable) || r.stopped():
		// The store stayed unavailable through every retry: billing the
		// customers one by one would fail the same way, slower.
		r.giveUp(err)
		for _, w := range work {
			*w.res = failAll(*w.res, w.contracts, err)
		}
	default:
		for i, contracts := range groups {
			if r.stopped() {
				results[i] = failAll(results[i], contracts, r.cause)
				continue
			}
			results[i] = e.billCustomer(ctx, r, userID, on, contracts, opts)
		}
	}
}

// customerWork returns a customer's part in a batch: the charges of its
// contracts that are due, with the failures of the contracts that cannot
// be priced recorded in res. ok is false when nothing is due. The list
// of charges is drawn in sc when it is not nil.
func (e *Engine) customerWork(ctx context.Context, on date.Date, contracts []*Contract, res *groupResult, sc *scratch) (w batchCustomer, ok bool) {
	lines := 0 // a line usually has one charge due
	for _, c := range contracts {
		lines += len(c.Lines)
	}
	due := sc.chargeRoom(lines)
	for _, c := range contracts {
		var err error
		if due, err = e.dueCharges(ctx, due, c, on); err != nil {
			res.failures = append(res.failures, BillRunFailure{ContractID: c.ID.String(), Customer: c.Customer, Err: err})
		}
	}
	return batchCustomer{contracts: contracts, due: due, res: res, base: len(res.failures)}, len(due) > 0
}

// billWork bills the work of a batch in one transaction: holding the
// customers' claims on a store shared by several instances, plainly
// otherwise. Nothing is written when it fails.
func (e *Engine) billWork(ctx context.Context, userID string, on date.Date, work []batchCustomer, opts BillRunOptions, sc *scratch, guess *unbilledGuess) error {
	if cl, ok := e.store.(Claimer); ok && !opts.DryRun {
		return e.billBatchClaimed(ctx, cl, userID, on, work, opts, sc)
	}
	unbilled := guess.take(opts)
	err := e.billBatchPlain(ctx, userID, on, work, opts, sc, unbilled)
	if unbilled && errors.Is(err, errRaced) {
		// Some of it was billed before: read what, and bill the rest.
		guess.wrong()
		unbilled = false
		err = e.billBatchPlain(ctx, userID, on, work, opts, sc, false)
	}
	if err == nil && !unbilled {
		already := 0
		for i := range work {
			already += work[i].res.already
		}
		guess.billed(already)
	}
	return err
}

// billBatchPlain bills the customers of a batch: it reads what is
// unbilled, draws up the invoices, then writes them all in one
// transaction. With unbilled, it takes every charge due for unbilled
// without reading: the transaction then fails with errRaced if one was
// billed, as it does when another run bills one meanwhile.
func (e *Engine) billBatchPlain(ctx context.Context, userID string, on date.Date, work []batchCustomer, opts BillRunOptions, sc *scratch, unbilled bool) error {
	var marked map[string]string
	var err error
	if !unbilled {
		err = e.view(ctx, func(tx Tx) error {
			var err error
			marked, err = tx.Marks().MarkedAmong(ctx, dueKeys(work, nil))
			return err
		})
		if err != nil {
			return err
		}
	}
	fresh := make([][]dueCharge, len(work))
	for i := range work {
		fresh[i] = notIn(work[i].due, marked)
	}
	for i := range work {
		w := &work[i]
		var failures []BillRunFailure
		w.drafts, failures = e.drafts(userID, fresh[i], on, opts.Issue, sc)
		w.res.failures = append(w.res.failures[:w.base:w.base], failures...)
		w.res.already = len(w.due) - len(fresh[i])
	}
	if !opts.DryRun && slices.ContainsFunc(work, func(w batchCustomer) bool { return len(w.drafts) > 0 }) {
		err = e.updateBatch(ctx, e.store.Update, userID, func(tx Tx, c *change) error { return e.writeBatch(ctx, tx, c, on, work, nil, opts) })
		if err != nil {
			return err
		}
	}
	settle(work)
	return nil
}

// settle records in the result of each customer of a batch what the
// batch's committed transaction wrote: the invoices and the charges they
// bill. A customer left to another instance (res.elsewhere) is reported
// by it, broken contracts included.
func settle(work []batchCustomer) {
	for i := range work {
		w := &work[i]
		if w.res.elsewhere {
			w.res.failures = nil
			continue
		}
		w.res.invoices = w.drafts
		for _, d := range w.drafts {
			w.res.billed += len(d.charges)
		}
	}
}

// unbilledGuess is a bill-run worker's guess that the charges of its next
// batch were never billed: a first run for a day bills charges no run
// has marked, and reading the marks of a batch before drawing up its
// invoices then only costs a transaction that waits for the others. The
// guess starts true; a batch that proves it wrong is billed again the
// usual way, reading first, and so are the next ones, until one finds
// nothing billed. A nil guess never guesses.
type unbilledGuess struct{ yes bool }

// newUnbilledGuess returns a guess that the first batch was never billed.
func newUnbilledGuess() *unbilledGuess { return &unbilledGuess{yes: true} }

// take returns whether the next batch may be billed without reading its
// marks first. A dry run always reads them: it writes nothing that would
// find the guess wrong.
func (g *unbilledGuess) take(opts BillRunOptions) bool {
	return g != nil && g.yes && !opts.DryRun
}

// wrong learns that the batch guessed unbilled was not: the next batches
// read their marks first.
func (g *unbilledGuess) wrong() { g.yes = false }

// billed tells the guess how many charges of a batch read first had been
// billed: none makes the next batch guessed unbilled again.
func (g *unbilledGuess) billed(n int) {
	if g != nil {
		g.yes = n == 0
	}
}

// billBatchClaimed bills the customers of a batch on a store shared by
// several engine instances, in one transaction holding the claims of the
// customers no other instance holds; the others are left to their
// holders.
func (e *Engine) billBatchClaimed(ctx context.Context, cl Claimer, userID string, on date.Date, work []batchCustomer, opts BillRunOptions, sc *scratch) error {
	keys := make([]string, len(work))
	for i := range work {
		keys[i] = claimKey(work[i].contracts[0].Customer)
	}
	var claimed []bool
	run := func(ctx context.Context, fn func(Tx) error) error {
		return cl.ClaimEach(ctx, keys, func(tx Tx, held []bool) error {
			if len(held) != len(keys) {
				return fmt.Errorf("billing: the store claimed %d of %d keys", len(held), len(keys))
			}
			claimed = held
			return fn(tx)
		})
	}
	err := e.updateBatch(ctx, run, userID, func(tx Tx, c *change) error {
		marked, err := tx.Marks().MarkedAmong(ctx, dueKeys(work, claimed))
		if err != nil {
			return err
		}
		for i := range work {
			w := &work[i]
			// The last try's claims decide what is reported.
			if w.res.elsewhere = !claimed[i]; w.res.elsewhere {
				w.drafts, w.res.already = nil, 0
				continue
			}
			fresh := notIn(w.due, marked)
			var failures []BillRunFailure
			w.drafts, failures = e.drafts(userID, fresh, on, opts.Issue, sc)
			w.res.failures = append(w.res.failures[:w.base:w.base], failures...)
			w.res.already = len(w.due) - len(fresh)
		}
		return e.writeBatch(ctx, tx, c, on, work, claimed, opts)
	})
	if err != nil {
		return err
	}
	settle(work)
	return nil
}

// writeBatch writes the drafts of the batch's customers in tx, those of
// the customers claimed only when claimed is not nil: the marks of all
// their charges first, then the invoices.
func (e *Engine) writeBatch(ctx context.Context, tx Tx, c *change, on date.Date, work []batchCustomer, claimed []bool, opts BillRunOptions) error {
	drafts, charges := 0, 0
	for i := range work {
		if claimed == nil || claimed[i] {
			drafts += len(work[i].drafts)
			for j := range work[i].drafts {
				charges += len(work[i].drafts[j].charges)
			}
		}
	}
	marks := make([]Mark, 0, charges)
	for i := range work {
		if claimed == nil || claimed[i] {
			marks = appendMarks(marks, work[i].drafts)
		}
	}
	if err := markAll(ctx, tx, marks); err != nil {
		return err
	}
	if !opts.Issue {
		c.events = slices.Grow(c.events, drafts) // one creation event each
		if ins, ok := tx.Invoices().(BatchInserter[invoice.Snapshot]); ok {
			return e.insertDrafts(ctx, ins, c, work, claimed, drafts)
		}
	}
	for i := range work {
		if claimed != nil && !claimed[i] {
			continue
		}
		if _, err := e.putDrafts(ctx, tx, c, on, work[i].drafts, opts.Issue); err != nil {
			return err
		}
	}
	return nil
}

// insertDrafts inserts the drafts of a batch (those of the customers
// claimed, when claimed is not nil) with one InsertMany, and records their
// creation events.
func (e *Engine) insertDrafts(ctx context.Context, ins BatchInserter[invoice.Snapshot], c *change, work []batchCustomer, claimed []bool, n int) error {
	recs := make([]Record[invoice.Snapshot], 0, n)
	for i := range work {
		if claimed == nil || claimed[i] {
			for j := range work[i].drafts {
				d := &work[i].drafts[j]
				recs = append(recs, Record[invoice.Snapshot]{ID: d.id, Value: d.snap})
			}
		}
	}
	if err := ins.InsertMany(ctx, recs); err != nil {
		return err
	}
	for i := range work {
		if claimed == nil || claimed[i] {
			for j := range work[i].drafts {
				ev := work[i].drafts[j].created // version 1, as inserted
				ev.At = e.now()                 // when it is written, not when it was drawn up
				c.events = append(c.events, ev)
			}
		}
	}
	return nil
}

// dueKeys returns the keys of the charges due to the batch's customers,
// those claimed only when claimed is not nil.
func dueKeys(work []batchCustomer, claimed []bool) []string {
	var keys []string
	for i := range work {
		if claimed == nil || claimed[i] {
			for _, d := range work[i].due {
				keys = append(keys, d.key)
			}
		}
	}
	return keys
}

// claimKey is the key of the claim on a customer during bill runs.
func claimKey(customer string) string { return "billrun/" + customer }
