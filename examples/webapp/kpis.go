package main

import (
	"context"
	"net/http"
	"time"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/kpi"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
)

// monthKPIs are the figures of one month of the dashboard.
type monthKPIs struct {
	Label     string        // "Jan"
	MRR       money.Amount  // at the month's end (today for this month)
	Movements kpi.Movements // from the previous month's end to this one's
	DSO       kpi.DSOReport
	DSOKnown  bool // false when the month sold nothing on credit
}

// dashboardData is what the dashboard and its charts show.
type dashboardData struct {
	Months  []monthKPIs
	Now     billing.KPIReport // this month so far
	Ageing  kpi.Ageing
	Overdue money.Amount // Σ of the ageing buckets past their due date
	Today   date.Date
	Names   map[string]string // customers' names by CustomerKey
}

// kpis computes the dashboard's figures as user may read them: the
// engine's KPI report for each month of the year so far, and the MRR
// movements between consecutive month ends.
//
// The movements are computed here with package kpi rather than taken from
// each month's billing.KPIReport: a report's movements run from its
// period's first day to its last, so that reports of consecutive months
// leave out what changed between one month's last day and the next one's
// first, such as a contract ending on the 1st.
func (a *app) kpis(ctx context.Context, user string) (dashboardData, error) {
	e := a.svc.engine
	data := dashboardData{Today: today}
	all, err := e.Contracts(ctx, user, func(c billing.Contract) bool { return c.Currency == money.EUR })
	if err != nil {
		return data, err
	}
	contracts := make([]*quote.Contract, len(all))
	data.Names = map[string]string{}
	for i := range all {
		contracts[i] = &all[i].Contract
		data.Names[all[i].Customer] = all[i].Buyer.Name
	}
	opts := []kpi.Option{kpi.WithCustomerKey(billing.CustomerKey), kpi.WithCurrency(money.EUR)}
	for m := historyStart; !m.After(today); m = m.AddMonths(1) {
		period := date.Range{Start: m, End: m.AddMonths(1)}
		if period.End.After(today) {
			period.End = today.AddDays(1)
		}
		rep, err := e.KPIs(ctx, user, period, money.EUR)
		if err != nil {
			return data, err
		}
		moves, err := kpi.MRRMovements(contracts, m.AddDays(-1), period.Last(), opts...)
		if err != nil {
			return data, err
		}
		data.Months = append(data.Months, monthKPIs{Label: m.Time(time.UTC).Format("Jan"), MRR: rep.MRR,
			Movements: moves, DSO: rep.DSO, DSOKnown: !rep.DSO.CreditSales.IsZero()})
		data.Now = rep
	}
	data.Ageing, _ = data.Now.Ageing.Currency(money.EUR)
	data.Overdue = money.Zero(money.EUR)
	for _, b := range kpi.Buckets()[1:] {
		if data.Overdue, err = data.Overdue.Add(data.Ageing.Amount(b)); err != nil {
			return data, err
		}
	}
	return data, nil
}

// dashboard shows the KPIs of the year so far: headline figures and the
// charts, which the page loads as SVG images from /charts/.
func (a *app) dashboard(w http.ResponseWriter, r *request) error {
	data, err := a.kpis(r.Context(), r.user.ID)
	if err != nil {
		return err
	}
	a.render(w, r, http.StatusOK, "dashboard", "Dashboard", data)
	return nil
}

// mayReadKPIs reports whether user may see the dashboard, so that the
// header links to it.
func (a *app) mayReadKPIs(user string) bool {
	return a.svc.engine.Access().Can(user, billing.PermKPIRead)
}
