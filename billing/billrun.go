package billing

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
)

// BillRunOptions configure a bill run.
type BillRunOptions struct {
	// Workers is the number of batches of customers billed at once; 0
	// means runtime.GOMAXPROCS(0).
	Workers int
	// Batch is the largest number of customers billed in one
	// transaction; 0 means DefaultBillRunBatch. Larger batches write
	// faster, above all to a database, where each commit waits for the
	// disk; a batch whose transaction fails, other than for the store
	// staying unavailable, is billed again one customer per transaction.
	// With Issue, a batch holds the numbering series until it commits, so
	// other issuers wait for it.
	Batch int
	// Retries is the number of times a transaction of the run that failed
	// for a transient reason is tried again before the run gives up on
	// it: the store unavailable (ErrUnavailable, as when the database
	// restarts), or a conflict with a concurrent transaction
	// (ErrConflict). 0 means DefaultBillRunRetries (6); a negative value,
	// no retry.
	Retries int
	// RetryBackoff is the pause before the first retry; it doubles before
	// each next one, up to MaxBillRunRetryBackoff (2 s) or RetryBackoff
	// itself if longer, and each pause is lengthened by up to half at
	// random. 0 means DefaultBillRunRetryBackoff (50 ms); a negative
	// value is refused. The defaults ride out a store unavailable for
	// about three seconds.
	RetryBackoff time.Duration
	// DryRun computes the invoices the run would create and writes
	// nothing.
	DryRun bool
	// Issue issues each invoice on the run's date instead of leaving it a
	// draft. An invoice that an approval rule applies to waits for its
	// approval instead, with its request opened. The run's date is then
	// the invoices' issue date, bounded as IssueInvoice's is (a dry run
	// too, so that it shows what the real run would do): today, or within
	// the engine's issue date window, with invoice.backdate for a day
	// before today.
	Issue bool
	// Progress, when set, is called after each customer is billed, one
	// call at a time, with the counts so far.
	Progress func(BillRunProgress)
	// OnInvoice, when set, is called with each invoice the run creates
	// (or, for a dry run, would create) once its customer's transaction
	// is committed, one call at a time, from the run's workers. It is
	// where a host that wants whole documents takes them: the report
	// keeps a summary of each invoice only, so that a run over hundreds of
	// thousands of customers does not hold every document in memory.
	OnInvoice func(invoice.Snapshot)
}

// BilledInvoice summarises an invoice a bill run created or, for a dry
// run, would create.
type BilledInvoice struct {
	// ID is the invoice's ID (for a dry run, the ID it would have had).
	ID uuid.UUID
	// Customer is the key of the customer billed (see CustomerKey).
	Customer string
	// Status is draft, pending approval when an approval rule applies, or
	// issued when the run issues invoices.
	Status invoice.Status
	// Number is the invoice number, once issued.
	Number string
	// Total is the total with VAT (BT-112), Due the amount due (BT-115).
	Total, Due money.Amount
	// Lines is the number of invoice lines, one per charge billed.
	Lines int
}

// summarise returns the summary of an invoice a run created.
func summarise(s *invoice.Snapshot, customer string) BilledInvoice {
	d := &s.Document
	return BilledInvoice{ID: s.ID, Customer: customer, Status: s.Status, Number: d.Number,
		Total: d.Totals.TaxInclusive, Due: d.Totals.Due, Lines: len(d.Lines)}
}

// BillRunProgress counts a bill run's progress in contracts.
type BillRunProgress struct {
	Done   int // contracts processed, failed ones included
	Total  int // contracts in the run
	Failed int // contracts that could not be billed
}

// BillRunFailure reports a contract a bill run could not bill. The run
// goes on with the other contracts, unless the store stayed unavailable.
type BillRunFailure struct {
	// ContractID is the contract's ID, Customer its customer's key.
	ContractID string
	Customer   string
	// Err is why: a fault of the contract (a line that cannot be priced,
	// an invoice that cannot be drawn up), or the store's error. An
	// *OutcomeUnknownError means the run could not learn whether the
	// customer's invoices were kept: running again bills them if they
	// were not, and nothing twice.
	Err error
	// Transient is set when Err is a failure that running again may cure,
	// which persisted through the run's retries: the store unavailable
	// (errors.Is ErrUnavailable) or a conflict with concurrent
	// transactions (ErrConflict).
	Transient bool
}

// BillRunReport is what a bill run did (or, for a dry run, would do).
type BillRunReport struct {
	// Date is the day billed: charges due on or before it.
	Date date.Date
	// Contracts is the number of contracts examined.
	Contracts int
	// Invoices summarises the invoices created, ordered by customer (see
	// BillRunOptions.OnInvoice for the documents).
	Invoices []BilledInvoice
	// Billed counts the charges billed, AlreadyBilled those that an
	// earlier run had billed and were skipped, of the contracts that did
	// not fail.
	Billed, AlreadyBilled int
	// Failures lists the contracts that could not be billed.
	Failures []BillRunFailure
	// Elsewhere counts the contracts left to another engine instance
	// that was billing their customer at the same time (on stores that
	// implement Claimer); that instance reports them, failures included.
	Elsewhere int
	// Skipped counts the contracts the run did not reach because it
	// stopped early: its context ended, or the store stayed unavailable
	// through every retry. Running again bills them.
	Skipped int
	// Retries counts the transactions the run tried again after a
	// transient failure (see BillRunOptions.Retries).
	Retries int
}

// BillRun bills every contract line with a charge due on or before the
// given day and not billed yet: it prices each charge through the line's
// billing plan (catching up on charges an earlier run missed), groups the
// charges into one invoice per customer, currency, seller and purchase
// order, and creates the invoices as drafts, or issues them with
// opts.Issue. It needs billrun.run; a run that issues is dated as
// IssueInvoice is (see BillRunOptions.Issue), and refused as a whole
// otherwise.
//
// A run is idempotent: every charge billed is marked with its contract
// line, service period and billing date in the transaction that creates
// its invoice, and a charge already marked is never billed again.
// Customers are billed in batches of opts.Batch per transaction, and a
// customer's invoices are always in one transaction, so a run interrupted
// half way (a cancelled context, a crash) leaves whole invoices only, and
// running again bills what remains. A contract that cannot be billed is
// reported in the report's Failures and does not stop the run.
//
// A transaction that fails for a transient reason, the store unavailable
// or a conflict with a concurrent transaction, is tried again with
// backoff (see BillRunOptions.Retries). A commit whose outcome is
// unknown is settled by reading the marks of its charges, so a retry
// never bills twice. When the store stays unavailable through every
// retry, the run stops: the customers of the transactions that failed
// are in Failures, those not reached counted in Skipped, and BillRun
// returns the report with an error that wraps ErrUnavailable. Running
// again, once the store is back, bills what remains. The error returned
// is otherwise the context's, or a failure to read the contracts.
//
// On a store that several engine instances share and that implements
// Claimer, each batch is billed in one transaction holding the claims of
// its customers: instances running the same bill run at once split the
// customers between them, and each report counts in Elsewhere the
// contracts it left to another instance.
func (e *Engine) BillRun(ctx context.Context, userID string, on date.Date, opts BillRunOptions) (BillRunReport, error) {
	rep := BillRunReport{Date: on}
	if err := e.access.Check(userID, PermBillRun); err != nil {
		return rep, err
	}
	if on.IsZero() {
		return rep, fmt.Errorf("%w: the bill run needs a date", ErrConfig)
	}
	if opts.Issue {
		if err := e.checkIssueDate(userID, "issue_date", on); err != nil {
			return rep, err
		}
	}
	retry, err := newRetrier(opts)
	if err != nil {
		return rep, err
	}
	var (
		groups [][]*Contract
		total  int
	)
	err = retry.do(ctx, func() (err error) {
		groups, total, err = e.customerGroups(ctx)
		return err
	})
	if err != nil {
		rep.Retries = int(retry.count.Load())
		return rep, err
	}
	rep.Contracts = total
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	batch := opts.Batch
	if batch <= 0 {
		batch = DefaultBillRunBatch
	}
	// Small runs keep every worker busy.
	batch = max(1, min(batch, (len(groups)+workers-1)/workers))
	results := make([]groupResult, len(groups))
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		progress = BillRunProgress{Total: total}
		next     atomic.Int64 // the first customer of the next batch
	)
	for range min(workers, max((len(groups)+batch-1)/batch, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// The invoices of a batch are drawn up in memory the worker
			// reuses for the next, unless the host keeps the documents.
			var sc *scratch
			if opts.OnInvoice == nil {
				sc = &scratch{}
			}
			guess := newUnbilledGuess()
			// Each worker takes the next batch as it becomes free: no
			// hand-off between goroutines, which would wait for one
			// another on a busy machine.
			for ctx.Err() == nil && !retry.stopped() {
				lo := int(next.Add(int64(batch))) - batch
				if lo >= len(groups) {
					break
				}
				hi := min(lo+batch, len(groups))
				if sc != nil {
					sc.reset()
				}
				e.billBatch(ctx, retry, userID, on, groups[lo:hi], results[lo:hi], opts, sc, guess)
				if opts.Progress != nil || opts.OnInvoice != nil {
					mu.Lock()
					for i := lo; i < hi; i++ {
						r := &results[i]
						if opts.OnInvoice != nil {
							for j := range r.invoices {
								opts.OnInvoice(r.invoices[j].snap)
							}
						}
						progress.Done += len(groups[i])
						progress.Failed += len(r.failures)
						if opts.Progress != nil {
							opts.Progress(progress)
						}
					}
					mu.Unlock()
				}
				for i := lo; i < hi; i++ {
					r := &results[i]
					r.summaries = make([]BilledInvoice, len(r.invoices))
					for j := range r.invoices {
						r.summaries[j] = summarise(&r.invoices[j].snap, groups[i][0].Customer)
					}
					// Let go of what the run is done with: the store's
					// pages of contracts are freed as the run moves on.
					r.invoices, r.contracts = nil, len(groups[i])
					clear(groups[i])
					groups[i] = nil
				}
			}
		}()
	}
	wg.Wait()
	count := 0
	for _, r := range results {
		count += len(r.summaries)
	}
	rep.Invoices = make([]BilledInvoice, 0, count)
	rep.Skipped = total
	for _, r := range results {
		rep.Invoices = append(rep.Invoices, r.summaries...)
		rep.Failures = append(rep.Failures, r.failures...)
		rep.Billed += r.billed
		rep.AlreadyBilled += r.already
		rep.Skipped -= r.contracts
		if r.elsewhere {
			rep.Elsewhere += r.contracts
		}
	}
	rep.Retries = int(retry.count.Load())
	slices.SortStableFunc(rep.Invoices, func(a, b BilledInvoice) int { return strings.Compare(a.Customer, b.Customer) })
	if err := ctx.Err(); err != nil {
		return rep, err
	}
	if retry.stopped() {
		return rep, fmt.Errorf("billing: the bill run stopped after %d of %d contracts, the store staying unavailable: %w",
			total-rep.Skipped, total, retry.cause)
	}
	return rep, nil
}

// customerGroups reads every contract and groups them by customer, in the
// order the store lists them: customers in the order of their first
// contract's ID, each customer's contracts by ID. The groups point into
// the store's pages, which a run frees as it bills them in that order.
//
// The contracts are read without copies from a store that can lend them
// (SharedScanner): a run must only read them, and must not give them to
// the host, which could change them.
func (e *Engine) customerGroups(ctx context.Context) ([][]*Contract, int, error) {
	var contracts []*Contract
	err := e.view(ctx, func(tx Tx) error {
		col := tx.Contracts()
		if s, ok := col.(SharedScanner[Contract]); ok {
			return scanPages(ctx, s.ScanShared, func(page []Record[*Contract]) error {
				for i := range page {
					contracts = append(contracts, page[i].Value)
				}
				return nil
			})
		}
		return scanPages(ctx, col.Scan, func(page []Record[Contract]) error {
			contracts = slices.Grow(contracts, len(page))
			for i := range page {
				contracts = append(contracts, &page[i].Value)
			}
			return nil
		})
	})
	if err != nil {
		return nil, 0, err
	}
	// Number the customers in the order met. The index is sized once,
	// never grown: there are at most as many customers as contracts.
	index := make(map[string]int32, len(contracts))
	groupOf := make([]int32, len(contracts)) // the group of each contract
	for i, c := range contracts {
		g, ok := index[c.Customer]
		if !ok {
			g = int32(len(index))
			index[c.Customer] = g
		}
		groupOf[i] = g
	}
	// Lay the groups out one after the other in one list, each in scan
	// order: a counting sort, rather than a list per customer.
	ends := make([]int, len(index)+1) // group g ends at ends[g+1], once summed
	for _, g := range groupOf {
		ends[g+1]++
	}
	for g := 1; g < len(ends); g++ {
		ends[g] += ends[g-1]
	}
	next := slices.Clone(ends[:len(index)])
	flat := make([]*Contract, len(contracts))
	for i, c := range contracts {
		flat[next[groupOf[i]]] = c
		next[groupOf[i]]++
	}
	groups := make([][]*Contract, len(index))
	for g := range groups {
		groups[g] = flat[ends[g]:ends[g+1]:ends[g+1]]
	}
	return groups, len(contracts), nil
}
