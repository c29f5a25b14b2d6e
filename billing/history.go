package billing

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/billkit/billkit/collab"
)

// History returns the audit events of one object selected by q. It needs
// audit.read.
func (e *Engine) History(ctx context.Context, userID string, ref collab.Ref, q EventQuery) ([]Event, error) {
	if err := e.access.Check(userID, PermAuditRead); err != nil {
		return nil, err
	}
	var out []Event
	err := e.view(ctx, func(tx Tx) error {
		var err error
		out, err = tx.Events().Object(ctx, ref, q)
		return err
	})
	return out, err
}

// Events returns the audit events of every object in q's time range. It
// needs audit.read.
func (e *Engine) Events(ctx context.Context, userID string, q EventQuery) ([]Event, error) {
	if err := e.access.Check(userID, PermAuditRead); err != nil {
		return nil, err
	}
	var out []Event
	err := e.view(ctx, func(tx Tx) error {
		var err error
		out, err = tx.Events().Range(ctx, q)
		return err
	})
	return out, err
}

// Subscribe returns a subscription to the change events that pass the
// filter, as they are committed, with a buffer of the given size (0 for
// DefaultSubscriptionBuffer). It needs audit.read. See Subscription for
// what happens when its reader falls behind; Close it when done.
func (e *Engine) Subscribe(userID string, f EventFilter, buffer int) (*Subscription, error) {
	if err := e.access.Check(userID, PermAuditRead); err != nil {
		return nil, err
	}
	return e.broker.add(f, buffer), nil
}

// viewPermission is the permission that seeing an object of a kind needs.
func viewPermission(k collab.Kind) (Permission, bool) {
	switch k {
	case collab.KindQuote:
		return PermQuoteView, true
	case collab.KindContract:
		return PermContractView, true
	case collab.KindInvoice, collab.KindCreditNote, collab.KindPayment, collab.KindCustomer:
		return PermInvoiceView, true
	case collab.KindDashboard:
		return PermKPIRead, true
	case KindApproval:
		return PermAuditRead, true
	}
	return "", false
}

// CollabPolicy returns the collab.AccessPolicy of the engine's objects, so
// that a person sees an object's thread only if they may see the object:
// quotes need quote.view, contracts contract.view, invoices, credit notes,
// payments and customers invoice.view, dashboards kpi.read. Moderating a
// thread needs audit.read besides. Objects of the host's own kinds are
// decided by other, when given, and refused otherwise. Confidential
// attachments are never opened to anyone they were not shared with.
func (e *Engine) CollabPolicy(other collab.AccessPolicy) collab.AccessPolicy {
	return collabPolicy{e: e, other: other}
}

type collabPolicy struct {
	e     *Engine
	other collab.AccessPolicy
}

func (p collabPolicy) CanView(ctx context.Context, userID string, ref collab.Ref) (bool, error) {
	perm, ok := viewPermission(ref.Kind)
	if !ok {
		if p.other == nil {
			return false, nil
		}
		return p.other.CanView(ctx, userID, ref)
	}
	return p.e.access.Can(userID, perm), nil
}

func (p collabPolicy) CanModerate(ctx context.Context, userID string, ref collab.Ref) (bool, error) {
	if _, ok := viewPermission(ref.Kind); !ok {
		if p.other == nil {
			return false, nil
		}
		return p.other.CanModerate(ctx, userID, ref)
	}
	ok, err := p.CanView(ctx, userID, ref)
	return ok && p.e.access.Can(userID, PermAuditRead), err
}

func (p collabPolicy) CanReadConfidential(ctx context.Context, userID string, a collab.Attachment) (bool, error) {
	if p.other == nil {
		return false, nil
	}
	return p.other.CanReadConfidential(ctx, userID, a)
}

// HistorySource returns the collab.HistorySource that feeds the engine's
// audit events into each object's activity feed, so that people read
// "issued", "sent" and "payment applied" beside their messages.
//
// The audit trail follows one rule wherever it is read: its field-by-field
// changes need audit.read. Whoever may see an object (collab checks that
// before it asks) reads in its feed who did what and when, in the words of
// each action; only a viewer (collab.HistoryQuery.Viewer) who holds
// audit.read also finds the changed values, in each entry's Data and,
// for an action without words of its own, in its summary. An empty Viewer
// reads no changes.
func (e *Engine) HistorySource() collab.HistorySource { return historySource{e} }

type historySource struct{ e *Engine }

func (h historySource) History(ctx context.Context, ref collab.Ref, q collab.HistoryQuery) ([]collab.HistoryEntry, error) {
	changes := q.Viewer != "" && h.e.access.Can(q.Viewer, PermAuditRead)
	var out []collab.HistoryEntry
	err := h.e.view(ctx, func(tx Tx) error {
		var evs []Event
		if !q.From.IsZero() {
			// From is inclusive and the store's cursor is not: the event
			// at From, if any, then those after it.
			at, err := tx.Events().Object(ctx, ref, EventQuery{Since: q.From.At, Until: q.From.At.Add(time.Nanosecond)})
			if err != nil {
				return err
			}
			for _, ev := range at {
				if ev.ID == q.From.ID {
					evs = append(evs, ev)
				}
			}
		}
		limit := q.Limit
		if limit > 0 {
			limit -= len(evs)
		}
		if q.Limit <= 0 || limit > 0 {
			more, err := tx.Events().Object(ctx, ref, EventQuery{After: q.From, Descending: q.Descending, Limit: limit})
			if err != nil {
				return err
			}
			evs = append(evs, more...)
		}
		out = make([]collab.HistoryEntry, 0, len(evs))
		for _, ev := range evs {
			out = append(out, historyEntry(ev, changes))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return q.Apply(out), nil
}

// historyEntry turns an event into an activity feed entry, whose summary
// says what happened in words that follow the actor's name: "issued it as
// F2026-000042", "applied a payment: paid". With changes false the entry
// carries none of the event's changed values: no Data, and an action
// without words of its own reads as its name alone.
func historyEntry(ev Event, changes bool) collab.HistoryEntry {
	data := make(map[string]string, len(ev.Changes))
	for _, c := range ev.Changes {
		data[c.Field] = c.After
	}
	var b strings.Builder
	if p, ok := historyPhrases[ev.Action]; ok && (p.field == "" || data[p.field] != "") {
		b.WriteString(p.phrase)
		if p.field != "" {
			b.WriteString(strings.ReplaceAll(data[p.field], "_", " "))
		}
	} else {
		b.WriteString(string(ev.Action))
		for i, c := range ev.Changes {
			if i == 3 || !changes {
				break
			}
			b.WriteString("; ")
			b.WriteString(c.Field)
			b.WriteString(": ")
			if c.Before != "" {
				b.WriteString(c.Before)
				b.WriteString(" → ")
			}
			b.WriteString(c.After)
		}
	}
	if ev.Reason != "" {
		b.WriteString(" (")
		b.WriteString(ev.Reason)
		b.WriteString(")")
	}
	if !changes {
		data = nil
	}
	return collab.HistoryEntry{ID: ev.ID, At: ev.At, Actor: ev.Actor, Action: string(ev.Action), Summary: b.String(), Data: data}
}

// historyPhrases say what each action did; the new value of field, when
// set, ends the phrase.
var historyPhrases = map[Action]struct{ phrase, field string }{
	ActionQuoteCreated:      {"drew up the quote", ""},
	ActionQuoteEdited:       {"edited the quote", ""},
	ActionQuoteSubmitted:    {"submitted the quote: ", "status"},
	ActionQuoteApproved:     {"approved the quote's discounts", ""},
	ActionQuoteRejected:     {"rejected the quote's discounts", ""},
	ActionQuoteSent:         {"sent the quote to the buyer", ""},
	ActionQuoteAccepted:     {"recorded the buyer's acceptance", ""},
	ActionQuoteDeclined:     {"recorded that the buyer declined it", ""},
	ActionQuoteRevised:      {"replaced it by revision ", "revised_by"},
	ActionContractCreated:   {"made the contract", ""},
	ActionMilestoneReached:  {"recorded a milestone as reached", ""},
	ActionInvoiceCreated:    {"drew up the draft", ""},
	ActionInvoiceEdited:     {"edited the draft", ""},
	ActionInvoiceSubmitted:  {"submitted it: ", "status"},
	ActionInvoiceApproved:   {"approved it", ""},
	ActionInvoiceRejected:   {"sent it back to draft", ""},
	ActionInvoiceIssued:     {"issued it as ", "number"},
	ActionInvoiceSent:       {"sent it to the customer", ""},
	ActionInvoicePaid:       {"applied a payment: ", "status"},
	ActionInvoiceWrittenOff: {"wrote it off", ""},
	ActionInvoiceReminded:   {"sent the dunning step ", "reminder_step"},
	ActionCreditNoteCreated: {"drew up the credit note", ""},
	ActionCreditNoteIssued:  {"issued the credit note as ", "number"},
	ActionPaymentRecorded:   {"recorded a payment", ""},
	ActionApprovalRequested: {"asked for approval", ""},
	ActionApprovalApproved:  {"approved the request", ""},
	ActionApprovalRejected:  {"rejected the request", ""},
}

// Listen relays to this engine's subscribers the change events that other
// engine instances commit to a shared store, until ctx ends; it returns
// ctx's error then, or the error that stopped the store's feed (the
// PostgreSQL store's feed recovers from lost connections by itself and
// stops only with ctx). A host
// running several instances over one database runs Listen in a goroutine
// of each. The store must implement EventFeed, else Listen returns an
// error wrapping ErrConfig.
func (e *Engine) Listen(ctx context.Context) error {
	feed, ok := e.store.(EventFeed)
	if !ok {
		return fmt.Errorf("%w: the store %T carries no events between instances", ErrConfig, e.store)
	}
	var batch [1]Event
	return feed.Follow(ctx, func(ev Event) {
		batch[0] = ev
		e.broker.publish(batch[:])
	})
}
