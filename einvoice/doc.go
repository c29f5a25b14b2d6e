// Package einvoice holds what the EN 16931 e-invoice exports share: the
// check a document passes before it is written, the information EN 16931
// carries that an invoice.Document does not (payment means, item
// identifiers), and the error that lists the business rules a refused
// document breaks.
//
// The syntaxes live in the sub-packages: [github.com/billkit/billkit/einvoice/ubl]
// writes OASIS UBL 2.1 Invoice and CreditNote documents, and
// [github.com/billkit/billkit/einvoice/cii] writes UN/CEFACT Cross Industry
// Invoice D16B documents, the XML inside a Factur-X or ZUGFeRD PDF. Both
// follow the core EN 16931 specification (customization identifier
// urn:cen.eu:en16931:2017), write every business term of the document, and
// give the same bytes for the same document.
//
// A document is written only if it is complete and consistent: Prepare runs
// invoice.Document.Validate (the EN 16931 business rules BR-02 to BR-65,
// BR-CO-xx, BR-DEC-xx and the rules of each VAT category, with the French
// mentions for a seller established in France), then the rules that concern
// the additional information and the XML text itself. A refused document is
// an *ExportError that lists each fault with its rule identifier:
//
//	xml, err := ubl.Marshal(doc,
//		einvoice.WithPaymentMeans(einvoice.PaymentMeans{
//			Code: einvoice.MeansSEPACreditTransfer, Account: "FR7630006000011234567890189", BIC: "AGRIFRPP",
//		}),
//		einvoice.WithItemIDs("1", einvoice.ItemIDs{Seller: "SKU-42"}))
//	var exp *einvoice.ExportError
//	if errors.As(err, &exp) {
//		fmt.Println(exp.Codes()) // [BR-06] when the seller has no name
//	}
//
// Rule BR-01 (the specification identifier) holds by construction: both
// writers always state urn:cen.eu:en16931:2017.
package einvoice
