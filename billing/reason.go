package billing

import "github.com/billkit/billkit/validation"

// checkReason returns nil, or the *validation.Error of a reason that is
// not one line of text of at most validation.MaxReasonLength characters:
// reasons end up in audit events, activity feeds and notifications.
func checkReason(reason string) error {
	var errs validation.Errors
	errs.Text("reason", reason, validation.MaxReasonLength)
	return errs.Err()
}
