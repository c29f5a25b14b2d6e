package main

import (
	"net/http"
	"slices"

	"github.com/billkit/billkit/invoice"
)

// invoiceRow is one line of the invoice list.
type invoiceRow struct {
	invoice.Snapshot
	Overdue     bool
	DaysOverdue int
}

// invoiceList shows every invoice the user may see, newest first, with
// the amounts still owed.
func (a *app) invoiceList(w http.ResponseWriter, r *request) error {
	list, err := a.svc.engine.Invoices(r.Context(), r.user.ID, nil)
	if err != nil {
		return err
	}
	rows := make([]invoiceRow, 0, len(list))
	for _, s := range slices.Backward(list) {
		row := invoiceRow{Snapshot: s}
		if s.Document.Type != invoice.TypeCreditNote && s.Status.AwaitsPayment() && !s.Document.DueDate.IsZero() && s.Document.DueDate.Before(today) {
			row.Overdue = true
			row.DaysOverdue = today.DaysSince(s.Document.DueDate)
		}
		rows = append(rows, row)
	}
	a.render(w, r, http.StatusOK, "invoices", "Invoices", rows)
	return nil
}

// quoteList shows every quote the user may see, newest first.
func (a *app) quoteList(w http.ResponseWriter, r *request) error {
	list, err := a.svc.engine.Quotes(r.Context(), r.user.ID, nil)
	if err != nil {
		return err
	}
	slices.Reverse(list)
	a.render(w, r, http.StatusOK, "quotes", "Quotes", list)
	return nil
}
