// Package memory holds in-memory implementations of billkit's storage
// ports: Store implements billing.Store, CollabStore implements
// collab.Store. They suit tests, examples, demos and single-process hosts
// that can afford to lose their data on restart, and they serve as the
// reference the other stores are checked against (see the storetest and
// collabtest packages).
//
//	s := memory.NewStore()
//	err := s.Update(ctx, func(tx billing.Tx) error {
//		_, err := tx.Contracts().Put(ctx, billing.Record[billing.Contract]{ID: id, Value: c})
//		return err
//	})
package memory

import (
	"context"
	"errors"
	"sync"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/quote"
)

// Store implements billing.Store in memory. It is safe for concurrent use.
//
// Transactions are serialisable: Update holds an exclusive lock for the
// whole of fn, View a shared one, so Views run in parallel with each other
// and never alongside an Update. Update keeps an undo log of what fn
// writes and plays it back when fn returns an error or panics, so nothing
// of a failed transaction is ever kept, and no other transaction sees it
// while it runs.
//
// Values are copied on the way in and on the way out: what a caller holds
// never shares slices or maps with what the store holds. The one exception
// is ScanShared (see billing.SharedScanner), which hands out the stored
// values themselves to a caller that only reads them; a stored value is
// never changed in place, so what it handed out stays as it was. Invoices,
// contracts and the other aggregates are copied field by field, without
// any encoding, so a bill run can write a hundred thousand invoices a
// second.
//
// Beyond billing.Store, Store documents the choices the port leaves open:
// Scan with a limit of zero or less returns every record after the given
// ID; empty IDs, mark keys and idempotency keys (or their users) are
// refused with a *validation.Error; a Tx must not be used once its fn has
// returned, nor from several goroutines at once; and fn must not call
// Update or View on the same store, which would wait for itself forever.
type Store struct {
	mu sync.RWMutex

	quotes    table[quote.Snapshot]
	contracts table[billing.Contract]
	invoices  table[invoice.Snapshot]
	ledgers   table[invoice.LedgerSnapshot]
	approvals table[billing.ApprovalRequest]
	events    eventStore
	marks     markStore
	sequence  seriesStore
	keys      keyStore
}

var (
	_ billing.Store                           = (*Store)(nil)
	_ billing.BatchGetter[invoice.Snapshot]   = (*collection[invoice.Snapshot])(nil)
	_ billing.SharedScanner[billing.Contract] = (*collection[billing.Contract])(nil)
)

// errTxDone reports the use of a transaction after its fn returned.
var errTxDone = errors.New("memory: transaction has ended")

// NewStore returns an empty Store.
func NewStore() *Store {
	return &Store{
		quotes:    newTable("quote", cloneQuote),
		contracts: newTable("contract", billing.Contract.Clone),
		invoices:  newTable("invoice", cloneInvoice),
		ledgers:   newTable("ledger", cloneLedger),
		approvals: newTable("approval", billing.ApprovalRequest.Clone),
		events:    newEventStore(),
		marks:     markStore{marks: map[string]string{}},
		sequence:  seriesStore{series: map[string]seriesState{}},
		keys:      keyStore{keys: map[keyID]billing.IdempotencyRecord{}},
	}
}

// Update runs fn in a read-write transaction and keeps what it wrote if fn
// returns nil. If fn returns an error, Update returns it unchanged and
// undoes every write of fn; if fn panics, Update undoes them too and the
// panic goes on. A cancelled ctx is refused before fn runs.
func (s *Store) Update(ctx context.Context, fn func(tx billing.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := ctx.Err(); err != nil { // cancelled while waiting for the lock
		return err
	}
	t := newTx(s, true)
	committed := false
	defer func() {
		t.done = true
		if !committed { // fn failed, panicked or called runtime.Goexit
			s.rollback()
		}
	}()
	if err := fn(t); err != nil {
		return err
	}
	s.commit()
	committed = true
	return nil
}

// View runs fn in a read-only transaction over a consistent view of the
// store: no Update runs while fn does. Writes in it fail with
// billing.ErrReadOnly. View returns fn's error.
func (s *Store) View(ctx context.Context, fn func(tx billing.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	t := newTx(s, false)
	defer func() { t.done = true }()
	return fn(t)
}

// commit forgets the undo logs of the transaction that succeeded.
func (s *Store) commit() {
	s.quotes.commit()
	s.contracts.commit()
	s.invoices.commit()
	s.ledgers.commit()
	s.approvals.commit()
	s.events.commit()
	s.marks.commit()
	s.sequence.commit()
	s.keys.commit()
}

// rollback undoes every write of the transaction that failed.
func (s *Store) rollback() {
	s.quotes.rollback()
	s.contracts.rollback()
	s.invoices.rollback()
	s.ledgers.rollback()
	s.approvals.rollback()
	s.events.rollback()
	s.marks.rollback()
	s.sequence.rollback()
	s.keys.rollback()
}
