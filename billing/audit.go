package billing

import (
	"strconv"

	"github.com/google/uuid"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
)

// field is one audited field of an object, as canonical text.
type field struct{ name, value string }

// diff returns the fields whose values differ between before and after,
// which list the same fields in the same order (before is nil for a
// creation).
func diff(before, after []field) []Change {
	old := func(i int) string {
		if i < len(before) {
			return before[i].value
		}
		return ""
	}
	n := 0 // counted first, so that the list is allocated once
	for i, f := range after {
		if old(i) != f.value {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]Change, 0, n)
	for i, f := range after {
		if o := old(i); o != f.value {
			out = append(out, Change{Field: f.name, Before: o, After: f.value})
		}
	}
	return out
}

func amountText(a money.Amount) string {
	if a.Currency().Code() == "" {
		return ""
	}
	return a.String()
}

// appendAmount appends what amountText returns.
func appendAmount(b []byte, a money.Amount) []byte {
	if a.Currency().Code() == "" {
		return b
	}
	b, _ = a.AppendText(b) // never fails
	return b
}

// invoiceFieldCount is the number of fields invoiceFields returns.
const invoiceFieldCount = 12

func invoiceFields(s invoice.Snapshot) []field {
	return appendInvoiceFields(make([]field, 0, invoiceFieldCount), &s)
}

// appendInvoiceFields appends the audited fields of s to fs. The dates
// and amounts are written as parts of one string: an invoice is audited
// at every step of its life, and each bill run audits thousands.
func appendInvoiceFields(fs []field, s *invoice.Snapshot) []field {
	d := &s.Document
	var buf [192]byte
	var ends [7]int
	b := buf[:0]
	for i, day := range [...]date.Date{d.IssueDate, d.DueDate, s.SentOn} {
		b, _ = day.AppendText(b) // never fails
		ends[i] = len(b)
	}
	for i, a := range [...]money.Amount{d.Totals.TaxExclusive, d.Totals.VAT, d.Totals.TaxInclusive, d.Totals.Due} {
		b = appendAmount(b, a)
		ends[3+i] = len(b)
	}
	texts := string(b)
	part := func(i int) string {
		if i == 0 {
			return texts[:ends[0]]
		}
		return texts[ends[i-1]:ends[i]]
	}
	return append(fs,
		field{"status", string(s.Status)},
		field{"number", d.Number},
		field{"issue_date", part(0)},
		field{"due_date", part(1)},
		field{"sent_on", part(2)},
		field{"buyer", d.Buyer.Name},
		field{"lines", strconv.Itoa(len(d.Lines))},
		field{"tax_exclusive", part(3)},
		field{"vat", part(4)},
		field{"tax_inclusive", part(5)},
		field{"due", part(6)},
		field{"credited", amountText(s.Credits.Due)},
	)
}

func quoteFields(s quote.Snapshot) []field {
	d := &s.Document
	return []field{
		{"status", string(s.Status)},
		{"number", s.Input.Number},
		{"revision", strconv.Itoa(s.Revision)},
		{"buyer", s.Input.Buyer.Name},
		{"lines", strconv.Itoa(len(s.Lines))},
		{"tax_exclusive", amountText(d.Totals.TaxExclusive)},
		{"tax_inclusive", amountText(d.Totals.TaxInclusive)},
		{"approvals", strconv.Itoa(len(s.Approvals))},
		{"sent_on", dateText(s.SentOn)},
		{"contract_id", uuidText(s.ContractID)},
		{"revised_by", revisionText(s)},
	}
}

// revisionText names the revision that replaced a quote: its number, or
// "" while none has.
func revisionText(s quote.Snapshot) string {
	if s.NextID == uuid.Nil {
		return ""
	}
	return strconv.Itoa(s.Revision + 1)
}

func contractFields(c Contract) []field {
	reached := 0
	for _, m := range c.Reached {
		reached += len(m)
	}
	return []field{
		{"quote", c.QuoteNumber},
		{"customer", c.Customer},
		{"accepted_on", dateText(c.AcceptedOn)},
		{"lines", strconv.Itoa(len(c.Lines))},
		{"milestones_reached", strconv.Itoa(reached)},
	}
}

func approvalFields(r ApprovalRequest) []field {
	decided := 0
	for _, s := range r.Steps {
		if s.Decision != "" {
			decided++
		}
	}
	return []field{
		{"status", string(r.Status)},
		{"kind", string(r.Kind)},
		{"amount", amountText(r.Amount)},
		{"steps", strconv.Itoa(len(r.Steps))},
		{"decided", strconv.Itoa(decided)},
	}
}

func dateText(d interface {
	IsZero() bool
	String() string
}) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func uuidText(id interface{ String() string }) string {
	s := id.String()
	if s == "00000000-0000-0000-0000-000000000000" {
		return ""
	}
	return s
}

// Object references of the engine's aggregates.
func invoiceRef(s invoice.Snapshot) collab.Ref {
	if s.Document.Type == invoice.TypeCreditNote {
		return collab.Ref{Kind: collab.KindCreditNote, ID: s.ID.String()}
	}
	return collab.Ref{Kind: collab.KindInvoice, ID: s.ID.String()}
}

func quoteRef(id string) collab.Ref    { return collab.Ref{Kind: collab.KindQuote, ID: id} }
func contractRef(id string) collab.Ref { return collab.Ref{Kind: collab.KindContract, ID: id} }

// KindApproval is the kind of approval requests in the audit trail.
const KindApproval collab.Kind = "approval"

func approvalRef(id string) collab.Ref { return collab.Ref{Kind: KindApproval, ID: id} }
