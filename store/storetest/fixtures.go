package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/tax"
)

var (
	// t0 is the instant events start from: whole seconds in UTC, which
	// every database keeps exactly.
	t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	// day is the issue date the sequence tests number documents on.
	day = date.MustParse("2026-03-02")
	// errBoom is what failing transactions return.
	errBoom = errors.New("storetest: boom")
)

// id returns the n-th test ID: a UUIDv7-shaped string, so that IDs sort
// in n order as UUIDv7 IDs sort in time order.
func id(n int) string { return fmt.Sprintf("019d0000-0000-7000-8000-%012d", n) }

// update runs fn in an Update that must succeed.
func update(t *testing.T, s billing.Store, fn func(tx billing.Tx) error) {
	t.Helper()
	require.NoError(t, s.Update(context.Background(), fn))
}

// view runs fn in a View that must succeed.
func view(t *testing.T, s billing.Store, fn func(tx billing.Tx) error) {
	t.Helper()
	require.NoError(t, s.View(context.Background(), fn))
}

// assertSame checks that two values hold the same data, as their JSON
// encodings say: a store that saves values as JSON or in columns may give
// back equal values that are not identical in memory.
func assertSame(t *testing.T, want, got any, msgAndArgs ...any) bool {
	t.Helper()
	w, err := json.Marshal(want)
	require.NoError(t, err)
	g, err := json.Marshal(got)
	require.NoError(t, err)
	return assert.JSONEq(t, string(w), string(g), msgAndArgs...)
}

// invoiceSnapshot returns a calculated draft invoice with n hours of
// consulting, a line discount and a credit note ID, so that every nested
// slice of a snapshot holds something.
func invoiceSnapshot(t *testing.T, id string, n int) invoice.Snapshot {
	t.Helper()
	line := invoice.Line{
		ID: "1", Name: "Consulting", Quantity: decimal.NewFromInt(int64(n)), UnitCode: "HUR",
		UnitPrice: money.MustParse("100.00 EUR"), VAT: invoice.VAT{Category: tax.StandardRate, Rate: decimal.NewFromInt(20)},
		Allowances: []invoice.LineAllowanceCharge{{Percent: decimal.NewFromInt(10), Reason: "Loyalty"}},
	}
	doc := invoice.Document{
		Currency: money.EUR, DueDate: date.MustParse("2026-04-01"),
		Seller: party("Atelier Numérique SAS", "732829320"), Buyer: party("Boulangerie Martin SARL", "552100554"),
		Notes: []invoice.Note{{Text: "Thank you"}}, Lines: []invoice.Line{line},
	}
	inv, err := invoice.NewDraft(uuid.MustParse(id), doc)
	require.NoError(t, err)
	s := inv.Snapshot()
	s.Credits.CreditNotes = []uuid.UUID{uuid.MustParse("019d0000-0000-7000-9000-000000000001")}
	return s
}

func party(name, legalID string) invoice.Party {
	return invoice.Party{Name: name, LegalID: legalID,
		Address: invoice.Address{Line1: "12 rue de la Paix", City: "Paris", PostalCode: "75002", Country: "FR"}}
}

// event returns an event numbered n on object ref at t0 plus offset.
func event(n int, ref collab.Ref, offset time.Duration) billing.Event {
	return billing.Event{
		ID: id(n), At: t0.Add(offset), Actor: "u-claire", Object: ref, Action: billing.ActionInvoiceEdited,
		Changes: []billing.Change{{Field: "due_date", Before: "2026-04-01", After: "2026-04-15"}},
		Version: uint64(n), Reason: fmt.Sprintf("change %d", n),
	}
}

// eventIDs returns the IDs of events, in order.
func eventIDs(events []billing.Event) []string {
	ids := make([]string, len(events))
	for i, e := range events {
		ids[i] = e.ID
	}
	return ids
}

// ids returns id(n) for each n, in order.
func ids(ns ...int) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = id(n)
	}
	return out
}

// span returns the numbers from lo to hi, both included, counting down
// when hi is below lo.
func span(lo, hi int) []int {
	var out []int
	for n := lo; ; {
		out = append(out, n)
		switch {
		case n == hi:
			return out
		case lo < hi:
			n++
		default:
			n--
		}
	}
}
