package render

import (
	"strings"

	"github.com/shopspring/decimal"
	"golang.org/x/text/language"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/tax"
)

// page is what the template shows: every value already formatted for the
// reader, every text translated.
type page struct {
	Lang, Title, Number string
	Draft               string
	L                   map[string]string
	Facts               []fact
	Corrects            string
	Seller, Buyer       party
	Lines               []row
	Adjustments         []row
	VAT                 []vatRow
	Totals              []fact
	Due                 fact
	Exemptions          []string
	Legal               []string
	Notes               []string
}

type fact struct{ Label, Value string }

type party struct {
	Title, Name, TradingName string
	Address                  []string
	IDs                      []string // "SIREN : 732829320"
	Info                     string
}

type row struct {
	Name, Detail, Period, Quantity, UnitPrice, Rate, Net string
	// Adjustments describe a line's allowances and charges, which its net
	// amount includes: "Remise 15 % – Remise négociée : −1 500,00 €".
	Adjustments []string
}

type vatRow struct{ Category, Rate, Taxable, Amount string }

// build returns the page of doc.
func build(doc *invoice.Document, o Options) *page {
	lang := o.lang()
	tr := newTranslator(lang)
	f := formatter{o: o}
	p := &page{Lang: lang.String(), Number: doc.Number, L: make(map[string]string, len(messages))}
	for key := range messages {
		if !strings.Contains(messages[key][0], "%") {
			p.L[key] = tr.T(key)
		}
	}
	p.Title = tr.T("title.invoice")
	if doc.Type == invoice.TypeCreditNote {
		p.Title = tr.T("title.credit")
	}
	if o.Title != "" {
		p.Title = o.Title
	}
	if doc.Number == "" {
		p.Draft = tr.T("draft")
	}
	add := func(key, value string) {
		if value != "" {
			p.Facts = append(p.Facts, fact{tr.T(key), value})
		}
	}
	add("issue_date", f.date(doc.IssueDate))
	add("due_date", f.date(doc.DueDate))
	if !doc.Period.IsEmpty() {
		add("period", tr.T("period_range", f.date(doc.Period.Start), f.date(doc.Period.Last())))
	}
	add("delivery_date", f.date(doc.DeliveryDate))
	add("payment_terms", doc.PaymentTerms)
	add("purchase_order", doc.PurchaseOrderRef)
	add("buyer_reference", doc.BuyerReference)
	add("contract", doc.ContractRef)
	for _, ref := range doc.Preceding {
		if ref.IssueDate.IsZero() {
			p.Corrects = tr.T("corrects_nodate", ref.Number)
		} else {
			p.Corrects = tr.T("corrects", ref.Number, f.date(ref.IssueDate))
		}
	}
	p.Seller, p.Buyer = partyOf(tr.T("seller"), doc.Seller, tr), partyOf(tr.T("buyer"), doc.Buyer, tr)
	for i := range doc.Lines {
		p.Lines = append(p.Lines, lineRow(&doc.Lines[i], f, tr))
	}
	for _, a := range doc.Allowances {
		p.Adjustments = append(p.Adjustments, adjustmentRow(tr.T("allowance"), a, f, true))
	}
	for _, c := range doc.Charges {
		p.Adjustments = append(p.Adjustments, adjustmentRow(tr.T("charge"), c, f, false))
	}
	for _, b := range doc.VATBreakdown {
		p.VAT = append(p.VAT, vatRow{Category: b.Category.String(), Rate: f.rate(invoice.VAT{Category: b.Category, Rate: b.Rate}),
			Taxable: f.amount(b.TaxableAmount), Amount: f.amount(b.TaxAmount)})
		if text := exemptionText(b, tr); text != "" && !contains(p.Exemptions, text) {
			p.Exemptions = append(p.Exemptions, text)
		}
	}
	p.Totals, p.Due = totals(doc, f, tr)
	p.Legal = legalTexts(doc.Legal, f, tr)
	for _, n := range doc.Notes {
		if !doc.Legal.IsZero() && (n.SubjectCode == "PMD" || n.SubjectCode == "PMT" || n.SubjectCode == "AAB") {
			continue // shown with the legal mentions
		}
		p.Notes = append(p.Notes, n.Text)
	}
	return p
}

func partyOf(title string, pt invoice.Party, tr translator) party {
	out := party{Title: title, Name: pt.Name, Info: pt.AdditionalLegalInfo}
	id := func(key, value string) { out.IDs = append(out.IDs, tr.T("id_line", tr.T(key), value)) }
	if pt.TradingName != "" && pt.TradingName != pt.Name {
		out.TradingName = pt.TradingName
	}
	a := pt.Address
	city := []string{strings.TrimSpace(a.PostalCode + " " + a.City), a.Subdivision}
	switch a.Country {
	case "US", "CA", "AU":
		// "San Francisco, CA 94105"
		city = []string{strings.TrimSpace(strings.Trim(a.City+", "+a.Subdivision, ", ") + " " + a.PostalCode)}
	}
	for _, s := range append(append([]string{a.Line1, a.Line2, a.Line3}, city...), a.Country) {
		if s != "" {
			out.Address = append(out.Address, s)
		}
	}
	if pt.LegalID != "" {
		key := "legal_id"
		if siren, ok := invoice.SIRENOf(pt.LegalID); ok {
			key = "siret"
			if len(strings.ReplaceAll(pt.LegalID, " ", "")) == len(siren) {
				key = "siren"
			}
		}
		id(key, pt.LegalID)
	}
	if pt.VATID != "" {
		id("vat_id", pt.VATID)
	}
	if pt.TaxRegistrationID != "" {
		id("tax_id", pt.TaxRegistrationID)
	}
	return out
}

func lineRow(l *invoice.Line, f formatter, tr translator) row {
	r := row{Name: l.Name, Detail: l.Description, UnitPrice: f.amount(l.UnitPrice), Rate: f.rate(l.VAT), Net: f.amount(l.NetAmount)}
	r.Quantity = f.number(l.Quantity)
	if key := "unit." + l.UnitCode + f.plural(l.Quantity); has(key) {
		r.Quantity += "\u00a0" + tr.T(key)
	}
	if !l.Period.IsEmpty() {
		r.Period = tr.T("period_range", f.date(l.Period.Start), f.date(l.Period.Last()))
	}
	for _, a := range l.Allowances {
		r.Adjustments = append(r.Adjustments, lineAdjustment(tr.T("allowance"), a, f, tr, true))
	}
	for _, c := range l.Charges {
		r.Adjustments = append(r.Adjustments, lineAdjustment(tr.T("charge"), c, f, tr, false))
	}
	return r
}

// lineAdjustment describes an allowance or a charge of a line: its kind,
// its percentage, its reason and its amount, negative for an allowance.
func lineAdjustment(kind string, a invoice.LineAllowanceCharge, f formatter, tr translator, allowance bool) string {
	text := kind
	if !a.Percent.IsZero() {
		text += " " + f.number(a.Percent) + f.percentSign()
	}
	reason := a.Reason
	if reason == "" {
		reason = a.ReasonCode
	}
	if reason != "" {
		text += " – " + reason
	}
	amount := a.Amount
	if allowance {
		amount = amount.Neg()
	}
	return tr.T("adjustment_amount", text, f.amount(amount))
}

func adjustmentRow(kind string, a invoice.AllowanceCharge, f formatter, allowance bool) row {
	name := kind
	if a.Reason != "" {
		name += " – " + a.Reason
	}
	amount := a.NetAmount
	if amount.IsZero() {
		amount = a.Amount
	}
	if allowance {
		amount = amount.Neg()
	}
	r := row{Name: name, Rate: f.rate(a.VAT), Net: f.amount(amount)}
	if !a.Percent.IsZero() {
		r.Quantity = f.number(a.Percent) + f.percentSign()
		r.UnitPrice = f.amount(a.Base)
	}
	return r
}

func totals(doc *invoice.Document, f formatter, tr translator) ([]fact, fact) {
	t := doc.Totals
	var out []fact
	add := func(key string, a money.Amount, always bool) {
		if always || !a.IsZero() {
			out = append(out, fact{tr.T(key), f.amount(a)})
		}
	}
	adjusted := !t.AllowanceTotal.IsZero() || !t.ChargeTotal.IsZero()
	if adjusted {
		add("line_total", t.LineTotal, true)
		add("allowance_total", t.AllowanceTotal.Neg(), false)
		add("charge_total", t.ChargeTotal, false)
	}
	add("tax_exclusive", t.TaxExclusive, true)
	add("vat_total", t.VAT, true)
	add("tax_inclusive", t.TaxInclusive, true)
	add("prepaid", t.Prepaid.Neg(), false)
	add("rounding", t.Rounding, false)
	return out, fact{tr.T("due"), f.amount(t.Due)}
}

// exemptionText returns the mention a VAT breakdown without VAT needs:
// "Autoliquidation" for reverse charge, the article of the French tax code
// for exemptions, or the reason the document gives.
func exemptionText(b invoice.VATBreakdown, tr translator) string {
	if !b.Category.RequiresExemptionReason() {
		return ""
	}
	code := b.ExemptionReason.Code
	if code == "" && b.Category == tax.ReverseCharge {
		code = tax.ExemptionReverseCharge.Code
	}
	if has(code) {
		return tr.T(code)
	}
	return b.ExemptionReason.Text
}

func legalTexts(m invoice.LegalMentions, f formatter, tr translator) []string {
	var out []string
	if !m.LatePenaltyRate.IsZero() {
		out = append(out, tr.T("penalty", f.number(m.LatePenaltyRate)+f.percentSign()))
	}
	if !m.RecoveryIndemnity.IsZero() {
		out = append(out, tr.T("indemnity", f.amount(m.RecoveryIndemnity)))
	}
	switch {
	case m.EarlyPaymentDiscount != "":
		out = append(out, tr.T("discount", m.EarlyPaymentDiscount))
	case m.NoEarlyPaymentDiscount:
		out = append(out, tr.T("no_discount"))
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// formatter writes numbers, amounts and dates for the reader's locale.
type formatter struct{ o Options }

func (f formatter) amount(a money.Amount) string { return a.Format(f.o.Locale) }

func (f formatter) date(d date.Date) string { return formatDate(d, f.o) }

// number writes d with the decimals it has, trailing zeros dropped.
func (f formatter) number(d decimal.Decimal) string {
	places := max(-d.Exponent(), 0)
	s := d.String()
	if _, frac, ok := strings.Cut(s, "."); ok {
		places = int32(len(strings.TrimRight(frac, "0")))
	} else {
		places = 0
	}
	return money.FormatNumber(d, places, f.o.Locale)
}

// plural returns the suffix of the unit's message for quantity q: French
// takes the singular below 2, English for 1 alone.
func (f formatter) plural(q decimal.Decimal) string {
	abs := q.Abs()
	if f.o.lang() == language.French && abs.LessThan(decimal.NewFromInt(2)) || abs.Equal(decimal.NewFromInt(1)) {
		return ".1"
	}
	return ".n"
}

// percentSign is " %" with a no-break space in French, "%" in English.
func (f formatter) percentSign() string {
	if f.o.lang() == language.French {
		return "\u00a0%"
	}
	return "%"
}

// rate writes a VAT rate, or the category code when it has none.
func (f formatter) rate(v invoice.VAT) string {
	if v.Category == tax.StandardRate || !v.Rate.IsZero() {
		return f.number(v.Rate) + f.percentSign()
	}
	if v.Category == "" {
		return ""
	}
	return "0" + f.percentSign() + " (" + v.Category.String() + ")"
}
