package main

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/notify"
)

// testToken is the form token of the test sessions.
const testToken = "0123456789abcdef0123456789abcdef"

// newTestApp returns the application over freshly seeded stores, logging
// to the test.
func newTestApp(t *testing.T) *app {
	t.Helper()
	a, err := newApp(context.Background(), slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.NoError(t, err)
	return a
}

// do sends a request to a as user, with the session's form token; a
// form makes it a POST that carries the token unless it has a csrf
// field of its own.
func do(t *testing.T, a http.Handler, user, path string, form url.Values) *httptest.ResponseRecorder {
	t.Helper()
	method, body := http.MethodGet, io.Reader(nil)
	if form != nil {
		if _, ok := form[csrfField]; !ok {
			form.Set(csrfField, testToken)
		}
		method, body = http.MethodPost, strings.NewReader(form.Encode())
	}
	r := httptest.NewRequest(method, path, body)
	if form != nil {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	r.AddCookie(&http.Cookie{Name: csrfCookie, Value: testToken})
	if user != "" {
		r.AddCookie(&http.Cookie{Name: userCookie, Value: user})
	}
	w := httptest.NewRecorder()
	a.ServeHTTP(w, r)
	return w
}

// invoiceOf returns the first invoice to buyer in the given status.
func invoiceOf(t *testing.T, a *app, buyer invoice.Party, status invoice.Status) invoice.Snapshot {
	t.Helper()
	list, err := a.svc.engine.Invoices(context.Background(), emma, func(s invoice.Snapshot) bool {
		return s.Document.Buyer.Name == buyer.Name && s.Status == status
	})
	require.NoError(t, err)
	require.NotEmpty(t, list, "no %s invoice to %s in the seed", status, buyer.Name)
	return list[0]
}

// quoteID returns the ID of the seeded quote with the given number.
func quoteID(t *testing.T, a *app, number string) string {
	t.Helper()
	list, err := a.svc.engine.Quotes(context.Background(), emma, nil)
	require.NoError(t, err)
	for _, q := range list {
		if q.Input.Number == number {
			return q.ID.String()
		}
	}
	t.Fatalf("no quote %s in the seed", number)
	return ""
}

// Every page renders for each user allowed to see it, with the user's
// name in the header.
func TestPagesRenderForAllowedUsers(t *testing.T) {
	a := newTestApp(t)
	inv := invoiceOf(t, a, boulangerie, invoice.StatusPaid).ID.String()
	q := quoteID(t, a, "Q-2026-0011")
	acc := a.svc.engine.Access()
	for _, p := range people {
		paths := []string{"/", "/invoices", "/quotes", "/invoices/" + inv, "/invoices/" + inv + "/document",
			"/invoices/" + inv + "/document?lang=fr", "/quotes/" + q, "/quotes/" + q + "/document", "/notifications",
			"/approvals"}
		if acc.Can(p.ID, billing.PermKPIRead) {
			paths = append(paths, "/dashboard", "/charts/mrr.svg")
		}
		for _, path := range paths {
			t.Run(p.ID+path, func(t *testing.T) {
				w := do(t, a, p.ID, path, nil)
				require.Equal(t, http.StatusOK, w.Code, w.Body.String())
				if !strings.Contains(path, "/document") && !strings.HasSuffix(path, ".svg") {
					assert.Contains(t, w.Body.String(), p.Name)
					assert.Contains(t, w.Header().Get("Content-Security-Policy"), "default-src 'self'")
				}
			})
		}
	}
}

// The lists show the seeded documents in their various states.
func TestListsShowSeededData(t *testing.T) {
	a := newTestApp(t)
	body := do(t, a, claire, "/invoices", nil).Body.String()
	for _, s := range []string{"F2026-000001", "Garage Lefèvre", "days overdue", "pending approval", "draft", "paid", "€10,858.07"} {
		assert.Contains(t, body, s)
	}
	first := invoiceOf(t, a, boulangerie, invoice.StatusPaid).ID.String()
	body = do(t, a, claire, "/invoices/"+first, nil).Body.String()
	for _, s := range []string{"Negotiated discount", "-€1,500.00", "17/31 days", "-€451.61"} {
		assert.Contains(t, body, s, "the invoice page lists the line allowances")
	}
	body = do(t, a, alice, "/quotes", nil).Body.String()
	for _, s := range []string{"Q-2026-0001", "Q-2026-0011", "in review", "sent", "accepted", "draft", "Hôtel du Parc"} {
		assert.Contains(t, body, s)
	}
}

// Actions a user's roles do not allow are refused with 403 and a page
// naming the permission, and change nothing.
func TestForbiddenActions(t *testing.T) {
	a := newTestApp(t)
	pending := invoiceOf(t, a, librairie, invoice.StatusPendingApproval).ID.String()
	inbox, err := a.svc.engine.PendingApprovals(context.Background(), david)
	require.NoError(t, err)
	var request string
	for _, r := range inbox {
		if r.Object.ID == pending {
			request = r.ID
		}
	}
	require.NotEmpty(t, request)
	draft := invoiceOf(t, a, fromagerie, invoice.StatusDraft).ID.String()

	for _, c := range []struct {
		name, user, path string
		form             url.Values
		want             string
	}{
		{"sales rep reads the dashboard", alice, "/dashboard", nil, "kpi.read"},
		{"sales rep reads a chart", alice, "/charts/mrr.svg", nil, "kpi.read"},
		{"sales rep approves an invoice", alice, "/approvals/" + request + "/approve", url.Values{}, "Alice Martin"},
		{"accountant approves an invoice", claire, "/approvals/" + request + "/approve", url.Values{}, "Claire Dubois"},
		{"auditor submits a draft", felix, "/invoices/" + draft + "/submit", url.Values{}, "invoice.create"},
		{"sales rep issues an invoice", alice, "/invoices/" + draft + "/submit", url.Values{}, "invoice.create"},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := do(t, a, c.user, c.path, c.form)
			assert.Equal(t, http.StatusForbidden, w.Code)
			assert.Contains(t, w.Body.String(), "Not allowed")
			assert.Contains(t, w.Body.String(), c.want)
		})
	}
	s, err := a.svc.engine.Invoice(context.Background(), emma, pending)
	require.NoError(t, err)
	assert.Equal(t, invoice.StatusPendingApproval, s.Status)
	s, err = a.svc.engine.Invoice(context.Background(), emma, draft)
	require.NoError(t, err)
	assert.Equal(t, invoice.StatusDraft, s.Status)
}

// Unknown objects are 404, bad input 400, and a form without the
// session's token 403: all as pages, never a panic.
func TestErrorStatuses(t *testing.T) {
	a := newTestApp(t)
	inv := invoiceOf(t, a, garage, invoice.StatusSent).ID.String()
	for _, c := range []struct {
		name, user, path string
		form             url.Values
		want             int
	}{
		{"unknown invoice", claire, "/invoices/01960000-0000-7000-8000-999999999999", nil, http.StatusNotFound},
		{"malformed invoice ID", claire, "/invoices/nope", nil, http.StatusNotFound},
		{"unknown chart", david, "/charts/pie.svg", nil, http.StatusNotFound},
		{"unknown page", claire, "/nowhere", nil, http.StatusNotFound},
		{"empty message", claire, "/invoices/" + inv + "/messages", url.Values{"body": {"  "}}, http.StatusBadRequest},
		{"poll with one choice", claire, "/invoices/" + inv + "/polls", url.Values{"question": {"Yes?"}, "choices": {"yes"}}, http.StatusBadRequest},
		{"task without assignee", claire, "/invoices/" + inv + "/tasks", url.Values{"title": {"Call"}}, http.StatusBadRequest},
		{"task with a bad day", claire, "/invoices/" + inv + "/tasks", url.Values{"title": {"Call"}, "assignee": {claire}, "due": {"soon"}}, http.StatusBadRequest},
		{"reject without reason", david, "/approvals/x/reject", url.Values{"reason": {""}}, http.StatusBadRequest},
		{"message in an unknown kind", claire, "/payments/x/messages", url.Values{"body": {"hi"}}, http.StatusNotFound},
		{"form without token", claire, "/invoices/" + inv + "/messages", url.Values{"body": {"hi"}, csrfField: {""}}, http.StatusForbidden},
		{"form with another token", claire, "/invoices/" + inv + "/messages", url.Values{"body": {"hi"}, csrfField: {strings.Repeat("f", 32)}}, http.StatusForbidden},
		{"issue twice", claire, "/invoices/" + inv + "/issue", url.Values{}, http.StatusConflict},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := do(t, a, c.user, c.path, c.form)
			assert.Equal(t, c.want, w.Code, w.Body.String())
			assert.Contains(t, w.Header().Get("Content-Type"), "text/html")
		})
	}
	th, err := a.svc.collab.Thread(context.Background(), claire, ref0(inv))
	require.NoError(t, err) // the seed wrote in it
	page := do(t, a, claire, "/invoices/"+inv, nil).Body.String()
	assert.NotContains(t, page, ">hi<", "a refused form must not post: thread %s", th.ID)
}

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

// Switching user sets the user cookie and goes back to the page.
func TestSwitchUser(t *testing.T) {
	a := newTestApp(t)
	w := do(t, a, "", "/switch", url.Values{"user": {felix}, "back": {"/quotes"}})
	require.Equal(t, http.StatusSeeOther, w.Code)
	assert.Equal(t, "/quotes", w.Header().Get("Location"))
	var set *http.Cookie
	for _, c := range w.Result().Cookies() {
		if c.Name == userCookie {
			set = c
		}
	}
	require.NotNil(t, set)
	assert.Equal(t, felix, set.Value)
	assert.Equal(t, http.SameSiteStrictMode, set.SameSite)

	w = do(t, a, "", "/switch", url.Values{"user": {felix}, "back": {"//evil.example/"}})
	assert.Equal(t, "/", w.Header().Get("Location"))
	assert.Equal(t, http.StatusBadRequest, do(t, a, "", "/switch", url.Values{"user": {"mallory"}}).Code)
}

// A first visit gets a form token cookie, SameSite=Strict, and the pages
// carry it in their forms.
func TestSessionToken(t *testing.T) {
	a := newTestApp(t)
	w := httptest.NewRecorder()
	a.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/", nil))
	require.Equal(t, http.StatusOK, w.Code)
	var token *http.Cookie
	for _, c := range w.Result().Cookies() {
		if c.Name == csrfCookie {
			token = c
		}
	}
	require.NotNil(t, token)
	assert.Len(t, token.Value, 32)
	assert.True(t, token.HttpOnly)
	assert.Equal(t, http.SameSiteStrictMode, token.SameSite)
	assert.Contains(t, w.Body.String(), `name="csrf" value="`+token.Value+`"`)
	assert.Contains(t, w.Body.String(), "Claire Dubois", "the accountant is signed in by default")
}

// The dashboard's charts are well-formed SVG documents, drawn from the
// KPIs, and the page shows the headline figures.
func TestDashboardCharts(t *testing.T) {
	a := newTestApp(t)
	page := do(t, a, david, "/dashboard", nil).Body.String()
	for _, s := range []string{"MRR", "€7,550.00", "/charts/movements.svg", "Receivables", "Librairie Vidal", "status-bad"} {
		assert.Contains(t, page, s)
	}
	for name := range charts {
		t.Run(name, func(t *testing.T) {
			w := do(t, a, david, "/charts/"+name, nil)
			require.Equal(t, http.StatusOK, w.Code)
			assert.Equal(t, "image/svg+xml", w.Header().Get("Content-Type"))
			dec := xml.NewDecoder(bytes.NewReader(w.Body.Bytes()))
			root, texts := "", 0
			for {
				tok, err := dec.Token()
				if errors.Is(err, io.EOF) {
					break
				}
				require.NoError(t, err)
				if se, ok := tok.(xml.StartElement); ok {
					if root == "" {
						root = se.Name.Local
					}
					if se.Name.Local == "text" {
						texts++
					}
				}
			}
			assert.Equal(t, "svg", root)
			assert.Positive(t, texts, "a chart has a title and labels")
		})
	}
}

// The dashboard's figures follow the seeded story: new customers in
// February and March, an expansion and a churn in May, a contraction in
// June, and the Garage's unpaid invoices in every overdue bucket.
func TestDashboardFigures(t *testing.T) {
	a := newTestApp(t)
	d, err := a.kpis(context.Background(), david)
	require.NoError(t, err)
	require.Len(t, d.Months, 6)
	assert.Equal(t, "1000.00 EUR", d.Months[0].MRR.String())
	assert.Equal(t, "7550.00 EUR", d.Now.MRR.String())
	may, june := d.Months[4].Movements, d.Months[5].Movements
	assert.Equal(t, "500.00 EUR", may.Expansion.String())
	assert.Equal(t, "500.00 EUR", may.Churn.String())
	assert.Equal(t, "2400.00 EUR", may.New.String())
	assert.Equal(t, "100.00 EUR", june.Contraction.String())
	assert.False(t, d.Overdue.IsZero())
	assert.Equal(t, 8, d.Ageing.Counts[0]+d.Ageing.Counts[1]+d.Ageing.Counts[2]+d.Ageing.Counts[3]+d.Ageing.Counts[4])
}

// The seed is deterministic: two applications show the same pages.
func TestSeedIsDeterministic(t *testing.T) {
	a, b := newTestApp(t), newTestApp(t)
	inv := invoiceOf(t, a, boulangerie, invoice.StatusPaid).ID.String()
	for _, path := range []string{"/invoices", "/quotes", "/invoices/" + inv, "/charts/movements.svg"} {
		assert.Equal(t, do(t, a, david, path, nil).Body.String(), do(t, b, david, path, nil).Body.String(), path)
	}
}

// serve, what `go run ./examples/webapp` runs, prints its URL and serves
// the seeded data there until its context ends.
func TestServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		err := serve(ctx, "127.0.0.1:0", pw)
		pw.CloseWithError(err) // a failure to start ends the read below
		done <- err
	}()
	buf := make([]byte, 256)
	n, err := pr.Read(buf)
	require.NoError(t, err)
	line := strings.TrimSpace(string(buf[:n]))
	require.True(t, strings.HasPrefix(line, "billkit demo: http://127.0.0.1:"), line)
	base := strings.TrimPrefix(line, "billkit demo: ")

	res, err := http.Get(base)
	require.NoError(t, err)
	body, err := io.ReadAll(res.Body)
	require.NoError(t, res.Body.Close())
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Contains(t, string(body), "F2026-000001")
	cancel()
	require.NoError(t, <-done)
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
