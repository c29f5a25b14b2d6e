package cii

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/einvoice"
	"github.com/billkit/billkit/einvoice/internal/en16931"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/tax"
)

// Syntax names CII in an *einvoice.ExportError.
const Syntax = "CII"

// ErrNoInvoice is returned by MarshalInvoice when given no invoice.
var ErrNoInvoice = errors.New("cii: no invoice")

// Marshal writes doc as a UN/CEFACT CrossIndustryInvoice D16B following
// EN 16931, the XML that a Factur-X (profile EN 16931) or ZUGFeRD PDF
// embeds. A credit note has type code 381 and the same structure. doc must
// be calculated and carry its number and issue date; it is checked with
// einvoice.Prepare first, and a document that breaks a rule is an
// *einvoice.ExportError listing each fault with its rule identifier, with
// no XML.
//
// The output is indented with two spaces, starts with the XML declaration
// and is the same for the same document and options.
func Marshal(doc invoice.Document, opts ...einvoice.Option) ([]byte, error) {
	p, err := einvoice.Prepare(doc, opts...)
	if err != nil {
		var exp *einvoice.ExportError
		if errors.As(err, &exp) {
			exp.Syntax = Syntax
		}
		return nil, err
	}
	return encode(build(p))
}

// MarshalInvoice writes an issued invoice or credit note, like Marshal
// with its document.
func MarshalInvoice(inv *invoice.Invoice, opts ...einvoice.Option) ([]byte, error) {
	if inv == nil {
		return nil, ErrNoInvoice
	}
	return Marshal(inv.Document(), opts...)
}

func encode(d *document) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(4096 + 2048*len(d.Transaction.Lines))
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(d); err != nil {
		return nil, fmt.Errorf("cii: %w", err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// build maps a prepared document onto the CII structure.
func build(p *einvoice.Prepared) *document {
	d := &p.Doc
	out := &document{
		XmlnsRSM: NamespaceRSM, XmlnsRAM: NamespaceRAM, XmlnsUDT: NamespaceUDT, XmlnsQDT: NamespaceQDT,
		Context: context{Guideline: idOnly{en16931.Specification}},
		Header:  header{ID: d.Number, TypeCode: string(d.Type), IssueDate: dateOf(d.IssueDate)},
	}
	for _, n := range p.Notes {
		out.Header.Notes = append(out.Header.Notes, note{Content: n.Text, SubjectCode: n.SubjectCode})
	}
	t := &out.Transaction
	t.Lines = make([]lineItem, len(d.Lines))
	for i := range d.Lines {
		t.Lines[i] = lineOf(d, &d.Lines[i], p.Items[i])
	}
	t.Agreement = headerAgreement{
		BuyerReference: d.BuyerReference,
		Seller:         sellerParty(d.Seller),
		Buyer:          buyerParty(d.Buyer),
	}
	if d.PurchaseOrderRef != "" {
		t.Agreement.Order = &referenced{IssuerAssignedID: d.PurchaseOrderRef}
	}
	if d.ContractRef != "" {
		t.Agreement.Contract = &referenced{IssuerAssignedID: d.ContractRef}
	}
	if !d.DeliverTo.IsZero() {
		t.Delivery.ShipTo = &shipTo{addressOf(d.DeliverTo)}
	}
	if !d.DeliveryDate.IsZero() {
		t.Delivery.Event = &deliveryEvent{dateOf(d.DeliveryDate)}
	}
	t.Settlement = settlementOf(p)
	return out
}

// settlementOf returns the header settlement: payment means (BG-16), VAT
// breakdown (BG-23), invoicing period (BG-14), document level allowances
// and charges (BG-20, BG-21), payment terms and due date (BT-20, BT-9),
// totals (BG-22) and preceding invoices (BG-3).
func settlementOf(p *einvoice.Prepared) headerSettlement {
	d := &p.Doc
	cur := d.Currency
	s := headerSettlement{Currency: cur.Code(), Period: periodOf(d.Period.Start, d.Period.Last())}
	var mandate string
	for _, m := range p.PaymentMeans {
		if s.PaymentReference == "" {
			s.PaymentReference = m.RemittanceInfo
		}
		if mandate == "" {
			mandate = m.MandateID
		}
		s.PaymentMeans = append(s.PaymentMeans, meansOf(m))
	}
	s.Taxes = make([]tradeTax, len(d.VATBreakdown))
	for i, b := range d.VATBreakdown {
		tt := vatOf(invoice.VAT{Category: b.Category, Rate: b.Rate})
		tt.Calculated = en16931.Amount(b.TaxAmount, cur)
		tt.Basis = en16931.Amount(b.TaxableAmount, cur)
		if b.ExemptionReason != (tax.ExemptionReason{}) {
			tt.Exemption, tt.ExemptionCode = b.ExemptionReason.Text, b.ExemptionReason.Code
		}
		s.Taxes[i] = tt
	}
	for _, a := range en16931.DocumentAdjustments(d) {
		ac := allowanceOf(a, cur)
		tt := vatOf(a.VAT)
		ac.Tax = &tt
		s.AllowanceCharges = append(s.AllowanceCharges, ac)
	}
	if d.PaymentTerms != "" || !d.DueDate.IsZero() || mandate != "" {
		s.PaymentTerms = &paymentTerms{Description: d.PaymentTerms, MandateID: mandate}
		if !d.DueDate.IsZero() {
			due := dateOf(d.DueDate)
			s.PaymentTerms.DueDate = &due
		}
	}
	t := d.Totals
	s.Summation = headerSummation{
		LineTotal:     en16931.Amount(t.LineTotal, cur),
		TaxBasisTotal: en16931.Amount(t.TaxExclusive, cur),
		TaxTotal:      currencyAmount{cur.Code(), en16931.Amount(t.VAT, cur)},
		GrandTotal:    en16931.Amount(t.TaxInclusive, cur),
		DuePayable:    en16931.Amount(t.Due, cur),
	}
	if len(d.Charges) > 0 {
		s.Summation.ChargeTotal = en16931.Amount(t.ChargeTotal, cur)
	}
	if len(d.Allowances) > 0 {
		s.Summation.AllowanceTotal = en16931.Amount(t.AllowanceTotal, cur)
	}
	if !t.Rounding.IsZero() {
		s.Summation.Rounding = en16931.Amount(t.Rounding, cur)
	}
	if !t.Prepaid.IsZero() {
		s.Summation.Prepaid = en16931.Amount(t.Prepaid, cur)
	}
	for _, r := range d.Preceding {
		ref := referenced{IssuerAssignedID: r.Number}
		if !r.IssueDate.IsZero() {
			ref.IssueDate = &formattedDate{dateString{"102", en16931.Date102(r.IssueDate)}}
		}
		s.Preceding = append(s.Preceding, ref)
	}
	return s
}

// meansOf returns one payment means: the payee account (BT-84) as an IBAN
// when it looks like one, else as a proprietary identifier.
func meansOf(m einvoice.PaymentMeans) paymentMeans {
	pm := paymentMeans{TypeCode: string(m.Code), Information: m.Text}
	if m.DebitedAccount != "" {
		pm.Payer = &debtorAccount{m.DebitedAccount}
	}
	if m.Account != "" || m.AccountName != "" {
		pm.Payee = &creditorAccount{Name: m.AccountName}
		if isIBAN(m.Account) {
			pm.Payee.IBAN = m.Account
		} else {
			pm.Payee.Proprietary = m.Account
		}
	}
	if m.BIC != "" {
		pm.Institution = &institution{m.BIC}
	}
	return pm
}

// isIBAN reports whether s has the shape of an IBAN: a country code, two
// check digits and up to 30 letters and digits.
func isIBAN(s string) bool {
	if len(s) < 15 || len(s) > 34 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter, digit := c >= 'A' && c <= 'Z', c >= '0' && c <= '9'
		switch {
		case i < 2 && !letter, i >= 2 && i < 4 && !digit, !letter && !digit:
			return false
		}
	}
	return true
}

// vatOf returns the VAT of a line or an allowance: category O states no
// rate (BR-O-05).
func vatOf(v invoice.VAT) tradeTax {
	t := tradeTax{TypeCode: "VAT", CategoryCode: string(v.Category)}
	if v.Category.HasRate() {
		t.Rate = en16931.Decimal(v.Rate)
	}
	return t
}

func dateOf(d date.Date) dateTime {
	return dateTime{dateString{"102", en16931.Date102(d)}}
}

// periodOf returns a period of the given first and last days, or nil.
func periodOf(first, last date.Date) *billingPeriod {
	if first.IsZero() && last.IsZero() {
		return nil
	}
	p := &billingPeriod{}
	if !first.IsZero() {
		start := dateOf(first)
		p.Start = &start
	}
	if !last.IsZero() {
		end := dateOf(last)
		p.End = &end
	}
	return p
}
