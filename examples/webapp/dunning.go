package main

import (
	"net/http"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/invoice"
)

// dunningRow is a reminder to send today, with the path of its invoice.
type dunningRow struct {
	invoice.Reminder
	Link, Buyer string
}

// dunning lists the reminders to send today under the default policy
// (J+7, J+15, J+30), oldest invoice first as the engine gives them.
func (a *app) dunning(w http.ResponseWriter, r *request) error {
	reminders, err := a.svc.engine.Dunning(r.Context(), r.user.ID, today, invoice.DefaultDunningPolicy())
	if err != nil {
		return err
	}
	rows := make([]dunningRow, len(reminders))
	for i, rem := range reminders {
		id := rem.InvoiceID.String()
		inv, err := a.svc.engine.Invoice(r.Context(), r.user.ID, id)
		if err != nil {
			return err
		}
		rows[i] = dunningRow{Reminder: rem, Link: "/invoices/" + id, Buyer: inv.Document.Buyer.Name}
	}
	a.render(w, r, http.StatusOK, "dunning", "Reminders", rows)
	return nil
}

// remindersSent records that today's reminders were sent: those the page
// listed, proposed again now, so that two people pressing the button at
// once record each reminder once (the second is refused).
func (a *app) remindersSent(r *request) (string, error) {
	e, ctx := a.svc.engine, r.Context()
	reminders, err := e.Dunning(ctx, r.user.ID, today, invoice.DefaultDunningPolicy())
	if err != nil {
		return "", err
	}
	if len(reminders) == 0 {
		return "/dunning", nil
	}
	return "/dunning", e.RecordReminders(ctx, r.user.ID, reminders...)
}

// mayDun reports whether the user runs dunning, for the navigation.
func (a *app) mayDun(user string) bool {
	return a.svc.engine.Access().Can(user, billing.PermDunningRun)
}
