package render

import (
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// messages are the texts of a rendering, by key, in English and French.
var messages = map[string][2]string{
	"title.invoice":   {"Invoice", "Facture"},
	"title.credit":    {"Credit note", "Avoir"},
	"draft":           {"Draft, not issued", "Brouillon, non émis"},
	"number":          {"Number", "Numéro"},
	"issue_date":      {"Issue date", "Date d'émission"},
	"due_date":        {"Due date", "Date d'échéance"},
	"period":          {"Service period", "Période de prestation"},
	"period_range":    {"%s to %s", "du %s au %s"},
	"delivery_date":   {"Delivery date", "Date de livraison"},
	"payment_terms":   {"Payment terms", "Conditions de paiement"},
	"purchase_order":  {"Purchase order", "Bon de commande"},
	"buyer_reference": {"Your reference", "Votre référence"},
	"contract":        {"Contract", "Contrat"},
	"corrects":        {"Credit note for invoice %s of %s", "Avoir sur la facture %s du %s"},
	"corrects_nodate": {"Credit note for invoice %s", "Avoir sur la facture %s"},
	"seller":          {"Seller", "Vendeur"},
	"buyer":           {"Bill to", "Client"},
	"id_line":         {"%s: %s", "%s : %s"},
	"siren":           {"SIREN", "SIREN"},
	"siret":           {"SIRET", "SIRET"},
	"legal_id":        {"Registration", "Immatriculation"},
	"vat_id":          {"VAT number", "N° TVA intracommunautaire"},
	"tax_id":          {"Tax registration", "Identifiant fiscal"},
	"description":     {"Description", "Désignation"},
	"quantity":        {"Quantity", "Quantité"},
	"unit_price":      {"Unit price excl. VAT", "Prix unitaire HT"},
	"vat":             {"VAT", "TVA"},
	"net":             {"Amount excl. VAT", "Montant HT"},
	"allowance":       {"Allowance", "Remise"},
	"charge":          {"Charge", "Frais"},
	// A line's allowance or charge and its amount: "Remise 15 % – Remise
	// négociée : −1 500,00 €".
	"adjustment_amount": {"%s: %s", "%s\u00a0: %s"},
	"vat_breakdown":     {"VAT breakdown", "Récapitulatif de la TVA"},
	"rate":              {"Rate", "Taux"},
	"taxable":           {"Taxable amount", "Base HT"},
	"vat_amount":        {"VAT amount", "Montant de TVA"},
	"line_total":        {"Total of lines excl. VAT", "Total des lignes HT"},
	"allowance_total":   {"Allowances", "Remises"},
	"charge_total":      {"Charges", "Frais"},
	"tax_exclusive":     {"Total excl. VAT", "Total HT"},
	"vat_total":         {"Total VAT", "Total TVA"},
	"tax_inclusive":     {"Total incl. VAT", "Total TTC"},
	"prepaid":           {"Paid in advance", "Acompte versé"},
	"rounding":          {"Rounding", "Arrondi"},
	"due":               {"Amount due", "Net à payer"},
	"notes":             {"Notes", "Notes"},
	"legal":             {"Payment conditions", "Conditions de règlement"},
	"penalty": {"Late payment penalties are due at the yearly rate of %s.",
		"En cas de retard de paiement, des pénalités sont exigibles au taux annuel de %s."},
	"indemnity": {"A fixed indemnity for recovery costs of %s is due in case of late payment (articles L441-10 and D441-5 of the French Commercial Code).",
		"Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : %s (art. L441-10 et D441-5 du Code de commerce)."},
	"discount":    {"Discount for early payment: %s", "Escompte pour paiement anticipé : %s"},
	"no_discount": {"No discount for early payment.", "Pas d'escompte pour paiement anticipé."},
	// Exemption mentions, by VATEX code.
	"VATEX-EU-AE": {"Reverse charge: VAT to be accounted for by the customer.", "Autoliquidation"},
	"VATEX-EU-IC": {"Intra-Community supply exempt from VAT (article 138 of Directive 2006/112/EC).",
		"Exonération de TVA, article 262 ter I du CGI (livraison intracommunautaire)."},
	"VATEX-EU-G":         {"Export outside the EU, exempt from VAT.", "Exonération de TVA, article 262 I du CGI (exportation)."},
	"VATEX-EU-O":         {"Not subject to VAT.", "Opération hors du champ d'application de la TVA."},
	"VATEX-FR-FRANCHISE": {"VAT not applicable, article 293 B of the French General Tax Code.", "TVA non applicable, art. 293 B du CGI."},
	// Units of measure (UN/ECE Recommendation 20), after the quantity:
	// ".1" is the singular, ".n" the plural.
	"unit.HUR.1": {"h", "h"}, "unit.HUR.n": {"h", "h"},
	"unit.DAY.1": {"day", "jour"}, "unit.DAY.n": {"days", "jours"},
	"unit.WEE.1": {"week", "semaine"}, "unit.WEE.n": {"weeks", "semaines"},
	"unit.MON.1": {"month", "mois"}, "unit.MON.n": {"months", "mois"},
	"unit.ANN.1": {"year", "an"}, "unit.ANN.n": {"years", "ans"},
	"unit.KGM.1": {"kg", "kg"}, "unit.KGM.n": {"kg", "kg"},
	"unit.LS.1": {"lump sum", "forfait"}, "unit.LS.n": {"lump sums", "forfaits"},
}

// texts is the catalog of the messages. It is built once and only read.
var texts = func() catalog.Catalog {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for key, m := range messages {
		// The keys and texts are constants: SetString cannot fail on them.
		_ = b.SetString(language.English, key, m[0])
		_ = b.SetString(language.French, key, m[1])
	}
	return b
}()

// translator gives the texts of one language.
type translator struct {
	p *message.Printer
}

func newTranslator(lang language.Tag) translator {
	return translator{p: message.NewPrinter(lang, message.Catalog(texts))}
}

// T returns the text of key, formatted with args.
func (t translator) T(key string, args ...any) string {
	return t.p.Sprintf(key, args...)
}

// has reports whether key has a text.
func has(key string) bool {
	_, ok := messages[key]
	return ok
}
