package tax

// Category is a VAT category code of EN 16931 (business terms BT-95,
// BT-102, BT-118 and BT-151), taken from the UNCL5305 duty or tax or fee
// category code list. The string value is the code itself, as it appears
// in UBL and CII documents.
type Category string

// The VAT categories allowed by EN 16931. Names and descriptions follow
// UNCL5305; the rules attached to each are in the methods of Category.
const (
	StandardRate   Category = "S"  // Standard rate
	ZeroRated      Category = "Z"  // Zero rated goods
	Exempt         Category = "E"  // Exempt from tax
	ReverseCharge  Category = "AE" // VAT reverse charge
	IntraCommunity Category = "K"  // VAT exempt for EEA intra-community supply of goods and services
	Export         Category = "G"  // Free export item, VAT not charged
	OutsideScope   Category = "O"  // Services outside scope of tax
	CanaryIslands  Category = "L"  // Canary Islands general indirect tax (IGIC)
	CeutaMelilla   Category = "M"  // Tax for production, services and importation in Ceuta and Melilla (IPSI)
)

// categories lists every category in the order of the const block.
var categories = [...]Category{
	StandardRate, ZeroRated, Exempt, ReverseCharge, IntraCommunity,
	Export, OutsideScope, CanaryIslands, CeutaMelilla,
}

var descriptions = map[Category]string{
	StandardRate:   "Standard rate",
	ZeroRated:      "Zero rated goods",
	Exempt:         "Exempt from tax",
	ReverseCharge:  "VAT Reverse Charge",
	IntraCommunity: "VAT exempt for EEA intra-community supply of goods and services",
	Export:         "Free export item, VAT not charged",
	OutsideScope:   "Services outside scope of tax",
	CanaryIslands:  "Canary Islands general indirect tax",
	CeutaMelilla:   "Tax for production, services and importation in Ceuta and Melilla",
}

// Categories returns every category EN 16931 allows, standard rate first.
// The slice is new on each call.
func Categories() []Category {
	return append([]Category(nil), categories[:]...)
}

// ParseCategory returns the category whose code is s. Codes are matched
// exactly, as they are written in invoices ("AE", not "ae"). An unknown
// code is a [*FieldError] wrapping [ErrUnknownCategory].
func ParseCategory(s string) (Category, error) {
	if c := Category(s); c.Valid() {
		return c, nil
	}
	return "", &FieldError{Field: "category", Value: s,
		Reason: "want one of S, Z, E, AE, K, G, O, L, M", err: ErrUnknownCategory}
}

// Valid reports whether c is one of the EN 16931 categories.
func (c Category) Valid() bool {
	_, ok := descriptions[c]
	return ok
}

// Description returns the UNCL5305 name of c, or "" if c is not valid.
func (c Category) Description() string { return descriptions[c] }

// String returns the code of c.
func (c Category) String() string { return string(c) }

// RequiresExemptionReason reports whether the VAT breakdown of c must give
// an exemption reason code or text: true for E, AE, K, G and O (rules
// BR-E-10, BR-AE-10, BR-IC-10, BR-G-10, BR-O-10).
//
// For the other categories a reason is not merely optional but forbidden:
// BR-S-10, BR-Z-10, BR-AF-10 (L) and BR-AG-10 (M).
func (c Category) RequiresExemptionReason() bool {
	switch c {
	case Exempt, ReverseCharge, IntraCommunity, Export, OutsideScope:
		return true
	}
	return false
}

// ZeroRateOnly reports whether the VAT rate of c must be 0: true for Z, E,
// AE, K and G (BR-Z-05, BR-E-05, BR-AE-05, BR-IC-05, BR-G-05).
//
// It is false for O, whose lines and breakdown carry no rate at all
// (BR-O-05: not even 0); see [Category.HasRate]. L and M accept any rate
// of 0 or more (BR-AF-05, BR-AG-05).
func (c Category) ZeroRateOnly() bool {
	switch c {
	case ZeroRated, Exempt, ReverseCharge, IntraCommunity, Export:
		return true
	}
	return false
}

// RequiresPositiveRate reports whether the VAT rate of c must be greater
// than 0: true only for S (BR-S-05).
func (c Category) RequiresPositiveRate() bool { return c == StandardRate }

// HasRate reports whether lines and breakdowns of c carry a VAT rate. It
// is false for O, "not subject to VAT", which must give no rate (BR-O-05),
// and for invalid categories; it is true for all the others, including
// those whose rate must be 0.
func (c Category) HasRate() bool { return c.Valid() && c != OutsideScope }

// RequiresBuyerVATID reports whether an invoice using c must identify the
// buyer for VAT: true for AE and K.
//
// For K the buyer VAT identifier (BT-48) is required (BR-IC-02). For AE,
// BR-AE-02 accepts either the buyer VAT identifier or the buyer legal
// registration identifier (BT-47); a host that has only the latter can
// still issue a reverse charge invoice.
func (c Category) RequiresBuyerVATID() bool {
	return c == ReverseCharge || c == IntraCommunity
}
