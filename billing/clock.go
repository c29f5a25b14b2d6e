package billing

import (
	"time"

	"github.com/google/uuid"
)

// Clock tells the engine the time. Tests and examples pass a fixed or
// stepping clock so that what they print is deterministic.
type Clock func() time.Time

// NewID returns a new UUIDv7: IDs sort in creation order, which keeps
// database indexes compact.
func NewID() uuid.UUID {
	id, err := uuid.NewV7()
	if err != nil {
		// uuid.NewV7 fails only when the system's random source does.
		return uuid.New()
	}
	return id
}
