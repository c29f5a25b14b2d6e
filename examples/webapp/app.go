package main

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/notify"
)

//go:embed templates/*.html static/*
var assets embed.FS

// The session cookie of the demo, the field in which forms echo the
// session's token, and the field in which the forms that change
// something carry an idempotency key, new each time a page shows them.
const (
	sessionCookie = "billkit_session"
	csrfField     = "csrf"
	keyField      = "idempotency_key"
)

// app is the web application: billkit's services over the seeded stores,
// the parsed templates, and what each user has read of their
// notifications. It is an http.Handler.
type app struct {
	svc   *services
	pages map[string]*template.Template
	mux   *http.ServeMux
	log   *slog.Logger
	// secret signs the session cookies and derives their form tokens. It
	// is new at every start, which signs everyone out.
	secret []byte

	mu   sync.Mutex
	read map[string]bool // IDs of the notifications their recipient has seen
}

// newApp returns the application over st. Empty stores are seeded with
// half a year of billing history; the seed pins the clock and the IDs, so
// every run shows the same data at the same URLs. Stores seeded by an
// earlier run (a SQLite file) are used as they are, the clock set after
// what they hold.
func newApp(ctx context.Context, log *slog.Logger, st stores) (*app, error) {
	clock := &demoClock{}
	seeded, last, err := seededAlready(ctx, st.billing)
	if err != nil {
		return nil, err
	}
	ids := sequentialIDs()
	if seeded {
		ids = billing.NewID
	}
	svc, err := newServices(st, clock, ids)
	if err != nil {
		return nil, err
	}
	if seeded {
		clock.set(today)
		clock.after(last)
	} else if err := seed(ctx, svc, clock, ids); err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.Default()
	}
	a := &app{svc: svc, mux: http.NewServeMux(), log: log, read: map[string]bool{}, secret: make([]byte, 32)}
	_, _ = rand.Read(a.secret) // crypto/rand.Read never fails
	// Form keys are IDs of the application, which the payment form gives
	// the payment it records: seeded pages show the same keys every run.
	if a.pages, err = parsePages(func() string { return svc.newID().String() }); err != nil {
		return nil, err
	}
	// What happened more than a few days before today has been read.
	recent := today.AddDays(-4).Time(time.UTC)
	for _, n := range svc.inbox.All() {
		if n.CreatedAt.Before(recent) {
			a.read[n.ID] = true
		}
	}
	a.routes()
	return a, nil
}

// seededAlready reports whether st holds data from an earlier run, and
// the time of its latest change.
func seededAlready(ctx context.Context, st billing.Store) (bool, time.Time, error) {
	var seeded bool
	var last time.Time
	err := st.View(ctx, func(tx billing.Tx) error {
		recs, err := tx.Contracts().Scan(ctx, "", 1)
		if err != nil {
			return err
		}
		seeded = len(recs) > 0
		evs, err := tx.Events().Range(ctx, billing.EventQuery{Descending: true, Limit: 1})
		if len(evs) > 0 {
			last = evs[0].At
		}
		return err
	})
	return seeded, last, err
}

// routes registers the pages and the form actions.
func (a *app) routes() {
	static, _ := fs.Sub(assets, "static")
	a.mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	a.mux.HandleFunc("/", a.page(func(http.ResponseWriter, *request) error {
		return &statusError{code: http.StatusNotFound, msg: "There is no such page."}
	}))
	a.mux.HandleFunc("GET /{$}", a.page(a.invoiceList))
	a.mux.HandleFunc("GET /invoices", a.page(a.invoiceList))
	a.mux.HandleFunc("GET /quotes", a.page(a.quoteList))
	a.mux.HandleFunc("GET /invoices/{id}", a.page(a.invoicePage))
	a.mux.HandleFunc("GET /quotes/{id}", a.page(a.quotePage))
	a.mux.HandleFunc("GET /invoices/{id}/document", a.page(a.invoiceDocument))
	a.mux.HandleFunc("GET /creditnotes/{id}", a.page(a.invoicePage))
	a.mux.HandleFunc("GET /creditnotes/{id}/document", a.page(a.invoiceDocument))
	a.mux.HandleFunc("GET /quotes/{id}/document", a.page(a.quoteDocument))
	a.mux.HandleFunc("GET /approvals", a.page(a.approvals))
	a.mux.HandleFunc("GET /dunning", a.page(a.dunning))
	a.mux.HandleFunc("GET /notifications", a.page(a.notifications))
	a.mux.HandleFunc("GET /dashboard", a.page(a.dashboard))
	a.mux.HandleFunc("GET /charts/{name}", a.page(a.chart))

	a.mux.HandleFunc("GET /signin", a.signInPage)
	a.mux.HandleFunc("POST /switch", a.form(a.switchUser, false))
	a.mux.HandleFunc("POST /approvals/{id}/approve", a.action(a.approve))
	a.mux.HandleFunc("POST /dunning/sent", a.action(a.remindersSent))
	a.mux.HandleFunc("POST /approvals/{id}/reject", a.action(a.reject))
	for _, step := range []string{"submit", "issue", "send"} {
		a.mux.HandleFunc("POST /invoices/{id}/"+step, a.action(a.invoiceStep(step)))
		a.mux.HandleFunc("POST /creditnotes/{id}/"+step, a.action(a.invoiceStep(step)))
	}
	for _, step := range []string{"submit", "send", "accept", "decline", "revise"} {
		a.mux.HandleFunc("POST /quotes/{id}/"+step, a.action(a.quoteStep(step)))
	}
	a.mux.HandleFunc("POST /quotes/{id}/edit", a.action(a.editQuote))
	a.mux.HandleFunc("POST /invoices/{id}/pay", a.action(a.recordPayment))
	a.mux.HandleFunc("POST /invoices/{id}/credit", a.action(a.creditNote))
	a.mux.HandleFunc("POST /{kind}/{id}/messages", a.action(a.post))
	a.mux.HandleFunc("POST /{kind}/{id}/polls", a.action(a.createPoll))
	a.mux.HandleFunc("POST /{kind}/{id}/tasks", a.action(a.createTask))
	a.mux.HandleFunc("POST /messages/{id}/replies", a.action(a.reply))
	a.mux.HandleFunc("POST /polls/{id}/votes", a.action(a.vote))
	a.mux.HandleFunc("POST /tasks/{id}/status", a.action(a.taskStatus))
}

// ServeHTTP implements http.Handler, with the headers every response
// carries: nothing is loaded from elsewhere, and only this site may frame
// its pages (the invoice page frames the invoice document).
func (a *app) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'self'; form-action 'self'")
	h.Set("X-Frame-Options", "SAMEORIGIN")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	a.mux.ServeHTTP(w, r)
}

// request is what a handler knows of the request it serves.
type request struct {
	*http.Request
	w    http.ResponseWriter
	user person // the signed-in user; the zero person before anyone is chosen
	csrf string // the session's form token
}

// page adapts a GET handler: it finds the signed-in user, and turns an
// error into an error page. Nobody is anybody by default: a request of
// no one signed in is sent to the sign-in page, which comes back to the
// page asked for.
func (a *app) page(h func(http.ResponseWriter, *request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		req := a.session(w, r)
		if req.user.ID == "" {
			http.Redirect(w, r, "/signin?back="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		if err := h(w, req); err != nil {
			a.fail(w, req, err)
		}
	}
}

// action adapts the handler of a form that a signed-in user sends (see
// form).
func (a *app) action(h func(*request) (string, error)) http.HandlerFunc {
	return a.form(h, true)
}

// form adapts a form handler: it checks the form's token against the
// session's before anything changes, and that someone is signed in
// unless the form is the sign-in itself (signedIn false), then redirects
// (POST, redirect, GET) to the path the handler returns.
func (a *app) form(h func(*request) (string, error), signedIn bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		req := a.session(w, r)
		r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
		if err := r.ParseForm(); err != nil {
			a.fail(w, req, badRequest("the form could not be read"))
			return
		}
		sent := r.PostForm.Get(csrfField)
		if sent == "" || subtle.ConstantTimeCompare([]byte(sent), []byte(req.csrf)) != 1 {
			a.fail(w, req, &statusError{code: http.StatusForbidden,
				msg: "This form has expired or did not come from this site. Reload the page and try again."})
			return
		}
		if signedIn && req.user.ID == "" {
			a.fail(w, req, &statusError{code: http.StatusForbidden, title: "Not signed in",
				msg: "Choose who you are before changing anything: sign in, then send the form again."})
			return
		}
		// A form sent twice (a double click, a reload that posts again)
		// carries the same key: the engine records it once, and the second
		// answer is the first one's.
		if key := r.PostForm.Get(keyField); key != "" {
			req.Request = r.WithContext(billing.WithIdempotencyKey(r.Context(), key))
		}
		to, err := h(req)
		if err != nil {
			a.fail(w, req, err)
			return
		}
		http.Redirect(w, r, to, http.StatusSeeOther)
	}
}

// session is what the session cookie holds: a random ID, new at every
// sign-in, and the ID of the user signed in ("" before anyone is
// chosen). The cookie is signed with the application's secret, so
// neither can be changed, and the form token is derived from the ID, so
// a token is good in its own session only.
type session struct {
	id   string
	user string
}

// session returns the request with its user and its form token, from
// the session cookie. A request without a valid session cookie starts a
// session in which no one is signed in. The cookie is HttpOnly and
// SameSite=Strict, so a cross-site form is sent without it and fails the
// token check.
func (a *app) session(w http.ResponseWriter, r *http.Request) *request {
	req := &request{Request: r, w: w}
	var s session
	ok := false
	if c, err := r.Cookie(sessionCookie); err == nil {
		s, ok = a.readSession(c.Value)
	}
	if !ok {
		s = a.startSession(w, "")
	}
	if p, found := personByID(s.user); found {
		req.user = p
	}
	req.csrf = a.csrfToken(s.id)
	return req
}

// startSession starts a new session for user ("" for no one) and sets
// its cookie: the ID is new, so the form tokens of the session before it
// are refused from now on.
func (a *app) startSession(w http.ResponseWriter, user string) session {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	s := session{id: hex.EncodeToString(b), user: user}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: a.sessionValue(s), Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode})
	return s
}

// sessionValue returns the value of the cookie of s: its ID, its user
// and their signature, separated by dots.
func (a *app) sessionValue(s session) string {
	return s.id + "." + s.user + "." + a.sign("session", s.id, s.user)
}

// readSession returns the session that a cookie value holds, if the
// value is one this application signed.
func (a *app) readSession(v string) (session, bool) {
	id, rest, ok := strings.Cut(v, ".")
	i := strings.LastIndexByte(rest, '.')
	if !ok || i < 0 || len(id) != 32 {
		return session{}, false
	}
	s := session{id: id, user: rest[:i]}
	if !hmac.Equal([]byte(rest[i+1:]), []byte(a.sign("session", s.id, s.user))) {
		return session{}, false
	}
	return s, true
}

// csrfToken returns the form token of the session with the given ID.
func (a *app) csrfToken(sessionID string) string {
	return a.sign("csrf", sessionID)
}

// sign returns the HMAC-SHA256 under the application's secret of what
// the signature is for and the values it covers, in hexadecimal. Each
// part ends with a NUL, which no part holds, so that no two lists of
// parts are signed alike.
func (a *app) sign(parts ...string) string {
	m := hmac.New(sha256.New, a.secret)
	for _, p := range parts {
		m.Write([]byte(p))
		m.Write([]byte{0})
	}
	return hex.EncodeToString(m.Sum(nil))
}

// signInPage lets a visitor choose who they are, then goes back to the
// page they asked for.
func (a *app) signInPage(w http.ResponseWriter, r *http.Request) {
	req := a.session(w, r)
	a.render(w, req, http.StatusOK, "signin", "Sign in", signIn{Back: localPath(r.URL.Query().Get("back"))})
}

// signIn is what the sign-in page shows: the people of the demo (from
// the layout), and the page to go back to.
type signIn struct {
	Back string
}

// switchUser signs in as the user the form names, in a new session:
// there are no passwords in this demo, only a choice.
func (a *app) switchUser(r *request) (string, error) {
	p, ok := personByID(r.PostForm.Get("user"))
	if !ok {
		return "", badRequest("there is no such user")
	}
	r.user = p
	a.startSession(r.w, p.ID)
	return localPath(r.PostForm.Get("back")), nil
}

// personByID returns the user of the demo with the given ID.
func personByID(id string) (person, bool) {
	for _, p := range people {
		if p.ID == id {
			return p, true
		}
	}
	return person{}, false
}

// userName returns the display name of a user ID, or the ID itself for a
// system actor.
func userName(id string) string {
	if p, ok := personByID(id); ok {
		return p.Name
	}
	return id
}

// localPath returns p when it is a path of this site, else "/": a
// redirect never leaves the site. A path starts with one slash, and
// holds no backslash and no control character, which browsers drop or
// read as a slash: "/\t/evil.example" and "/\\evil.example" would
// both lead to another host.
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") ||
		strings.ContainsFunc(p, func(r rune) bool { return r == '\\' || unicode.IsControl(r) }) {
		return "/"
	}
	u, err := url.Parse(p)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" {
		return "/"
	}
	return p
}

// unread returns the number of notifications user has not seen.
func (a *app) unread(user string) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	n := 0
	for _, x := range a.svc.inbox.For(user) {
		if !a.read[x.ID] {
			n++
		}
	}
	return n
}

// markRead records that user has seen the notifications given.
func (a *app) markRead(list []notify.Notification) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, n := range list {
		a.read[n.ID] = true
	}
}

// ref returns the collab reference of an object named in a URL by its
// path segment ("invoices", "quotes") and ID.
func ref(kind, id string) (collab.Ref, error) {
	switch kind {
	case "invoices":
		return collab.Ref{Kind: collab.KindInvoice, ID: id}, nil
	case "creditnotes":
		return collab.Ref{Kind: collab.KindCreditNote, ID: id}, nil
	case "quotes":
		return collab.Ref{Kind: collab.KindQuote, ID: id}, nil
	}
	return collab.Ref{}, &statusError{code: http.StatusNotFound, msg: "There is no such page."}
}

// objectPath returns the page of a business object, or "/" for objects
// the application has no page for.
func objectPath(kind, id string) string {
	switch collab.Kind(kind) {
	case collab.KindInvoice:
		return "/invoices/" + id
	case collab.KindCreditNote:
		return "/creditnotes/" + id
	case collab.KindQuote:
		return "/quotes/" + id
	}
	return "/"
}

// mayApprove reports whether user can decide some kind of approval, so
// that the header shows their inbox.
func (a *app) mayApprove(user string) bool {
	acc := a.svc.engine.Access()
	return acc.Can(user, billing.PermInvoiceApprove) || acc.Can(user, billing.PermQuoteApprove) ||
		acc.Can(user, billing.PermCreditNoteApprove) || acc.Can(user, billing.PermInvoiceWriteOff)
}
