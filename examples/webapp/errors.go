package main

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/render"
	"github.com/billkit/billkit/validation"
)

// statusError is an error of the application itself with the HTTP status
// and the message to show; title replaces the status text as the page's
// heading, and reload is a page to offer going back to, when set.
type statusError struct {
	code   int
	msg    string
	title  string
	reload string
}

func (e *statusError) Error() string { return e.msg }

// badRequest is a 400 error with a message for people.
func badRequest(msg string) error { return &statusError{code: http.StatusBadRequest, msg: msg} }

// problem is what the error page shows: Reload, when set, is the page
// to load again, such as the quote a stale form was drawn from.
type problem struct {
	Status  int
	Title   string
	Message string
	Faults  []validation.Fault
	Reload  string
}

// explain maps an error to its HTTP status and to words for the person
// who met it. billkit's typed errors say what was refused and why; an
// unexpected error is logged and shown as a plain 500.
func explain(err error, user person) problem {
	var (
		se        *statusError
		forbidden *billing.ForbiddenError
		access    *collab.AccessError
		invalid   *validation.Error
		approval  *quote.ApprovalRequiredError
		field     *render.FieldError
	)
	switch {
	case errors.As(err, &se):
		title := se.title
		if title == "" {
			title = http.StatusText(se.code)
		}
		return problem{Status: se.code, Title: title, Message: se.msg, Reload: se.reload}
	case errors.As(err, &forbidden):
		msg := fmt.Sprintf("%s (%s) does not have the permission “%s”.", user.Name, user.Title, forbidden.Permission)
		if forbidden.Reason != "" {
			msg = fmt.Sprintf("%s may not do this: %s.", user.Name, forbidden.Reason)
		}
		return problem{Status: http.StatusForbidden, Title: "Not allowed", Message: msg}
	case errors.As(err, &access):
		return problem{Status: http.StatusForbidden, Title: "Not allowed",
			Message: fmt.Sprintf("%s (%s) may not %s the conversation on this %s.", user.Name, user.Title, access.Action, access.Object.Kind)}
	case errors.Is(err, billing.ErrForbidden), errors.Is(err, collab.ErrForbidden):
		return problem{Status: http.StatusForbidden, Title: "Not allowed", Message: err.Error()}
	case errors.Is(err, billing.ErrNotFound), errors.Is(err, collab.ErrNotFound), errors.Is(err, invoice.ErrNotFound):
		return problem{Status: http.StatusNotFound, Title: "Not found", Message: "There is no such object: " + err.Error() + "."}
	case errors.As(err, &invalid):
		return problem{Status: http.StatusBadRequest, Title: "Please check the form", Message: "Some fields need attention.",
			Faults: invalid.Faults}
	case errors.Is(err, invoice.ErrOverAllocation), errors.Is(err, money.ErrInvalidAmount),
		errors.Is(err, money.ErrCurrencyMismatch):
		return problem{Status: http.StatusBadRequest, Title: "Please check the amount", Message: err.Error()}
	case errors.As(err, &approval):
		return problem{Status: http.StatusConflict, Title: "Approval needed", Message: approval.Error()}
	case errors.Is(err, billing.ErrIdempotencyMismatch):
		return problem{Status: http.StatusConflict, Title: "Sent already",
			Message: "This form was sent already, with other values. Reload the page to start from what is saved now."}
	case errors.As(err, &field):
		return problem{Status: http.StatusBadRequest, Title: "Cannot show this document", Message: field.Error()}
	case errors.Is(err, billing.ErrConflict), errors.Is(err, collab.ErrConflict):
		return problem{Status: http.StatusConflict, Title: "Changed meanwhile",
			Message: "Someone changed this in the meantime. Reload the page and try again."}
	case errors.Is(err, invoice.ErrInvalidTransition), errors.Is(err, quote.ErrInvalidTransition),
		errors.Is(err, collab.ErrInvalidTransition), errors.Is(err, billing.ErrApprovalPending),
		errors.Is(err, billing.ErrDecided), errors.Is(err, billing.ErrRejected), errors.Is(err, collab.ErrClosed),
		errors.Is(err, invoice.ErrImmutable), errors.Is(err, collab.ErrDeleted):
		return problem{Status: http.StatusConflict, Title: "Not possible now", Message: err.Error()}
	}
	return problem{Status: http.StatusInternalServerError, Title: "Something went wrong",
		Message: "The request could not be completed. The error has been logged."}
}

// fail writes the error page for err.
func (a *app) fail(w http.ResponseWriter, r *request, err error) {
	p := explain(err, r.user)
	if p.Status >= 500 {
		a.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "user", r.user.ID, "err", err)
	}
	a.render(w, r, p.Status, "error", p.Title, p)
}
