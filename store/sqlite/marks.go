package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strconv"

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

// MarkAll implements billing.Marks. An empty key is refused with a
// *validation.Error, and nothing is marked. The marks are written under a
// savepoint, so that a refused key, or a failed statement, takes back
// those written before it.
func (m *marks) MarkAll(ctx context.Context, marks []billing.Mark) error {
	if err := m.tx.check(ctx, true); err != nil {
		return err
	}
	for i, mk := range marks {
		if mk.Key == "" {
			return validation.New("marks["+strconv.Itoa(i)+"].key", validation.CodeRequired, "is required to mark a charge")
		}
	}
	if len(marks) == 0 {
		return nil
	}
	if _, err := m.tx.sqlTx.ExecContext(ctx, "SAVEPOINT mark_all"); err != nil {
		return dbError(ctx, "mark", err)
	}
	for _, mk := range marks {
		if err := m.Mark(ctx, mk.Key, mk.InvoiceID); err != nil {
			if _, rerr := m.tx.sqlTx.ExecContext(ctx, "ROLLBACK TO mark_all; RELEASE mark_all"); rerr != nil {
				return errors.Join(err, dbError(ctx, "mark", rerr))
			}
			return err
		}
	}
	if _, err := m.tx.sqlTx.ExecContext(ctx, "RELEASE mark_all"); err != nil {
		return dbError(ctx, "mark", err)
	}
	return nil
}

// MarkedAmong implements billing.Marks.
func (m *marks) MarkedAmong(ctx context.Context, keys []string) (map[string]string, error) {
	if err := m.tx.check(ctx, false); err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, k := range keys {
		id, ok, err := m.Marked(ctx, k)
		if err != nil {
			return nil, err
		}
		if ok {
			out[k] = id
		}
	}
	return out, nil
}
