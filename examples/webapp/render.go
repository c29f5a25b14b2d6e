package main

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
)

// locale is the notation of amounts and dates in the pages.
var locale = language.BritishEnglish

// layout is what the frame of every page shows: the signed-in user, the
// switcher, the unread count, and the page's own content.
type layout struct {
	Title      string
	User       person
	People     []person
	Unread     int
	MayApprove bool
	MayKPI     bool
	MayDun     bool
	CSRF       string
	Path       string
	Content    any
}

// funcs are the helpers the templates call.
var funcs = template.FuncMap{
	"money":    formatMoney,
	"day":      formatDay,
	"at":       func(t time.Time) string { return t.UTC().Format("2 Jan 2006, 15:04") },
	"name":     userName,
	"body":     messageHTML,
	"initials": initials,
	"statusClass": func(s any) string {
		return "status-" + strings.ReplaceAll(toString(s), "_", "-")
	},
	"label":    func(s any) string { return strings.ReplaceAll(toString(s), "_", " ") },
	"list":     func(s ...string) []string { return s },
	"short":    func(s string) string { return shorten(plainText(s), 140) },
	"sentence": sentence,
}

// parsePages parses each page template with the layout around it.
// formKey draws the idempotency key of a form that changes something,
// each time a page shows it (see keyField).
func parsePages(formKey func() string) (map[string]*template.Template, error) {
	names, err := fs.Glob(assets, "templates/*.html")
	if err != nil {
		return nil, err
	}
	pages := map[string]*template.Template{}
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if base == "layout" || strings.HasPrefix(base, "_") {
			continue
		}
		t, err := template.New(base).Funcs(funcs).Funcs(template.FuncMap{"formKey": formKey}).
			ParseFS(assets, "templates/layout.html", "templates/_*.html", n)
		if err != nil {
			return nil, err
		}
		pages[base] = t
	}
	return pages, nil
}

// render writes a page with the given status, rendered in memory first so
// that a template error never sends half a page.
func (a *app) render(w http.ResponseWriter, r *request, status int, page, title string, content any) {
	data := layout{Title: title, User: r.user, People: people, Unread: a.unread(r.user.ID),
		MayApprove: a.mayApprove(r.user.ID), MayKPI: a.mayReadKPIs(r.user.ID), MayDun: a.mayDun(r.user.ID),
		CSRF: r.csrf, Path: r.URL.RequestURI(), Content: content}
	var buf bytes.Buffer
	if err := a.pages[page].ExecuteTemplate(&buf, "layout", data); err != nil {
		a.log.Error("template failed", "page", page, "err", err)
		http.Error(w, "The page could not be shown.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

// formatMoney writes an amount in the pages' notation, and a dash for
// the zero value that has no currency.
func formatMoney(a money.Amount) string {
	if a.Currency() == (money.Currency{}) {
		return "—"
	}
	return a.Format(locale)
}

// formatDay writes a day as "15 Jun 2026", and a dash for no day.
func formatDay(d date.Date) string {
	if d.IsZero() {
		return "—"
	}
	return d.Time(time.UTC).Format("2 Jan 2006")
}

// initials returns the initials of a user's name, for their avatar.
func initials(id string) string {
	var b strings.Builder
	for _, w := range strings.Fields(userName(id)) {
		for _, r := range w {
			b.WriteRune(r)
			break
		}
	}
	return b.String()
}

// toString returns the text of a string-like status, such as an
// invoice.Status or a collab.TaskStatus.
func toString(s any) string { return fmt.Sprint(s) }

// messageHTML writes a message body as HTML: the text escaped, with its
// resolved mentions, links, bold and italic parts marked up from the
// spans collab computed. Spans that overlap one already written are left
// as plain text.
func messageHTML(m *collab.Message) template.HTML {
	if m == nil {
		return ""
	}
	var b strings.Builder
	body, at := m.Body, 0
	for _, s := range m.Spans {
		if s.Start < at || s.End > len(body) || s.Start >= s.End {
			continue
		}
		b.WriteString(html.EscapeString(body[at:s.Start]))
		text := body[s.Start:s.End]
		switch s.Kind {
		case collab.SpanMention:
			b.WriteString(`<span class="mention" title="` + html.EscapeString(userName(s.Target)) + `">` +
				html.EscapeString(text) + `</span>`)
		case collab.SpanLink:
			b.WriteString(`<a href="` + html.EscapeString(s.Target) + `" rel="nofollow noopener noreferrer">` +
				html.EscapeString(text) + `</a>`)
		case collab.SpanBold:
			b.WriteString("<strong>" + html.EscapeString(text[1:len(text)-1]) + "</strong>")
		case collab.SpanItalic:
			b.WriteString("<em>" + html.EscapeString(text[1:len(text)-1]) + "</em>")
		default:
			b.WriteString(html.EscapeString(text))
		}
		at = s.End
	}
	b.WriteString(html.EscapeString(body[at:]))
	// Everything above is escaped, and links are http or https URLs only
	// (collab.ParseMarkup finds no other scheme).
	return template.HTML(b.String())
}

// plainText returns a message body without its emphasis markers, for
// previews that show no markup: "*list price*" reads "list price".
func plainText(body string) string {
	var b strings.Builder
	last := 0
	for _, sp := range collab.ParseMarkup(body) {
		if sp.Kind != collab.SpanBold && sp.Kind != collab.SpanItalic {
			continue
		}
		b.WriteString(body[last:sp.Start])
		b.WriteString(body[sp.Start+1 : sp.End-1])
		last = sp.End
	}
	b.WriteString(body[last:])
	return b.String()
}

// shorten cuts s to at most n characters, for previews.
func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return strings.TrimSpace(string(r[:n-1])) + "…"
	}
	return s
}

// sentence returns s with its first letter in upper case, for the
// engine's summaries, which are written to follow other words.
func sentence(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
