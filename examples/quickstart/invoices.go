package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/notify"
)

// billRun bills what is due on April 1st, then runs again to show that a
// run never bills a charge twice.
func (t *tour) billRun() error {
	day := date.MustParse("2026-04-01")
	t.section("Bill run", day)
	opts := billing.BillRunOptions{Workers: 1, Progress: func(p billing.BillRunProgress) {
		t.say("  progress: %d/%d contracts, %d failed", p.Done, p.Total, p.Failed)
	}}
	var drafts []invoice.Snapshot
	opts.OnInvoice = func(s invoice.Snapshot) { drafts = append(drafts, s) }
	rep, err := t.engine.BillRun(t.ctx, claire, day, opts)
	if err != nil {
		return err
	}
	if len(rep.Failures) > 0 {
		return fmt.Errorf("bill run: %s: %w", rep.Failures[0].ContractID, rep.Failures[0].Err)
	}
	t.say("%s's run billed %d charges on %d draft invoices", claire, rep.Billed, len(rep.Invoices))
	for _, inv := range drafts {
		d := inv.Document
		po := ""
		if d.PurchaseOrderRef != "" {
			po = ", order " + d.PurchaseOrderRef
		}
		t.say("%s invoice to %s%s:", inv.Status, d.Buyer.Name, po)
		for _, l := range d.Lines {
			t.say("  line %s  %s %s × %s%s  %s  %s", l.ID, l.Quantity, l.Name, l.UnitPrice, allowances(l), l.Period, l.NetAmount)
		}
		t.say("  total %s + VAT %s = %s", d.Totals.TaxExclusive, d.Totals.VAT, d.Totals.TaxInclusive)
	}
	t.drafts = drafts

	opts.Progress, opts.OnInvoice = nil, nil
	again, err := t.engine.BillRun(t.ctx, claire, day, opts)
	if err != nil {
		return err
	}
	t.say("the same run again: %d billed, %d already billed, %d invoices", again.Billed, again.AlreadyBilled, len(again.Invoices))
	return nil
}

// allowances describes the allowances of an invoice line, such as a
// negotiated discount or the proration of a partial period.
func allowances(l invoice.Line) string {
	var b strings.Builder
	for _, a := range l.Allowances {
		fmt.Fprintf(&b, " − %s (%s)", a.Amount.Number().StringFixed(2), a.Reason)
	}
	return b.String()
}

// approveAndIssue submits both drafts: the Fromagerie's is approved at
// once, the Boulangerie's is above the threshold and waits for a finance
// manager. Both are then issued, numbered from one gapless sequence.
func (t *tour) approveAndIssue() error {
	day := date.MustParse("2026-04-01")
	t.section("Approval and issue", day)
	var big, small string
	for _, d := range t.drafts {
		switch d.Document.Buyer.Name {
		case boulangerie.Name:
			big = d.ID.String()
		case fromagerie.Name:
			small = d.ID.String()
		}
	}
	if big == "" || small == "" {
		return fmt.Errorf("the bill run should have drawn up one invoice per customer, not %d", len(t.drafts))
	}
	snap, _, err := t.engine.SubmitInvoice(t.ctx, claire, small)
	if err != nil {
		return err
	}
	t.say("%s submits the invoice to %s (%s): %s", claire, snap.Document.Buyer.Name, snap.Document.Totals.TaxInclusive, snap.Status)
	snap, req, err := t.engine.SubmitInvoice(t.ctx, claire, big)
	if err != nil {
		return err
	}
	t.say("%s submits the invoice to %s (%s): %s", claire, snap.Document.Buyer.Name, snap.Document.Totals.TaxInclusive, snap.Status)
	_, err = t.engine.IssueInvoice(t.ctx, claire, big, day)
	if err == nil {
		return errors.New("an invoice pending approval was issued")
	}
	t.say("issuing it now is refused: %v", err)
	t.printNotifications(david, notify.KindApprovalRequested)
	if _, err := t.engine.Approve(t.ctx, david, req.ID); err != nil {
		return err
	}
	t.say("%s approves it", david)
	t.printNotifications(claire, "")

	for _, id := range []string{small, big} {
		issued, err := t.engine.IssueInvoice(t.ctx, claire, id, day)
		if err != nil {
			return err
		}
		d := issued.Document
		if id == big {
			t.invoiceNumber = d.Number
		}
		t.say("%s issues %s to %s on %s, due %s: %s", claire, d.Number, d.Buyer.Name, d.IssueDate, d.DueDate, d.Totals.Due)
	}
	read, err := t.engine.InvoiceRecord(t.ctx, claire, big)
	if err != nil {
		return err
	}
	_, err = t.engine.EditInvoice(t.ctx, claire, big, read.Version, func(d *invoice.Document) error { d.PaymentTerms = "60 days"; return nil })
	if !errors.Is(err, invoice.ErrImmutable) {
		return errors.Join(errors.New("an issued invoice should be immutable"), err)
	}
	t.say("editing an issued invoice: %v", err)
	t.invoiceID = big
	return nil
}

// collect sends the Boulangerie's invoice and records its payment.
func (t *tour) collect() error {
	day := date.MustParse("2026-04-02")
	t.section("Sending", day)
	sent, err := t.engine.SendInvoice(t.ctx, claire, t.invoiceID, day)
	if err != nil {
		return err
	}
	t.say("%s sends %s: %s", claire, sent.Document.Number, sent.Status)

	day = date.MustParse("2026-04-20")
	t.section("Payment", day)
	amount := sent.Document.Totals.Due
	_, err = t.engine.RecordPayment(t.ctx, claire, invoice.Payment{
		ID: t.newID(), Customer: billing.CustomerKey(sent.Document.Buyer), Amount: amount,
		Date: day, Method: invoice.MethodTransfer, Reference: "VIR " + sent.Document.Number,
	}, invoice.AllocateOldestFirst())
	if err != nil {
		return err
	}
	paid, err := t.engine.Invoice(t.ctx, claire, t.invoiceID)
	if err != nil {
		return err
	}
	t.say("%s records a transfer of %s: %s is %s", claire, amount, paid.Document.Number, paid.Status)
	return nil
}

// history prints the audit trail of the Boulangerie's invoice.
func (t *tour) history() error {
	events, err := t.engine.History(t.ctx, claire, invoiceRef(t.invoiceID), billing.EventQuery{})
	if err != nil {
		return err
	}
	t.say("\n== Audit trail of %s, as %s reads it", t.invoiceNumber, claire)
	for _, ev := range events {
		var changed []string
		for _, c := range ev.Changes {
			if c.Field == "status" || c.Field == "number" || c.Field == "sent_on" || c.Field == "due" {
				changed = append(changed, fmt.Sprintf("%s %s → %s", c.Field, orNone(c.Before), c.After))
			}
		}
		t.say("%s  v%d  %-24s by %-6s %s", ev.At.Format("2006-01-02 15:04:05"), ev.Version, ev.Action, ev.Actor,
			strings.Join(changed, ", "))
	}
	return nil
}

func invoiceRef(id string) collab.Ref { return collab.Ref{Kind: collab.KindInvoice, ID: id} }

func orNone(s string) string {
	if s == "" {
		return "∅"
	}
	return s
}
