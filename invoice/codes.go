package invoice

import "github.com/billkit/billkit/tax"

// Fault codes of this package. Where EN 16931 has a business rule, a fault
// carries the rule's identifier as its code ("BR-06", "BR-CO-10",
// "BR-E-10", ...), so that a host sees the same code an EN 16931 validator
// would report; the rules of VAT categories L and M use the identifiers of
// the CEN validation artefacts (BR-IG-xx and BR-IP-xx, written BR-AF and
// BR-AG in the text of the standard). The codes below cover what EN 16931
// leaves to implementations and to French law. Formats use the generic codes
// of the validation package (validation.CodeInvalid, CodeOutOfRange,
// CodeMismatch, ...). None of these codes ever changes meaning.
const (
	// CodeLineAmount: an invoice line net amount (BT-131) differs from
	// quantity × unit price ÷ base quantity − allowances + charges, rounded
	// to the currency's precision.
	CodeLineAmount = "BK-LINE-AMOUNT"
	// CodeBaseQuantity: the item price base quantity (BT-149) is given but
	// is not a positive number.
	CodeBaseQuantity = "BK-BASE-QUANTITY"
	// CodePercentAmount: an allowance or charge amount differs from its
	// base amount × percentage ÷ 100.
	CodePercentAmount = "BK-PERCENT-AMOUNT"
	// CodeDueDate: the payment due date (BT-9) is before the issue date (BT-2).
	CodeDueDate = "BK-DUE-DATE"
	// CodeExemptionConflict: lines of one VAT breakdown give different
	// exemption reasons, while a breakdown has only one (BT-120, BT-121).
	CodeExemptionConflict = "BK-VAT-REASON"
	// CodeCreditReference: a credit note does not reference the invoice it
	// corrects (BG-3), as French law requires of every corrective document.
	CodeCreditReference = "BK-CREDIT-REF"
	// CodeCreditLine: a credit note line does not credit a line of the
	// corrected invoice.
	CodeCreditLine = "BK-CREDIT-LINE"
	// CodeCreditLimit: a credit note VAT breakdown exceeds what remained
	// uncredited of the corrected invoice.
	CodeCreditLimit = "BK-CREDIT-LIMIT"

	// CodeFRSIREN: a French seller must give its SIREN or SIRET (BT-30),
	// and it must be well formed (9 or 14 digits with a valid check digit).
	CodeFRSIREN = "BK-FR-SIREN"
	// CodeFRVATID: a French VAT identifier's check key does not match its SIREN.
	CodeFRVATID = "BK-FR-VAT-ID"
	// CodeFRLegalInfo: a French seller must give its legal form, share
	// capital and registration (RCS/RM) in BT-33 (Code de commerce R123-237).
	CodeFRLegalInfo = "BK-FR-LEGAL"
	// CodeFRDelivery: a French invoice must state the date of the sale or
	// service: an actual delivery date (BT-72) or an invoicing period (BG-14)
	// (CGI article 242 nonies A).
	CodeFRDelivery = "BK-FR-DELIVERY"
	// CodeFRPenalty: a French invoice to a business must state the rate of
	// late payment penalties (Code de commerce L441-9 and L441-10).
	CodeFRPenalty = "BK-FR-PENALTY"
	// CodeFRIndemnity: a French invoice to a business must state the fixed
	// indemnity for recovery costs of 40 EUR (Code de commerce L441-10, D441-5).
	CodeFRIndemnity = "BK-FR-INDEMNITY"
	// CodeFRDiscount: a French invoice to a business must state the terms
	// of the discount for early payment, or that there is none (L441-9).
	CodeFRDiscount = "BK-FR-DISCOUNT"
)

// vatRule returns the identifier of rule n (1 to 12) of the EN 16931 rule
// group of category c, such as "BR-S-05" or "BR-IC-11".
func vatRule(c tax.Category, n int) string {
	prefix := "BR-" + string(c)
	switch c {
	case tax.IntraCommunity:
		prefix = "BR-IC"
	case tax.CanaryIslands:
		prefix = "BR-IG"
	case tax.CeutaMelilla:
		prefix = "BR-IP"
	}
	return prefix + "-" + string(rune('0'+n/10)) + string(rune('0'+n%10))
}
