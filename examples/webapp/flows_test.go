package main

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/notify"
	"github.com/billkit/billkit/quote"
)

// Posting a message that @mentions a user notifies them: the header
// counts it, and their notification list shows it and marks it read.
func TestMentionNotifies(t *testing.T) {
	a := newTestApp(t)
	inv := invoiceOf(t, a, garage, invoice.StatusSent)
	before := a.unread(bruno)

	w := do(t, a, claire, "/invoices/"+inv.ID.String()+"/messages",
		url.Values{"body": {"@bruno the Garage owes us three invoices: can you call their manager?"}})
	require.Equal(t, http.StatusSeeOther, w.Code, w.Body.String())
	assert.Equal(t, "/invoices/"+inv.ID.String()+"#thread", w.Header().Get("Location"))

	got := a.svc.inbox.Filter(func(n notify.Notification) bool {
		return n.Recipient == bruno && n.Kind == notify.KindMention && n.Object.ID == inv.ID.String()
	})
	require.Len(t, got, 1)
	assert.Equal(t, before+1, a.unread(bruno))

	page := do(t, a, claire, "/invoices/"+inv.ID.String(), nil).Body.String()
	assert.Contains(t, page, `<span class="mention" title="Bruno Petit">@bruno</span> the Garage owes us three invoices`)

	header := do(t, a, bruno, "/quotes", nil).Body.String()
	assert.Contains(t, header, `<span class="badge" id="unread">`)
	list := do(t, a, bruno, "/notifications", nil).Body.String()
	assert.Contains(t, list, "Claire Dubois mentioned you on invoice "+inv.Document.Number)
	assert.NotContains(t, list, "on invoice "+inv.ID.String(), "objects are named by number, not ID")
	assert.Contains(t, list, "Invoice "+inv.Document.Number)
	assert.Equal(t, 0, a.unread(bruno))
}

// Approving from the inbox approves the invoice; rejecting sends another
// back to draft with the reason.
func TestApproveAndRejectFromInbox(t *testing.T) {
	a := newTestApp(t)
	ctx := context.Background()
	pending := invoiceOf(t, a, librairie, invoice.StatusPendingApproval).ID.String()
	page := do(t, a, david, "/approvals", nil).Body.String()
	assert.Contains(t, page, "Invoice to Librairie Vidal")
	assert.Contains(t, page, "Discounts of quote Q-2026-0011")

	inbox, err := a.svc.engine.PendingApprovals(ctx, david)
	require.NoError(t, err)
	ids := map[string]string{}
	for _, r := range inbox {
		ids[string(r.Object.Kind)] = r.ID
	}
	w := do(t, a, david, "/approvals/"+ids["invoice"]+"/approve", url.Values{})
	require.Equal(t, http.StatusSeeOther, w.Code, w.Body.String())
	s, err := a.svc.engine.Invoice(ctx, david, pending)
	require.NoError(t, err)
	assert.Equal(t, invoice.StatusApproved, s.Status)
	assert.Contains(t, do(t, a, claire, "/invoices/"+pending, nil).Body.String(), "Issue today")

	w = do(t, a, david, "/approvals/"+ids["quote"]+"/reject", url.Values{"reason": {"25 % needs the CEO's word."}})
	require.Equal(t, http.StatusSeeOther, w.Code, w.Body.String())
	q, err := a.svc.engine.Quote(ctx, alice, quoteID(t, a, "Q-2026-0011"))
	require.NoError(t, err)
	assert.Equal(t, "draft", string(q.Status))
	assert.NotContains(t, do(t, a, david, "/approvals", nil).Body.String(), "Librairie Vidal")

	// The decision is final: deciding again is a conflict, not a crash.
	w = do(t, a, david, "/approvals/"+ids["invoice"]+"/approve", url.Values{})
	assert.Equal(t, http.StatusConflict, w.Code)
}

// An approved invoice can be issued and sent from its page.
func TestIssueAndSendFromInvoicePage(t *testing.T) {
	a := newTestApp(t)
	ctx := context.Background()
	draft := invoiceOf(t, a, fromagerie, invoice.StatusDraft).ID.String()
	for _, step := range []string{"submit", "issue", "send"} {
		w := do(t, a, claire, "/invoices/"+draft+"/"+step, url.Values{})
		require.Equal(t, http.StatusSeeOther, w.Code, "%s: %s", step, w.Body.String())
	}
	s, err := a.svc.engine.Invoice(ctx, claire, draft)
	require.NoError(t, err)
	assert.Equal(t, invoice.StatusSent, s.Status)
	assert.Equal(t, "F2026-000025", s.Document.Number)
	assert.Equal(t, today, s.Document.IssueDate)
}

// A payment recorded from the invoice page settles that invoice, not the
// customer's oldest one; amounts that are not numbers, or larger than
// the balance, are refused with 400, and a sales rep may not record one.
func TestRecordPayment(t *testing.T) {
	a := newTestApp(t)
	ctx := context.Background()
	list, err := a.svc.engine.Invoices(ctx, claire, func(s invoice.Snapshot) bool {
		return s.Document.Buyer.Name == garage.Name && s.Document.Period.Contains(today)
	})
	require.NoError(t, err)
	require.Len(t, list, 1)
	june := list[0]
	path := "/invoices/" + june.ID.String()

	page := do(t, a, claire, path, nil).Body.String()
	assert.Contains(t, page, "€1,800.00 still owed")
	assert.Contains(t, page, `name="amount" value="1800.00"`)
	assert.NotContains(t, do(t, a, alice, path, nil).Body.String(), "Record a payment")

	assert.Equal(t, http.StatusForbidden, do(t, a, alice, path+"/pay", url.Values{"amount": {"1800.00"}}).Code)
	assert.Equal(t, http.StatusBadRequest, do(t, a, claire, path+"/pay", url.Values{"amount": {"lots"}}).Code)
	assert.Equal(t, http.StatusBadRequest, do(t, a, claire, path+"/pay", url.Values{"amount": {"2000.00"}}).Code)

	w := do(t, a, claire, path+"/pay", url.Values{"amount": {"800.00"}, "reference": {"VIR GARAGE 1"}})
	require.Equal(t, http.StatusSeeOther, w.Code, w.Body.String())
	assert.Contains(t, do(t, a, claire, path, nil).Body.String(), "€1,000.00 still owed")
	w = do(t, a, claire, path+"/pay", url.Values{"amount": {"1000.00"}})
	require.Equal(t, http.StatusSeeOther, w.Code, w.Body.String())
	s, err := a.svc.engine.Invoice(ctx, claire, june.ID.String())
	require.NoError(t, err)
	assert.Equal(t, invoice.StatusPaid, s.Status)
	march := invoiceOf(t, a, garage, invoice.StatusSent)
	assert.Equal(t, "F2026-000005", march.Document.Number, "the oldest invoice is still unpaid")
}

// Replies, polls, votes and tasks go through the thread's forms and show
// on the page and in the activity feed.
func TestThreadForms(t *testing.T) {
	a := newTestApp(t)
	inv := invoiceOf(t, a, cafe, invoice.StatusSent).ID.String()
	base := "/invoices/" + inv
	post := func(user, path string, form url.Values) string {
		t.Helper()
		w := do(t, a, user, path, form)
		require.Equal(t, http.StatusSeeOther, w.Code, w.Body.String())
		return w.Header().Get("Location")
	}
	post(claire, base+"/messages", url.Values{"body": {"Is the 20 % discount for a year, @alice?"}})
	page, err := a.svc.collab.Activity(context.Background(), claire, ref0(inv), pageAll())
	require.NoError(t, err)
	var postID string
	for _, it := range page.Items {
		if it.Message != nil {
			postID = it.Message.ID
		}
	}
	require.NotEmpty(t, postID)
	loc := post(alice, "/messages/"+postID+"/replies", url.Values{"body": {"Yes, the whole first year."}})
	assert.Equal(t, base+"#m-"+postID, loc)

	post(david, base+"/polls", url.Values{"question": {"Offer the same to the Brasserie?"}, "choices": {"Yes\n\nNo\n"}})
	results := pollsOf(t, a, inv)
	require.Len(t, results, 1)
	post(claire, "/polls/"+results[0]+"/votes", url.Values{"choice": {"2"}})

	post(david, base+"/tasks", url.Values{"title": {"Check the Café's discount end date"}, "assignee": {alice}, "due": {"2026-06-30"}})
	tasks := tasksOf(t, a, inv)
	require.Len(t, tasks, 1)
	post(alice, "/tasks/"+tasks[0].ID+"/status", url.Values{"status": {"done"}, "version": {"1"}})
	// A stale version is a conflict.
	w := do(t, a, alice, "/tasks/"+tasks[0].ID+"/status", url.Values{"status": {"open"}, "version": {"1"}})
	assert.Equal(t, http.StatusConflict, w.Code)

	body := do(t, a, claire, base, nil).Body.String()
	for _, s := range []string{"Yes, the whole first year.", "Offer the same to the Brasserie?", "1 vote",
		"Check the Café&#39;s discount end date", "status-done", "replied", "asked a poll", "created a task", "issued it as F2026-"} {
		assert.Contains(t, body, s)
	}
}

// ref0 is the collab reference of an invoice.
func ref0(id string) collab.Ref { return collab.Ref{Kind: collab.KindInvoice, ID: id} }

// pageAll asks for a whole activity feed in one page.
func pageAll() collab.PageRequest { return collab.PageRequest{Limit: collab.MaxPageSize} }

// pollsOf returns the IDs of the polls in an invoice's thread.
func pollsOf(t *testing.T, a *app, id string) []string {
	t.Helper()
	page, err := a.svc.collab.Activity(context.Background(), claire, ref0(id), pageAll())
	require.NoError(t, err)
	var ids []string
	for _, it := range page.Items {
		if it.Message != nil && it.Message.Kind == collab.MessagePoll {
			ids = append(ids, it.Message.ID)
		}
	}
	return ids
}

// tasksOf returns the tasks about an invoice.
func tasksOf(t *testing.T, a *app, id string) []collab.Task {
	t.Helper()
	tasks, err := a.svc.collab.Tasks(context.Background(), claire, collab.TaskQuery{Object: ref0(id)})
	require.NoError(t, err)
	return tasks
}

// An accountant credits one unit of a line of an issued invoice: the
// credit note opens as a draft, is submitted and issued like an invoice,
// and what the customer owes on the invoice goes down by its total. A
// sales rep is neither offered the form nor allowed to post it.
func TestCreditNoteFromTheInvoicePage(t *testing.T) {
	a := newTestApp(t)
	ctx := context.Background()
	inv := invoiceOf(t, a, garage, invoice.StatusSent)
	id, line := inv.ID.String(), inv.Document.Lines[0]
	owed := func() money.Amount {
		st, err := a.svc.engine.Statement(ctx, claire, billing.CustomerKey(inv.Document.Buyer), inv.Document.Currency)
		require.NoError(t, err)
		for _, r := range st.Receivables {
			if r.InvoiceID == inv.ID {
				return r.Balance
			}
		}
		t.Fatalf("invoice %s is not in its customer's statement", inv.Document.Number)
		return money.Amount{}
	}
	before := owed()

	page := do(t, a, claire, "/invoices/"+id, nil).Body.String()
	assert.Contains(t, page, "Issue a credit note")
	assert.Contains(t, page, `name="qty-`+line.ID+`"`)
	assert.NotContains(t, do(t, a, alice, "/invoices/"+id, nil).Body.String(), "Issue a credit note")
	assert.Equal(t, http.StatusForbidden, do(t, a, alice, "/invoices/"+id+"/credit", url.Values{"reason": {"A discount"}}).Code)
	assert.Equal(t, http.StatusBadRequest, do(t, a, claire, "/invoices/"+id+"/credit", url.Values{"reason": {" "}}).Code)
	assert.Equal(t, http.StatusBadRequest, do(t, a, claire, "/invoices/"+id+"/credit",
		url.Values{"reason": {"One seat"}, "qty-" + line.ID: {"one"}}).Code)

	w := do(t, a, claire, "/invoices/"+id+"/credit", url.Values{"reason": {"One seat was not used"}, "qty-" + line.ID: {"1"}})
	require.Equal(t, http.StatusSeeOther, w.Code, w.Body.String())
	cnPath := w.Header().Get("Location")
	require.True(t, strings.HasPrefix(cnPath, "/creditnotes/"), cnPath)
	assert.Contains(t, do(t, a, claire, cnPath, nil).Body.String(), "Draft credit note for "+inv.Document.Number)
	for _, step := range []string{"submit", "issue"} {
		w = do(t, a, claire, cnPath+"/"+step, url.Values{})
		require.Equal(t, http.StatusSeeOther, w.Code, "%s: %s", step, w.Body.String())
	}

	cn, err := a.svc.engine.Invoice(ctx, claire, strings.TrimPrefix(cnPath, "/creditnotes/"))
	require.NoError(t, err)
	assert.Equal(t, invoice.TypeCreditNote, cn.Document.Type)
	require.NotEmpty(t, cn.Document.Number)
	assert.Equal(t, "One seat was not used", cn.Document.Notes[0].Text)
	require.Len(t, cn.Document.Lines, 1)
	assert.True(t, cn.Document.Lines[0].Quantity.Equal(decimal.NewFromInt(1)))
	page = do(t, a, claire, cnPath, nil).Body.String()
	assert.Contains(t, page, "Credit note "+cn.Document.Number+" for "+inv.Document.Number)
	assert.NotContains(t, page, "Issue a credit note", "a credit note is not credited")
	want, err := before.Sub(cn.Document.Totals.TaxInclusive)
	require.NoError(t, err)
	assert.Equal(t, want.String(), owed().String())

	// It is listed with the invoices, and has a conversation of its own.
	assert.Contains(t, do(t, a, claire, "/invoices", nil).Body.String(), `href="`+cnPath+`"`)
	w = do(t, a, claire, cnPath+"/messages", url.Values{"body": {"@david credited as agreed on the phone"}})
	require.Equal(t, http.StatusSeeOther, w.Code, w.Body.String())
	assert.Equal(t, cnPath+"#thread", w.Header().Get("Location"))
	assert.Contains(t, do(t, a, claire, cnPath, nil).Body.String(), "credited as agreed on the phone")
	assert.NotContains(t, do(t, a, claire, "/invoices/"+id, nil).Body.String(), "credited as agreed on the phone")
}

// A sales rep raises the discount of her draft quote over her limit: the
// page says which approval it needs and offers to submit it rather than
// send it. Once the sales manager approves it from his inbox, she sends it
// and records the customer's acceptance, which makes the contract.
func TestQuoteEditApproveSendAccept(t *testing.T) {
	a := newTestApp(t)
	ctx := context.Background()
	id := quoteID(t, a, "Q-2026-0010")
	path := "/quotes/" + id
	q, err := a.svc.engine.Quote(ctx, alice, id)
	require.NoError(t, err)
	line := q.Input.Lines[0].ID

	page := do(t, a, alice, path, nil).Body.String()
	assert.Contains(t, page, "Change the lines")
	assert.Contains(t, page, "Mark as sent to the customer")
	version := formVersion(t, page)
	assert.NotContains(t, do(t, a, claire, path, nil).Body.String(), "Change the lines", "accountants do not write quotes")
	assert.Equal(t, http.StatusForbidden, do(t, a, claire, path+"/edit", url.Values{"qty-" + line: {"20"}, "version": {version}}).Code)
	assert.Equal(t, http.StatusBadRequest, do(t, a, alice, path+"/edit", url.Values{"qty-" + line: {"twenty"}, "version": {version}}).Code)
	assert.Equal(t, http.StatusBadRequest, do(t, a, alice, path+"/edit", url.Values{"qty-" + line: {"-2"}, "version": {version}}).Code)
	assert.Equal(t, http.StatusBadRequest, do(t, a, alice, path+"/edit", url.Values{"qty-" + line: {"20"}}).Code, "a form without its version")

	w := do(t, a, alice, path+"/edit", url.Values{"qty-" + line: {"20"}, "disc-" + line: {"15 %"}, "version": {version}})
	require.Equal(t, http.StatusSeeOther, w.Code, w.Body.String())
	q, err = a.svc.engine.Quote(ctx, alice, id)
	require.NoError(t, err)
	assert.Equal(t, "850.00 EUR", q.Document.Totals.TaxExclusive.String(), "20 seats at 50.00 EUR less 15 %")
	page = do(t, a, alice, path, nil).Body.String()
	assert.Contains(t, page, "needs the approval of a sales manager")
	assert.Contains(t, page, "Submit for approval")
	assert.NotContains(t, page, "Mark as sent to the customer")
	assert.Equal(t, http.StatusConflict, do(t, a, alice, path+"/send", url.Values{}).Code, "not before it is approved")

	require.Equal(t, http.StatusSeeOther, do(t, a, alice, path+"/submit", url.Values{}).Code)
	inbox, err := a.svc.engine.PendingApprovals(ctx, bruno)
	require.NoError(t, err)
	var request string
	for _, r := range inbox {
		if r.Object.ID == id {
			request = r.ID
		}
	}
	require.NotEmpty(t, request, "the sales manager is asked")
	require.Equal(t, http.StatusSeeOther, do(t, a, bruno, "/approvals/"+request+"/approve", url.Values{}).Code)

	for _, step := range []string{"send", "accept"} {
		w = do(t, a, alice, path+"/"+step, url.Values{})
		require.Equal(t, http.StatusSeeOther, w.Code, "%s: %s", step, w.Body.String())
	}
	q, err = a.svc.engine.Quote(ctx, alice, id)
	require.NoError(t, err)
	assert.Equal(t, "accepted", string(q.Status))
	c, err := a.svc.engine.Contract(ctx, alice, q.ContractID.String())
	require.NoError(t, err)
	assert.True(t, c.Lines[0].Discount.Percent.Equal(decimal.NewFromInt(15)), "the negotiated terms reach the contract")
	assert.NotContains(t, do(t, a, alice, path, nil).Body.String(), "Change the lines")
}

// Two people change the same draft quote from the page each loaded: the
// first one saves, and the second, whose form carries the version it was
// drawn from, is told with a 409 that the quote changed meanwhile and
// offered to reload it, instead of silently undoing the first change.
func TestQuoteEditFromAStalePage(t *testing.T) {
	a := newTestApp(t)
	ctx := context.Background()
	id := quoteID(t, a, "Q-2026-0010")
	path := "/quotes/" + id
	q, err := a.svc.engine.Quote(ctx, alice, id)
	require.NoError(t, err)
	line := q.Input.Lines[0].ID
	alicePage := formVersion(t, do(t, a, alice, path, nil).Body.String())
	brunoPage := formVersion(t, do(t, a, bruno, path, nil).Body.String())
	require.Equal(t, alicePage, brunoPage, "both pages show the same version")

	w := do(t, a, bruno, path+"/edit", url.Values{"qty-" + line: {"12"}, "version": {brunoPage}})
	require.Equal(t, http.StatusSeeOther, w.Code, w.Body.String())
	w = do(t, a, alice, path+"/edit", url.Values{"qty-" + line: {"30"}, "version": {alicePage}})
	assert.Equal(t, http.StatusConflict, w.Code)
	assert.Contains(t, w.Body.String(), "Someone else changed this quote while you were editing it")
	assert.Contains(t, w.Body.String(), `<a href="`+path+`" id="reload">`)

	q, err = a.svc.engine.Quote(ctx, alice, id)
	require.NoError(t, err)
	assert.Equal(t, "12", q.Input.Lines[0].Quantity.String(), "the stale form changed nothing")
	fresh := formVersion(t, do(t, a, alice, path, nil).Body.String())
	assert.NotEqual(t, alicePage, fresh, "the reloaded page carries the new version")
	w = do(t, a, alice, path+"/edit", url.Values{"qty-" + line: {"30"}, "version": {fresh}})
	require.Equal(t, http.StatusSeeOther, w.Code, w.Body.String())
	q, err = a.svc.engine.Quote(ctx, alice, id)
	require.NoError(t, err)
	assert.Equal(t, "30", q.Input.Lines[0].Quantity.String(), "once reloaded, the change is saved")
}

// formVersion returns the version a quote page's edit form sends back.
func formVersion(t *testing.T, page string) string {
	t.Helper()
	m := regexp.MustCompile(`name="version" value="([0-9]+)"`).FindStringSubmatch(page)
	require.NotNil(t, m, "the page has no edit form with a version")
	return m[1]
}

// The customer declines a sent quote: the sales rep records why, revises
// it, and lands on the new revision, a draft she can change and send; the
// first revision links to it and can no longer be accepted.
func TestQuoteDeclineRevise(t *testing.T) {
	a := newTestApp(t)
	ctx := context.Background()
	id := quoteID(t, a, "Q-2026-0009")
	path := "/quotes/" + id

	page := do(t, a, alice, path, nil).Body.String()
	assert.Contains(t, page, "The customer declined")
	assert.Contains(t, page, "Revise the quote")
	assert.Equal(t, http.StatusBadRequest, do(t, a, alice, path+"/decline", url.Values{"reason": {" "}}).Code)
	assert.Equal(t, http.StatusForbidden, do(t, a, claire, path+"/revise", url.Values{}).Code, "accountants do not write quotes")
	w := do(t, a, alice, path+"/decline", url.Values{"reason": {"Needs 5 % off the implementation"}})
	require.Equal(t, http.StatusSeeOther, w.Code, w.Body.String())
	q, err := a.svc.engine.Quote(ctx, alice, id)
	require.NoError(t, err)
	assert.Equal(t, quote.StatusRejected, q.Status)
	assert.Equal(t, "Needs 5 % off the implementation", q.Reason)

	w = do(t, a, alice, path+"/revise", url.Values{})
	require.Equal(t, http.StatusSeeOther, w.Code, w.Body.String())
	next := w.Header().Get("Location")
	require.NotEqual(t, path, next, "the revision has a page of its own")
	page = do(t, a, alice, next, nil).Body.String()
	assert.Contains(t, page, "Quote Q-2026-0009, revision 2")
	assert.Contains(t, page, "Change the lines")

	page = do(t, a, alice, path, nil).Body.String()
	assert.Contains(t, page, `Replaced by <a href="`+next+`">`)
	assert.NotContains(t, page, "Revise the quote")
	assert.Equal(t, http.StatusConflict, do(t, a, alice, path+"/accept", url.Values{}).Code)
	assert.Equal(t, http.StatusConflict, do(t, a, alice, path+"/revise", url.Values{}).Code)
}

// The reminders page lists today's reminders for those who run dunning;
// marking them as sent records them, and the page is then empty until the
// next step falls due. The invoice's feed says which step was sent.
func TestDunningPage(t *testing.T) {
	a := newTestApp(t)
	ctx := context.Background()
	assert.NotContains(t, do(t, a, alice, "/invoices", nil).Body.String(), `href="/dunning"`, "sales reps do not dun")
	assert.Equal(t, http.StatusForbidden, do(t, a, alice, "/dunning", nil).Code)
	assert.Equal(t, http.StatusForbidden, do(t, a, alice, "/dunning/sent", url.Values{}).Code)

	page := do(t, a, claire, "/dunning", nil).Body.String()
	assert.Contains(t, page, `href="/dunning"`)
	due, err := a.svc.engine.Dunning(ctx, claire, today, invoice.DefaultDunningPolicy())
	require.NoError(t, err)
	require.NotEmpty(t, due, "the seed has overdue invoices")
	for _, r := range due {
		assert.Contains(t, page, "Invoice "+r.Number)
	}
	assert.NotContains(t, page, "id:", "customers are named, not keyed")
	w := do(t, a, claire, "/dunning/sent", url.Values{})
	require.Equal(t, http.StatusSeeOther, w.Code, w.Body.String())
	assert.Contains(t, do(t, a, claire, "/dunning", nil).Body.String(), "No reminder to send today.")
	left, err := a.svc.engine.Dunning(ctx, claire, today, invoice.DefaultDunningPolicy())
	require.NoError(t, err)
	assert.Empty(t, left)
	assert.Contains(t, do(t, a, claire, "/invoices/"+due[0].InvoiceID.String(), nil).Body.String(), "sent the dunning step")
}
