// Package ubl writes invoices and credit notes as OASIS UBL 2.1 documents
// following the European e-invoicing standard EN 16931 (customization
// identifier urn:cen.eu:en16931:2017), the syntax of the Peppol network and
// of many public buyers.
//
// A commercial invoice (type 380) becomes an Invoice, a credit note (381) a
// CreditNote that references the invoice it corrects (BillingReference).
// Every business term of the invoice.Document is written, in the element
// order of the UBL schemas: seller and buyer with their legal, VAT and tax
// registration identifiers, electronic and postal addresses, invoicing and
// line periods, order, contract and preceding invoice references, delivery,
// payment means and terms, notes (the subject code as "#PMT#text"), document
// and line allowances and charges, the VAT breakdown with its exemption
// reasons, the totals (LegalMonetaryTotal) and the lines with their items
// and prices. Amounts have the precision of the currency, dates the form
// YYYY-MM-DD.
//
// Nothing invalid is written: Marshal checks the document with
// einvoice.Prepare and returns an *einvoice.ExportError listing the EN 16931
// rules it breaks instead.
//
//	doc := inv.Document() // an issued invoice, or use MarshalInvoice(inv)
//	xml, err := ubl.Marshal(doc, einvoice.WithPaymentMeans(einvoice.PaymentMeans{
//		Code: einvoice.MeansSEPACreditTransfer, Account: "FR7630006000011234567890189",
//	}))
//	var exp *einvoice.ExportError
//	if errors.As(err, &exp) {
//		log.Printf("cannot send %s: %v", doc.Number, exp.Codes()) // such as [BR-06]
//	}
//
// Two choices of the binding are worth knowing. A UBL 2.1 CreditNote has no
// due date element: EN 16931 puts its due date (BT-9) in the first payment
// means, so a credit note without payment means carries none. And EN 16931
// states prices without VAT: a document priced VAT included states each
// line's net amount as its price for the whole quantity (see
// invoice.Document.Calculate for how the net amounts are derived).
package ubl
