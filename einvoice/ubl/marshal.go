package ubl

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"

	"github.com/billkit/billkit/einvoice"
	"github.com/billkit/billkit/einvoice/internal/en16931"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/tax"
)

// Syntax names UBL in an *einvoice.ExportError.
const Syntax = "UBL"

// ErrNoInvoice is returned by MarshalInvoice when given no invoice.
var ErrNoInvoice = errors.New("ubl: no invoice")

// Marshal writes doc as a UBL 2.1 Invoice, or a CreditNote when doc is a
// credit note (type 381), following EN 16931. doc must be calculated and
// carry its number and issue date; it is checked with einvoice.Prepare
// first, and a document that breaks a rule is an *einvoice.ExportError
// listing each fault with its rule identifier, with no XML.
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
	buf.Grow(4096 + 1536*len(d.InvoiceLines) + 1536*len(d.CreditNoteLines))
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(d); err != nil {
		return nil, fmt.Errorf("ubl: %w", err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// build maps a prepared document onto the UBL structure.
func build(p *einvoice.Prepared) *document {
	d := &p.Doc
	cur := d.Currency.Code()
	credit := d.Type == invoice.TypeCreditNote
	out := &document{
		Xmlns: NamespaceInvoice, XmlnsCAC: NamespaceCAC, XmlnsCBC: NamespaceCBC,
		CustomizationID: en16931.Specification,
		ID:              d.Number,
		IssueDate:       en16931.ISODate(d.IssueDate),
		Currency:        cur,
		BuyerReference:  d.BuyerReference,
		Supplier:        partyWrapper{sellerParty(d.Seller)},
		Customer:        partyWrapper{buyerParty(d.Buyer)},
		Delivery:        deliveryOf(d),
		PaymentMeans:    meansOf(p, credit),
		TaxTotal:        taxTotalOf(d),
		Totals:          totalsOf(d),
	}
	if credit {
		out.XMLName.Local, out.Xmlns = "CreditNote", NamespaceCreditNote
		out.CreditNoteTypeCode = string(d.Type)
	} else {
		out.XMLName.Local = "Invoice"
		out.InvoiceTypeCode = string(d.Type)
		if !d.DueDate.IsZero() {
			out.DueDate = en16931.ISODate(d.DueDate)
		}
	}
	for _, n := range p.Notes {
		text := n.Text
		if n.SubjectCode != "" {
			// The UBL binding of EN 16931 puts the subject code (BT-21)
			// before the text, between number signs.
			text = "#" + n.SubjectCode + "#" + text
		}
		out.Notes = append(out.Notes, text)
	}
	out.InvoicePeriod = periodOf(d.Period.Start, d.Period.Last())
	if d.PurchaseOrderRef != "" {
		out.OrderReference = &idOnly{d.PurchaseOrderRef}
	}
	for _, r := range d.Preceding {
		ref := billingRef{docRef{ID: r.Number}}
		if !r.IssueDate.IsZero() {
			ref.Invoice.IssueDate = en16931.ISODate(r.IssueDate)
		}
		out.BillingReferences = append(out.BillingReferences, ref)
	}
	if d.ContractRef != "" {
		out.ContractReference = &idOnly{d.ContractRef}
	}
	if d.PaymentTerms != "" {
		out.PaymentTerms = &paymentTerms{d.PaymentTerms}
	}
	for _, a := range en16931.DocumentAdjustments(d) {
		out.AllowanceCharges = append(out.AllowanceCharges, allowanceOf(a, d, true))
	}
	lines := make([]line, len(d.Lines))
	for i := range d.Lines {
		lines[i] = lineOf(d, &d.Lines[i], p.Items[i], credit)
	}
	if credit {
		out.CreditNoteLines = lines
	} else {
		out.InvoiceLines = lines
	}
	return out
}

// meansOf returns the payment means (BG-16). UBL 2.1 credit notes have no
// due date element: EN 16931 puts their due date (BT-9) in the first
// payment means.
func meansOf(p *einvoice.Prepared, credit bool) []paymentMeans {
	if len(p.PaymentMeans) == 0 {
		return nil
	}
	out := make([]paymentMeans, len(p.PaymentMeans))
	for i, m := range p.PaymentMeans {
		pm := paymentMeans{Code: meansCode{Name: m.Text, Value: string(m.Code)}, PaymentID: m.RemittanceInfo}
		if credit && i == 0 && !p.Doc.DueDate.IsZero() {
			pm.DueDate = en16931.ISODate(p.Doc.DueDate)
		}
		if m.Account != "" {
			pm.PayeeAccount = &account{ID: m.Account, Name: m.AccountName}
			if m.BIC != "" {
				pm.PayeeAccount.Branch = &idOnly{m.BIC}
			}
		}
		if m.MandateID != "" || m.DebitedAccount != "" {
			pm.PaymentMandate = &mandate{ID: m.MandateID}
			if m.DebitedAccount != "" {
				pm.PaymentMandate.PayerAccount = &idOnly{m.DebitedAccount}
			}
		}
		out[i] = pm
	}
	return out
}

// vatCategory returns the classified tax category of a line or an
// allowance: category O states no rate (BR-O-05).
func vatCategory(v invoice.VAT) taxCategory {
	c := taxCategory{ID: string(v.Category), TaxScheme: idOnly{"VAT"}}
	if v.Category.HasRate() {
		c.Percent = en16931.Decimal(v.Rate)
	}
	return c
}

// taxTotalOf returns the VAT total (BT-110) and breakdown (BG-23).
func taxTotalOf(d *invoice.Document) taxTotal {
	cur := d.Currency
	t := taxTotal{TaxAmount: amount{cur.Code(), en16931.Amount(d.Totals.VAT, cur)}}
	t.Subtotals = make([]taxSubtotal, len(d.VATBreakdown))
	for i, b := range d.VATBreakdown {
		cat := vatCategory(invoice.VAT{Category: b.Category, Rate: b.Rate})
		if b.ExemptionReason != (tax.ExemptionReason{}) {
			cat.ExemptionCode, cat.Exemption = b.ExemptionReason.Code, b.ExemptionReason.Text
		}
		t.Subtotals[i] = taxSubtotal{
			TaxableAmount: amount{cur.Code(), en16931.Amount(b.TaxableAmount, cur)},
			TaxAmount:     amount{cur.Code(), en16931.Amount(b.TaxAmount, cur)},
			Category:      cat,
		}
	}
	return t
}

// totalsOf returns the document totals (BG-22). The allowance and charge
// totals are stated when the document has allowances or charges, the paid
// and rounding amounts when they are not zero.
func totalsOf(d *invoice.Document) monetaryTotal {
	cur, t := d.Currency, d.Totals
	m := monetaryTotal{
		LineExtension: amount{cur.Code(), en16931.Amount(t.LineTotal, cur)},
		TaxExclusive:  amount{cur.Code(), en16931.Amount(t.TaxExclusive, cur)},
		TaxInclusive:  amount{cur.Code(), en16931.Amount(t.TaxInclusive, cur)},
		Payable:       amount{cur.Code(), en16931.Amount(t.Due, cur)},
	}
	if len(d.Allowances) > 0 {
		m.AllowanceTotal = &amount{cur.Code(), en16931.Amount(t.AllowanceTotal, cur)}
	}
	if len(d.Charges) > 0 {
		m.ChargeTotal = &amount{cur.Code(), en16931.Amount(t.ChargeTotal, cur)}
	}
	if !t.Prepaid.IsZero() {
		m.Prepaid = &amount{cur.Code(), en16931.Amount(t.Prepaid, cur)}
	}
	if !t.Rounding.IsZero() {
		m.Rounding = &amount{cur.Code(), en16931.Amount(t.Rounding, cur)}
	}
	return m
}
