package billing

import (
	"context"

	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/validation"
)

// Quotes returns every quote for which keep returns true (nil keeps all),
// in ID order, which for the engine's UUIDv7 IDs is creation order. It
// needs quote.view.
func (e *Engine) Quotes(ctx context.Context, userID string, keep func(quote.Snapshot) bool) ([]quote.Snapshot, error) {
	if err := e.access.Check(userID, PermQuoteView); err != nil {
		return nil, err
	}
	return listAll(ctx, e, Tx.Quotes, keep)
}

// Contracts returns every contract for which keep returns true (nil keeps
// all), in ID order. It needs contract.view.
func (e *Engine) Contracts(ctx context.Context, userID string, keep func(Contract) bool) ([]Contract, error) {
	if err := e.access.Check(userID, PermContractView); err != nil {
		return nil, err
	}
	return listAll(ctx, e, Tx.Contracts, keep)
}

// Statement is the account of one customer in one currency: what each
// issued invoice still owes, the payments received, and the balances.
type Statement struct {
	// Customer is the customer's key (see CustomerKey).
	Customer string
	// Currency is the currency of the account.
	Currency money.Currency
	// Receivables lists the customer's issued invoices, in the order they
	// were added, with what was credited, paid and is still owed.
	Receivables []invoice.Receivable
	// Payments lists the payments received, in the order recorded.
	Payments []invoice.PaymentRecord
	// Outstanding is the sum of the receivables' balances.
	Outstanding money.Amount
	// Credit is what the customer has paid or been credited beyond what
	// it owes, to be applied to later invoices or refunded.
	Credit money.Amount
}

// Statement returns the account of a customer (a CustomerKey) in one
// currency. A customer never invoiced in the currency has an empty
// account. It needs invoice.view.
func (e *Engine) Statement(ctx context.Context, userID, customer string, cur money.Currency) (Statement, error) {
	if err := e.access.Check(userID, PermInvoiceView); err != nil {
		return Statement{}, err
	}
	if customer == "" {
		return Statement{}, validation.New("customer", validation.CodeRequired, "is required")
	}
	var out Statement
	err := e.view(ctx, func(tx Tx) error {
		st, err := loadLedger(ctx, tx, customer, cur)
		if err != nil {
			return err
		}
		l := st.ledger
		out = Statement{Customer: customer, Currency: cur, Receivables: l.Receivables(), Payments: l.Payments(),
			Outstanding: l.Outstanding(), Credit: l.CreditBalance()}
		return nil
	})
	return out, err
}

// listAll returns the values of one collection that keep keeps.
func listAll[T any](ctx context.Context, e *Engine, col func(Tx) Collection[T], keep func(T) bool) ([]T, error) {
	var out []T
	err := e.view(ctx, func(tx Tx) error {
		return scanAll(ctx, col(tx), func(r Record[T]) error {
			if keep == nil || keep(r.Value) {
				out = append(out, r.Value)
			}
			return nil
		})
	})
	return out, err
}
