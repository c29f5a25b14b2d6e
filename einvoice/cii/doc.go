// Package cii writes invoices and credit notes as UN/CEFACT Cross Industry
// Invoice D16B documents following the European e-invoicing standard
// EN 16931 (guideline urn:cen.eu:en16931:2017): the XML that a Factur-X
// (profile EN 16931) or ZUGFeRD PDF embeds, and one of the two syntaxes of
// the French e-invoicing reform.
//
// A commercial invoice has type code 380, a credit note 381 with a
// reference to the invoice it corrects (InvoiceReferencedDocument). Every
// business term of the invoice.Document is written, in the element order of
// the CII schemas: seller and buyer with their legal, VAT (scheme VA) and
// tax registration (scheme FC) identifiers, electronic and postal
// addresses, invoicing and line periods, order, contract and preceding
// invoice references, delivery, payment means and terms, notes with their
// subject codes, document and line allowances and charges, the VAT
// breakdown with its exemption reasons, the totals and the lines with their
// products and net prices. Amounts have the precision of the currency,
// dates format 102 (YYYYMMDD).
//
// Nothing invalid is written: Marshal checks the document with
// einvoice.Prepare and returns an *einvoice.ExportError listing the EN 16931
// rules it breaks instead.
//
//	xml, err := cii.MarshalInvoice(inv, einvoice.WithPaymentMeans(einvoice.PaymentMeans{
//		Code: einvoice.MeansSEPACreditTransfer, Account: "FR7630006000011234567890189", BIC: "AGRIFRPP",
//	}))
//	if errors.Is(err, einvoice.ErrNotExportable) {
//		// fix the document: err lists each fault with its BR code
//	}
//
// CII carries one payment reference (BT-83) and one direct debit mandate
// (BT-89) per document: with several payment means, the first given is
// written. A payee account (BT-84) that has the shape of an IBAN is written
// as IBANID, any other as ProprietaryID. Prices are stated without VAT, as
// in the ubl package.
package cii
