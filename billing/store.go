package billing

import (
	"context"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/quote"
)

// Store is the storage port of the engine. Every read and write goes
// through a transaction: Update for changes, View for consistent reads.
// github.com/billkit/billkit/store/memory implements it; the storetest
// package checks any implementation against the same contract.
//
// Implementations must be safe for concurrent use. Update must be atomic
// and isolated: if fn returns an error, or the commit fails, nothing fn
// wrote is kept, and no other transaction ever sees part of what fn wrote.
// Values given to and returned by a store must not share mutable memory
// with what it holds: changing a returned value never changes the stored
// one. The one exception is SharedScanner, an optional capability whose
// callers promise to only read what it returns.
//
// A store that cannot reach its database, or loses it during a
// transaction, fails with an error that wraps ErrUnavailable (an
// *UnavailableError) rather than its driver's own error, so that the
// engine and the host can tell a transient failure from a refusal; and a
// commit it sent without learning whether it was kept fails with an
// *OutcomeUnknownError. Any other error of Update means nothing was kept.
type Store interface {
	// Update runs fn in a read-write transaction and commits what it wrote
	// if fn returns nil. It returns fn's error, or the commit's. If fn
	// panics, nothing it wrote is kept and the panic continues.
	Update(ctx context.Context, fn func(tx Tx) error) error
	// View runs fn in a read-only transaction over a consistent view of
	// the store. Writes in it fail with ErrReadOnly.
	View(ctx context.Context, fn func(tx Tx) error) error
}

// Tx is one transaction: a collection per aggregate, the audit log, the
// bill-run marks, the invoice numbering sequence and the idempotency
// keys, all committed together.
type Tx interface {
	// Quotes holds quotes, keyed by quote ID.
	Quotes() Collection[quote.Snapshot]
	// Contracts holds contracts, keyed by contract ID.
	Contracts() Collection[Contract]
	// Invoices holds invoices and credit notes, keyed by ID.
	Invoices() Collection[invoice.Snapshot]
	// Ledgers holds customer ledgers, keyed by LedgerKey.
	//
	// In an Update, Get of a ledger holds it until the transaction
	// ends: another Update that gets the same ledger waits until then,
	// and afterwards reads what this one committed, in that Get and in
	// every read after it. The engine gets a customer's ledger before it
	// reads the customer's issued invoices or their dunning history, so
	// that concurrent writers of a customer's receivables run one after
	// the other and never decide on a mix of two states. A store that
	// runs one Update at a time keeps this as it is; store/postgres
	// locks the ledger's row.
	Ledgers() Collection[invoice.LedgerSnapshot]
	// Approvals holds approval requests, keyed by request ID.
	Approvals() Collection[ApprovalRequest]
	// Events is the append-only audit log.
	Events() EventLog
	// Marks records what bill runs have billed.
	Marks() Marks
	// Sequence numbers issued documents inside this transaction: a
	// number taken in a transaction that rolls back is not consumed.
	Sequence() invoice.Sequence
	// IdempotencyKeys records the calls made with idempotency keys, in
	// the transaction of the change each records.
	IdempotencyKeys() IdempotencyKeys
}

// Record is a stored value with its ID and version. Version is 1 after the
// first write and grows by one with every update.
type Record[T any] struct {
	ID      string
	Version uint64
	Value   T
}

// Collection stores the values of one aggregate with optimistic versions.
type Collection[T any] interface {
	// Get returns the record with the given ID, or a *NotFoundError.
	Get(ctx context.Context, id string) (Record[T], error)
	// Put writes r.Value under r.ID and returns the new version. r.Version
	// is the version the writer read: 0 inserts a new record and fails
	// with a *ConflictError if the ID exists; any other value must be the
	// stored version, else Put fails with a *ConflictError and writes
	// nothing.
	Put(ctx context.Context, r Record[T]) (uint64, error)
	// Scan returns at most limit records (every record when limit <= 0)
	// whose IDs sort after the given one ("" for the first), in ascending
	// ID order.
	Scan(ctx context.Context, after string, limit int) ([]Record[T], error)
}

// BatchGetter is implemented by collections that read several records
// with one request, as a database does with one query. The engine reads
// the invoices of a customer's ledger with it when the store's invoice
// collection implements it, and one by one with Get otherwise. The
// stores of billkit implement it, and the storetest suite checks it.
type BatchGetter[T any] interface {
	// GetMany returns the records with the given IDs, in the order of
	// ids (an ID given twice is returned twice). An ID that is not
	// stored is a *NotFoundError naming it.
	GetMany(ctx context.Context, ids []string) ([]Record[T], error)
}

// BatchInserter is implemented by collections that insert several new
// records with one request, as a database does with one statement. A bill
// run that leaves its invoices as drafts inserts each batch's invoices
// with it when the store's invoice collection implements it, and one by
// one with Put otherwise. store/postgres implements it, and the storetest
// suite checks it where implemented.
type BatchInserter[T any] interface {
	// InsertMany inserts new records, all or none, each as Put does with
	// Version 0 (which their Version must be) and at version 1. An ID
	// that is stored already, or given twice, is a *ConflictError naming
	// it, and nothing is inserted.
	InsertMany(ctx context.Context, recs []Record[T]) error
}

// SharedScanner is implemented by collections that can list their
// records without copying them, as a store that holds Go values can. A
// bill run reads the contracts with it when the store's contract
// collection implements it, and with Scan otherwise: it only reads them,
// and never hands them to the host. store/memory implements it, and the
// storetest suite checks it.
type SharedScanner[T any] interface {
	// ScanShared lists the records Scan lists, but each Value points at
	// the value the store holds: the caller must not change it, nor
	// anything it refers to. What it points at must stay as it was
	// whatever is written afterwards, as when each write replaces the
	// stored value instead of changing it.
	ScanShared(ctx context.Context, after string, limit int) ([]Record[*T], error)
}

// EventLog is the append-only audit log.
type EventLog interface {
	// Append stores events. An event whose ID is already stored is a
	// *ConflictError (Kind "event"), and nothing is appended.
	Append(ctx context.Context, events ...Event) error
	// Object returns the events of one object selected by q, ordered by
	// (At, ID), newest first when q.Descending.
	Object(ctx context.Context, ref collab.Ref, q EventQuery) ([]Event, error)
	// Range returns the events of every object in q's time range, ordered
	// by (At, ID), newest first when q.Descending.
	Range(ctx context.Context, q EventQuery) ([]Event, error)
}

// Marks records which charges of which contract lines bill runs have
// billed, so that running again bills nothing twice.
type Marks interface {
	// Mark records that the charge with the given key was billed on the
	// invoice with the given ID. A key already marked is a *ConflictError
	// (Kind "mark").
	Mark(ctx context.Context, key, invoiceID string) error
	// Marked returns the ID of the invoice that billed key, and whether
	// key is marked.
	Marked(ctx context.Context, key string) (string, bool, error)
	// MarkAll records several marks at once, all or none: a key already
	// marked, or given twice, is a *ConflictError (Kind "mark") naming
	// it, and nothing of marks is recorded. Bill runs mark the charges of
	// a batch of customers with one call.
	MarkAll(ctx context.Context, marks []Mark) error
	// MarkedAmong returns, of keys, those that are marked, with the ID of
	// the invoice that billed each. Keys not marked are absent.
	MarkedAmong(ctx context.Context, keys []string) (map[string]string, error)
}

// Mark is a charge key and the ID of the invoice that billed it.
type Mark struct {
	Key, InvoiceID string
}

// Claimer is implemented by stores that several engine instances share,
// such as a PostgreSQL database behind many application servers. Bill runs
// use it to split the customers between instances running at once: each
// customer is billed inside a claim, and an instance that finds the claim
// taken moves on to the next customer instead of waiting or billing it
// twice. Bill runs claim the customers of a batch together with ClaimEach.
type Claimer interface {
	// Claim runs fn in a read-write transaction (as Update does) that
	// holds an exclusive claim on key until it ends. If another
	// transaction holds the claim, Claim returns false at once without
	// running fn. Otherwise it returns true and fn's error, or the
	// commit's.
	Claim(ctx context.Context, key string, fn func(tx Tx) error) (bool, error)
	// ClaimEach runs fn in one read-write transaction that holds the
	// claims on those of keys that no other transaction holds, taken
	// without waiting for the others: claimed[i] tells whether keys[i] is
	// held. It returns fn's error, or the commit's; the claims end with
	// the transaction.
	ClaimEach(ctx context.Context, keys []string, fn func(tx Tx, claimed []bool) error) error
}

// EventFeed is implemented by stores that several engine instances share:
// it carries the events one instance commits to the others, so that
// subscribers in every instance see every change (see Engine.Listen).
type EventFeed interface {
	// Follow calls fn, one call at a time and in commit order, with every
	// event that other Store values over the same database commit from the
	// moment Follow is listening until ctx ends. Events committed through
	// this Store value are not delivered: its engine has published them
	// already. Follow returns ctx's error once ctx ends, or the error that
	// stopped it listening.
	Follow(ctx context.Context, fn func(Event)) error
}
