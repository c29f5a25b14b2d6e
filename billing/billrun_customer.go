package billing

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/internal/uuidtext"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/schedule"
)

// groupResult is what billing one customer gave.
type groupResult struct {
	invoices        []draft // written, until the worker summarises them
	summaries       []BilledInvoice
	failures        []BillRunFailure
	billed, already int
	// elsewhere is set when another engine instance was billing the
	// customer: its claim was held elsewhere in the batch's last try.
	elsewhere bool
	// contracts is the number of the customer's contracts.
	contracts int
}

// dueCharge is a charge of a contract line, with its idempotency key.
type dueCharge struct {
	contract *Contract
	line     int
	charge   schedule.Charge
	key      string
}

// draft is an invoice a bill run is about to create, with the charges it
// bills and the contracts they come from.
type draft struct {
	snap      invoice.Snapshot // a calculated draft
	id        string           // snap.ID as text
	created   Event            // else: the event of its creation
	inv       *invoice.Invoice // to issue: the draft submitted
	roles     []string         // to issue: the approval chain it needs
	charges   []dueCharge
	contracts []*Contract
}

// scratch is memory a bill-run worker draws up a batch's drafts in, and
// reuses for the next batch once the store has its copies and the report
// its summaries: the drafts, their lines and the charges they bill.
type scratch struct {
	drafts  []draft
	lines   []invoice.Line
	charges []dueCharge
}

// reset makes all of the scratch free again.
func (s *scratch) reset() {
	clear(s.drafts)
	s.drafts = s.drafts[:0]
	clear(s.lines)
	s.lines = s.lines[:0]
	clear(s.charges)
	s.charges = s.charges[:0]
}

// lineRoom returns an empty list with room for n invoice lines, and
// chargeRoom one for n charges: parts of the scratch, or new lists when s
// is nil.
func (s *scratch) lineRoom(n int) []invoice.Line {
	if s == nil {
		return make([]invoice.Line, 0, n)
	}
	return carve(&s.lines, n)
}

func (s *scratch) chargeRoom(n int) []dueCharge {
	if s == nil {
		return make([]dueCharge, 0, n)
	}
	return carve(&s.charges, n)
}

// draftRoom returns an empty list with room for n drafts: a part of the
// scratch, or a new list when s is nil.
func (s *scratch) draftRoom(n int) []draft {
	if s == nil {
		return make([]draft, 0, n)
	}
	return carve(&s.drafts, n)
}

// carve returns an empty list with room for n elements taken at the end
// of *buf, which grows when it has no room left. Lists carved before
// keep their memory when it grows.
func carve[T any](buf *[]T, n int) []T {
	if cap(*buf)-len(*buf) < n {
		*buf = slices.Grow(*buf, max(n, cap(*buf)))
	}
	start := len(*buf)
	*buf = (*buf)[:start+n]
	return (*buf)[start : start : start+n]
}

// errRaced reports that another run billed some of a customer's charges
// between the check and the write.
var errRaced = errors.New("billing: charges billed concurrently")

// billCustomer bills the due charges of one customer's contracts in one
// transaction, tried again after transient failures (see billRetrying). A
// store that stayed unavailable through every retry stops the run.
func (e *Engine) billCustomer(ctx context.Context, r *retrier, userID string, on date.Date, contracts []*Contract, opts BillRunOptions) groupResult {
	var res groupResult
	w, ok := e.customerWork(ctx, on, contracts, &res, nil)
	if !ok {
		return res
	}
	work := []batchCustomer{w}
	err := e.billRetrying(ctx, r, userID, on, work, opts, nil, nil)
	if err != nil {
		if errors.Is(err, ErrUnavailable) && ctx.Err() == nil {
			r.giveUp(err)
		}
		return failAll(res, contracts, err)
	}
	return res
}

// failAll returns res with every contract failed with err, and nothing
// billed or found billed: what a failed transaction read is not reported.
func failAll(res groupResult, contracts []*Contract, err error) groupResult {
	res.invoices, res.failures, res.billed, res.already, res.elsewhere = nil, res.failures[:0], 0, 0, false
	for i := range contracts {
		res.failures = append(res.failures, BillRunFailure{ContractID: contracts[i].ID.String(), Customer: contracts[i].Customer,
			Err: err, Transient: transient(err)})
	}
	return res
}

// dueCharges appends to due the charges of a contract due on or before
// on: those whose billing date falls between the start of each line and
// on. On error it returns due as it was given.
func (e *Engine) dueCharges(ctx context.Context, due []dueCharge, c *Contract, on date.Date) ([]dueCharge, error) {
	out := due
	for i := range c.Lines {
		l := &c.Lines[i]
		if l.Start.After(on) {
			continue
		}
		in := schedule.Inputs{Reached: c.Reached[l.ID]}
		if l.Plan.Kind == schedule.KindUsage {
			if e.usage == nil {
				return due, errors.New("billing: usage-billed line " + l.ID + " but no usage source is configured")
			}
			// The host gets its own copy: c may be the store's (see
			// customerGroups).
			m, err := e.usage.Meter(ctx, c.Clone(), l.ID)
			if err != nil {
				return due, err
			}
			in.Usage = m
		}
		charges, err := l.Charges(date.Range{Start: l.Start, End: on.AddDays(1)}, in)
		if err != nil {
			return due, err
		}
		for _, ch := range charges {
			out = append(out, dueCharge{contract: c, line: i, charge: ch, key: chargeKey(c, l.ID, ch)})
		}
	}
	return out, nil
}

// chargeKey identifies a charge across runs: the contract line, the
// billing date, the service period and the label.
func chargeKey(c *Contract, lineID string, ch schedule.Charge) string {
	var buf [128]byte
	b := uuidtext.Append(buf[:0], c.ID)
	b = append(b, '/')
	b = append(b, lineID...)
	b = append(b, '/')
	b, _ = ch.BillingDate.AppendText(b) // never fails
	b = append(b, '/')
	b, _ = ch.Period.Start.AppendText(b)
	b = append(b, '/')
	b = append(b, ch.Label...)
	return string(b)
}

// notIn returns the charges of due whose keys marked does not hold: due
// itself when marked holds none of them.
func notIn(due []dueCharge, marked map[string]string) []dueCharge {
	if len(marked) == 0 {
		return due
	}
	out := due[:0:0]
	for _, d := range due {
		if _, ok := marked[d.key]; !ok {
			out = append(out, d)
		}
	}
	return out
}

// invoiceGroup says which charges share an invoice: the same currency,
// seller and purchase order (the customer is the same already).
type invoiceGroup struct {
	currency money.Currency
	seller   partyKey
	po       string
}

// partyKey is CustomerKey without the string it builds: the kind of ID
// and the ID.
type partyKey struct {
	kind byte
	id   string
}

// partyKeyOf returns the partyKey of p, which tells parties apart as
// CustomerKey does.
func partyKeyOf(p *invoice.Party) partyKey {
	switch {
	case p.LegalID != "":
		return partyKey{'i', p.LegalID}
	case p.VATID != "":
		return partyKey{'v', p.VATID}
	}
	return partyKey{'n', p.Name}
}

// drafts builds one draft invoice per group of charges. A contract whose
// line cannot be turned into an invoice line fails alone; a group whose
// invoice cannot be drawn up fails with all its contracts.
//
// The work that needs no transaction is done here, outside it: each draft
// is calculated, and either submitted, to be issued, or given the audit
// event of its creation by userID.
//
// The drafts, their lines and charges are drawn up in sc when it is not
// nil: a run reuses that memory from one batch to the next.
func (e *Engine) drafts(userID string, due []dueCharge, on date.Date, issue bool, sc *scratch) ([]draft, []BillRunFailure) {
	var failures []BillRunFailure
	var failed []*Contract // a customer has few contracts
	fail := func(c *Contract, err error) {
		if !slices.Contains(failed, c) {
			failed = append(failed, c)
			failures = append(failures, BillRunFailure{ContractID: c.ID.String(), Customer: c.Customer, Err: err})
		}
	}
	type group struct {
		key     invoiceGroup
		lines   []invoice.Line
		charges []dueCharge
	}
	var room [2]group
	groups := room[:0] // in the order first met; usually just one
	var last *Contract
	gi := -1
	for k, d := range due {
		c := d.contract
		if slices.Contains(failed, c) {
			continue
		}
		if c != last {
			last = c
			key := invoiceGroup{currency: c.Currency, seller: partyKeyOf(&c.Seller), po: c.PurchaseOrder}
			gi = slices.IndexFunc(groups, func(g group) bool { return g.key == key })
			if gi < 0 {
				// Room for every charge left: usually they all share it.
				rest := len(due) - k
				groups = append(groups, group{key: key, lines: sc.lineRoom(rest), charges: sc.chargeRoom(rest)})
				gi = len(groups) - 1
			}
		}
		g := &groups[gi]
		cl := &c.Lines[d.line]
		line, err := cl.InvoiceLine(strconv.Itoa(len(g.lines)+1), d.charge)
		if err == nil {
			// The rate in force on the billing date, not the quote's.
			line.VAT, err = cl.VATOn(e.desk.Rates(), d.charge.BillingDate)
		}
		if err != nil {
			fail(c, err)
			continue
		}
		g.lines = append(g.lines, line)
		g.charges = append(g.charges, d)
	}
	out := sc.draftRoom(len(groups))
	for _, g := range groups {
		// Drop the charges of contracts that failed after their group
		// started, and number the lines again.
		ls, kept := g.lines[:0], g.charges[:0]
		for i, d := range g.charges {
			if !slices.Contains(failed, d.contract) {
				l := g.lines[i]
				if l.ID != strconv.Itoa(len(ls)+1) {
					l.ID = strconv.Itoa(len(ls) + 1)
				}
				ls = append(ls, l)
				kept = append(kept, d)
			}
		}
		if len(kept) == 0 {
			continue
		}
		// The draft is drawn up in place, in out's memory.
		out = append(out, draft{})
		d := &out[len(out)-1]
		err := e.draft(d, kept, ls, on)
		switch {
		case err != nil:
		case issue:
			err = e.submit(d)
		default:
			// A new record's first version is 1.
			var fs [invoiceFieldCount]field
			ref := collab.Ref{Kind: collab.KindInvoice, ID: d.id}
			d.created = e.event(userID, ref, ActionInvoiceCreated, nil, appendInvoiceFields(fs[:0], &d.snap), 1, "")
		}
		if err != nil {
			out = out[:len(out)-1]
			for _, ch := range kept {
				fail(ch.contract, err)
			}
		}
	}
	return out, failures
}

// draft draws up in d the invoice of one group of charges.
func (e *Engine) draft(d *draft, charges []dueCharge, lines []invoice.Line, on date.Date) error {
	first := charges[0].contract
	d.snap = invoice.Snapshot{ID: e.newID(), Status: invoice.StatusDraft}
	d.id = d.snap.ID.String()
	doc := &d.snap.Document
	*doc = invoice.Document{
		Type: invoice.TypeCommercialInvoice, Currency: first.Currency,
		Seller: first.Seller, Buyer: first.Buyer,
		DueDate: on.AddDays(e.dueDays), PaymentTerms: e.terms,
		PurchaseOrderRef: first.PurchaseOrder,
		Pricing:          invoice.Pricing{RoundingMode: first.RoundingMode},
		Lines:            lines,
	}
	if e.legal != nil && first.Buyer.Business {
		doc.Legal = *e.legal
	}
	for _, ch := range charges {
		p := ch.charge.Period
		if doc.Period.Start.IsZero() || p.Start.Before(doc.Period.Start) {
			doc.Period.Start = p.Start
		}
		if p.End.After(doc.Period.End) {
			doc.Period.End = p.End
		}
	}
	d.charges = charges
	for _, ch := range charges {
		if len(d.contracts) == 0 || d.contracts[len(d.contracts)-1] != ch.contract {
			d.contracts = append(d.contracts, ch.contract)
		}
	}
	if len(d.contracts) == 1 {
		// The buyer knows its contract by the quote it accepted; the
		// lines' references keep the contract's ID for the host.
		doc.ContractRef = first.QuoteNumber
		if doc.ContractRef == "" {
			doc.ContractRef = first.ID.String()
		}
	}
	// The document is the run's own, so it is calculated in place rather
	// than copied by invoice.NewDraft: a draft is its calculated document.
	return doc.Calculate()
}

// appendMarks appends to marks those of the charges the drafts bill.
func appendMarks(marks []Mark, drafts []draft) []Mark {
	for i := range drafts {
		id := drafts[i].id
		for _, ch := range drafts[i].charges {
			marks = append(marks, Mark{Key: ch.key, InvoiceID: id})
		}
	}
	return marks
}

// markAll marks the charges billed; a charge billed already means another
// run billed it meanwhile.
func markAll(ctx context.Context, tx Tx, marks []Mark) error {
	err := tx.Marks().MarkAll(ctx, marks)
	if errors.Is(err, ErrConflict) {
		return errRaced
	}
	return err
}

// putDrafts stores the drafts, whose charges are marked already, and with
// issue, submits and issues them. It returns the number of charges
// billed; the drafts' snapshots become what was stored.
func (e *Engine) putDrafts(ctx context.Context, tx Tx, c *change, on date.Date, drafts []draft, issue bool) (int, error) {
	billed := 0
	for i := range drafts {
		d := &drafts[i]
		id := d.id
		billed += len(d.charges)
		if !issue {
			v, err := tx.Invoices().Put(ctx, Record[invoice.Snapshot]{ID: id, Value: d.snap})
			if err != nil {
				return 0, err
			}
			if v != d.created.Version {
				return 0, fmt.Errorf("billing: the store gave version %d to the new invoice %s", v, id)
			}
			ev := d.created
			ev.At = e.now() // when it is written, not when it was drawn up
			c.events = append(c.events, ev)
			continue
		}
		snap, err := e.issueSubmitted(ctx, tx, c, d, on)
		if err != nil {
			return 0, err
		}
		d.snap = snap
	}
	return billed, nil
}

// submit submits the draft's invoice, to be issued by issueSubmitted: out
// of the transaction, since it changes nothing stored.
func (e *Engine) submit(d *draft) error {
	inv, err := invoice.NewDraft(d.snap.ID, d.snap.Document)
	if err != nil {
		return err
	}
	d.roles = e.chain(ApprovalInvoice, inv.Total())
	if err := inv.Submit(invoice.ApprovalPolicy{Always: len(d.roles) > 0}); err != nil {
		return err
	}
	d.inv = inv
	return nil
}

// issueSubmitted creates a bill run's submitted invoice and issues it,
// unless an approval rule applies: then it stays pending with its request
// opened.
func (e *Engine) issueSubmitted(ctx context.Context, tx Tx, c *change, d *draft, on date.Date) (invoice.Snapshot, error) {
	inv := d.inv
	if len(d.roles) == 0 {
		return e.issue(ctx, tx, c, inv, 0, on)
	}
	snap := inv.Snapshot()
	if err := putNewInvoice(ctx, tx, c, snap, ActionInvoiceCreated); err != nil {
		return invoice.Snapshot{}, err
	}
	_, err := e.openRequest(ctx, tx, c, requestFor(ApprovalInvoice, invoiceRef(snap), inv.Total(),
		"invoice to "+inv.Buyer().Name+" for "+inv.Total().String(), "", d.roles))
	return snap, err
}
