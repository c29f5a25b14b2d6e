package billing

import (
	"context"
	"errors"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/kpi"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
)

// KPIReport gathers the engine's KPIs over a period, in one currency. Each
// figure is computed by the kpi package, whose functions document their
// formulas; a figure that is undefined on the data (no invoice in the
// period, no customer at its start) is left zero and its error is listed
// in Undefined.
type KPIReport struct {
	Period   date.Range     `json:"period"`
	Currency money.Currency `json:"currency"`
	// MRR is the monthly recurring revenue at the period's end, ARR twelve
	// times it.
	MRR money.Amount `json:"mrr"`
	ARR money.Amount `json:"arr"`
	// Movements explains how MRR moved from the period's start to its end.
	Movements kpi.Movements `json:"movements"`
	// Retention follows the customers active at the start to the end.
	Retention kpi.Cohort `json:"retention"`
	// Basket is the average basket and purchase frequency.
	Basket kpi.BasketReport `json:"basket"`
	// DSO is the days sales outstanding over the period.
	DSO kpi.DSOReport `json:"dso"`
	// Ageing buckets the open receivables at the period's end.
	Ageing kpi.AgeingReport `json:"ageing"`
	// Payers classifies each customer as a good, slow or bad payer.
	Payers []kpi.PayerProfile `json:"payers"`
	// Undefined lists the figures that could not be computed, and why.
	Undefined []error `json:"-"`
}

// KPIs computes the KPIs of the half-open period in currency cur from the
// contracts, invoices, credit notes and ledgers in the store, customers
// keyed by CustomerKey. It needs kpi.read.
func (e *Engine) KPIs(ctx context.Context, userID string, period date.Range, cur money.Currency) (KPIReport, error) {
	rep := KPIReport{Period: period, Currency: cur}
	if err := e.access.Check(userID, PermKPIRead); err != nil {
		return rep, err
	}
	if err := period.Validate(); err != nil {
		return rep, err
	}
	var (
		contracts   []*quote.Contract
		snapshots   []invoice.Snapshot
		receivables []invoice.Receivable
		settlements []kpi.Settlement
	)
	err := e.view(ctx, func(tx Tx) error {
		if err := scanAll(ctx, tx.Contracts(), func(r Record[Contract]) error {
			if r.Value.Currency == cur {
				c := r.Value.Contract
				contracts = append(contracts, &c)
			}
			return nil
		}); err != nil {
			return err
		}
		if err := scanAll(ctx, tx.Invoices(), func(r Record[invoice.Snapshot]) error {
			if r.Value.Document.Currency == cur {
				snapshots = append(snapshots, r.Value)
			}
			return nil
		}); err != nil {
			return err
		}
		return scanAll(ctx, tx.Ledgers(), func(r Record[invoice.LedgerSnapshot]) error {
			if r.Value.Currency != cur {
				return nil
			}
			st, err := loadLedger(ctx, tx, r.Value.Customer, cur)
			if err != nil {
				return err
			}
			receivables = append(receivables, st.ledger.Receivables()...)
			s, err := kpi.SettlementsFromLedger(st.ledger)
			settlements = append(settlements, s...)
			return err
		})
	})
	if err != nil {
		return rep, err
	}
	opts := []kpi.Option{kpi.WithCustomerKey(CustomerKey), kpi.WithCurrency(cur)}
	last := period.End.AddDays(-1)
	keep := func(err error) error {
		if errors.Is(err, kpi.ErrUndefined) {
			rep.Undefined = append(rep.Undefined, err)
			return nil
		}
		return err
	}
	var errs []error
	mrr, err := kpi.MRR(contracts, last, opts...)
	errs = append(errs, keep(err))
	rep.MRR, rep.ARR = mrr.MRR, mrr.ARR()
	rep.Movements, err = kpi.MRRMovements(contracts, period.Start, last, opts...)
	errs = append(errs, keep(err))
	rep.Retention, err = kpi.Retention(contracts, period.Start, last, opts...)
	errs = append(errs, keep(err))
	rep.Basket, err = kpi.Basket(snapshots, period, opts...)
	errs = append(errs, keep(err))
	rep.DSO, err = kpi.DSO(receivables, period)
	errs = append(errs, keep(err))
	rep.Ageing, err = kpi.AgeReceivables(receivables, last)
	errs = append(errs, keep(err))
	rep.Payers, err = kpi.PayerProfiles(settlements, kpi.DefaultPayerThresholds())
	errs = append(errs, keep(err))
	return rep, errors.Join(errs...)
}
