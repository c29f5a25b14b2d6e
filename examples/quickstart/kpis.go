package main

import (
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/kpi"
	"github.com/billkit/billkit/quote"
)

// indicators computes a few of package kpi's indicators over the
// contracts and invoices of the tour.
func (t *tour) indicators() error {
	day := date.MustParse("2026-04-30")
	t.section("Indicators", day)
	contracts := make([]*quote.Contract, len(t.contracts))
	for i := range t.contracts {
		contracts[i] = &t.contracts[i].Contract
	}
	mrr, err := kpi.MRR(contracts, day)
	if err != nil {
		return err
	}
	arpa, err := mrr.ARPA()
	if err != nil {
		return err
	}
	t.say("MRR %s, ARR %s, %d customers, ARPA %s", mrr.MRR.RoundedHalfUp(), mrr.ARR().RoundedHalfUp(),
		len(mrr.ByCustomer), arpa.RoundedHalfUp())

	invoices, err := t.engine.Invoices(t.ctx, claire, nil)
	if err != nil {
		return err
	}
	april := date.Range{Start: date.MustParse("2026-04-01"), End: date.MustParse("2026-05-01")}
	basket, err := kpi.Basket(invoices, april)
	if err != nil {
		return err
	}
	t.say("April: %d invoices, net sales %s, average basket %s, purchase frequency %s",
		basket.Invoices, basket.Net, basket.AverageBasket, basket.PurchaseFrequency)
	return nil
}
