package invoice

import (
	"slices"
	"strconv"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// RecordPayment records a payment of the ledger's customer and allocates
// it as plan says; what the plan leaves unallocated joins the customer's
// credit balance, to be used later with ApplyCredit or refunded. The
// allocations are dated on the payment's date.
//
// Everything is checked before anything changes: a malformed payment or
// plan is a *validation.Error naming each faulty field (a payment ID
// already recorded, another customer or currency, an unknown or void
// invoice); an allocation beyond an invoice's balance or beyond the
// payment is an *OverAllocationError. On success the invoices that the
// payment settles become partially paid or paid.
func (l *Ledger) RecordPayment(p Payment, plan AllocationPlan) (Posting, error) {
	var errs validation.Errors
	errs.Merge(validation.Struct(p))
	checkMethod(&errs, "method", p.Method)
	checkPositive(&errs, "amount", p.Amount, l.currency)
	if p.Customer != "" && p.Customer != l.customer {
		errs.Add("customer", validation.CodeMismatch, "must be "+l.customer+", the ledger's customer")
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, dup := l.payByID[p.ID]; dup && p.ID != uuid.Nil {
		errs.Add("id", validation.CodeDuplicate, "payment "+p.ID.String()+" is already recorded")
	}
	if err := errs.Err(); err != nil {
		return Posting{}, err
	}
	targets, err := l.resolve(plan, p.Amount.Number(), "payment amount")
	if err != nil {
		return Posting{}, err
	}
	l.addPayment(p)
	entries := make([]Entry, 0, len(targets))
	for _, t := range targets {
		entries = append(entries, Entry{Kind: EntryApply, Date: p.Date, PaymentID: p.ID, InvoiceID: t.r.inv.id,
			Amount: money.New(t.amount, l.currency)})
	}
	return l.commit(entries), nil
}

// ApplyCredit allocates the customer's credit balance to its invoices as
// plan says, on the given day. The credit comes from the payments received
// on or before that day that are not fully allocated, oldest first. Errors
// are as for RecordPayment; a plan that allocates nothing is refused.
func (l *Ledger) ApplyCredit(on date.Date, plan AllocationPlan) (Posting, error) {
	var errs validation.Errors
	if on.IsZero() {
		errs.Add("date", validation.CodeRequired, "is required")
	}
	if plan.IsZero() {
		errs.Add("plan", validation.CodeRequired, "must allocate something: give parts or OldestFirst")
	}
	if err := errs.Err(); err != nil {
		return Posting{}, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	sources := l.creditSources(on, nil)
	var available decimal.Decimal
	for _, s := range sources {
		available = available.Add(s.unallocated)
	}
	targets, err := l.resolve(plan, available, "credit balance")
	if err != nil {
		return Posting{}, err
	}
	var entries []Entry
	next := 0
	left := sourceAmounts(sources)
	for _, t := range targets {
		need := t.amount
		for need.Sign() > 0 {
			for left[next].Sign() == 0 {
				next++
			}
			take := decimal.Min(need, left[next])
			left[next] = left[next].Sub(take)
			need = need.Sub(take)
			entries = append(entries, Entry{Kind: EntryApply, Date: on, PaymentID: sources[next].p.ID,
				InvoiceID: t.r.inv.id, Amount: money.New(take, l.currency)})
		}
	}
	return l.commit(entries), nil
}

// creditSources returns the payments whose unallocated amounts can be used
// on the given day: not reversed, received on or before it, oldest first;
// only the payment only when it is set.
func (l *Ledger) creditSources(on date.Date, only *paymentState) []*paymentState {
	var out []*paymentState
	for _, p := range l.payments {
		if (only == nil || p == only) && !p.reversed() && p.unallocated.Sign() > 0 && !p.p.Date.After(on) {
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(a, b *paymentState) int { return a.p.Date.Compare(b.p.Date) })
	return out
}

func sourceAmounts(sources []*paymentState) []decimal.Decimal {
	out := make([]decimal.Decimal, len(sources))
	for i, s := range sources {
		out[i] = s.unallocated
	}
	return out
}

// target is an amount to allocate to one invoice.
type target struct {
	r      *receivable
	amount decimal.Decimal
}

// resolve checks plan against the invoices and the amount available (what
// the payment or the credit balance holds, named by limit) and returns the
// allocations it makes, explicit parts first.
func (l *Ledger) resolve(plan AllocationPlan, available decimal.Decimal, limit string) ([]target, error) {
	var errs validation.Errors
	if len(plan.Parts) > len(l.byID) {
		return nil, validation.New("plan.parts", validation.CodeOutOfRange,
			"must have at most "+strconv.Itoa(len(l.byID))+" items, one per invoice of the ledger")
	}
	targets := make([]target, 0, len(plan.Parts))
	for i, part := range plan.Parts {
		at := "plan.parts[" + strconv.Itoa(i) + "]"
		checkPositive(&errs, at+".amount", part.Amount, l.currency)
		r, ok := l.byID[part.InvoiceID]
		switch {
		case part.InvoiceID == uuid.Nil:
			errs.Add(at+".invoice_id", validation.CodeRequired, "is required")
		case !ok:
			errs.Add(at+".invoice_id", validation.CodeUnknown, "is not an invoice of this ledger")
		case !r.payable():
			errs.Add(at+".invoice_id", validation.CodeNotAllowed, "invoice "+r.inv.doc.Number+" is "+string(r.inv.status))
		case slices.ContainsFunc(targets, func(t target) bool { return t.r == r }):
			errs.Add(at+".invoice_id", validation.CodeDuplicate, "invoice "+r.inv.doc.Number+" is already in the plan")
		default:
			targets = append(targets, target{r: r, amount: part.Amount.Number()})
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	var sum decimal.Decimal
	for i, t := range targets {
		if bal := t.r.balance(); t.amount.Cmp(bal) > 0 {
			return nil, &OverAllocationError{Field: "plan.parts[" + strconv.Itoa(i) + "].amount", InvoiceID: t.r.inv.id,
				Number: t.r.inv.doc.Number, Limit: "balance", Requested: money.New(t.amount, l.currency),
				Available: money.New(decimal.Max(bal, decimal.Zero), l.currency)}
		}
		sum = sum.Add(t.amount)
	}
	if sum.Cmp(available) > 0 {
		return nil, &OverAllocationError{Field: "plan", Limit: limit,
			Requested: money.New(sum, l.currency), Available: money.New(available, l.currency)}
	}
	if !plan.OldestFirst {
		return targets, nil
	}
	left := available.Sub(sum)
	for _, r := range l.openInvoices(true) {
		if left.Sign() == 0 {
			break
		}
		bal := r.balance()
		if k := slices.IndexFunc(targets, func(t target) bool { return t.r == r }); k >= 0 {
			bal = bal.Sub(targets[k].amount)
			if bal.Sign() > 0 {
				take := decimal.Min(bal, left)
				targets[k].amount = targets[k].amount.Add(take)
				left = left.Sub(take)
			}
			continue
		}
		take := decimal.Min(bal, left)
		targets = append(targets, target{r: r, amount: take})
		left = left.Sub(take)
	}
	return targets, nil
}
