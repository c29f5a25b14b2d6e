package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/invoice"
)

// testSecret signs the sessions of the test applications, so that two of
// them draw the same pages; testSession is the ID of the test sessions.
var (
	testSecret  = []byte("billkit webapp tests: not secret")
	testSession = "0123456789abcdef0123456789abcdef"
)

// newTestApp returns the application over freshly seeded stores, logging
// to the test.
func newTestApp(t *testing.T) *app {
	t.Helper()
	a, err := newApp(context.Background(), slog.New(slog.NewTextHandler(io.Discard, nil)), memoryStores())
	require.NoError(t, err)
	a.secret = testSecret
	return a
}

// sessionOf returns the cookie of a test session in which user is signed
// in ("" for no one yet, as after a first visit) and its form token.
func sessionOf(a *app, user string) (*http.Cookie, string) {
	s := session{id: testSession, user: user}
	return &http.Cookie{Name: sessionCookie, Value: a.sessionValue(s)}, a.csrfToken(s.id)
}

// do sends a request to a in a session of user, with the session's form
// token; a form makes it a POST that carries the token unless it has a
// csrf field of its own.
func do(t *testing.T, a *app, user, path string, form url.Values) *httptest.ResponseRecorder {
	t.Helper()
	cookie, token := sessionOf(a, user)
	if form != nil {
		if _, ok := form[csrfField]; !ok {
			form.Set(csrfField, token)
		}
	}
	return send(t, a, path, form, cookie)
}

// send sends a request to a with the cookies given: a GET, or a POST of
// form.
func send(t *testing.T, a http.Handler, path string, form url.Values, cookies ...*http.Cookie) *httptest.ResponseRecorder {
	t.Helper()
	method, body := http.MethodGet, io.Reader(nil)
	if form != nil {
		method, body = http.MethodPost, strings.NewReader(form.Encode())
	}
	r := httptest.NewRequest(method, path, body)
	if form != nil {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for _, c := range cookies {
		r.AddCookie(c)
	}
	w := httptest.NewRecorder()
	a.ServeHTTP(w, r)
	return w
}

// sessionSet returns the session cookie a response sets, or nil.
func sessionSet(w *httptest.ResponseRecorder) *http.Cookie {
	for _, c := range w.Result().Cookies() {
		if c.Name == sessionCookie {
			return c
		}
	}
	return nil
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
			"/invoices/" + inv + "/document?lang=fr", "/quotes/" + q, "/quotes/" + q + "/document", "/notifications"}
		if acc.Can(p.ID, billing.PermKPIRead) {
			paths = append(paths, "/dashboard", "/charts/mrr.svg")
		}
		if a.mayApprove(p.ID) {
			paths = append(paths, "/approvals")
		} else {
			t.Run(p.ID+"/approvals", func(t *testing.T) {
				assert.Equal(t, http.StatusForbidden, do(t, a, p.ID, "/approvals", nil).Code, "no inbox for who may approve nothing")
			})
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
	body = do(t, a, claire, "/invoices/"+first+"/document", nil).Body.String()
	for _, s := range []string{"Negotiated discount", "-€1,500.00", "17/31 days", "-€451.61"} {
		assert.Contains(t, body, s, "the printed invoice shows the line allowances")
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

// Switching user starts a new session for the user chosen and goes back
// to the page, only ever a page of this site.
func TestSwitchUser(t *testing.T) {
	a := newTestApp(t)
	w := do(t, a, claire, "/switch", url.Values{"user": {felix}, "back": {"/quotes"}})
	require.Equal(t, http.StatusSeeOther, w.Code)
	assert.Equal(t, "/quotes", w.Header().Get("Location"))
	set := sessionSet(w)
	require.NotNil(t, set)
	assert.True(t, set.HttpOnly)
	assert.Equal(t, http.SameSiteStrictMode, set.SameSite)
	s, ok := a.readSession(set.Value)
	require.True(t, ok)
	assert.Equal(t, felix, s.user)
	assert.NotEqual(t, testSession, s.id, "a new session")
	assert.Contains(t, send(t, a, "/quotes", nil, set).Body.String(), "Félix")

	assert.Equal(t, http.StatusBadRequest, do(t, a, claire, "/switch", url.Values{"user": {"mallory"}}).Code)
}

// The page a sign-in goes back to is a path of this site: any other URL,
// or one a browser could read as another host (a tab or a newline it
// drops, a backslash it reads as a slash), leads to "/" instead.
func TestSwitchUserStaysOnTheSite(t *testing.T) {
	a := newTestApp(t)
	for _, back := range []string{"//evil.example/", "/\\evil.example", "\t//evil.example", "/\t/evil.example",
		"/\n/evil.example", "/\r\n/evil.example", "/\\/evil.example", "/.\\evil.example", "https://evil.example/",
		"https:/evil.example", "javascript:alert(1)", " //evil.example", "/\x7f/evil.example", "/\u0085/evil.example", ""} {
		t.Run(strconv.Quote(back), func(t *testing.T) {
			assert.Equal(t, "/", localPath(back))
			w := do(t, a, "", "/switch", url.Values{"user": {felix}, "back": {back}})
			require.Equal(t, http.StatusSeeOther, w.Code, w.Body.String())
			assert.Equal(t, "/", w.Header().Get("Location"))
		})
	}
	for _, back := range []string{"/", "/quotes", "/invoices/01960000-0000-7000-8000-000000000001?lang=fr", "/a//b", "/%2F%2Fevil.example"} {
		t.Run(strconv.Quote(back), func(t *testing.T) {
			assert.Equal(t, back, localPath(back))
		})
	}
}

// A visitor who has chosen no one is nobody: pages send them to the
// sign-in page, which comes back to the page they asked for, and forms
// are refused, whatever cookie they bring.
func TestSignInFirst(t *testing.T) {
	a := newTestApp(t)
	inv := invoiceOf(t, a, boulangerie, invoice.StatusSent).ID.String()
	path := "/invoices/" + inv
	anonymous, token := sessionOf(a, "")
	forged := *anonymous
	forged.Value = strings.Replace(forged.Value, "..", ".claire.", 1)
	for name, cookies := range map[string][]*http.Cookie{
		"no cookie":                    nil,
		"no one chosen yet":            {anonymous},
		"a user cookie of old":         {{Name: "billkit_user", Value: claire}},
		"a session changed by hand":    {&forged},
		"a session this app never saw": {{Name: sessionCookie, Value: testSession + ".claire." + strings.Repeat("0", 64)}},
	} {
		t.Run(name, func(t *testing.T) {
			w := send(t, a, path, nil, cookies...)
			require.Equal(t, http.StatusSeeOther, w.Code, w.Body.String())
			assert.Equal(t, "/signin?back="+url.QueryEscape(path), w.Header().Get("Location"))

			w = send(t, a, path+"/messages", url.Values{"body": {"who am I?"}, csrfField: {token}}, cookies...)
			assert.Equal(t, http.StatusForbidden, w.Code)
			assert.NotContains(t, w.Body.String(), "Claire Dubois")
		})
	}
	page := do(t, a, claire, path, nil).Body.String()
	assert.NotContains(t, page, "who am I?", "no refused form posted")

	// The sign-in page: a first visit starts a session whose token the
	// page's form carries; choosing Claire starts hers and goes back.
	w := send(t, a, "/signin?back="+url.QueryEscape(path), nil)
	require.Equal(t, http.StatusOK, w.Code)
	first := sessionSet(w)
	require.NotNil(t, first)
	body := w.Body.String()
	assert.Contains(t, body, "Who are you?")
	assert.Contains(t, body, `id="signin-claire"`)
	assert.NotContains(t, body, "Notifications", "nobody's header")
	m := regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`).FindStringSubmatch(body)
	require.NotNil(t, m)
	w = send(t, a, "/switch", url.Values{"user": {claire}, "back": {path}, csrfField: {m[1]}}, first)
	require.Equal(t, http.StatusSeeOther, w.Code, w.Body.String())
	assert.Equal(t, path, w.Header().Get("Location"))
	signedIn := sessionSet(w)
	require.NotNil(t, signedIn)
	w = send(t, a, path, nil, signedIn)
	require.Equal(t, http.StatusOK, w.Code)
	assert.Contains(t, w.Body.String(), "Claire Dubois")
}

// A form token is good in its own session only: a token from another
// session, another person's or one's own before switching user, is
// refused, and nothing is posted.
func TestFormTokenIsBoundToItsSession(t *testing.T) {
	a := newTestApp(t)
	inv := invoiceOf(t, a, boulangerie, invoice.StatusSent).ID.String()
	path := "/invoices/" + inv

	claireSession := a.startSession(httptest.NewRecorder(), claire)
	brunoSession := a.startSession(httptest.NewRecorder(), bruno)
	require.NotEqual(t, claireSession.id, brunoSession.id)
	claireCookie := &http.Cookie{Name: sessionCookie, Value: a.sessionValue(claireSession)}
	brunoCookie := &http.Cookie{Name: sessionCookie, Value: a.sessionValue(brunoSession)}
	claireToken, brunoToken := a.csrfToken(claireSession.id), a.csrfToken(brunoSession.id)
	require.NotEqual(t, claireToken, brunoToken)

	w := send(t, a, path+"/messages", url.Values{"body": {"posted with Bruno's token"}, csrfField: {brunoToken}}, claireCookie)
	assert.Equal(t, http.StatusForbidden, w.Code)
	w = send(t, a, path+"/messages", url.Values{"body": {"posted with Claire's token"}, csrfField: {claireToken}}, brunoCookie)
	assert.Equal(t, http.StatusForbidden, w.Code)

	// Switching user rotates the session: the token of the session
	// before no longer works.
	w = send(t, a, "/switch", url.Values{"user": {david}, "back": {path}, csrfField: {claireToken}}, claireCookie)
	require.Equal(t, http.StatusSeeOther, w.Code, w.Body.String())
	davidCookie := sessionSet(w)
	require.NotNil(t, davidCookie)
	w = send(t, a, path+"/messages", url.Values{"body": {"posted with the token before the switch"}, csrfField: {claireToken}}, davidCookie)
	assert.Equal(t, http.StatusForbidden, w.Code)

	page := do(t, a, claire, path, nil).Body.String()
	assert.NotContains(t, page, "posted with", "no refused form posted")
	w = send(t, a, path+"/messages", url.Values{"body": {"posted in my own session"}, csrfField: {claireToken}}, claireCookie)
	require.Equal(t, http.StatusSeeOther, w.Code, w.Body.String())
	assert.Contains(t, do(t, a, claire, path, nil).Body.String(), "posted in my own session")
}

// A session cookie is HttpOnly and SameSite=Strict, and the pages carry
// its token in their forms.
func TestSessionToken(t *testing.T) {
	a := newTestApp(t)
	w := send(t, a, "/signin", nil)
	require.Equal(t, http.StatusOK, w.Code)
	set := sessionSet(w)
	require.NotNil(t, set)
	assert.True(t, set.HttpOnly)
	assert.Equal(t, http.SameSiteStrictMode, set.SameSite)
	s, ok := a.readSession(set.Value)
	require.True(t, ok)
	assert.Empty(t, s.user, "no one is signed in by default")
	assert.Contains(t, w.Body.String(), `name="csrf" value="`+a.csrfToken(s.id)+`"`)

	cookie, token := sessionOf(a, claire)
	w = send(t, a, "/", nil, cookie)
	require.Equal(t, http.StatusOK, w.Code)
	assert.Nil(t, sessionSet(w), "a valid session is kept")
	assert.Contains(t, w.Body.String(), `name="csrf" value="`+token+`"`)
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
		err := serve(ctx, "127.0.0.1:0", "", pw)
		pw.CloseWithError(err) // a failure to start ends the read below
		done <- err
	}()
	buf := make([]byte, 256)
	n, err := pr.Read(buf)
	require.NoError(t, err)
	line := strings.TrimSpace(string(buf[:n]))
	require.True(t, strings.HasPrefix(line, "billkit demo: http://127.0.0.1:"), line)
	base := strings.TrimPrefix(line, "billkit demo: ")

	// A first visit leads to the sign-in page; choosing Claire leads
	// back to the invoices.
	jar, err := cookiejar.New(nil)
	require.NoError(t, err)
	client := &http.Client{Jar: jar}
	read := func(res *http.Response, err error) string {
		t.Helper()
		require.NoError(t, err)
		body, err := io.ReadAll(res.Body)
		require.NoError(t, res.Body.Close())
		require.NoError(t, err)
		require.Equal(t, http.StatusOK, res.StatusCode, string(body))
		return string(body)
	}
	page := read(client.Get(base))
	m := regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`).FindStringSubmatch(page)
	require.NotNil(t, m, page)
	assert.Contains(t, page, "Who are you?")
	page = read(client.PostForm(base+"switch", url.Values{"user": {claire}, "back": {"/"}, csrfField: {m[1]}}))
	assert.Contains(t, page, "F2026-000001")
	assert.Contains(t, page, "Claire Dubois")
	cancel()
	require.NoError(t, <-done)
}

// With -db the data lives in a SQLite file: seeded when the file is new,
// used as it is when it is opened again, and what people did in between
// is kept.
func TestSQLiteFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "demo.db")
	log := slog.New(slog.NewTextHandler(io.Discard, nil))

	st, err := sqliteStores(ctx, path)
	require.NoError(t, err)
	a, err := newApp(ctx, log, st)
	require.NoError(t, err)
	inv := invoiceOf(t, a, boulangerie, invoice.StatusPaid).ID.String()
	page := do(t, a, claire, "/invoices/"+inv, nil).Body.String()
	assert.Contains(t, page, "F2026-000001", "the file is seeded")
	res := do(t, a, claire, "/invoices/"+inv+"/messages", url.Values{"body": {"@bruno kept in the file?"}})
	require.Equal(t, http.StatusSeeOther, res.Code, res.Body.String())
	invoices, err := a.svc.engine.Invoices(ctx, david, nil)
	require.NoError(t, err)
	require.NoError(t, st.close())

	st, err = sqliteStores(ctx, path)
	require.NoError(t, err)
	defer st.close()
	b, err := newApp(ctx, log, st)
	require.NoError(t, err)
	again, err := b.svc.engine.Invoices(ctx, david, nil)
	require.NoError(t, err)
	assert.Len(t, again, len(invoices), "not seeded twice")
	page = do(t, b, claire, "/invoices/"+inv, nil).Body.String()
	assert.Contains(t, page, "kept in the file?", "the message posted before is there")

	// New objects get new IDs that do not clash with the seeded ones.
	res = do(t, b, claire, "/invoices/"+inv+"/messages", url.Values{"body": {"and this one too"}})
	require.Equal(t, http.StatusSeeOther, res.Code, res.Body.String())
	page = do(t, b, claire, "/invoices/"+inv, nil).Body.String()
	assert.Contains(t, page, "and this one too")
}

func TestPlainText(t *testing.T) {
	for in, want := range map[string]string{
		"The seats stay at *list price*.":  "The seats stay at list price.",
		"_only_ once, *really*":            "only once, really",
		"@claire see https://example.com/": "@claire see https://example.com/",
		"2 * 3 = 6":                        "2 * 3 = 6",
	} {
		assert.Equal(t, want, plainText(in), in)
	}
}
