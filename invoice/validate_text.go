package invoice

import (
	"github.com/billkit/billkit/validation"
)

// texts records the faults of text fields (see the limits in limits.go),
// building a field's path only when it has a fault.
type texts struct{ errs *validation.Errors }

func (t texts) check(p path, f, s string, maxLength int, multiline bool) {
	if code, msg := validation.TextFault(s, maxLength, multiline); code != "" {
		t.errs.Add(p.at(f), code, msg)
	}
}

func (t texts) code(p path, f, s string)      { t.check(p, f, s, validation.MaxCodeLength, false) }
func (t texts) reference(p path, f, s string) { t.check(p, f, s, validation.MaxReferenceLength, false) }
func (t texts) name(p path, f, s string)      { t.check(p, f, s, validation.MaxNameLength, false) }
func (t texts) reason(p path, f, s string)    { t.check(p, f, s, validation.MaxReasonLength, false) }

// checkTexts records the faults of every text of d.
func (d *Document) checkTexts(errs *validation.Errors) {
	t := texts{errs}
	top := field("")
	t.reference(top, "number", d.Number)
	t.check(top, "payment_terms", d.PaymentTerms, validation.MaxDescriptionLength, true)
	t.reference(top, "purchase_order_ref", d.PurchaseOrderRef)
	t.reference(top, "buyer_reference", d.BuyerReference)
	t.reference(top, "contract_ref", d.ContractRef)
	t.party(field("seller"), field("seller.address"), &d.Seller)
	t.party(field("buyer"), field("buyer.address"), &d.Buyer)
	t.address(field("deliver_to"), &d.DeliverTo)
	for i := range d.Preceding {
		t.reference(elem("preceding", i), "number", d.Preceding[i].Number)
	}
	for i := range d.Notes {
		n := &d.Notes[i]
		t.code(elem("notes", i), "subject_code", n.SubjectCode)
		t.check(elem("notes", i), "text", n.Text, validation.MaxNoteLength, true)
	}
	t.reason(field("legal"), "early_payment_discount", d.Legal.EarlyPaymentDiscount)
	for i := range d.Lines {
		l := &d.Lines[i]
		at := elem("lines", i)
		t.code(at, "id", l.ID)
		t.name(at, "name", l.Name)
		t.check(at, "description", l.Description, validation.MaxDescriptionLength, true)
		t.code(at, "unit_code", l.UnitCode)
		t.code(at, "exemption_reason.code", l.ExemptionReason.Code)
		t.reason(at, "exemption_reason.text", l.ExemptionReason.Text)
		t.reference(at, "contract_line_ref", l.ContractLineRef)
		t.reference(at, "quote_line_ref", l.QuoteLineRef)
		t.code(at, "credited_line_id", l.CreditedLineID)
		for j := range l.Allowances {
			t.adjustment(at.in("allowances", j), l.Allowances[j].Reason, l.Allowances[j].ReasonCode)
		}
		for j := range l.Charges {
			t.adjustment(at.in("charges", j), l.Charges[j].Reason, l.Charges[j].ReasonCode)
		}
	}
	for i := range d.Allowances {
		t.adjustment(elem("allowances", i), d.Allowances[i].Reason, d.Allowances[i].ReasonCode)
	}
	for i := range d.Charges {
		t.adjustment(elem("charges", i), d.Charges[i].Reason, d.Charges[i].ReasonCode)
	}
}

func (t texts) adjustment(p path, reason, code string) {
	t.reason(p, "reason", reason)
	t.code(p, "reason_code", code)
}

func (t texts) party(p, address path, party *Party) {
	t.name(p, "name", party.Name)
	t.name(p, "trading_name", party.TradingName)
	t.reference(p, "legal_id", party.LegalID)
	t.reference(p, "vat_id", party.VATID)
	t.reference(p, "tax_registration_id", party.TaxRegistrationID)
	t.reason(p, "additional_legal_info", party.AdditionalLegalInfo)
	t.address(address, &party.Address)
	t.code(p, "electronic_address.scheme", party.ElectronicAddress.Scheme)
	t.name(p, "electronic_address.value", party.ElectronicAddress.Value)
}

func (t texts) address(p path, a *Address) {
	t.name(p, "line1", a.Line1)
	t.name(p, "line2", a.Line2)
	t.name(p, "line3", a.Line3)
	t.name(p, "city", a.City)
	t.code(p, "postal_code", a.PostalCode)
	t.name(p, "subdivision", a.Subdivision)
	t.code(p, "country", a.Country)
}
