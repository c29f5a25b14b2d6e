package einvoice

import (
	"strconv"
	"unicode/utf8"

	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/validation"
)

// validText reports whether s is valid UTF-8 made of characters that XML
// 1.0 allows: tab, line feed, carriage return and U+0020 to U+10FFFF except
// the surrogates, U+FFFE and U+FFFF. encoding/xml would replace any other
// by U+FFFD, silently changing the document.
func validText(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
			return false
		}
		i += n
	}
	return true
}

// texts records CodeXMLText for every field whose text XML cannot carry.
type texts struct{ errs *validation.Errors }

func (t texts) check(at func() string, values ...string) {
	for _, v := range values {
		if !validText(v) {
			t.errs.Add(at(), CodeXMLText, "holds characters that XML cannot carry")
			return
		}
	}
}

func (t texts) field(at string, values ...string) {
	t.check(func() string { return at }, values...)
}

func elem(list string, i int) string { return list + "[" + strconv.Itoa(i) + "]" }

// checkTexts checks every text that the writers put in the XML.
func checkTexts(errs *validation.Errors, p *Prepared) {
	t := texts{errs}
	d := &p.Doc
	t.field("number", d.Number)
	t.field("payment_terms", d.PaymentTerms)
	t.field("purchase_order_ref", d.PurchaseOrderRef)
	t.field("buyer_reference", d.BuyerReference)
	t.field("contract_ref", d.ContractRef)
	t.party("seller", d.Seller)
	t.party("buyer", d.Buyer)
	t.address("deliver_to", d.DeliverTo)
	for i, r := range d.Preceding {
		t.check(func() string { return elem("preceding", i) + ".number" }, r.Number)
	}
	for i, n := range p.Notes {
		t.check(func() string { return elem("notes", i) }, n.SubjectCode, n.Text)
	}
	for i := range d.Lines {
		l := &d.Lines[i]
		at := func() string { return elem("lines", i) }
		t.check(at, l.ID, l.Name, l.Description, l.UnitCode, l.ExemptionReason.Code, l.ExemptionReason.Text)
		for _, a := range l.Allowances {
			t.check(at, a.Reason, a.ReasonCode)
		}
		for _, c := range l.Charges {
			t.check(at, c.Reason, c.ReasonCode)
		}
		ids := p.Items[i]
		t.check(at, ids.Seller, ids.Buyer, ids.Standard, ids.StandardScheme)
	}
	for i, a := range d.Allowances {
		t.check(func() string { return elem("allowances", i) }, a.Reason, a.ReasonCode)
	}
	for i, c := range d.Charges {
		t.check(func() string { return elem("charges", i) }, c.Reason, c.ReasonCode)
	}
	for i, b := range d.VATBreakdown {
		t.check(func() string { return elem("vat_breakdown", i) + ".exemption_reason" }, b.ExemptionReason.Code, b.ExemptionReason.Text)
	}
	for i, m := range p.PaymentMeans {
		t.check(func() string { return elem("payment_means", i) }, string(m.Code), m.Text, m.RemittanceInfo,
			m.Account, m.AccountName, m.BIC, m.MandateID, m.DebitedAccount)
	}
}

func (t texts) party(at string, p invoice.Party) {
	t.field(at, p.Name, p.TradingName, p.LegalID, p.VATID, p.TaxRegistrationID, p.AdditionalLegalInfo,
		p.ElectronicAddress.Scheme, p.ElectronicAddress.Value)
	t.address(at+".address", p.Address)
}

func (t texts) address(at string, a invoice.Address) {
	t.field(at, a.Line1, a.Line2, a.Line3, a.City, a.PostalCode, a.Subdivision, a.Country)
}
