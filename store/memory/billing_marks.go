package memory

import (
	"context"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/validation"
)

// markStore holds the bill-run marks: the invoice ID that billed each
// charge key, and the keys marked by the open transaction.
type markStore struct {
	marks map[string]string
	undo  []string
}

// commit keeps the marks of the transaction.
func (m *markStore) commit() {
	clear(m.undo)
	m.undo = m.undo[:0]
}

// rollback removes the marks of the transaction.
func (m *markStore) rollback() {
	for _, key := range m.undo {
		delete(m.marks, key)
	}
	m.commit()
}

// marks is the mark store seen from a transaction.
type marks struct {
	tx *tx
	m  *markStore
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
	if _, ok := m.m.marks[key]; ok {
		return &billing.ConflictError{Kind: "mark", ID: key}
	}
	m.m.marks[key] = invoiceID
	m.m.undo = append(m.m.undo, key)
	return nil
}

// Marked implements billing.Marks.
func (m *marks) Marked(ctx context.Context, key string) (string, bool, error) {
	if err := m.tx.check(ctx, false); err != nil {
		return "", false, err
	}
	id, ok := m.m.marks[key]
	return id, ok, nil
}
