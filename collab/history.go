package collab

import (
	"context"
	"maps"
	"slices"
	"time"
)

// HistoryEntry is an event in the life of an object, as the host's audit
// trail records it: "issued", "sent", "reminder sent", "payment received".
// Activity feeds show entries beside messages.
type HistoryEntry struct {
	// ID identifies the entry within its object's history.
	ID string `json:"id"`
	// At is when it happened.
	At time.Time `json:"at"`
	// Actor is the user or system actor responsible.
	Actor string `json:"actor,omitempty"`
	// Action is a stable, machine-readable name, such as "invoice.issued".
	Action string `json:"action"`
	// Summary is a one-line description for people.
	Summary string `json:"summary"`
	// Data carries details, such as "amount" or "number".
	Data map[string]string `json:"data,omitempty"`
}

// Position returns e's place in time order.
func (e HistoryEntry) Position() Position { return Position{At: e.At, ID: e.ID} }

// HistoryQuery selects history entries in time order, with the same
// meaning as the fields of MessageQuery.
type HistoryQuery struct {
	// From is an inclusive bound; the zero From starts at the beginning
	// (or, Descending, the end).
	From Position
	// Descending returns the newest entries first.
	Descending bool
	// Limit is the maximum number of entries returned; 0 means no limit.
	Limit int
	// Viewer is the user who will read the entries: the Service sets it
	// to the actor of Activity and Feed. A source leaves out of each entry
	// what the viewer may not read, such as the values an audit trail
	// records; an empty Viewer is an unknown reader, who reads the least.
	// Apply ignores it.
	Viewer string
}

// Apply returns the entries of all selected by q: sorted by Position (At,
// then ID), at or after q.From (at or before it when descending), at most
// q.Limit of them. It copies; all is not changed. A HistorySource that
// holds an object's history in a slice can answer with it.
func (q HistoryQuery) Apply(all []HistoryEntry) []HistoryEntry {
	sorted := slices.Clone(all)
	slices.SortFunc(sorted, func(a, b HistoryEntry) int { return a.Position().Compare(b.Position()) })
	if q.Descending {
		slices.Reverse(sorted)
	}
	var out []HistoryEntry
	for _, e := range sorted {
		if q.Limit > 0 && len(out) >= q.Limit {
			break
		}
		if !q.From.IsZero() {
			c := e.Position().Compare(q.From)
			if (!q.Descending && c < 0) || (q.Descending && c > 0) {
				continue
			}
		}
		e.Data = maps.Clone(e.Data)
		out = append(out, e)
	}
	return out
}

// HistorySource is the port through which collab reads the history of the
// host's objects, to merge it into activity feeds. The billing engine
// answers from its audit events. It is not asked about collab's own
// conversations, nor about objects the viewer may not see: the Service
// checks its AccessPolicy first, and names the viewer in
// HistoryQuery.Viewer so that the source can hide details the viewer may
// not read. Implementations must be safe for concurrent use.
type HistorySource interface {
	// History returns the entries of ref selected by q, in the order q
	// asks for. An object without history returns none and no error.
	History(ctx context.Context, ref Ref, q HistoryQuery) ([]HistoryEntry, error)
}

// Namer names business objects for people, as the host shows them: an
// invoice by its number, a quote by its number and customer.
type Namer interface {
	// Name returns what to call the object in a sentence ("invoice
	// F2026-000042"), or "" to fall back on its kind and ID.
	Name(ctx context.Context, ref Ref) (string, error)
}

// NamerFunc adapts a function to the Namer interface.
type NamerFunc func(ctx context.Context, ref Ref) (string, error)

// Name calls f(ctx, ref).
func (f NamerFunc) Name(ctx context.Context, ref Ref) (string, error) { return f(ctx, ref) }

// HistoryFunc adapts a function to the HistorySource interface.
type HistoryFunc func(ctx context.Context, ref Ref, q HistoryQuery) ([]HistoryEntry, error)

// History calls f(ctx, ref, q).
func (f HistoryFunc) History(ctx context.Context, ref Ref, q HistoryQuery) ([]HistoryEntry, error) {
	return f(ctx, ref, q)
}
