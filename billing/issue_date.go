package billing

import (
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/validation"
)

// issueWindow bounds issue dates: from back days before today to ahead
// days after (see WithIssueDateWindow).
type issueWindow struct{ back, ahead int }

// checkIssueDate returns why userID may not issue documents on the given
// day, or nil: a *validation.Error naming field when the day is outside
// the engine's issue date window, a *ForbiddenError when it is before
// today and the user lacks invoice.backdate. A zero day is left to the
// invoice's own checks, which require an issue date.
func (e *Engine) checkIssueDate(userID, field string, on date.Date) error {
	if on.IsZero() {
		return nil
	}
	w, today := e.window, e.today()
	days := on.DaysSince(today)
	if days > w.ahead || -days > w.back {
		msg := "must be today, " + today.String()
		if w.back > 0 || w.ahead > 0 {
			msg = "must be from " + today.AddDays(-w.back).String() + " to " + today.AddDays(w.ahead).String() +
				" (today is " + today.String() + ")"
		}
		return validation.New(field, validation.CodeOutOfRange, msg)
	}
	if days < 0 && !e.access.Can(userID, PermInvoiceBackdate) {
		return &ForbiddenError{User: userID, Permission: PermInvoiceBackdate,
			Reason: "the issue date " + on.String() + " is before today, " + today.String()}
	}
	return nil
}
