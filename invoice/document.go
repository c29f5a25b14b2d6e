package invoice

import (
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/tax"
)

// Document is the content of an invoice or a credit note, in the terms of
// the EN 16931 semantic model (business terms BT-n, business groups BG-n).
// It is a plain value that hosts fill in, then Calculate and Validate; an
// Invoice wraps a Document with its lifecycle and freezes it once issued.
//
// Amounts are money.Amount in the document currency. Fields marked as set
// by Calculate are outputs: Calculate overwrites them, and Validate checks
// that they agree with the inputs.
type Document struct {
	// Type is the document type (BT-3). Required.
	Type DocumentType `json:"type"`
	// Number is the document number (BT-1), assigned when it is issued.
	Number string `json:"number,omitempty"`
	// IssueDate is the issue date (BT-2), set when it is issued.
	IssueDate date.Date `json:"issue_date,omitzero"`
	// DueDate is the payment due date (BT-9).
	DueDate date.Date `json:"due_date,omitzero"`
	// Currency is the document currency (BT-5). Required.
	Currency money.Currency `json:"currency"`
	// Seller (BG-4) and Buyer (BG-7). Required.
	Seller Party `json:"seller"`
	Buyer  Party `json:"buyer"`
	// Period is the invoicing period (BG-14): the half-open range of days
	// [Start, End); the last day printed (BT-74) is Period.Last().
	Period date.Range `json:"period,omitzero"`
	// DeliveryDate is the actual delivery date (BT-72).
	DeliveryDate date.Date `json:"delivery_date,omitzero"`
	// DeliverTo is the deliver to address (BG-15).
	DeliverTo Address `json:"deliver_to,omitzero"`
	// PaymentTerms describes the payment terms (BT-20), such as "30 days net".
	PaymentTerms string `json:"payment_terms,omitempty"`
	// PurchaseOrderRef is the buyer's purchase order reference (BT-13).
	PurchaseOrderRef string `json:"purchase_order_ref,omitempty"`
	// BuyerReference is the reference the buyer asked for (BT-10), such as
	// the service code of a French public buyer.
	BuyerReference string `json:"buyer_reference,omitempty"`
	// ContractRef is the contract reference (BT-12).
	ContractRef string `json:"contract_ref,omitempty"`
	// Preceding lists the invoices this document corrects (BG-3). A credit
	// note references the invoice it credits.
	Preceding []DocumentReference `json:"preceding,omitempty"`
	// Notes are free-text notes (BG-1).
	Notes []Note `json:"notes,omitempty"`
	// Legal holds the payment mentions French law requires.
	Legal LegalMentions `json:"legal,omitzero"`
	// Pricing holds the calculation options.
	Pricing Pricing `json:"pricing,omitzero"`
	// Lines are the invoice lines (BG-25). At least one is required.
	Lines []Line `json:"lines"`
	// Allowances (BG-20) and Charges (BG-21) at document level.
	Allowances []AllowanceCharge `json:"allowances,omitempty"`
	Charges    []AllowanceCharge `json:"charges,omitempty"`
	// PaidAmount is the amount already paid, such as a deposit (BT-113).
	PaidAmount money.Amount `json:"paid_amount,omitzero"`
	// RoundingAmount is added to the total to round the amount due (BT-114),
	// for instance to the 0.05 CHF of cash payments.
	RoundingAmount money.Amount `json:"rounding_amount,omitzero"`
	// CreditLimits is set on a credit note by NewCreditNote: what remained
	// uncredited of each VAT breakdown of the corrected invoice when the
	// credit note was drawn up.
	CreditLimits []CreditLimit `json:"credit_limits,omitempty"`

	// VATBreakdown is the VAT breakdown (BG-23). Calculate sets it.
	VATBreakdown []VATBreakdown `json:"vat_breakdown,omitempty"`
	// Totals are the document totals (BG-22). Calculate sets them.
	Totals Totals `json:"totals"`
}

// DocumentReference identifies a preceding invoice (BG-3).
type DocumentReference struct {
	Number    string    `json:"number"`              // BT-25, required
	IssueDate date.Date `json:"issue_date,omitzero"` // BT-26
}

// Note is a free-text note (BG-1) with an optional subject code from the
// UNTDID 4451 list (BT-21), such as "PMT", "PMD" or "AAB" for the French
// payment mentions.
type Note struct {
	SubjectCode string `json:"subject_code,omitempty"` // BT-21
	Text        string `json:"text"`                   // BT-22
}

// CreditLimit is what remained uncredited of one VAT breakdown of an
// invoice when a credit note was drawn up. Calculate uses it so that the
// credit note that credits the rest of a breakdown reverses exactly the VAT
// left on it, and no credit note reverses more VAT than remains.
type CreditLimit struct {
	Category tax.Category    `json:"category"`
	Rate     decimal.Decimal `json:"rate"`
	// Credited is the sum of the line amounts plus charges minus allowances
	// already credited, as priced (with VAT when prices include VAT).
	Credited money.Amount `json:"credited"`
	// Amount is the same sum not yet credited.
	Amount money.Amount `json:"amount"`
	// TaxableAmount and TaxAmount are the BT-116 and BT-117 not yet credited.
	TaxableAmount money.Amount `json:"taxable_amount"`
	TaxAmount     money.Amount `json:"tax_amount"`
}

// Clone returns a deep copy of d: changing the copy's lines, allowances or
// any other slice leaves d as it was.
func (d Document) Clone() Document {
	d.Preceding = append([]DocumentReference(nil), d.Preceding...)
	d.Notes = append([]Note(nil), d.Notes...)
	if d.Lines != nil {
		lines := make([]Line, len(d.Lines))
		for i, l := range d.Lines {
			lines[i] = l.clone()
		}
		d.Lines = lines
	}
	d.Allowances = append([]AllowanceCharge(nil), d.Allowances...)
	d.Charges = append([]AllowanceCharge(nil), d.Charges...)
	d.CreditLimits = append([]CreditLimit(nil), d.CreditLimits...)
	d.VATBreakdown = append([]VATBreakdown(nil), d.VATBreakdown...)
	return d
}
