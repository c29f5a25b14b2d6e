package invoice

import (
	"slices"
	"strconv"
	"sync"

	"github.com/google/uuid"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/validation"
)

// ReminderRecord is one step of a dunning policy done for an invoice: sent
// on a day, or skipped that day because a later step overtook it.
type ReminderRecord struct {
	InvoiceID uuid.UUID `json:"invoice_id"`
	Step      string    `json:"step"`              // the key of the policy step
	On        date.Date `json:"on"`                // the day of the run
	Skipped   bool      `json:"skipped,omitempty"` // overtaken, never to be sent
}

// DunningHistory is what dunning has done so far: which step was sent or
// skipped for which invoice, and when. Runs read it so that no step is
// ever sent twice for an invoice; the host records the reminders of a run
// once it has sent them, so that a reminder that could not be sent is
// proposed again by the next run. A store saves Records and loads them
// back with NewDunningHistory. The zero DunningHistory is empty and ready
// to use; it is safe for concurrent use.
type DunningHistory struct {
	mu      sync.RWMutex
	records []ReminderRecord
	index   map[uuid.UUID][]int // positions in records, per invoice
}

// NewDunningHistory returns a history holding records, which must name an
// invoice, a step and a day each, and no step twice for an invoice.
func NewDunningHistory(records ...ReminderRecord) (*DunningHistory, error) {
	h := &DunningHistory{}
	var errs validation.Errors
	for i, rec := range records {
		h.check(&errs, "records["+strconv.Itoa(i)+"]", rec)
		h.add(rec)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return h, nil
}

// Record adds the reminders of a run that were sent: each one's step, and
// the steps it overtook as skipped. A step already recorded for the same
// invoice is refused, and then nothing is recorded.
func (h *DunningHistory) Record(reminders ...Reminder) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	var errs validation.Errors
	var batch []ReminderRecord
	for i, rem := range reminders {
		at := "reminders[" + strconv.Itoa(i) + "]"
		errs.Text(at+".step", rem.Step, validation.MaxCodeLength)
		if len(rem.Skipped) > MaxListLength {
			errs.Add(at+".skipped", validation.CodeOutOfRange, "must have at most "+strconv.Itoa(MaxListLength)+" items")
			continue
		}
		for j, key := range rem.Skipped {
			errs.Text(at+".skipped["+strconv.Itoa(j)+"]", key, validation.MaxCodeLength)
		}
		recs := make([]ReminderRecord, 0, len(rem.Skipped)+1)
		for _, key := range rem.Skipped {
			recs = append(recs, ReminderRecord{InvoiceID: rem.InvoiceID, Step: key, On: rem.On, Skipped: true})
		}
		recs = append(recs, ReminderRecord{InvoiceID: rem.InvoiceID, Step: rem.Step, On: rem.On})
		for _, rec := range recs {
			h.check(&errs, at, rec)
			if slices.ContainsFunc(batch, func(o ReminderRecord) bool { return o.InvoiceID == rec.InvoiceID && o.Step == rec.Step }) {
				errs.Add(at+".step", validation.CodeDuplicate, "step "+rec.Step+" appears twice for invoice "+rec.InvoiceID.String())
			}
			batch = append(batch, rec)
		}
	}
	if err := errs.Err(); err != nil {
		return err
	}
	for _, rec := range batch {
		h.add(rec)
	}
	return nil
}

// check records the faults of rec, a new record of h.
func (h *DunningHistory) check(errs *validation.Errors, at string, rec ReminderRecord) {
	if rec.InvoiceID == uuid.Nil {
		errs.Add(at+".invoice_id", validation.CodeRequired, "is required")
	}
	if rec.Step == "" {
		errs.Add(at+".step", validation.CodeRequired, "is required")
	}
	if rec.On.IsZero() {
		errs.Add(at+".on", validation.CodeRequired, "is required")
	}
	for _, k := range h.index[rec.InvoiceID] {
		if h.records[k].Step == rec.Step && rec.Step != "" {
			errs.Add(at+".step", validation.CodeDuplicate,
				"step "+rec.Step+" was already done for invoice "+rec.InvoiceID.String()+" on "+h.records[k].On.String())
		}
	}
}

func (h *DunningHistory) add(rec ReminderRecord) {
	if h.index == nil {
		h.index = map[uuid.UUID][]int{}
	}
	h.index[rec.InvoiceID] = append(h.index[rec.InvoiceID], len(h.records))
	h.records = append(h.records, rec)
}

// Records returns every record, in the order they were made.
func (h *DunningHistory) Records() []ReminderRecord {
	h.mu.RLock()
	defer h.mu.RUnlock()
	return append([]ReminderRecord(nil), h.records...)
}

// Of returns the records of one invoice, in the order they were made.
func (h *DunningHistory) Of(invoiceID uuid.UUID) []ReminderRecord {
	h.mu.RLock()
	defer h.mu.RUnlock()
	idx := h.index[invoiceID]
	out := make([]ReminderRecord, len(idx))
	for i, k := range idx {
		out[i] = h.records[k]
	}
	return out
}

// progress returns, for one invoice, the highest index in steps of a step
// done (-1 if none) and the day of the last reminder sent. The caller
// holds the read lock.
func (h *DunningHistory) progress(invoiceID uuid.UUID, index map[string]int) (last int, lastSent date.Date) {
	last = -1
	for _, k := range h.index[invoiceID] {
		rec := &h.records[k]
		if i, ok := index[rec.Step]; ok && i > last {
			last = i
		}
		if !rec.Skipped && rec.On.After(lastSent) {
			lastSent = rec.On
		}
	}
	return last, lastSent
}
