package invoice

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"

	"github.com/google/uuid"
)

// fingerprintPayload returns the canonical form of an issued document: its
// ID and its content without the number, as JSON. Struct fields come in a
// fixed order, and decimals and amounts are written by value (20 and 20.00
// give the same text), so equal documents give equal payloads.
func fingerprintPayload(id uuid.UUID, doc Document) ([]byte, error) {
	doc.Number = ""
	return json.Marshal(struct {
		ID       uuid.UUID `json:"id"`
		Document Document  `json:"document"`
	}{id, doc})
}

// fingerprintOf hashes the number and the payload. It cannot fail, so
// Issue prepares the payload before it takes a number and hashes after.
func fingerprintOf(number string, payload []byte) string {
	h := sha256.New()
	h.Write([]byte(number))
	h.Write([]byte{0})
	h.Write(payload)
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// VerifyFingerprint recomputes the fingerprint of an issued document and
// returns ErrTampered if it differs from the one recorded at issue. It
// returns nil for a document that was never issued.
func (inv *Invoice) VerifyFingerprint() error {
	if !inv.IsIssued() && inv.fingerprint == "" {
		return nil
	}
	payload, err := fingerprintPayload(inv.id, inv.doc)
	if err != nil {
		return err
	}
	if fingerprintOf(inv.doc.Number, payload) != inv.fingerprint {
		return ErrTampered
	}
	return nil
}
