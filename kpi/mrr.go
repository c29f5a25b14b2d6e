package kpi

import (
	"maps"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/validation"
)

// MRRReport is the monthly recurring revenue of a set of contracts on one
// day.
type MRRReport struct {
	// On is the day the revenue is measured.
	On date.Date `json:"on"`
	// MRR is the monthly recurring revenue: the sum of the monthly amounts
	// of the recurring lines that count on the day, at the currency's
	// precision plus MonthlyExtraDigits decimals.
	MRR money.Amount `json:"mrr"`
	// ByCustomer is the MRR of each customer that has at least one
	// recurring line counting on the day, by customer key. The values sum
	// exactly to MRR.
	ByCustomer map[string]money.Amount `json:"by_customer"`
	// Lines is the number of recurring lines that count on the day.
	Lines int `json:"lines"`
}

// ARR returns the annual recurring revenue, 12 × MRR, exactly.
func (r MRRReport) ARR() money.Amount { return r.MRR.Mul(twelve) }

// Customers returns the keys of the customers of ByCustomer, sorted.
func (r MRRReport) Customers() []string { return slices.Sorted(maps.Keys(r.ByCustomer)) }

// ARPA returns the average revenue per account: MRR ÷ the number of
// customers of ByCustomer, rounded half away from zero to the currency's
// precision plus MonthlyExtraDigits decimals. It is the ARPA of
// LTVInput. A report with no customer is an *UndefinedError wrapping
// ErrNoCustomers.
func (r MRRReport) ARPA() (money.Amount, error) {
	if len(r.ByCustomer) == 0 {
		return money.Amount{}, &UndefinedError{KPI: "ARPA", Reason: "no customer has recurring revenue on " + r.On.String(), Err: ErrNoCustomers}
	}
	n := decimal.NewFromInt(int64(len(r.ByCustomer)))
	return money.New(quo(r.MRR.Number(), n, monthlyScale(r.MRR.Currency())), r.MRR.Currency()), nil
}

// MRR returns the monthly recurring revenue of contracts on day on:
//
//	MRR = Σ MonthlyAmount(per-period amount, interval)
//
// over the recurring lines that count on day on. A line counts when its
// plan is recurring and on is in both the line's term [Start, End) and the
// plan's cycle [Start, End), a zero end being open; one-time, milestone,
// installment and usage lines never count. Its per-period amount is the
// line's NetAmount (what one billing period of the negotiated terms comes
// to), or the plan's Recurring.Amount when NetAmount is not set. Leading
// partial periods and proration do not change a line's MRR: it is the
// full-period price, normalised to a month.
//
// Customers are keyed with BuyerKey unless WithCustomerKey says otherwise.
// All contracts must be in one currency, else the result is a
// *CurrencyError: compute each currency apart. A missing day, a nil
// contract, a buyer without key or a recurring line without amount,
// start or valid interval is a *validation.Error naming the field.
func MRR(contracts []*quote.Contract, on date.Date, opts ...Option) (MRRReport, error) {
	cfg := newConfig(opts)
	var errs validation.Errors
	requireDate(&errs, "on", on)
	if err := errs.Err(); err != nil {
		return MRRReport{}, err
	}
	lines, cur, err := recurringLines(contracts, &cfg, true)
	if err != nil {
		return MRRReport{}, err
	}
	sums := map[string]decimal.Decimal{}
	var total decimal.Decimal
	n := 0
	for i := range lines {
		l := &lines[i]
		if !l.activeOn(on) {
			continue
		}
		m := l.monthly()
		sums[l.customer] = sums[l.customer].Add(m)
		total = total.Add(m)
		n++
	}
	return MRRReport{On: on, MRR: money.New(total, cur), ByCustomer: amounts(sums, cur), Lines: n}, nil
}

// ARR returns the annual recurring revenue of contracts on day on,
// 12 × MRR; see MRR for what counts and for the errors.
func ARR(contracts []*quote.Contract, on date.Date, opts ...Option) (money.Amount, error) {
	r, err := MRR(contracts, on, opts...)
	if err != nil {
		return money.Amount{}, err
	}
	return r.ARR(), nil
}

// amounts turns sums by key into amounts in cur.
func amounts(sums map[string]decimal.Decimal, cur money.Currency) map[string]money.Amount {
	out := make(map[string]money.Amount, len(sums))
	for k, v := range sums {
		out[k] = money.New(v, cur)
	}
	return out
}
