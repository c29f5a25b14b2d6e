package render_test

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"
	"golang.org/x/text/language"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/render"
	"github.com/billkit/billkit/tax"
)

func ExampleHTML() {
	doc := invoice.Document{
		Type: invoice.TypeCommercialInvoice, Number: "F2026-000042",
		IssueDate: date.MustParse("2026-11-30"), DueDate: date.MustParse("2026-12-30"),
		Currency: money.EUR,
		Seller:   invoice.Party{Name: "Atelier Numérique SAS", LegalID: "732829320", VATID: "FR44732829320"},
		Buyer:    invoice.Party{Name: "Boulangerie Martin SARL", Business: true},
		Legal:    invoice.FrenchB2BMentions(decimal.RequireFromString("12.15")),
		Lines: []invoice.Line{{
			ID: "1", Name: "Développement", Quantity: decimal.NewFromInt(3), UnitCode: "DAY",
			UnitPrice: money.MustParse("650.00 EUR"),
			VAT:       invoice.VAT{Category: tax.StandardRate, Rate: decimal.NewFromInt(20)},
		}},
	}
	if err := doc.Calculate(); err != nil {
		fmt.Println(err)
		return
	}
	var buf bytes.Buffer
	if err := render.HTML(&buf, &doc, render.Options{Locale: language.MustParse("fr-FR")}); err != nil {
		fmt.Println(err)
		return
	}
	// Print the texts of a few elements of the page, no-break spaces as
	// plain spaces.
	for _, m := range regexp.MustCompile(`<(?:h1|dd|p)[^>]*>([^<]+)<`).FindAllStringSubmatch(buf.String(), -1) {
		fmt.Println(strings.ReplaceAll(m[1], "\u00a0", " "))
	}
	// Output:
	// Facture
	// 30 novembre 2026
	// 30 décembre 2026
	// Atelier Numérique SAS
	// SIREN : 732829320
	// N° TVA intracommunautaire : FR44732829320
	// Boulangerie Martin SARL
	// En cas de retard de paiement, des pénalités sont exigibles au taux annuel de 12,15 %.
	// Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40,00 € (art. L441-10 et D441-5 du Code de commerce).
	// Pas d&#39;escompte pour paiement anticipé.
}
