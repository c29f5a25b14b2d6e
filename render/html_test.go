package render_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/render"
	"github.com/billkit/billkit/tax"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), string(got))
}

func renderHTML(t *testing.T, doc invoice.Document, opts render.Options) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, render.HTML(&buf, &doc, opts))
	return buf.String()
}

func TestGoldenFrench(t *testing.T) {
	golden(t, "invoice_fr.html", []byte(renderHTML(t, frenchInvoice(t), render.Options{Locale: language.MustParse("fr-FR")})))
}

func TestGoldenAmerican(t *testing.T) {
	golden(t, "invoice_en_us.html", []byte(renderHTML(t, exportInvoice(t), render.Options{Locale: language.AmericanEnglish, Dates: render.DateNumeric})))
}

// TestFrenchMandatoryMentions looks for each mention French law requires.
func TestFrenchMandatoryMentions(t *testing.T) {
	html := renderHTML(t, frenchInvoice(t), render.Options{Locale: language.French})
	for _, want := range []string{
		"<title>Facture F2026-000042</title>",
		"Atelier Numérique SAS", "SIREN\u00a0: 732829320", "N° TVA intracommunautaire\u00a0: FR44732829320",
		"SAS au capital de 10 000 € - RCS Paris 732 829 320",
		"SIRET\u00a0: 55210055400013", "FR08552100554",
		"Numéro F2026-000042", "Date d&#39;émission", "30 novembre 2026", "30 décembre 2026",
		"du 1er novembre 2026 au 30 novembre 2026",
		"Bon de commande", "BC-2026-118",
		"Prix unitaire HT", "12,5\u00a0jours", "650,00\u00a0€", "20\u00a0%", "5,5\u00a0%",
		"Remise – Remise fidélité", "-100,00\u00a0€", "Frais – Frais de port",
		// A line's own discount, included in its amount, is shown.
		"<span class=\"line-adjustment\">Remise 5\u00a0% – Remise volume\u00a0: -406,25\u00a0€</span>",
		"Récapitulatif de la TVA", "Total HT", "Total TVA", "Total TTC", "Net à payer",
		"des pénalités sont exigibles au taux annuel de 12,15\u00a0%",
		"Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40,00\u00a0€",
		"Pas d&#39;escompte pour paiement anticipé.",
		"&lt;IBAN FR76", // notes are escaped
		"@media print",
	} {
		assert.Contains(t, html, want)
	}
	assert.Contains(t, html, "7\u00a0718,75\u00a0€", "amounts grouped with a no-break space")
	assert.Contains(t, html, "1\u00a0mois")
	assert.NotContains(t, html, "http", "no external resource")
	assert.Equal(t, 1, strings.Count(html, "Indemnité forfaitaire"), "legal notes are not repeated")
}

func TestReverseChargeMention(t *testing.T) {
	doc := frenchInvoice(t)
	doc.Buyer = invoice.Party{Name: "Müller Maschinenbau GmbH", VATID: "DE123456789", Business: true,
		Address: invoice.Address{Line1: "Hauptstraße 1", City: "Stuttgart", PostalCode: "70173", Country: "DE"}}
	ae := invoice.VAT{Category: tax.ReverseCharge}
	for i := range doc.Lines {
		doc.Lines[i].VAT, doc.Lines[i].ExemptionReason = ae, tax.ExemptionReverseCharge
	}
	doc.Allowances[0].VAT, doc.Charges[0].VAT = ae, ae
	require.NoError(t, doc.Calculate())
	fr := renderHTML(t, doc, render.Options{Locale: language.French})
	assert.Contains(t, fr, `<p class="exemption">Autoliquidation</p>`)
	assert.Contains(t, fr, "0\u00a0% (AE)")
	en := renderHTML(t, doc, render.Options{Locale: language.BritishEnglish})
	assert.Contains(t, en, "Reverse charge: VAT to be accounted for by the customer.")
	assert.Contains(t, en, "30 November 2026", "British English puts the day first")
}

func TestExemptionMentions(t *testing.T) {
	tests := []struct {
		reason tax.ExemptionReason
		cat    tax.Category
		fr, en string
	}{
		{tax.ExemptionFRFranchise, tax.Exempt, "TVA non applicable, art. 293 B du CGI.", "VAT not applicable, article 293 B of the French General Tax Code."},
		{tax.ExemptionIntraCommunity, tax.IntraCommunity, "article 262 ter I du CGI", "article 138 of Directive 2006/112/EC"},
		{tax.ExemptionExport, tax.Export, "article 262 I du CGI", "Export outside the EU"},
		{tax.ExemptionEU132, tax.Exempt, "Exempt based on article 132", "Exempt based on article 132"},
	}
	for _, tt := range tests {
		t.Run(tt.reason.Code, func(t *testing.T) {
			doc := frenchInvoice(t)
			doc.Lines, doc.Allowances, doc.Charges = doc.Lines[:1], nil, nil
			doc.Lines[0].VAT, doc.Lines[0].ExemptionReason = invoice.VAT{Category: tt.cat}, tt.reason
			require.NoError(t, doc.Calculate())
			assert.Contains(t, renderHTML(t, doc, render.Options{Locale: language.French}), tt.fr)
			assert.Contains(t, renderHTML(t, doc, render.Options{Locale: language.English}), tt.en)
		})
	}
}

func TestCreditNoteAndDraft(t *testing.T) {
	doc := frenchInvoice(t)
	doc.Type = invoice.TypeCreditNote
	doc.Number = "AV2026-000007"
	doc.Preceding = []invoice.DocumentReference{{Number: "F2026-000042", IssueDate: doc.IssueDate}}
	html := renderHTML(t, doc, render.Options{Locale: language.French, Dates: render.DateNumeric})
	assert.Contains(t, html, "<h1>Avoir</h1>")
	assert.Contains(t, html, "Avoir sur la facture F2026-000042 du 30/11/2026")
	en := renderHTML(t, doc, render.Options{Locale: language.AmericanEnglish})
	assert.Contains(t, en, "Credit note for invoice F2026-000042 of November 30, 2026")

	doc = frenchInvoice(t)
	doc.Number = ""
	html = renderHTML(t, doc, render.Options{Locale: language.French, Title: "Facture pro forma"})
	assert.Contains(t, html, "<h1>Facture pro forma</h1>")
	assert.Contains(t, html, "Brouillon, non émis")
}

func TestDates(t *testing.T) {
	doc := frenchInvoice(t)
	tests := []struct {
		locale string
		style  render.DateStyle
		want   string
	}{
		{"fr-FR", render.DateLong, "30 novembre 2026"},
		{"fr-FR", render.DateNumeric, "30/11/2026"},
		{"fr-CA", render.DateNumeric, "30/11/2026"},
		{"en-US", render.DateLong, "November 30, 2026"},
		{"en-US", render.DateNumeric, "11/30/2026"},
		{"en", render.DateNumeric, "11/30/2026"},
		{"en-GB", render.DateNumeric, "30/11/2026"},
		{"de-DE", render.DateLong, "30 November 2026"},
	}
	for _, tt := range tests {
		t.Run(tt.locale+"/"+tt.want, func(t *testing.T) {
			html := renderHTML(t, doc, render.Options{Locale: language.MustParse(tt.locale), Dates: tt.style})
			assert.Contains(t, html, "<dd>"+tt.want+"</dd>")
		})
	}
}

func TestAmountsFollowTheLocale(t *testing.T) {
	doc := frenchInvoice(t)
	en := renderHTML(t, doc, render.Options{Locale: language.AmericanEnglish})
	assert.Contains(t, en, "€7,718.75")
	assert.Contains(t, en, "12.5\u00a0days")
	assert.Contains(t, en, "1\u00a0month<")
	assert.Contains(t, renderHTML(t, doc, render.Options{Locale: language.German}), "7.718,75\u00a0€")
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestErrors(t *testing.T) {
	var buf bytes.Buffer
	tests := []struct {
		name  string
		edit  func(*invoice.Document)
		field string
	}{
		{"type", func(d *invoice.Document) { d.Type = "" }, "type"},
		{"currency", func(d *invoice.Document) { d.Currency = money.Currency{} }, "currency"},
		{"lines", func(d *invoice.Document) { d.Lines = nil }, "lines"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := frenchInvoice(t)
			tt.edit(&doc)
			err := render.HTML(&buf, &doc, render.Options{})
			var fe *render.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field)
			assert.ErrorIs(t, err, render.ErrInvalid)
			assert.Zero(t, buf.Len())
		})
	}
	assert.ErrorIs(t, render.HTML(&buf, nil, render.Options{}), render.ErrInvalid)
	assert.ErrorIs(t, render.Invoice(&buf, nil, render.Options{}), render.ErrInvalid)
	doc := frenchInvoice(t)
	assert.EqualError(t, render.HTML(failingWriter{}, &doc, render.Options{}), "disk full")
}
