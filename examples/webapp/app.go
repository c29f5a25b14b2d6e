package main

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/notify"
)

//go:embed templates/*.html static/*
var assets embed.FS

// The cookies of the demo: who is signed in, and the token that forms
// must echo back.
const (
	userCookie = "billkit_user"
	csrfCookie = "billkit_csrf"
	csrfField  = "csrf"
)

// app is the web application: billkit's services over the seeded stores,
// the parsed templates, and what each user has read of their
// notifications. It is an http.Handler.
type app struct {
	svc   *services
	pages map[string]*template.Template
	mux   *http.ServeMux
	log   *slog.Logger

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
	a := &app{svc: svc, mux: http.NewServeMux(), log: log, read: map[string]bool{}}
	if a.pages, err = parsePages(); err != nil {
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

	a.mux.HandleFunc("POST /switch", a.action(a.switchUser))
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
	user person // the signed-in user
	csrf string // the session's form token
}

// page adapts a GET handler: it finds the signed-in user, makes sure the
// session has a form token, and turns an error into an error page.
func (a *app) page(h func(http.ResponseWriter, *request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		req := a.session(w, r)
		if err := h(w, req); err != nil {
			a.fail(w, req, err)
		}
	}
}

// action adapts a form handler: it checks the form's token against the
// session's before anything changes, then redirects (POST, redirect,
// GET) to the path the handler returns.
func (a *app) action(h func(*request) (string, error)) http.HandlerFunc {
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
		to, err := h(req)
		if err != nil {
			a.fail(w, req, err)
			return
		}
		http.Redirect(w, r, to, http.StatusSeeOther)
	}
}

// session returns the request with its user (the one the user cookie
// names, else the accountant) and its form token, setting a new token
// cookie when there is none. Both cookies are SameSite=Strict, so a
// cross-site form is sent without them and fails the token check.
func (a *app) session(w http.ResponseWriter, r *http.Request) *request {
	req := &request{Request: r, w: w, user: people[2]}
	if c, err := r.Cookie(userCookie); err == nil {
		if p, ok := personByID(c.Value); ok {
			req.user = p
		}
	}
	if c, err := r.Cookie(csrfCookie); err == nil && len(c.Value) == 32 {
		req.csrf = c.Value
	} else {
		b := make([]byte, 16)
		_, _ = rand.Read(b) // crypto/rand.Read never fails
		req.csrf = hex.EncodeToString(b)
		http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: req.csrf, Path: "/", HttpOnly: true,
			SameSite: http.SameSiteStrictMode})
	}
	return req
}

// switchUser signs in as the user the form names: there are no passwords
// in this demo, only a cookie.
func (a *app) switchUser(r *request) (string, error) {
	p, ok := personByID(r.PostForm.Get("user"))
	if !ok {
		return "", badRequest("there is no such user")
	}
	r.user = p
	http.SetCookie(r.w, &http.Cookie{Name: userCookie, Value: p.ID, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode})
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
// redirect never leaves the site.
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") {
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
