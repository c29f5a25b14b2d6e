package main

import (
	"bytes"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"golang.org/x/text/language"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/render"
)

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
	Actions  []action // the steps offered, such as submit or issue
	// Balance is what the customer still owes on an invoice awaiting
	// payment, BalanceInput the same as a plain number for the payment
	// form, which CanPay offers.
	Balance, BalanceInput string
	CanPay                bool
	// Credit lists the lines of an issued invoice the user may credit,
	// for the credit note form; nil when the form is not offered.
	Credit []creditLine
	// Edit lists the lines of a draft quote its viewer may change, and
	// Needs the approvals its discounts need, in words.
	Edit  []quoteLine
	Needs []string
	// Version is the version of the quote the page shows, which its edit
	// form sends back: an edit made from a page someone else's change
	// has made stale is refused rather than undoing that change.
	Version uint64
	// CanDecline offers the form that records the customer declining a
	// sent quote; ReplacedBy links to the revision that replaced a quote.
	CanDecline bool
	ReplacedBy string
	Thread     threadView
}

// action is a step the page offers as a button: a POST to the object's
// path followed by Step.
type action struct{ Step, Label string }

// The steps of invoices and quotes.
var (
	submitInvoice = action{"submit", "Submit for approval"}
	issueInvoice  = action{"issue", "Issue today"}
	markSent      = action{"send", "Mark as sent"}
	submitQuote   = action{"submit", "Submit for approval"}
	sendQuote     = action{"send", "Mark as sent to the customer"}
	acceptQuote   = action{"accept", "Record the customer's acceptance"}
	reviseQuote   = action{"revise", "Revise the quote"}
)

// quoteLine is a line of a draft quote in its edit form, with the
// discount it asks for in percent of the list price.
type quoteLine struct {
	ID, Name, Quantity, Discount, ListUnit string
}

// creditLine is an invoice line in the credit note form.
type creditLine struct {
	ID, Name, Quantity string
}

// invoicePage shows an invoice: its document, its thread and its feed.
func (a *app) invoicePage(w http.ResponseWriter, r *request) error {
	id := r.PathValue("id")
	s, err := a.svc.engine.Invoice(r.Context(), r.user.ID, id)
	if err != nil {
		return err
	}
	doc := s.Document
	credit := doc.Type == invoice.TypeCreditNote
	title := "Invoice " + invoiceLabel(s)
	switch {
	case credit && doc.Number == "":
		title = "Draft credit note for " + precedingNumber(doc)
	case credit:
		title = "Credit note " + doc.Number + " for " + precedingNumber(doc)
	case doc.Number == "":
		title = "Draft invoice to " + doc.Buyer.Name
	}
	p := objectPage{Kind: pathKind(s), ID: id, Title: title, Status: string(s.Status),
		Customer: doc.Buyer.Name, Total: formatMoney(doc.Totals.TaxInclusive),
		Due: formatDay(doc.DueDate)}
	p.Overdue = !credit && s.Status.AwaitsPayment() && !doc.DueDate.IsZero() && doc.DueDate.Before(today)
	switch s.Status {
	case invoice.StatusDraft:
		p.Actions = []action{submitInvoice}
	case invoice.StatusApproved:
		p.Actions = []action{issueInvoice}
	case invoice.StatusIssued:
		p.Actions = []action{markSent}
	}
	if !credit && s.Status.AwaitsPayment() {
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
	if !credit && doc.Number != "" && s.Status != invoice.StatusVoid && a.svc.engine.Access().Can(r.user.ID, billing.PermCreditNoteCreate) {
		for _, l := range doc.Lines {
			p.Credit = append(p.Credit, creditLine{ID: l.ID, Name: l.Name, Quantity: l.Quantity.String()})
		}
	}
	if p.Thread, err = a.thread(r, invoiceRef(s)); err != nil {
		return err
	}
	a.render(w, r, http.StatusOK, "object", p.Title, p)
	return nil
}

// quotePage shows a quote: its document, its thread and its feed.
func (a *app) quotePage(w http.ResponseWriter, r *request) error {
	id := r.PathValue("id")
	rec, err := a.svc.engine.QuoteRecord(r.Context(), r.user.ID, id)
	if err != nil {
		return err
	}
	q := rec.Value
	title := "Quote " + q.Input.Number
	if q.Revision > 1 {
		title += ", revision " + strconv.Itoa(q.Revision)
	}
	p := objectPage{Kind: "quotes", ID: id, Title: title, Status: string(q.Status),
		Customer: q.Input.Buyer.Name, Total: formatMoney(q.Document.Totals.TaxInclusive),
		Due: "valid until " + formatDay(q.Input.ValidUntil), Version: rec.Version}
	access := a.svc.engine.Access()
	for _, req := range q.Requirements {
		p.Needs = append(p.Needs, "A discount of "+req.Discount.String()+" % on line "+req.LineID+
			" is over the author's limit of "+req.Limit.String()+" %: it needs the approval of a "+strings.ReplaceAll(req.Level, "_", " ")+".")
	}
	switch {
	case q.Status == quote.StatusDraft && access.Can(r.user.ID, billing.PermQuoteCreate):
		p.Actions = []action{sendQuote}
		if len(q.Requirements) > 0 {
			p.Actions = []action{submitQuote}
		}
		for i, l := range q.Input.Lines {
			ql := quoteLine{ID: l.ID, Name: q.Lines[i].Name, Quantity: l.Quantity.String()}
			if !l.Discount.Percent.IsZero() {
				ql.Discount = l.Discount.Percent.String()
			}
			ql.ListUnit = formatMoney(q.Lines[i].List.UnitPrice)
			p.Edit = append(p.Edit, ql)
		}
	case q.Status == quote.StatusApproved && access.Can(r.user.ID, billing.PermQuoteSend):
		p.Actions = []action{sendQuote}
	case q.Status == quote.StatusSent && q.NextID == uuid.Nil && access.Can(r.user.ID, billing.PermQuoteSend):
		p.Actions, p.CanDecline = []action{acceptQuote}, true
	}
	switch {
	case q.NextID != uuid.Nil:
		p.ReplacedBy = "/quotes/" + q.NextID.String()
	case q.Status.IsRevisable() && access.Can(r.user.ID, billing.PermQuoteCreate):
		p.Actions = append(p.Actions, reviseQuote)
	}
	if p.Thread, err = a.thread(r, collab.Ref{Kind: collab.KindQuote, ID: id}); err != nil {
		return err
	}
	a.render(w, r, http.StatusOK, "object", p.Title, p)
	return nil
}

// invoiceRef is the reference of an invoice or a credit note in
// conversations and the audit trail.
func invoiceRef(s invoice.Snapshot) collab.Ref {
	if s.Document.Type == invoice.TypeCreditNote {
		return collab.Ref{Kind: collab.KindCreditNote, ID: s.ID.String()}
	}
	return collab.Ref{Kind: collab.KindInvoice, ID: s.ID.String()}
}

// pathKind is where the pages of an invoice or a credit note are:
// "invoices" or "creditnotes".
func pathKind(s invoice.Snapshot) string {
	if s.Document.Type == invoice.TypeCreditNote {
		return "creditnotes"
	}
	return "invoices"
}

// precedingNumber is the number of the invoice a credit note corrects.
func precedingNumber(doc invoice.Document) string {
	if len(doc.Preceding) > 0 {
		return doc.Preceding[0].Number
	}
	return "an invoice"
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

// invoiceStep returns the action that moves an invoice one step on:
// submit it for approval, issue it today, or record that it was sent
// today.
func (a *app) invoiceStep(step string) func(*request) (string, error) {
	return func(r *request) (string, error) {
		id, e, ctx := r.PathValue("id"), a.svc.engine, r.Context()
		s, err := e.Invoice(ctx, r.user.ID, id)
		if err != nil {
			return "", err
		}
		switch step {
		case "submit":
			_, _, err = e.SubmitInvoice(ctx, r.user.ID, id)
		case "issue":
			if s.Document.Type == invoice.TypeCreditNote {
				_, err = e.IssueCreditNote(ctx, r.user.ID, id, today)
			} else {
				_, err = e.IssueInvoice(ctx, r.user.ID, id, today)
			}
		case "send":
			_, err = e.SendInvoice(ctx, r.user.ID, id, today)
		}
		if err != nil {
			return "", err
		}
		return back(invoiceRef(s)), nil
	}
}

// editQuote changes the quantities and discounts of a draft quote's
// lines, which prices it again: a discount over the author's limit then
// needs approval. The form sends the version of the quote it was drawn
// from; when someone else changed the quote since, nothing is saved and
// the answer is a 409 page that offers to reload the quote.
func (a *app) editQuote(r *request) (string, error) {
	id := r.PathValue("id")
	version, err := strconv.ParseUint(r.PostForm.Get("version"), 10, 64)
	if err != nil || version == 0 {
		return "", &statusError{code: http.StatusBadRequest, reload: "/quotes/" + id,
			msg: "The form does not say which version of the quote it changes. Reload the quote and make your changes again."}
	}
	_, err = a.svc.engine.EditQuote(r.Context(), r.user.ID, id, version, func(in *quote.Input) error {
		for i := range in.Lines {
			l := &in.Lines[i]
			if v := strings.TrimSpace(r.PostForm.Get("qty-" + l.ID)); v != "" {
				q, err := decimal.NewFromString(v)
				if err != nil {
					return badRequest("The quantity of line " + l.ID + " should be a number such as 12.")
				}
				l.Quantity = q
			}
			switch v := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(r.PostForm.Get("disc-"+l.ID)), "%")); {
			case v == "" && !l.Discount.Percent.IsZero():
				l.Discount = quote.Discount{} // cleared
			case v != "":
				pct, err := decimal.NewFromString(v)
				if err != nil {
					return badRequest("The discount of line " + l.ID + " should be a percentage such as 15.")
				}
				l.Discount = quote.Discount{}
				if !pct.IsZero() {
					l.Discount.Percent = pct
				}
			}
		}
		return nil
	})
	var conflict *billing.ConflictError
	if errors.As(err, &conflict) && conflict.Kind == "quote" {
		return "", &statusError{code: http.StatusConflict, title: "The quote changed meanwhile", reload: "/quotes/" + id,
			msg: "Someone else changed this quote while you were editing it, so your changes were not saved: they would have undone theirs. " +
				"Reload the quote to see it as it is now, then make your changes again."}
	}
	if err != nil {
		return "", err
	}
	return "/quotes/" + id, nil
}

// quoteStep returns the action that moves a quote one step on: submit
// its discounts for approval, record that it was sent, that the customer
// accepted it, which makes the contract bill runs bill, or declined it;
// or revise it, which leads to the new revision.
func (a *app) quoteStep(step string) func(*request) (string, error) {
	return func(r *request) (string, error) {
		id, e, ctx := r.PathValue("id"), a.svc.engine, r.Context()
		var err error
		switch step {
		case "submit":
			_, _, err = e.SubmitQuote(ctx, r.user.ID, id)
		case "send":
			_, err = e.SendQuote(ctx, r.user.ID, id, today)
		case "accept":
			_, err = e.AcceptQuote(ctx, r.user.ID, id, today, strings.TrimSpace(r.PostForm.Get("po")))
		case "decline":
			reason := strings.TrimSpace(r.PostForm.Get("reason"))
			if reason == "" {
				return "", badRequest("Say why the customer declined the quote: the revision starts from it.")
			}
			_, err = e.DeclineQuote(ctx, r.user.ID, id, today, reason)
		case "revise":
			// The revision is dated today and valid for a month; its
			// author changes its lines before sending it.
			var rev quote.Snapshot
			rev, err = e.ReviseQuote(ctx, r.user.ID, id, func(in *quote.Input) error {
				in.Date, in.ValidUntil = today, today.AddDays(30)
				return nil
			})
			if err == nil {
				return "/quotes/" + rev.ID.String(), nil
			}
		}
		if err != nil {
			return "", err
		}
		return "/quotes/" + id, nil
	}
}

// creditNote draws up a credit note of the invoice: the quantities given
// line by line, or everything that remains to credit when none is given,
// with the reason as its note. The credit note opens as a draft, to be
// submitted and issued like an invoice.
func (a *app) creditNote(r *request) (string, error) {
	reason := strings.TrimSpace(r.PostForm.Get("reason"))
	if reason == "" {
		return "", badRequest("A credit note needs a reason, which it states to the customer.")
	}
	req := invoice.CreditRequest{Reason: reason}
	for key, values := range r.PostForm {
		lineID, ok := strings.CutPrefix(key, "qty-")
		if !ok || len(values) == 0 || strings.TrimSpace(values[0]) == "" {
			continue
		}
		q, err := decimal.NewFromString(strings.TrimSpace(values[0]))
		if err != nil {
			return "", badRequest("The quantity to credit of line " + lineID + " should be a number such as 2 or 1.5.")
		}
		if !q.IsZero() {
			req.Lines = append(req.Lines, invoice.LineCredit{LineID: lineID, Quantity: q})
		}
	}
	slices.SortFunc(req.Lines, func(x, y invoice.LineCredit) int { return strings.Compare(x.LineID, y.LineID) })
	cn, err := a.svc.engine.CreateCreditNote(r.Context(), r.user.ID, r.PathValue("id"), req)
	if err != nil {
		return "", err
	}
	return back(invoiceRef(cn)), nil
}

// recordPayment records a transfer received today from the invoice's
// customer, allocated to this invoice. The form's key is the payment's
// ID, so that the form sent twice names one payment.
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
	pid, err := uuid.Parse(r.PostForm.Get(keyField))
	if err != nil {
		pid = a.svc.newID()
	}
	p := invoice.Payment{ID: pid, Customer: billing.CustomerKey(s.Document.Buyer), Amount: amount,
		Date: today, Method: invoice.MethodTransfer, Reference: strings.TrimSpace(r.PostForm.Get("reference"))}
	plan := invoice.AllocateParts(invoice.InvoiceAmount{InvoiceID: s.ID, Amount: amount})
	if _, err := e.RecordPayment(ctx, r.user.ID, p, plan); err != nil {
		return "", err
	}
	return "/invoices/" + id, nil
}
