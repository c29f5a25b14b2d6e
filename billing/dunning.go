package billing

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/validation"
)

// Dunning returns the reminders to send on day on under policy: for every
// invoice of every customer that is open (it awaits payment and owes a
// positive balance), not disputed and overdue, the step that has fallen
// due, as invoice.DunningPolicy.Run decides. What was done before is what
// RecordReminders recorded in the invoices' audit trails, so that no step
// is sent twice. Dunning changes nothing: the host sends the reminders,
// then records those it sent. It needs dunning.run.
func (e *Engine) Dunning(ctx context.Context, userID string, on date.Date, policy invoice.DunningPolicy) ([]invoice.Reminder, error) {
	if err := e.access.Check(userID, PermDunningRun); err != nil {
		return nil, err
	}
	if err := policy.Validate(); err != nil {
		return nil, err
	}
	var receivables []invoice.Receivable
	var records []invoice.ReminderRecord
	err := e.view(ctx, func(tx Tx) error {
		err := scanAll(ctx, tx.Ledgers(), func(r Record[invoice.LedgerSnapshot]) error {
			st, err := loadLedger(ctx, tx, r.Value.Customer, r.Value.Currency)
			if err != nil {
				return err
			}
			for _, rc := range st.ledger.Receivables() {
				if rc.IsOpen() && rc.DaysOverdue(on) > 0 {
					receivables = append(receivables, rc)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, rc := range receivables {
			recs, err := reminderRecords(ctx, tx, rc.InvoiceID)
			if err != nil {
				return err
			}
			records = append(records, recs...)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	history, err := invoice.NewDunningHistory(records...)
	if err != nil {
		return nil, err
	}
	return policy.Run(on, receivables, history)
}

// RecordReminders records reminders that the host sent, as Dunning
// proposed them: each is appended to the audit trail of its invoice
// (invoice.reminded, with the step, the steps it overtook, the day of the
// run and the balance), which the next runs read, and which the invoice's
// activity feed shows. A reminder of an invoice that is not stored, or
// whose step (or a step it overtook) was recorded already for the
// invoice, is refused, and then nothing is recorded. It needs
// dunning.run, and takes an idempotency key (see WithIdempotencyKey).
func (e *Engine) RecordReminders(ctx context.Context, userID string, reminders ...invoice.Reminder) error {
	if err := e.access.Check(userID, PermDunningRun); err != nil {
		return err
	}
	_, err := idempotent(ctx, e, userID, OpRecordReminders, []any{reminders}, func(ctx context.Context, _ *struct{}) error {
		return e.recordReminders(ctx, userID, reminders)
	})
	return err
}

// recordReminders records reminders in the audit trails of their
// invoices.
func (e *Engine) recordReminders(ctx context.Context, userID string, reminders []invoice.Reminder) error {
	return e.update(ctx, userID, func(tx Tx, c *change) error {
		recs := make([]Record[invoice.Snapshot], len(reminders))
		ledgers := make([]string, 0, len(reminders))
		for i, rem := range reminders {
			rec, err := tx.Invoices().Get(ctx, rem.InvoiceID.String())
			if err != nil {
				return err
			}
			recs[i] = rec
			doc := &rec.Value.Document
			ledgers = append(ledgers, LedgerKey(CustomerKey(doc.Buyer), doc.Currency.Code()))
		}
		// The ledgers are read before the reminders recorded so far, so
		// that twins of this call queue on them (see Tx.Ledgers) and the
		// later one finds what the first recorded; in one order, so that
		// two calls never wait for each other.
		slices.Sort(ledgers)
		for _, key := range slices.Compact(ledgers) {
			if _, err := tx.Ledgers().Get(ctx, key); err != nil && !errors.Is(err, ErrNotFound) {
				return err
			}
		}
		histories := map[uuid.UUID]*invoice.DunningHistory{}
		for i, rem := range reminders {
			rec := recs[i]
			h := histories[rem.InvoiceID]
			if h == nil {
				recs, err := reminderRecords(ctx, tx, rem.InvoiceID)
				if err != nil {
					return err
				}
				if h, err = invoice.NewDunningHistory(recs...); err != nil {
					return err
				}
				histories[rem.InvoiceID] = h
			}
			if err := h.Record(rem); err != nil {
				return reminderFault(i, err)
			}
			c.record(invoiceRef(rec.Value), ActionInvoiceReminded, nil, reminderFields(rem), rec.Version, "")
		}
		return nil
	})
}

// reminderFault returns err, the refusal of the i-th reminder recorded
// alone, with its fields named from the list of all reminders: Record
// names the one reminder it was given reminders[0].
func reminderFault(i int, err error) error {
	var ve *validation.Error
	if !errors.As(err, &ve) {
		return err
	}
	var errs validation.Errors
	for _, f := range ve.Faults {
		errs.Add("reminders["+strconv.Itoa(i)+"]"+strings.TrimPrefix(f.Field, "reminders[0]"), f.Code, f.Message)
	}
	return errs.Err()
}

// reminderFields are the audited fields of a reminder sent, from which
// reminderRecords reads the dunning history back.
// Each step overtaken is a field of its own: a step's key may hold any
// character, so no separator could join them.
func reminderFields(rem invoice.Reminder) []field {
	fs := []field{
		{"reminder_step", rem.Step},
		{"reminder_level", strconv.Itoa(rem.Level)},
		{"reminder_on", dateText(rem.On)},
		{"reminder_channel", string(rem.Channel)},
		{"days_overdue", strconv.Itoa(rem.DaysOverdue)},
		{"balance", amountText(rem.Balance)},
	}
	for _, key := range rem.Skipped {
		fs = append(fs, field{"reminder_skipped", key})
	}
	return fs
}

// reminderRecords reads the dunning history of an invoice from its audit
// trail: the steps sent, and those they overtook as skipped.
func reminderRecords(ctx context.Context, tx Tx, invoiceID uuid.UUID) ([]invoice.ReminderRecord, error) {
	ref := collab.Ref{Kind: collab.KindInvoice, ID: invoiceID.String()}
	events, err := tx.Events().Object(ctx, ref, EventQuery{})
	if err != nil {
		return nil, err
	}
	// A step is counted once, as first recorded: a store that let twin
	// calls of RecordReminders both commit must not stop every later
	// dunning run.
	var out []invoice.ReminderRecord
	seen := map[string]bool{}
	keep := func(rec invoice.ReminderRecord) {
		if !seen[rec.Step] {
			seen[rec.Step] = true
			out = append(out, rec)
		}
	}
	for _, ev := range events {
		if ev.Action != ActionInvoiceReminded {
			continue
		}
		var step, on string
		var skipped []string
		for _, ch := range ev.Changes {
			switch ch.Field {
			case "reminder_step":
				step = ch.After
			case "reminder_skipped":
				skipped = append(skipped, ch.After)
			case "reminder_on":
				on = ch.After
			}
		}
		day, err := date.Parse(on)
		if err != nil {
			return nil, err
		}
		for _, key := range skipped {
			keep(invoice.ReminderRecord{InvoiceID: invoiceID, Step: key, On: day, Skipped: true})
		}
		keep(invoice.ReminderRecord{InvoiceID: invoiceID, Step: step, On: day})
	}
	return out, nil
}
