// Package quote is billkit's configure-price-quote: quotes priced from the
// catalogue with negotiated terms, guardrails on discounts, approvals,
// revisions, and acceptance into a contract whose lines carry the
// negotiated terms to every invoice.
//
// A Desk prices a quote's Input: each line's list price comes from the
// catalogue on the quote date (with its explanation), its VAT from the
// product and the rate table, and its negotiated terms (a discount in
// percent or an amount off, or a negotiated unit price) are turned into an
// invoice line. Totals and the VAT breakdown are those of an invoice.Document
// built from the lines and calculated by the invoice package itself, so a
// quote and the invoices of its contract always agree to the cent.
//
// The Desk's Policy sets guardrails per product or price book: the discount
// each approval level may grant alone, and floors no price may go under.
// A price under its floor is refused; a discount over the author's limit
// makes the quote need approval, line by line (Requirement), and it cannot
// be sent before approvers of the required levels, other than its author,
// approve it.
//
//	desk, _ := quote.NewDesk(cat, tax.DefaultRates(), policy)
//	q, err := desk.New(id, quote.User{ID: "alice", Level: "sales_rep"}, input)
//	err = q.Submit()                                                 // in_review: 18 % needs a manager
//	err = q.Approve(quote.User{ID: "bob", Level: "sales_manager"}, at) // approved
//	err = q.Send(date.MustParse("2026-03-02"))
//	contract, err := q.Accept(contractID, date.MustParse("2026-03-10"))
//	charges, err := contract.Lines[0].Charges(window, inputs)
//	line, err := contract.Lines[0].InvoiceLine("1", charges[0])
//
// Each quote line's billing plan (a schedule.Plan: one-time, recurring,
// milestones, installments or usage) is a template whose amount derives
// from the line's negotiated net amount. Acceptance copies the terms and
// the plan into a ContractLine, which prices usage at the negotiated terms
// and turns each charge of its plan into an invoice line carrying them.
//
// The package is pure domain code: it stores nothing and reads no clock.
// IDs, dates and instants come from the caller; Snapshot and Restore let a
// store save and load quotes.
package quote
