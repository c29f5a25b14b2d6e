package render

import (
	"bytes"
	_ "embed"
	"html/template"
	"io"

	"github.com/billkit/billkit/invoice"
)

//go:embed invoice.html.tmpl
var pageTemplate string

//go:embed invoice.css
var pageStyle string

// tmpl is parsed once; executing it is safe for concurrent use.
var tmpl = template.Must(template.New("invoice").Funcs(template.FuncMap{
	"style": func() template.CSS { return template.CSS(pageStyle) },
}).Parse(pageTemplate))

// HTML writes doc as a standalone, printable HTML page: the seller and the
// buyer with their legal and VAT identifiers, the number and the dates
// (issue, due, service period), the lines, the document level allowances
// and charges, the VAT breakdown per rate, the totals and the amount due,
// the mention each VAT exemption needs ("Autoliquidation" for reverse
// charge, the article of the French tax code for exports and
// intra-Community supplies, "TVA non applicable, art. 293 B du CGI" for the
// small business franchise), the payment conditions French law requires
// between businesses (late penalty rate, 40 EUR recovery indemnity, early
// payment discount) from doc.Legal, and the notes. Texts are in the
// language of opts.Locale, amounts and numbers in its notation.
//
// The page has no external resource: its CSS is inline, with print rules
// (A4 page, no background). The document is shown as it is: calculate it
// first (invoice.Document.Calculate); a document without number shows as
// a draft. A document without type, currency or lines is a *FieldError,
// and nothing is written then, nor when w fails half way through the page
// (the page is rendered in memory first).
func HTML(w io.Writer, doc *invoice.Document, opts Options) error {
	if err := check(doc); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, build(doc, opts)); err != nil {
		return err
	}
	_, err := buf.WriteTo(w)
	return err
}

// Invoice writes the document of inv as HTML does.
func Invoice(w io.Writer, inv *invoice.Invoice, opts Options) error {
	if inv == nil {
		return invalid("invoice", "is nil")
	}
	doc := inv.Document()
	return HTML(w, &doc, opts)
}

func check(doc *invoice.Document) error {
	switch {
	case doc == nil:
		return invalid("document", "is nil")
	case !doc.Type.Valid():
		return invalid("type", "must be 380 (invoice) or 381 (credit note)")
	case doc.Currency.IsZero():
		return invalid("currency", "is required")
	case len(doc.Lines) == 0:
		return invalid("lines", "a document has at least one line")
	}
	return nil
}
