// Package invoice holds invoices and credit notes: their content in the
// terms of the European e-invoicing standard EN 16931, the calculation of
// their amounts, their validation against the standard's business rules and
// French law, their lifecycle from draft to paid, gapless numbering, and
// credit notes that correct them.
//
// A Document is the content, a plain value: parties, lines, allowances and
// charges, VAT, totals. Calculate computes its amounts (line net amounts,
// VAT breakdown, totals) with exact decimals and one documented rounding per
// step; Validate reports every fault with its EN 16931 rule identifier and
// field path. An Invoice wraps a Document with its lifecycle: drafts are
// edited, submitted, approved when the host's policy requires it, then
// issued, which assigns the next number of a series and freezes the content.
// Corrections are credit notes drawn up from the invoice with NewCreditNote.
// A document is bounded: at most [MaxLines] lines, numbers below 10^15,
// texts of a length set per kind of field and made of valid UTF-8 without
// control characters (the table is at [MaxLines]), so that what is issued
// is stored and exported byte for byte.
//
//	doc := invoice.Document{
//		Currency: money.EUR,
//		Seller:   seller, Buyer: buyer,
//		DueDate:  date.MustParse("2026-04-01"),
//		Lines: []invoice.Line{{
//			ID: "1", Name: "Consulting", Quantity: decimal.NewFromInt(3), UnitCode: "HUR",
//			UnitPrice: money.MustParse("120.00 EUR"),
//			VAT:       invoice.VAT{Category: tax.StandardRate, Rate: decimal.NewFromInt(20)},
//		}},
//	}
//	inv, err := invoice.NewDraft(id, doc)     // calculated: 360.00 + 72.00 VAT = 432.00 EUR
//	err = inv.Submit(invoice.ApprovalPolicy{}) // validated and approved
//	err = inv.Issue(ctx, seq, invoice.Series{ID: "acme/invoice", Prefix: "F", Yearly: true, Separator: "-"},
//		date.MustParse("2026-03-02"))      // number F2026-000001, frozen
//
// Once issued, a [Ledger] tracks what a customer owes: it records payments,
// allocates them across invoices (explicitly or oldest due first), keeps the
// customer's credit balance and refunds, issues credit notes, and moves
// invoices to partially paid and paid. Every movement is a journal entry, so
// invoice + credit notes - payments = balance holds by construction.
// [DunningPolicy.Run] proposes the reminders due on a date, never the same
// step twice, and [LateFeeTerms.Compute] gives French late-payment interest
// and the 40 EUR recovery indemnity.
//
// The package is pure domain code: it stores nothing and reads no clock.
// Dates and IDs come from the caller; numbering goes through the Sequence
// interface, which a store implements inside its transaction.
package invoice
