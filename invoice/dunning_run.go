package invoice

import (
	"strconv"

	"github.com/google/uuid"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// Reminder is a dunning step to send for an overdue invoice.
type Reminder struct {
	InvoiceID uuid.UUID `json:"invoice_id"`
	Number    string    `json:"number"`
	Customer  string    `json:"customer"`
	// Step is the key of the policy step; Level its position, from 1.
	Step     string         `json:"step"`
	Level    int            `json:"level"`
	Template string         `json:"template"`
	Channel  DunningChannel `json:"channel"`
	// On is the day of the run.
	On          date.Date `json:"on"`
	DueDate     date.Date `json:"due_date"`
	DaysOverdue int       `json:"days_overdue"`
	// Balance is what the customer still owes on the invoice.
	Balance money.Amount `json:"balance"`
	// Skipped are the keys of the earlier steps that this one overtook,
	// because runs were missed: they will never be sent.
	Skipped []string `json:"skipped,omitempty"`
}

// Run returns the reminders to send on the given day for the receivables
// (typically every ledger's Receivables), in their order, given what the
// history says was already done; a nil history means nothing was. For each
// invoice that is open (it awaits payment and owes a positive balance), not
// disputed and overdue, it proposes the latest step that has fallen due
// and was not done yet, unless a later step was already done or the last
// reminder is more recent than MinDaysBetween. See DunningPolicy for the
// rules.
//
// Run is pure: it reads no clock and changes nothing. The host sends the
// reminders and records those it sent with DunningHistory.Record. An
// invalid policy, a missing day or an invoice listed twice is a
// *validation.Error.
func (p DunningPolicy) Run(on date.Date, receivables []Receivable, history *DunningHistory) ([]Reminder, error) {
	var errs validation.Errors
	errs.MergeAt("policy", p.Validate())
	if on.IsZero() {
		errs.Add("on", validation.CodeRequired, "is required")
	}
	seen := make(map[uuid.UUID]struct{}, len(receivables))
	for i, r := range receivables {
		if _, dup := seen[r.InvoiceID]; dup {
			errs.Add("receivables["+strconv.Itoa(i)+"].invoice_id", validation.CodeDuplicate, "invoice "+r.Number+" is listed twice")
		}
		seen[r.InvoiceID] = struct{}{}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	keys := make([]string, len(p.Steps))
	index := make(map[string]int, len(p.Steps))
	for i, s := range p.Steps {
		keys[i], index[s.Key] = s.Key, i
	}
	if history == nil {
		history = &DunningHistory{}
	}
	history.mu.RLock()
	defer history.mu.RUnlock()
	// First pick the reminders, then build them in one allocation.
	type pick struct{ i, due, last, days int }
	var picks []pick
	for i := range receivables {
		r := &receivables[i]
		days := r.DaysOverdue(on)
		if days <= 0 || !r.Dispute.IsZero() {
			continue
		}
		due := -1 // the latest step due
		for k := range p.Steps {
			if p.Steps[k].DaysAfterDue <= days {
				due = k
			}
		}
		if due < 0 {
			continue
		}
		last, lastSent := history.progress(r.InvoiceID, index)
		if due <= last || p.MinDaysBetween > 0 && !lastSent.IsZero() && on.DaysSince(lastSent) < p.MinDaysBetween {
			continue
		}
		picks = append(picks, pick{i: i, due: due, last: last, days: days})
	}
	if len(picks) == 0 {
		return nil, nil
	}
	out := make([]Reminder, len(picks))
	for n, k := range picks {
		r, s := &receivables[k.i], &p.Steps[k.due]
		out[n] = Reminder{InvoiceID: r.InvoiceID, Number: r.Number, Customer: r.Customer, Step: s.Key, Level: k.due + 1,
			Template: s.Template, Channel: s.Channel, On: on, DueDate: r.DueDate, DaysOverdue: k.days, Balance: r.Balance}
		if k.due > k.last+1 {
			out[n].Skipped = append([]string(nil), keys[k.last+1:k.due]...)
		}
	}
	return out, nil
}
