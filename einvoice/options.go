package einvoice

// PaymentMeansCode is a payment means type code of the UNTDID 4461 code
// list (BT-81). It is written as the code itself.
type PaymentMeansCode string

// Common payment means codes.
const (
	MeansNotDefined         PaymentMeansCode = "1"  // instrument not defined
	MeansCash               PaymentMeansCode = "10" // in cash
	MeansCheque             PaymentMeansCode = "20" // cheque
	MeansCreditTransfer     PaymentMeansCode = "30" // credit transfer
	MeansDebitTransfer      PaymentMeansCode = "31" // debit transfer
	MeansPaymentToAccount   PaymentMeansCode = "42" // payment to bank account
	MeansBankCard           PaymentMeansCode = "48" // bank card
	MeansDirectDebit        PaymentMeansCode = "49" // direct debit
	MeansSEPACreditTransfer PaymentMeansCode = "58" // SEPA credit transfer
	MeansSEPADirectDebit    PaymentMeansCode = "59" // SEPA direct debit
)

// needsAccount reports whether c is a credit transfer, whose payee account
// (BT-84) is required by BR-61.
func (c PaymentMeansCode) needsAccount() bool {
	return c == MeansCreditTransfer || c == MeansSEPACreditTransfer
}

// PaymentMeans is how the buyer is expected to pay (BG-16), with the
// payee's account for a credit transfer (BG-17) or the mandate of a direct
// debit (BG-19).
type PaymentMeans struct {
	// Code is the payment means type code (BT-81). Required (BR-49).
	Code PaymentMeansCode
	// Text is the payment means in words (BT-82), such as "Virement SEPA".
	Text string
	// RemittanceInfo is the text the buyer is asked to give with the
	// payment to match it with the invoice (BT-83), often the invoice number.
	RemittanceInfo string
	// Account is the payee's account (BT-84): an IBAN for a SEPA payment.
	// Required for a credit transfer (BR-50, BR-61).
	Account string
	// AccountName is the name of the payee's account (BT-85).
	AccountName string
	// BIC is the payee's payment service provider (BT-86).
	BIC string
	// MandateID is the direct debit mandate reference (BT-89).
	MandateID string
	// DebitedAccount is the buyer's account debited by a direct debit (BT-91).
	DebitedAccount string
}

// IsZero reports whether no field of p is set.
func (p PaymentMeans) IsZero() bool { return p == PaymentMeans{} }

// ItemIDs identify the item of a line (BG-31).
type ItemIDs struct {
	// Seller is the seller's identifier of the item, such as its SKU (BT-155).
	Seller string
	// Buyer is the buyer's identifier of the item (BT-156).
	Buyer string
	// Standard is an identifier from a registered scheme, such as a GTIN
	// (BT-157), and StandardScheme the ISO/IEC 6523 code of that scheme,
	// such as "0160" for GTIN (BT-157-1), required with it (BR-64).
	Standard       string
	StandardScheme string
}

// IsZero reports whether no field of ids is set.
func (ids ItemIDs) IsZero() bool { return ids == ItemIDs{} }

// Option adds to a document information that EN 16931 carries and
// invoice.Document does not.
type Option func(*config)

type config struct {
	means []PaymentMeans
	items []lineItem
}

type lineItem struct {
	lineID string
	ids    ItemIDs
}

// WithPaymentMeans adds payment means (BG-16), in the order given.
func WithPaymentMeans(means ...PaymentMeans) Option {
	return func(c *config) { c.means = append(c.means, means...) }
}

// WithItemIDs gives the item identifiers of the line whose ID (BT-126) is
// lineID. Given twice for the same line, the last one wins.
func WithItemIDs(lineID string, ids ItemIDs) Option {
	return func(c *config) { c.items = append(c.items, lineItem{lineID, ids}) }
}
