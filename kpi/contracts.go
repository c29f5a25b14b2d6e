package kpi

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/schedule"
	"github.com/billkit/billkit/validation"
)

// recurringLine is a recurring contract line as the indicators see it.
type recurringLine struct {
	customer string
	// start and end bound the days the line counts on, [start, end); a
	// zero end is open.
	start, end date.Date
	// amount is the per-period amount and interval the period, when
	// amounts were asked for; monthly normalises them.
	amount   money.Amount
	interval schedule.Interval
}

// monthly returns the line's monthly recurring amount. It is computed only
// for the lines that count, as the division is the costly part.
func (l *recurringLine) monthly() decimal.Decimal { return monthly(l.amount, l.interval).Number() }

// activeOn reports whether the line counts on day on.
func (l *recurringLine) activeOn(on date.Date) bool {
	return !on.Before(l.start) && (l.end.IsZero() || on.Before(l.end))
}

// recurringLines validates the contracts and returns their recurring
// lines: the lines whose plan is of kind schedule.KindRecurring. Other
// plans (one-time, milestones, installments, usage) bill no fixed amount
// every period and never count.
//
// A line counts on the days that are both in its term [Start, End) and in
// its plan's cycle [Start, End), a zero bound being open: a contract line
// cut short by a cancellation stops counting on the earlier of the two
// ends.
//
// With amounts, each line's per-period amount is its NetAmount (what one
// billing of the negotiated terms comes to), or the plan's Recurring.Amount
// when NetAmount is not set; it is normalised with MonthlyAmount. Every
// amount must be in one currency (see WithCurrency), else the result is a
// *CurrencyError; faults in a contract are a *validation.Error.
func recurringLines(contracts []*quote.Contract, cfg *config, amounts bool) ([]recurringLine, money.Currency, error) {
	var errs validation.Errors
	cur := currencyCheck{cur: cfg.currency}
	out := make([]recurringLine, 0, len(contracts))
	for i, c := range contracts {
		at := func() string { return "contracts[" + strconv.Itoa(i) + "]" }
		if c == nil {
			errs.Add(at(), validation.CodeRequired, "is required")
			continue
		}
		key := cfg.key(c.Buyer)
		if key == "" {
			errs.Add(at()+".buyer", validation.CodeRequired, "needs a legal ID, a VAT ID or a name to key the customer")
			continue
		}
		for j := range c.Lines {
			l := &c.Lines[j]
			if l.Plan.Kind != schedule.KindRecurring {
				continue
			}
			lineAt := func() string { return at() + ".lines[" + strconv.Itoa(j) + "]" }
			r := l.Plan.Recurring
			if r == nil {
				errs.Add(lineAt()+".plan.recurring", validation.CodeRequired, "is required for a recurring plan")
				continue
			}
			rl := recurringLine{customer: key, start: date.Max(l.Start, r.Start), end: minEnd(l.End, r.End)}
			if rl.start.IsZero() {
				errs.Add(lineAt()+".start", validation.CodeRequired, "the line or its plan needs a start date")
				continue
			}
			if amounts {
				amount, ok := lineAmount(&errs, c, l, lineAt)
				if !ok {
					continue
				}
				if err := checkInterval(r.Interval, ""); err != nil {
					errs.MergeAt(lineAt()+".plan.recurring", err)
					continue
				}
				if cur.mismatch(amount.Currency()) {
					cur.fail(at()+".currency", amount.Currency())
				}
				rl.amount, rl.interval = amount, r.Interval
			}
			out = append(out, rl)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, money.Currency{}, err
	}
	if cur.err != nil {
		return nil, money.Currency{}, cur.err
	}
	return out, cur.cur, nil
}

// lineAmount returns the per-period amount of a recurring line, recording
// its faults.
func lineAmount(errs *validation.Errors, c *quote.Contract, l *quote.ContractLine, at func() string) (money.Amount, bool) {
	amount := l.NetAmount
	if amount.Currency().IsZero() && amount.IsZero() {
		amount = l.Plan.Recurring.Amount
	}
	switch {
	case amount.Currency().IsZero():
		errs.Add(at()+".net_amount", validation.CodeRequired, "is required, with its currency")
		return money.Amount{}, false
	case !c.Currency.IsZero() && amount.Currency() != c.Currency:
		errs.Add(at()+".net_amount", validation.CodeMismatch, "must be in "+c.Currency.Code()+", the contract's currency")
		return money.Amount{}, false
	}
	return amount, true
}

// minEnd returns the earlier of two exclusive ends, a zero end being open.
func minEnd(a, b date.Date) date.Date {
	switch {
	case a.IsZero():
		return b
	case b.IsZero():
		return a
	}
	return date.Min(a, b)
}

// requireDate records a fault when the date d, at field, is missing.
func requireDate(errs *validation.Errors, field string, d date.Date) {
	if d.IsZero() {
		errs.Add(field, validation.CodeRequired, "is required")
	}
}
