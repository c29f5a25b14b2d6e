package invoice

// DocumentType is the type of a document (BT-3), a code of the UNTDID 1001
// document name code list. It is serialised as the code itself.
type DocumentType string

// The document types billkit issues.
const (
	// TypeCommercialInvoice (380) claims payment for goods or services.
	TypeCommercialInvoice DocumentType = "380"
	// TypeCreditNote (381) corrects an invoice by crediting all or part of
	// it; it references the invoice it corrects (BG-3).
	TypeCreditNote DocumentType = "381"
)

// Valid reports whether t is one of the document types above.
func (t DocumentType) Valid() bool {
	return t == TypeCommercialInvoice || t == TypeCreditNote
}

// Description returns the UNTDID 1001 name of t, or "" if t is not valid.
func (t DocumentType) Description() string {
	switch t {
	case TypeCommercialInvoice:
		return "Commercial invoice"
	case TypeCreditNote:
		return "Credit note"
	}
	return ""
}

// String returns the code of t.
func (t DocumentType) String() string { return string(t) }
