package billing

import (
	"context"
	"errors"
	"strconv"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/schedule"
)

// groupResult is what billing one customer gave.
type groupResult struct {
	invoices        []invoice.Snapshot
	failures        []BillRunFailure
	billed, already int
	// elsewhere is set when another engine instance was billing the
	// customer.
	elsewhere bool
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
	inv       *invoice.Invoice
	charges   []dueCharge
	contracts []*Contract
}

// errRaced reports that another run billed some of a customer's charges
// between the check and the write.
var errRaced = errors.New("billing: charges billed concurrently")

// billCustomer bills the due charges of one customer's contracts.
func (e *Engine) billCustomer(ctx context.Context, userID string, on date.Date, contracts []Contract, opts BillRunOptions) groupResult {
	var res groupResult
	var due []dueCharge
	for i := range contracts {
		c := &contracts[i]
		charges, err := e.dueCharges(ctx, c, on)
		if err != nil {
			res.failures = append(res.failures, BillRunFailure{ContractID: c.ID.String(), Customer: c.Customer, Err: err})
			continue
		}
		due = append(due, charges...)
	}
	if len(due) == 0 {
		return res
	}
	contractFailures := res.failures
	if cl, ok := e.store.(Claimer); ok && !opts.DryRun {
		return e.billClaimed(ctx, cl, userID, on, contracts, due, res, opts)
	}
	for attempt := 0; ; attempt++ {
		var fresh []dueCharge
		err := e.view(ctx, func(tx Tx) error {
			var err error
			fresh, err = unbilled(ctx, tx, due)
			return err
		})
		if err != nil {
			return failAll(res, contracts, err)
		}
		already := len(due) - len(fresh)
		drafts, failures := e.drafts(fresh, on)
		res.failures = append(contractFailures[:len(contractFailures):len(contractFailures)], failures...)
		if opts.DryRun {
			for _, d := range drafts {
				res.invoices = append(res.invoices, d.inv.Snapshot())
				res.billed += len(d.charges)
			}
			res.already = already
			return res
		}
		created, billed, err := e.commitDrafts(ctx, userID, on, drafts, opts.Issue)
		if errors.Is(err, errRaced) && attempt < 3 {
			continue
		}
		if err != nil {
			return failAll(res, contracts, err)
		}
		res.invoices, res.billed, res.already = created, billed, already
		return res
	}
}

// billClaimed bills one customer's due charges on a store shared by
// several engine instances: it reads what is unbilled, draws up the
// invoices and writes them in one transaction holding the customer's
// claim, and leaves the customer to the instance that holds the claim
// already.
func (e *Engine) billClaimed(ctx context.Context, cl Claimer, userID string, on date.Date, contracts []Contract, due []dueCharge, res groupResult, opts BillRunOptions) groupResult {
	contractFailures := res.failures
	claimed := true
	run := func(ctx context.Context, fn func(Tx) error) error {
		var err error
		claimed, err = cl.Claim(ctx, "billrun/"+contracts[0].Customer, fn)
		return err
	}
	var created []invoice.Snapshot
	var billed, already int
	err := e.updateIn(ctx, run, userID, func(tx Tx, c *change) error {
		fresh, err := unbilled(ctx, tx, due)
		if err != nil {
			return err
		}
		already = len(due) - len(fresh)
		drafts, failures := e.drafts(fresh, on)
		res.failures = append(contractFailures[:len(contractFailures):len(contractFailures)], failures...)
		created, billed, err = e.writeDrafts(ctx, tx, c, on, drafts, opts.Issue)
		return err
	})
	if !claimed {
		res.elsewhere = true
		return res
	}
	if err != nil {
		return failAll(res, contracts, err)
	}
	res.invoices, res.billed, res.already = created, billed, already
	return res
}

func failAll(res groupResult, contracts []Contract, err error) groupResult {
	res.invoices, res.failures, res.billed = nil, res.failures[:0], 0
	for i := range contracts {
		res.failures = append(res.failures, BillRunFailure{ContractID: contracts[i].ID.String(), Customer: contracts[i].Customer, Err: err})
	}
	return res
}

// dueCharges returns the charges of a contract due on or before on: those
// whose billing date falls between the start of each line and on.
func (e *Engine) dueCharges(ctx context.Context, c *Contract, on date.Date) ([]dueCharge, error) {
	var out []dueCharge
	for i := range c.Lines {
		l := &c.Lines[i]
		if l.Start.After(on) {
			continue
		}
		in := schedule.Inputs{Reached: c.Reached[l.ID]}
		if l.Plan.Kind == schedule.KindUsage {
			if e.usage == nil {
				return nil, errors.New("billing: usage-billed line " + l.ID + " but no usage source is configured")
			}
			m, err := e.usage.Meter(ctx, *c, l.ID)
			if err != nil {
				return nil, err
			}
			in.Usage = m
		}
		charges, err := l.Charges(date.Range{Start: l.Start, End: on.AddDays(1)}, in)
		if err != nil {
			return nil, err
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
	b := make([]byte, 0, 96)
	b = append(b, c.ID.String()...)
	b = append(b, '/')
	b = append(b, lineID...)
	b = append(b, '/')
	b = append(b, ch.BillingDate.String()...)
	b = append(b, '/')
	b = append(b, ch.Period.Start.String()...)
	b = append(b, '/')
	b = append(b, ch.Label...)
	return string(b)
}

// unbilled returns the charges no run has billed yet.
func unbilled(ctx context.Context, tx Tx, due []dueCharge) ([]dueCharge, error) {
	out := due[:0:0]
	for _, d := range due {
		_, ok, err := tx.Marks().Marked(ctx, d.key)
		if err != nil {
			return nil, err
		}
		if !ok {
			out = append(out, d)
		}
	}
	return out, nil
}

// invoiceGroup says which charges share an invoice: the same currency,
// seller and purchase order (the customer is the same already).
type invoiceGroup struct {
	currency, seller, po string
}

// drafts builds one draft invoice per group of charges. A contract whose
// line cannot be turned into an invoice line fails alone; a group whose
// invoice cannot be drawn up fails with all its contracts.
func (e *Engine) drafts(due []dueCharge, on date.Date) ([]draft, []BillRunFailure) {
	var failures []BillRunFailure
	failed := map[*Contract]bool{}
	fail := func(c *Contract, err error) {
		if !failed[c] {
			failed[c] = true
			failures = append(failures, BillRunFailure{ContractID: c.ID.String(), Customer: c.Customer, Err: err})
		}
	}
	var order []invoiceGroup
	lines := map[invoiceGroup][]invoice.Line{}
	charges := map[invoiceGroup][]dueCharge{}
	for _, d := range due {
		c := d.contract
		if failed[c] {
			continue
		}
		g := invoiceGroup{currency: c.Currency.Code(), seller: CustomerKey(c.Seller), po: c.PurchaseOrder}
		if _, ok := lines[g]; !ok {
			order = append(order, g)
		}
		line, err := c.Lines[d.line].InvoiceLine(strconv.Itoa(len(lines[g])+1), d.charge)
		if err != nil {
			fail(c, err)
			continue
		}
		lines[g] = append(lines[g], line)
		charges[g] = append(charges[g], d)
	}
	var out []draft
	for _, g := range order {
		chs := charges[g]
		// Drop the charges of contracts that failed after their group
		// started, and number the lines again.
		ls := lines[g][:0]
		kept := chs[:0]
		for i, d := range chs {
			if !failed[d.contract] {
				l := lines[g][i]
				l.ID = strconv.Itoa(len(ls) + 1)
				ls = append(ls, l)
				kept = append(kept, d)
			}
		}
		if len(kept) == 0 {
			continue
		}
		d, err := e.draft(kept, ls, on)
		if err != nil {
			for _, ch := range kept {
				fail(ch.contract, err)
			}
			continue
		}
		out = append(out, d)
	}
	return out, failures
}

// draft draws up the invoice of one group of charges.
func (e *Engine) draft(charges []dueCharge, lines []invoice.Line, on date.Date) (draft, error) {
	first := charges[0].contract
	doc := invoice.Document{
		Type: invoice.TypeCommercialInvoice, Currency: first.Currency,
		Seller: first.Seller, Buyer: first.Buyer,
		DueDate: on.AddDays(e.dueDays), PaymentTerms: strconv.Itoa(e.dueDays) + " days net",
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
	d := draft{charges: charges}
	for _, ch := range charges {
		if len(d.contracts) == 0 || d.contracts[len(d.contracts)-1] != ch.contract {
			d.contracts = append(d.contracts, ch.contract)
		}
	}
	if len(d.contracts) == 1 {
		doc.ContractRef = first.ID.String()
	}
	inv, err := invoice.NewDraft(e.newID(), doc)
	if err != nil {
		return draft{}, err
	}
	d.inv = inv
	return d, nil
}

// commitDrafts creates the drafts, marks their charges billed and, with
// issue, submits and issues them, all in one transaction.
func (e *Engine) commitDrafts(ctx context.Context, userID string, on date.Date, drafts []draft, issue bool) ([]invoice.Snapshot, int, error) {
	var created []invoice.Snapshot
	billed := 0
	err := e.update(ctx, userID, func(tx Tx, c *change) error {
		var err error
		created, billed, err = e.writeDrafts(ctx, tx, c, on, drafts, issue)
		return err
	})
	return created, billed, err
}

// writeDrafts writes the drafts in tx: see commitDrafts.
func (e *Engine) writeDrafts(ctx context.Context, tx Tx, c *change, on date.Date, drafts []draft, issue bool) ([]invoice.Snapshot, int, error) {
	created := make([]invoice.Snapshot, 0, len(drafts))
	billed := 0
	for _, d := range drafts {
		id := d.inv.ID().String()
		for _, ch := range d.charges {
			if err := tx.Marks().Mark(ctx, ch.key, id); err != nil {
				if errors.Is(err, ErrConflict) {
					return nil, 0, errRaced
				}
				return nil, 0, err
			}
		}
		billed += len(d.charges)
		inv := d.inv
		if !issue {
			snap := inv.Snapshot()
			if err := putNewInvoice(ctx, tx, c, snap, ActionInvoiceCreated); err != nil {
				return nil, 0, err
			}
			created = append(created, snap)
			continue
		}
		snap, err := e.submitAndIssue(ctx, tx, c, inv, on)
		if err != nil {
			return nil, 0, err
		}
		created = append(created, snap)
	}
	return created, billed, nil
}

// submitAndIssue creates a bill run's invoice and issues it, unless an
// approval rule applies: then it stays pending with its request opened.
func (e *Engine) submitAndIssue(ctx context.Context, tx Tx, c *change, inv *invoice.Invoice, on date.Date) (invoice.Snapshot, error) {
	roles := e.chain(ApprovalInvoice, inv.Total())
	if err := inv.Submit(invoice.ApprovalPolicy{Always: len(roles) > 0}); err != nil {
		return invoice.Snapshot{}, err
	}
	if len(roles) == 0 {
		return e.issue(ctx, tx, c, inv, 0, on)
	}
	snap := inv.Snapshot()
	if err := putNewInvoice(ctx, tx, c, snap, ActionInvoiceCreated); err != nil {
		return invoice.Snapshot{}, err
	}
	_, err := e.openRequest(ctx, tx, c, requestFor(ApprovalInvoice, invoiceRef(snap), inv.Total(),
		"invoice to "+inv.Buyer().Name+" for "+inv.Total().String(), "", roles))
	return snap, err
}
