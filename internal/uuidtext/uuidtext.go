// Package uuidtext writes UUIDs as text into a byte slice, so that keys
// made of a UUID and other parts are built with one allocation rather
// than one per part.
package uuidtext

import (
	"encoding/hex"

	"github.com/google/uuid"
)

// Append appends id to b in its canonical form, as id.String() writes it:
// xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.
func Append(b []byte, id uuid.UUID) []byte {
	b = hex.AppendEncode(b, id[0:4])
	b = append(b, '-')
	b = hex.AppendEncode(b, id[4:6])
	b = append(b, '-')
	b = hex.AppendEncode(b, id[6:8])
	b = append(b, '-')
	b = hex.AppendEncode(b, id[8:10])
	b = append(b, '-')
	return hex.AppendEncode(b, id[10:16])
}
