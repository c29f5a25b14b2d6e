package invoice

import (
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFingerprintDetectsChanges(t *testing.T) {
	var seq MemorySequence
	inv := issued(t, &seq, frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20)))
	require.NoError(t, inv.VerifyFingerprint())

	tests := []struct {
		name   string
		change func(inv *Invoice)
	}{
		{"line price", func(inv *Invoice) { inv.doc.Lines[0].UnitPrice = amt("10.00 EUR") }},
		{"buyer name", func(inv *Invoice) { inv.doc.Buyer.Name = "Someone else" }},
		{"due date", func(inv *Invoice) { inv.doc.DueDate = inv.doc.DueDate.AddDays(30) }},
		{"number", func(inv *Invoice) { inv.doc.Number = "F2026-000099" }},
		{"id", func(inv *Invoice) { inv.id = uuid.New() }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &Invoice{id: inv.id, doc: inv.doc.Clone(), status: inv.status, fingerprint: inv.fingerprint}
			tt.change(c)
			assert.ErrorIs(t, c.VerifyFingerprint(), ErrTampered)
		})
	}
}

func TestFingerprintIsByValue(t *testing.T) {
	id := uuid.New()
	a := calculated(t, frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20)))
	b := calculated(t, frenchInvoice(item("1", "Conseil", "2.000", "HUR", "100.0 EUR", vat(s20.Category, "20.00"))))
	pa, err := fingerprintPayload(id, a)
	require.NoError(t, err)
	pb, err := fingerprintPayload(id, b)
	require.NoError(t, err)
	assert.Equal(t, fingerprintOf("F1", pa), fingerprintOf("F1", pb), "equal values, equal fingerprints")
	assert.NotEqual(t, fingerprintOf("F1", pa), fingerprintOf("F2", pa))
}
