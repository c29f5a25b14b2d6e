package memory

import (
	"context"
	"strconv"

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

// MarkAll implements billing.Marks. An empty key is refused with a
// *validation.Error, and nothing is marked.
func (m *marks) MarkAll(ctx context.Context, marks []billing.Mark) error {
	if err := m.tx.check(ctx, true); err != nil {
		return err
	}
	seen := make(map[string]struct{}, len(marks))
	for i, mk := range marks {
		if mk.Key == "" {
			return validation.New("marks["+strconv.Itoa(i)+"].key", validation.CodeRequired, "is required to mark a charge")
		}
		_, twice := seen[mk.Key]
		if _, ok := m.m.marks[mk.Key]; ok || twice {
			return &billing.ConflictError{Kind: "mark", ID: mk.Key}
		}
		seen[mk.Key] = struct{}{}
	}
	for _, mk := range marks {
		m.m.marks[mk.Key] = mk.InvoiceID
		m.m.undo = append(m.m.undo, mk.Key)
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
		if id, ok := m.m.marks[k]; ok {
			out[k] = id
		}
	}
	return out, nil
}
