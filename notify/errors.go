package notify

import (
	"errors"
	"fmt"
)

var (
	// ErrInvalidConfig is wrapped by the errors of constructors given
	// unusable options, such as a webhook URL that is not absolute.
	ErrInvalidConfig = errors.New("notify: invalid configuration")

	// ErrDelivery is wrapped by every *DeliveryError: a notification could
	// not be delivered.
	ErrDelivery = errors.New("notify: delivery failed")

	// ErrSignature is returned by VerifySignature and VerifyRequest when a
	// webhook request is unsigned, signed with another secret, or has been
	// tampered with.
	ErrSignature = errors.New("notify: invalid webhook signature")

	// ErrStaleTimestamp is returned by VerifySignature and VerifyRequest
	// when the signed timestamp is missing, malformed or outside the
	// tolerated window, which is how receivers reject replayed requests.
	ErrStaleTimestamp = errors.New("notify: webhook timestamp outside tolerance")
)

// DeliveryError reports a notification that a [Webhook] could not deliver
// after its last attempt. It wraps [ErrDelivery] and the cause of the last
// failure (a network error, context.DeadlineExceeded, ...), so both can be
// tested with errors.Is.
type DeliveryError struct {
	// NotificationID is the ID of the notification that was not delivered.
	NotificationID string
	// Attempts is the number of HTTP requests made.
	Attempts int
	// StatusCode is the HTTP status of the last response, or 0 when the
	// last attempt got no response.
	StatusCode int
	// Err is the cause of the last failure.
	Err error
}

// Error implements the error interface.
func (e *DeliveryError) Error() string {
	if e.StatusCode != 0 {
		return fmt.Sprintf("notify: delivery of %s failed after %d attempt(s): HTTP %d",
			e.NotificationID, e.Attempts, e.StatusCode)
	}
	return fmt.Sprintf("notify: delivery of %s failed after %d attempt(s): %v",
		e.NotificationID, e.Attempts, e.Err)
}

// Unwrap returns [ErrDelivery] and the cause of the last failure.
func (e *DeliveryError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrDelivery}
	}
	return []error{ErrDelivery, e.Err}
}
