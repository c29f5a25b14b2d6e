package main

import (
	"bytes"
	"net/http"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/notify"
	"github.com/billkit/billkit/render"
)

// invoiceRow is one line of the invoice list.
type invoiceRow struct {
	invoice.Snapshot
	Overdue     bool
	DaysOverdue int
}

// invoiceList shows every invoice the user may see, newest first, with
// the amounts still owed.
func (a *app) invoiceList(w http.ResponseWriter, r *request) error {
	list, err := a.svc.engine.Invoices(r.Context(), r.user.ID, nil)
	if err != nil {
		return err
	}
	rows := make([]invoiceRow, 0, len(list))
	for _, s := range slices.Backward(list) {
		row := invoiceRow{Snapshot: s}
		if s.Status.AwaitsPayment() && !s.Document.DueDate.IsZero() && s.Document.DueDate.Before(today) {
			row.Overdue = true
			row.DaysOverdue = today.DaysSince(s.Document.DueDate)
		}
		rows = append(rows, row)
	}
	a.render(w, r, http.StatusOK, "invoices", "Invoices", rows)
	return nil
}

// quoteList shows every quote the user may see, newest first.
func (a *app) quoteList(w http.ResponseWriter, r *request) error {
	list, err := a.svc.engine.Quotes(r.Context(), r.user.ID, nil)
	if err != nil {
		return err
	}
	slices.Reverse(list)
	a.render(w, r, http.StatusOK, "quotes", "Quotes", list)
	return nil
}

// objectPage is an invoice or a quote beside its conversation.
type objectPage struct {
	Kind     string // "invoices" or "quotes", as in the URLs
	ID       string
	Title    string
	Status   string
	Customer string
	Total    string
	Due      string
	Overdue  bool
	Actions  []string // the invoice steps offered: submit, issue, send
	// Balance is what the customer still owes on an invoice awaiting
	// payment, BalanceInput the same as a plain number for the payment
	// form, which CanPay offers.
	Balance, BalanceInput string
	CanPay                bool
	// LineAdjustments are the line allowances and charges of the
	// document, which the printable page does not show yet.
	LineAdjustments []lineAdjustment
	Thread          threadView
}

// lineAdjustment is an allowance (a negotiated discount, the proration of
// a partial period) or a charge on one line of a document.
type lineAdjustment struct {
	Line, Name, Reason, Amount string
}

// lineAdjustments lists the line allowances and charges of doc.
func lineAdjustments(doc invoice.Document) []lineAdjustment {
	var out []lineAdjustment
	for _, l := range doc.Lines {
		for _, a := range l.Allowances {
			out = append(out, lineAdjustment{Line: l.ID, Name: l.Name, Reason: a.Reason, Amount: formatMoney(a.Amount.Neg())})
		}
		for _, c := range l.Charges {
			out = append(out, lineAdjustment{Line: l.ID, Name: l.Name, Reason: c.Reason, Amount: formatMoney(c.Amount)})
		}
	}
	return out
}

// invoicePage shows an invoice: its document, its thread and its feed.
func (a *app) invoicePage(w http.ResponseWriter, r *request) error {
	id := r.PathValue("id")
	s, err := a.svc.engine.Invoice(r.Context(), r.user.ID, id)
	if err != nil {
		return err
	}
	doc := s.Document
	title := "Invoice " + invoiceLabel(s)
	if doc.Number == "" {
		title = "Draft invoice to " + doc.Buyer.Name
	}
	p := objectPage{Kind: "invoices", ID: id, Title: title, Status: string(s.Status),
		Customer: doc.Buyer.Name, Total: formatMoney(doc.Totals.TaxInclusive),
		Due: formatDay(doc.DueDate), LineAdjustments: lineAdjustments(doc)}
	p.Overdue = s.Status.AwaitsPayment() && !doc.DueDate.IsZero() && doc.DueDate.Before(today)
	switch s.Status {
	case invoice.StatusDraft:
		p.Actions = []string{"submit"}
	case invoice.StatusApproved:
		p.Actions = []string{"issue"}
	case invoice.StatusIssued:
		p.Actions = []string{"send"}
	}
	if s.Status.AwaitsPayment() {
		st, err := a.svc.engine.Statement(r.Context(), r.user.ID, billing.CustomerKey(doc.Buyer), doc.Currency)
		if err != nil {
			return err
		}
		for _, rc := range st.Receivables {
			if rc.InvoiceID == s.ID {
				p.Balance, p.BalanceInput = formatMoney(rc.Balance), rc.Balance.Number().StringFixed(2)
			}
		}
		p.CanPay = a.svc.engine.Access().Can(r.user.ID, billing.PermPaymentRecord)
	}
	if p.Thread, err = a.thread(r, collab.Ref{Kind: collab.KindInvoice, ID: id}); err != nil {
		return err
	}
	a.render(w, r, http.StatusOK, "object", p.Title, p)
	return nil
}

// quotePage shows a quote: its document, its thread and its feed.
func (a *app) quotePage(w http.ResponseWriter, r *request) error {
	id := r.PathValue("id")
	q, err := a.svc.engine.Quote(r.Context(), r.user.ID, id)
	if err != nil {
		return err
	}
	p := objectPage{Kind: "quotes", ID: id, Title: "Quote " + q.Input.Number, Status: string(q.Status),
		Customer: q.Input.Buyer.Name, Total: formatMoney(q.Document.Totals.TaxInclusive),
		Due: "valid until " + formatDay(q.Input.ValidUntil), LineAdjustments: lineAdjustments(q.Document)}
	if p.Thread, err = a.thread(r, collab.Ref{Kind: collab.KindQuote, ID: id}); err != nil {
		return err
	}
	a.render(w, r, http.StatusOK, "object", p.Title, p)
	return nil
}

// invoiceLabel is an invoice's number, or "draft" before it has one.
func invoiceLabel(s invoice.Snapshot) string {
	if s.Document.Number != "" {
		return s.Document.Number
	}
	return "draft"
}

// invoiceDocument writes the printable invoice as billkit's render
// package draws it, for the frame of the invoice page; ?lang=fr writes it
// in French.
func (a *app) invoiceDocument(w http.ResponseWriter, r *request) error {
	s, err := a.svc.engine.Invoice(r.Context(), r.user.ID, r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeDocument(w, r, &s.Document, "")
}

// quoteDocument writes a quote's document the same way, titled as a
// quote.
func (a *app) quoteDocument(w http.ResponseWriter, r *request) error {
	q, err := a.svc.engine.Quote(r.Context(), r.user.ID, r.PathValue("id"))
	if err != nil {
		return err
	}
	doc := q.Document
	doc.Number = q.Input.Number
	doc.IssueDate = q.Input.Date
	title := "Quote"
	if r.URL.Query().Get("lang") == "fr" {
		title = "Devis"
	}
	return writeDocument(w, r, &doc, title)
}

// writeDocument renders doc as a standalone HTML page.
func writeDocument(w http.ResponseWriter, r *request, doc *invoice.Document, title string) error {
	opts := render.Options{Locale: locale, Title: title}
	if r.URL.Query().Get("lang") == "fr" {
		opts.Locale = language.MustParse("fr-FR")
	}
	var buf bytes.Buffer
	if err := render.HTML(&buf, doc, opts); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, err := buf.WriteTo(w)
	return err
}

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

// invoiceStep returns the action that moves an invoice one step on:
// submit it for approval, issue it today, or record that it was sent
// today.
func (a *app) invoiceStep(step string) func(*request) (string, error) {
	return func(r *request) (string, error) {
		id, e, ctx := r.PathValue("id"), a.svc.engine, r.Context()
		var err error
		switch step {
		case "submit":
			_, _, err = e.SubmitInvoice(ctx, r.user.ID, id)
		case "issue":
			_, err = e.IssueInvoice(ctx, r.user.ID, id, today)
		case "send":
			_, err = e.SendInvoice(ctx, r.user.ID, id, today)
		}
		if err != nil {
			return "", err
		}
		return "/invoices/" + id, nil
	}
}

// recordPayment records a transfer received today from the invoice's
// customer, allocated to this invoice.
func (a *app) recordPayment(r *request) (string, error) {
	e, ctx, id := a.svc.engine, r.Context(), r.PathValue("id")
	s, err := e.Invoice(ctx, r.user.ID, id)
	if err != nil {
		return "", err
	}
	amount, err := money.ParseIn(strings.TrimSpace(r.PostForm.Get("amount")), s.Document.Currency)
	if err != nil {
		return "", badRequest("The amount should be a number such as 1800.00.")
	}
	p := invoice.Payment{ID: a.svc.newID(), Customer: billing.CustomerKey(s.Document.Buyer), Amount: amount,
		Date: today, Method: invoice.MethodTransfer, Reference: strings.TrimSpace(r.PostForm.Get("reference"))}
	plan := invoice.AllocateParts(invoice.InvoiceAmount{InvoiceID: s.ID, Amount: amount})
	if _, err := e.RecordPayment(ctx, r.user.ID, p, plan); err != nil {
		return "", err
	}
	return "/invoices/" + id, nil
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
		var number string
		n.Object, number = a.objectLabel(r, n.Notification.Object)
		// Collab names the object by its ID, which means nothing to
		// people: name it by its number instead.
		if number != "" && n.Notification.Object.ID != "" {
			n.Subject = strings.ReplaceAll(n.Subject, n.Notification.Object.ID, number)
		}
	}
	a.markRead(list)
	a.render(w, r, http.StatusOK, "notifications", "Notifications", rows)
	return nil
}

// objectLabel names a notification's object for people, with the
// number of the invoice or quote, which notifications do not carry.
func (a *app) objectLabel(r *request, o notify.Object) (label, number string) {
	switch collab.Kind(o.Kind) {
	case collab.KindInvoice, collab.KindCreditNote:
		if s, err := a.svc.engine.Invoice(r.Context(), r.user.ID, o.ID); err == nil {
			return "Invoice " + invoiceLabel(s) + " · " + s.Document.Buyer.Name, invoiceLabel(s)
		}
	case collab.KindQuote:
		if q, err := a.svc.engine.Quote(r.Context(), r.user.ID, o.ID); err == nil {
			return "Quote " + q.Input.Number + " · " + q.Input.Buyer.Name, q.Input.Number
		}
	}
	return o.Kind, ""
}

// dashboard shows the KPIs of the year so far: headline figures and the
// charts, which the page loads as SVG images from /charts/.
func (a *app) dashboard(w http.ResponseWriter, r *request) error {
	data, err := a.kpis(r.Context(), r.user.ID)
	if err != nil {
		return err
	}
	a.render(w, r, http.StatusOK, "dashboard", "Dashboard", data)
	return nil
}

// mayReadKPIs reports whether user may see the dashboard, so that the
// header links to it.
func (a *app) mayReadKPIs(user string) bool {
	return a.svc.engine.Access().Can(user, billing.PermKPIRead)
}
