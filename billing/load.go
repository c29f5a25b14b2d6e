package billing

import (
	"context"
	"errors"

	"github.com/google/uuid"

	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/validation"
)

// parseID parses an object ID given by a caller.
func parseID(field, id string) (uuid.UUID, error) {
	u, err := uuid.Parse(id)
	if err != nil {
		return uuid.Nil, validation.New(field, validation.CodeInvalid, "must be a UUID")
	}
	return u, nil
}

// loadQuote reads and restores a quote.
func loadQuote(ctx context.Context, tx Tx, id string) (*quote.Quote, uint64, error) {
	rec, err := tx.Quotes().Get(ctx, id)
	if err != nil {
		return nil, 0, err
	}
	q, err := quote.Restore(rec.Value)
	if err != nil {
		return nil, 0, err
	}
	return q, rec.Version, nil
}

// loadInvoice reads and restores an invoice or a credit note.
func loadInvoice(ctx context.Context, tx Tx, id string) (*invoice.Invoice, uint64, error) {
	rec, err := tx.Invoices().Get(ctx, id)
	if err != nil {
		return nil, 0, err
	}
	inv, err := invoice.Restore(rec.Value)
	if err != nil {
		return nil, 0, err
	}
	return inv, rec.Version, nil
}

// getMany reads the records with the given IDs, in their order: with one
// request when the collection implements BatchGetter, else one by one.
func getMany[T any](ctx context.Context, col Collection[T], ids []string) ([]Record[T], error) {
	if bg, ok := col.(BatchGetter[T]); ok {
		return bg.GetMany(ctx, ids)
	}
	out := make([]Record[T], len(ids))
	for i, id := range ids {
		var err error
		if out[i], err = col.Get(ctx, id); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ledgerState is a customer's ledger loaded with its invoices, and the
// versions read, so that saving it writes exactly what changed.
type ledgerState struct {
	key      string
	version  uint64 // 0 for a new ledger
	ledger   *invoice.Ledger
	invoices map[uuid.UUID]*loadedInvoice
}

type loadedInvoice struct {
	inv     *invoice.Invoice
	version uint64
	before  []field
}

// loadLedger reads a customer's ledger in a currency with its invoices, or
// starts a new one.
func loadLedger(ctx context.Context, tx Tx, customer string, cur money.Currency) (*ledgerState, error) {
	key := LedgerKey(customer, cur.Code())
	st := &ledgerState{key: key, invoices: map[uuid.UUID]*loadedInvoice{}}
	rec, err := tx.Ledgers().Get(ctx, key)
	switch {
	case err == nil:
		ids := make([]string, len(rec.Value.Invoices))
		for i, li := range rec.Value.Invoices {
			ids[i] = li.InvoiceID.String()
		}
		recs, err := getMany(ctx, tx.Invoices(), ids)
		if err != nil {
			return nil, err
		}
		invs := make([]*invoice.Invoice, len(recs))
		for i, r := range recs {
			if invs[i], err = invoice.Restore(r.Value); err != nil {
				return nil, err
			}
			st.invoices[rec.Value.Invoices[i].InvoiceID] = &loadedInvoice{inv: invs[i], version: r.Version, before: invoiceFields(r.Value)}
		}
		if st.ledger, err = invoice.RestoreLedger(rec.Value, invs); err != nil {
			return nil, err
		}
		st.version = rec.Version
	case errors.Is(err, ErrNotFound):
		if st.ledger, err = invoice.NewLedger(customer, cur); err != nil {
			return nil, err
		}
	default:
		return nil, err
	}
	return st, nil
}

// save writes the ledger and every invoice whose audited fields changed,
// recording an event for each.
func (st *ledgerState) save(ctx context.Context, tx Tx, c *change, action Action, reason string) error {
	if _, err := tx.Ledgers().Put(ctx, Record[invoice.LedgerSnapshot]{ID: st.key, Version: st.version, Value: st.ledger.Snapshot()}); err != nil {
		return err
	}
	for id, li := range st.invoices {
		snap, err := st.ledger.InvoiceSnapshot(id)
		if err != nil {
			return err
		}
		after := invoiceFields(snap)
		if len(diff(li.before, after)) == 0 {
			continue
		}
		v, err := tx.Invoices().Put(ctx, Record[invoice.Snapshot]{ID: id.String(), Version: li.version, Value: snap})
		if err != nil {
			return err
		}
		c.record(invoiceRef(snap), action, li.before, after, v, reason)
	}
	return nil
}
