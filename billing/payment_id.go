package billing

import (
	"errors"

	"github.com/google/uuid"
)

// paymentEvents is the UUIDv5 namespace of the IDs of payment.recorded
// events: the UUIDv5 of "https://github.com/billkit/billkit/billing#payment.recorded"
// in the URL namespace.
var paymentEvents = uuid.MustParse("1fdff11c-b16e-508a-aef3-45ab5001a463")

// paymentEventID returns the ID of the event that records the payment
// with the given ID: the same for every engine and every store, so that
// the event log, which refuses an ID twice, refuses a payment ID twice
// too, even to two transactions racing for two customers. A UUIDv5
// never equals the UUIDv7 of another event.
func paymentEventID(id uuid.UUID) string {
	return uuid.NewSHA1(paymentEvents, id[:]).String()
}

// paymentConflict returns the error of a payment whose ID is recorded
// already: err itself when it is not the event log's refusal of the
// payment's event.
func paymentConflict(id uuid.UUID, err error) error {
	var c *ConflictError
	if errors.As(err, &c) && c.Kind == "event" {
		// The only event of the call whose ID can be taken is the
		// payment's: the others have new UUIDv7s.
		return &ConflictError{Kind: "payment", ID: id.String()}
	}
	return err
}
