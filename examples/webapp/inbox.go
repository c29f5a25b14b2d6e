package main

import (
	"net/http"
	"slices"
	"strings"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/notify"
)

// approvalRow is a request of the approval inbox.
type approvalRow struct {
	billing.ApprovalRequest
	Link  string
	Level string
}

// approvals shows the requests the user may decide, oldest first.
func (a *app) approvals(w http.ResponseWriter, r *request) error {
	list, err := a.svc.engine.PendingApprovals(r.Context(), r.user.ID)
	if err != nil {
		return err
	}
	rows := make([]approvalRow, len(list))
	for i, req := range list {
		rows[i] = approvalRow{ApprovalRequest: req, Link: objectPath(string(req.Object.Kind), req.Object.ID)}
		if c := req.Current(); c >= 0 {
			rows[i].Level = strings.ReplaceAll(req.Steps[c].Role, "_", " ")
		}
	}
	a.render(w, r, http.StatusOK, "approvals", "Approvals", rows)
	return nil
}

// approve approves the current step of a request from the inbox.
func (a *app) approve(r *request) (string, error) {
	if _, err := a.svc.engine.Approve(r.Context(), r.user.ID, r.PathValue("id")); err != nil {
		return "", err
	}
	return "/approvals", nil
}

// reject rejects a request from the inbox, for the reason given.
func (a *app) reject(r *request) (string, error) {
	reason := strings.TrimSpace(r.PostForm.Get("reason"))
	if reason == "" {
		return "", badRequest("Say why you reject the request: the requester will read it.")
	}
	if _, err := a.svc.engine.Reject(r.Context(), r.user.ID, r.PathValue("id"), reason); err != nil {
		return "", err
	}
	return "/approvals", nil
}

// notificationRow is a notification with where it leads.
type notificationRow struct {
	notify.Notification
	Link   string
	Object string
	Unread bool
}

// notifications lists the user's notifications, newest first, and marks
// them read.
func (a *app) notifications(w http.ResponseWriter, r *request) error {
	list := a.svc.inbox.For(r.user.ID)
	rows := make([]notificationRow, 0, len(list))
	a.mu.Lock()
	for _, n := range slices.Backward(list) {
		rows = append(rows, notificationRow{Notification: n, Link: objectPath(n.Object.Kind, n.Object.ID), Unread: !a.read[n.ID]})
	}
	a.mu.Unlock()
	for i := range rows {
		n := &rows[i]
		n.Object = a.objectLabel(r, n.Notification.Object)
	}
	a.markRead(list)
	a.render(w, r, http.StatusOK, "notifications", "Notifications", rows)
	return nil
}

// objectLabel names a notification's object for people, with its
// customer beside its number.
func (a *app) objectLabel(r *request, o notify.Object) string {
	switch collab.Kind(o.Kind) {
	case collab.KindInvoice, collab.KindCreditNote:
		if s, err := a.svc.engine.Invoice(r.Context(), r.user.ID, o.ID); err == nil {
			return "Invoice " + invoiceLabel(s) + " · " + s.Document.Buyer.Name
		}
	case collab.KindQuote:
		if q, err := a.svc.engine.Quote(r.Context(), r.user.ID, o.ID); err == nil {
			return "Quote " + q.Input.Number + " · " + q.Input.Buyer.Name
		}
	}
	return o.Kind
}
