package billing

import (
	"crypto/rand"
	"encoding/binary"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
)

// Clock tells the engine the time. Tests and examples pass a fixed or
// stepping clock so that what they print is deterministic.
type Clock func() time.Time

// NewID returns a new UUIDv7 (RFC 9562, section 5.7): the Unix time in
// milliseconds, a 12-bit fraction of the millisecond, then 62 random bits.
// IDs sort in creation order, which keeps database indexes compact: in a
// process, every ID sorts after the one made before it, even in the same
// fraction of a millisecond or when the clock goes back, as with
// uuid.NewV7. Unlike uuid.NewV7, it takes no lock, so bill-run workers
// making IDs at the same time do not wait for each other.
func NewID() uuid.UUID {
	now := time.Now().UnixNano()
	t := now/1e6<<12 | now%1e6*4096/1e6 // milliseconds, then the fraction
	for {
		last := lastID.Load()
		next := max(t, last+1)
		if lastID.CompareAndSwap(last, next) {
			t = next
			break
		}
	}
	var id uuid.UUID
	binary.BigEndian.PutUint64(id[:8], uint64(t>>12)<<16|0x7000|uint64(t&0xfff))
	rand.Read(id[8:])         // never fails: see crypto/rand.Read
	id[8] = 0x80 | id[8]&0x3f // the RFC 9562 variant
	return id
}

// lastID is the time part of the last ID NewID made: milliseconds shifted
// by 12 bits, plus the fraction.
var lastID atomic.Int64
