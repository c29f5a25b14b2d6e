package storetest

import (
	"context"
	"time"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/quote"
)

// faultyTx is a transaction with the faults of its plan: each call of
// its collections, log, marks and sequence counts, and the one the plan
// names fails, with every later one.
type faultyTx struct {
	f      *Faults
	inner  billing.Tx
	p      plan
	calls  int
	failed error

	quotes    billing.Collection[quote.Snapshot]
	contracts billing.Collection[billing.Contract]
	invoices  billing.Collection[invoice.Snapshot]
	ledgers   billing.Collection[invoice.LedgerSnapshot]
	approvals billing.Collection[billing.ApprovalRequest]
}

func newFaultyTx(f *Faults, inner billing.Tx, p plan) *faultyTx {
	t := &faultyTx{f: f, inner: inner, p: p}
	t.quotes = wrapCollection(t, inner.Quotes())
	t.contracts = wrapCollection(t, inner.Contracts())
	t.invoices = wrapCollection(t, inner.Invoices())
	t.ledgers = wrapCollection(t, inner.Ledgers())
	t.approvals = wrapCollection(t, inner.Approvals())
	return t
}

// call counts a call, and returns its fault: the plan's, an outage's, or
// that of an earlier call.
func (t *faultyTx) call() error {
	if t.failed != nil {
		return t.failed
	}
	if t.f.down() || (t.p.fault && t.p.kind == FaultStatement && t.calls == t.p.at) {
		t.failed = t.f.inject(FaultStatement)
		return t.failed
	}
	t.calls++
	return nil
}

func (t *faultyTx) Quotes() billing.Collection[quote.Snapshot]             { return t.quotes }
func (t *faultyTx) Contracts() billing.Collection[billing.Contract]        { return t.contracts }
func (t *faultyTx) Invoices() billing.Collection[invoice.Snapshot]         { return t.invoices }
func (t *faultyTx) Ledgers() billing.Collection[invoice.LedgerSnapshot]    { return t.ledgers }
func (t *faultyTx) Approvals() billing.Collection[billing.ApprovalRequest] { return t.approvals }
func (t *faultyTx) Events() billing.EventLog                               { return faultyLog{t} }
func (t *faultyTx) Marks() billing.Marks                                   { return faultyMarks{t} }
func (t *faultyTx) Sequence() invoice.Sequence                             { return faultySequence{t} }
func (t *faultyTx) IdempotencyKeys() billing.IdempotencyKeys               { return faultyKeys{t} }

// wrapCollection returns c with t's faults: a faultyInserter when c
// inserts in batches, a faultyCollection otherwise.
func wrapCollection[T any](t *faultyTx, c billing.Collection[T]) billing.Collection[T] {
	fc := &faultyCollection[T]{t: t, c: c}
	if ins, ok := c.(billing.BatchInserter[T]); ok {
		return &faultyInserter[T]{faultyCollection: fc, ins: ins}
	}
	return fc
}

// faultyCollection is a collection with the faults of its transaction.
type faultyCollection[T any] struct {
	t *faultyTx
	c billing.Collection[T]
}

func (c *faultyCollection[T]) Get(ctx context.Context, id string) (billing.Record[T], error) {
	if err := c.t.call(); err != nil {
		return billing.Record[T]{}, err
	}
	return c.c.Get(ctx, id)
}

func (c *faultyCollection[T]) Put(ctx context.Context, r billing.Record[T]) (uint64, error) {
	if err := c.t.call(); err != nil {
		return 0, err
	}
	return c.c.Put(ctx, r)
}

func (c *faultyCollection[T]) Scan(ctx context.Context, after string, limit int) ([]billing.Record[T], error) {
	if err := c.t.call(); err != nil {
		return nil, err
	}
	return c.c.Scan(ctx, after, limit)
}

// GetMany implements billing.BatchGetter, with Get when the collection
// does not.
func (c *faultyCollection[T]) GetMany(ctx context.Context, ids []string) ([]billing.Record[T], error) {
	if err := c.t.call(); err != nil {
		return nil, err
	}
	if bg, ok := c.c.(billing.BatchGetter[T]); ok {
		return bg.GetMany(ctx, ids)
	}
	out := make([]billing.Record[T], len(ids))
	for i, id := range ids {
		r, err := c.c.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	return out, nil
}

// ScanShared implements billing.SharedScanner, with Scan when the
// collection does not: the records then point at copies.
func (c *faultyCollection[T]) ScanShared(ctx context.Context, after string, limit int) ([]billing.Record[*T], error) {
	if err := c.t.call(); err != nil {
		return nil, err
	}
	if ss, ok := c.c.(billing.SharedScanner[T]); ok {
		return ss.ScanShared(ctx, after, limit)
	}
	recs, err := c.c.Scan(ctx, after, limit)
	if err != nil {
		return nil, err
	}
	out := make([]billing.Record[*T], len(recs))
	for i := range recs {
		out[i] = billing.Record[*T]{ID: recs[i].ID, Version: recs[i].Version, Value: &recs[i].Value}
	}
	return out, nil
}

// faultyInserter is a faultyCollection whose collection inserts in
// batches.
type faultyInserter[T any] struct {
	*faultyCollection[T]
	ins billing.BatchInserter[T]
}

func (c *faultyInserter[T]) InsertMany(ctx context.Context, recs []billing.Record[T]) error {
	if err := c.t.call(); err != nil {
		return err
	}
	return c.ins.InsertMany(ctx, recs)
}

// faultyLog is the audit log with the faults of its transaction.
type faultyLog struct{ t *faultyTx }

func (l faultyLog) Append(ctx context.Context, events ...billing.Event) error {
	if err := l.t.call(); err != nil {
		return err
	}
	return l.t.inner.Events().Append(ctx, events...)
}

func (l faultyLog) Object(ctx context.Context, ref collab.Ref, q billing.EventQuery) ([]billing.Event, error) {
	if err := l.t.call(); err != nil {
		return nil, err
	}
	return l.t.inner.Events().Object(ctx, ref, q)
}

func (l faultyLog) Range(ctx context.Context, q billing.EventQuery) ([]billing.Event, error) {
	if err := l.t.call(); err != nil {
		return nil, err
	}
	return l.t.inner.Events().Range(ctx, q)
}

// faultyMarks are the bill-run marks with the faults of their
// transaction.
type faultyMarks struct{ t *faultyTx }

func (m faultyMarks) Mark(ctx context.Context, key, invoiceID string) error {
	if err := m.t.call(); err != nil {
		return err
	}
	return m.t.inner.Marks().Mark(ctx, key, invoiceID)
}

func (m faultyMarks) Marked(ctx context.Context, key string) (string, bool, error) {
	if err := m.t.call(); err != nil {
		return "", false, err
	}
	return m.t.inner.Marks().Marked(ctx, key)
}

func (m faultyMarks) MarkAll(ctx context.Context, marks []billing.Mark) error {
	if err := m.t.call(); err != nil {
		return err
	}
	return m.t.inner.Marks().MarkAll(ctx, marks)
}

func (m faultyMarks) MarkedAmong(ctx context.Context, keys []string) (map[string]string, error) {
	if err := m.t.call(); err != nil {
		return nil, err
	}
	return m.t.inner.Marks().MarkedAmong(ctx, keys)
}

// faultySequence is the numbering sequence with the faults of its
// transaction.
type faultySequence struct{ t *faultyTx }

func (s faultySequence) Next(ctx context.Context, series string, on date.Date) (uint64, error) {
	if err := s.t.call(); err != nil {
		return 0, err
	}
	return s.t.inner.Sequence().Next(ctx, series, on)
}

// faultyKeys are the idempotency keys with the faults of their
// transaction.
type faultyKeys struct{ t *faultyTx }

func (k faultyKeys) Get(ctx context.Context, user, key string) (billing.IdempotencyRecord, bool, error) {
	if err := k.t.call(); err != nil {
		return billing.IdempotencyRecord{}, false, err
	}
	return k.t.inner.IdempotencyKeys().Get(ctx, user, key)
}

func (k faultyKeys) Put(ctx context.Context, rec billing.IdempotencyRecord) error {
	if err := k.t.call(); err != nil {
		return err
	}
	return k.t.inner.IdempotencyKeys().Put(ctx, rec)
}

func (k faultyKeys) Expire(ctx context.Context, before time.Time, limit int) (int, error) {
	if err := k.t.call(); err != nil {
		return 0, err
	}
	return k.t.inner.IdempotencyKeys().Expire(ctx, before, limit)
}
