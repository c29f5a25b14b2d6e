package postgres

import (
	"context"
	"errors"
	"strconv"

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

// MarkAll implements billing.Marks with one statement. Keys and invoice
// IDs are checked as Mark checks them, and nothing is marked when one is
// refused. A key marked already, by this transaction or one committed
// before, or given twice, is a *billing.ConflictError that leaves the
// transaction usable and marks nothing.
func (m *marks) MarkAll(ctx context.Context, marks []billing.Mark) error {
	t := m.tx
	if err := t.check(ctx, true); err != nil {
		return err
	}
	keys := make([]string, len(marks))
	ids := make([]string, len(marks))
	seen := make(map[string]struct{}, len(marks))
	for i, mk := range marks {
		at := "marks[" + strconv.Itoa(i) + "]"
		switch {
		case mk.Key == "":
			return validation.New(at+".key", validation.CodeRequired, "is required to mark a charge")
		case !storable(mk.Key):
			return validation.New(at+".key", validation.CodeInvalid, "must be UTF-8 text without NUL characters")
		case !canonical(mk.InvoiceID):
			return validation.New(at+".invoice_id", validation.CodeInvalid, "must be a UUID in canonical form")
		}
		if _, twice := seen[mk.Key]; twice {
			return &billing.ConflictError{Kind: "mark", ID: mk.Key}
		}
		seen[mk.Key] = struct{}{}
		keys[i], ids[i] = mk.Key, mk.InvoiceID
	}
	if len(marks) == 0 {
		return nil
	}
	rows, err := t.ptx.Query(ctx, t.s.q.markAll, keys, ids)
	if err != nil {
		return t.fail(err)
	}
	inserted, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return t.fail(err)
	}
	if len(inserted) == len(keys) {
		return nil
	}
	// Some keys were marked already: take back those this call marked.
	if len(inserted) > 0 {
		if _, err := t.ptx.Exec(ctx, t.s.q.unmark, inserted); err != nil {
			return t.fail(err)
		}
	}
	done := make(map[string]struct{}, len(inserted))
	for _, k := range inserted {
		done[k] = struct{}{}
	}
	for _, k := range keys {
		if _, ok := done[k]; !ok {
			return &billing.ConflictError{Kind: "mark", ID: k}
		}
	}
	return nil
}

// MarkedAmong implements billing.Marks with one query.
func (m *marks) MarkedAmong(ctx context.Context, keys []string) (map[string]string, error) {
	t := m.tx
	if err := t.check(ctx, false); err != nil {
		return nil, err
	}
	out := map[string]string{}
	stored := make([]string, 0, len(keys))
	for _, k := range keys {
		if k != "" && storable(k) { // others are never stored
			stored = append(stored, k)
		}
	}
	if len(stored) == 0 {
		return out, nil
	}
	rows, err := t.ptx.Query(ctx, t.s.q.markedAmong, stored)
	if err != nil {
		return nil, t.fail(err)
	}
	var key, id string
	_, err = pgx.ForEachRow(rows, []any{&key, &id}, func() error {
		out[key] = id
		return nil
	})
	if err != nil {
		return nil, t.fail(err)
	}
	return out, nil
}
