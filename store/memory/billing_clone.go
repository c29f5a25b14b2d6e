package memory

import (
	"slices"

	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/quote"
)

// The copies below duplicate every slice, map and pointer that a caller
// could change in place. Decimals, amounts and catalogue prices are
// immutable values and are shared. A nil slice stays nil and an empty one
// stays empty, so that a value reads back exactly as it was written.

// cloneInvoice returns a copy of s that shares no mutable memory with it.
func cloneInvoice(s invoice.Snapshot) invoice.Snapshot {
	s.Document = s.Document.Clone()
	s.Credits.CreditNotes = slices.Clone(s.Credits.CreditNotes)
	s.Credits.Lines = slices.Clone(s.Credits.Lines)
	s.Credits.Breakdowns = slices.Clone(s.Credits.Breakdowns)
	return s
}

// cloneLedger returns a copy of s that shares no mutable memory with it.
func cloneLedger(s invoice.LedgerSnapshot) invoice.LedgerSnapshot {
	if s.Invoices != nil {
		invoices := make([]invoice.LedgerInvoice, len(s.Invoices))
		for i, li := range s.Invoices {
			li.Credits = slices.Clone(li.Credits)
			invoices[i] = li
		}
		s.Invoices = invoices
	}
	s.Payments = slices.Clone(s.Payments)
	s.Refunds = slices.Clone(s.Refunds)
	s.Entries = slices.Clone(s.Entries)
	return s
}

// cloneQuote returns a copy of s that shares no mutable memory with it.
func cloneQuote(s quote.Snapshot) quote.Snapshot {
	if s.Input.Lines != nil {
		lines := make([]quote.LineInput, len(s.Input.Lines))
		for i, l := range s.Input.Lines {
			l.Plan = l.Plan.Clone()
			lines[i] = l
		}
		s.Input.Lines = lines
	}
	s.Levels = slices.Clone(s.Levels)
	if s.Lines != nil {
		lines := make([]quote.Line, len(s.Lines))
		for i, l := range s.Lines {
			l.Plan = l.Plan.Clone()
			lines[i] = l
		}
		s.Lines = lines
	}
	s.Document = s.Document.Clone()
	s.Requirements = slices.Clone(s.Requirements)
	s.Approvals = slices.Clone(s.Approvals)
	s.Rejections = slices.Clone(s.Rejections)
	return s
}
