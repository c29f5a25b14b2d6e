package postgres

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/validation"
)

// marks is the marks table seen from a transaction.
type marks struct {
	tx *tx
}

// Mark implements billing.Marks. An empty key is refused with a
// *validation.Error, and so is an invoice ID that is not a canonical
// UUID. A key marked already, by this transaction or by one committed
// before, is a *billing.ConflictError that leaves the transaction usable;
// a key that a concurrent transaction is marking waits for it to end.
func (m *marks) Mark(ctx context.Context, key, invoiceID string) error {
	t := m.tx
	if err := t.check(ctx, true); err != nil {
		return err
	}
	switch {
	case key == "":
		return validation.New("key", validation.CodeRequired, "is required to mark a charge")
	case !storable(key):
		return validation.New("key", validation.CodeInvalid, "must be UTF-8 text without NUL characters")
	case !canonical(invoiceID):
		return validation.New("invoice_id", validation.CodeInvalid, "must be a UUID in canonical form")
	}
	tag, err := t.ptx.Exec(ctx, t.s.q.mark, key, invoiceID)
	if err != nil {
		return t.fail(err)
	}
	if tag.RowsAffected() == 0 {
		return &billing.ConflictError{Kind: "mark", ID: key}
	}
	return nil
}

// Marked implements billing.Marks.
func (m *marks) Marked(ctx context.Context, key string) (string, bool, error) {
	t := m.tx
	if err := t.check(ctx, false); err != nil {
		return "", false, err
	}
	if key == "" || !storable(key) {
		return "", false, nil // never stored
	}
	var id string
	err := t.ptx.QueryRow(ctx, t.s.q.marked, key).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, t.fail(err)
	}
	return id, true, nil
}
