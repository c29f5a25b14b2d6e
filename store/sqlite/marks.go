package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/validation"
)

// marks is the bill-run marks seen from a transaction.
type marks struct {
	tx *tx
}

// Mark implements billing.Marks. An empty key is refused with a
// *validation.Error.
func (m *marks) Mark(ctx context.Context, key, invoiceID string) error {
	if err := m.tx.check(ctx, true); err != nil {
		return err
	}
	if key == "" {
		return validation.New("key", validation.CodeRequired, "is required to mark a charge")
	}
	res, err := m.tx.stmt(ctx, stmtMarkInsert).ExecContext(ctx, key, invoiceID)
	if err != nil {
		return dbError(ctx, "mark", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return dbError(ctx, "mark", err)
	} else if n == 0 {
		return &billing.ConflictError{Kind: "mark", ID: key}
	}
	return nil
}

// Marked implements billing.Marks.
func (m *marks) Marked(ctx context.Context, key string) (string, bool, error) {
	if err := m.tx.check(ctx, false); err != nil {
		return "", false, err
	}
	var invoiceID string
	err := m.tx.stmt(ctx, stmtMarkGet).QueryRowContext(ctx, key).Scan(&invoiceID)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, dbError(ctx, "marked", err)
	}
	return invoiceID, true, nil
}
