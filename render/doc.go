// Package render writes invoices and credit notes as human-readable,
// printable HTML pages, in French or English.
//
// A page carries what French law requires an invoice to show (Code
// général des impôts, annexe II, article 242 nonies A, and Code de
// commerce L441-9): the seller's and buyer's names, addresses, SIREN or
// SIRET and VAT numbers, the seller's legal form and registration, the
// number and issue date, the delivery date or service period, each line's
// quantity, unit price and VAT rate, the allowances and charges, the VAT
// breakdown per rate and the totals, the due date, and between businesses
// the late payment penalty rate, the 40 EUR recovery indemnity and the
// early payment discount terms (invoice.LegalMentions). A breakdown
// without VAT brings its mention: "Autoliquidation" for reverse charge,
// the article of the CGI for exports, intra-Community supplies and the
// franchise en base. A credit note names the invoice it corrects.
//
// Texts come from a golang.org/x/text message catalog; amounts and
// numbers use the locale's notation through money.Amount.Format (fr-FR:
// 1 234,56 €; en-US: €1,234.56); dates are written "30 novembre 2026" or
// "30/11/2026", "November 30, 2026" or "11/30/2026". The CSS is inline,
// with print rules, and the page loads nothing else.
//
//	var buf bytes.Buffer
//	err := render.Invoice(&buf, inv, render.Options{Locale: language.MustParse("fr-FR")})
//
//	// or, for a document that has no lifecycle:
//	err = render.HTML(w, &doc, render.Options{Locale: language.AmericanEnglish, Dates: render.DateNumeric})
//
// The template is parsed once at start-up from the files embedded in the
// package; rendering is safe for concurrent use.
package render
