package kpi

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// DSOReport is the days sales outstanding over a period.
type DSOReport struct {
	Period   date.Range     `json:"period"`
	Currency money.Currency `json:"currency"`
	// Outstanding is Σ Balance of the open receivables issued before the
	// period's end.
	Outstanding money.Amount `json:"outstanding"`
	// CreditSales is Σ (Due − Credited) of the receivables issued in the
	// period.
	CreditSales money.Amount `json:"credit_sales"`
	// Days is the number of days of the period.
	Days int `json:"days"`
	// DSO is Outstanding ÷ CreditSales × Days, at DaysScale decimals.
	DSO decimal.Decimal `json:"dso"`
}

// DSO returns the days sales outstanding over period:
//
//	DSO = outstanding ÷ credit sales × days in period
//
// rounded once, half away from zero, to DaysScale decimals. The figures
// come from the receivables of the customers' ledgers (Ledger.Receivables),
// read at the end of the period:
//
//   - outstanding is Σ Balance of the receivables that are open
//     (Receivable.IsOpen: issued, sent or partially paid with a positive
//     balance) and were issued before period.End. Written-off invoices
//     are out of the receivables, and not counted.
//   - credit sales are Σ (Due − Credited) of the receivables issued on a
//     day of the period, whatever became of them since: every invoice is a
//     sale on credit, net of its credit notes. Amounts are with VAT (BT-115)
//     on both sides, so that the ratio compares like with like.
//
// With 12 000.00 EUR outstanding at the end of a 30-day month that sold
// 36 000.00 EUR, DSO = 12 000 ÷ 36 000 × 30 = 10.00 days.
//
// All receivables must be in one currency, else the result is a
// *CurrencyError. Credit sales of zero or less are an *UndefinedError
// wrapping ErrNoSales. An invalid period or a receivable without issue date
// or currency is a *validation.Error naming the field.
func DSO(receivables []invoice.Receivable, period date.Range) (DSOReport, error) {
	if err := period.Validate(); err != nil {
		return DSOReport{}, validation.New("period", validation.CodeInvalid, err.Error())
	}
	var errs validation.Errors
	var cur currencyCheck
	var outstanding, sales decimal.Decimal
	for i := range receivables {
		r := &receivables[i]
		at := func() string { return "receivables[" + strconv.Itoa(i) + "]" }
		if r.IssueDate.IsZero() {
			errs.Add(at()+".issue_date", validation.CodeRequired, "is required")
			continue
		}
		if r.Due.Currency().IsZero() {
			errs.Add(at()+".due", validation.CodeRequired, "is required, with its currency")
			continue
		}
		counted := false
		if r.IsOpen() && r.IssueDate.Before(period.End) {
			outstanding = outstanding.Add(r.Balance.Number())
			counted = true
		}
		if period.Contains(r.IssueDate) {
			sales = sales.Add(r.Due.Number()).Sub(r.Credited.Number())
			counted = true
		}
		if counted && cur.mismatch(r.Due.Currency()) {
			cur.fail(at()+".due", r.Due.Currency())
		}
	}
	if err := errs.Err(); err != nil {
		return DSOReport{}, err
	}
	if cur.err != nil {
		return DSOReport{}, cur.err
	}
	if sales.Sign() <= 0 {
		return DSOReport{}, &UndefinedError{KPI: "DSO", Reason: "there are no credit sales in " + period.String(), Err: ErrNoSales}
	}
	days := period.Days()
	c := cur.cur
	return DSOReport{Period: period, Currency: c, Outstanding: money.New(outstanding, c), CreditSales: money.New(sales, c),
		Days: days, DSO: quo(outstanding.Mul(decimal.NewFromInt(int64(days))), sales, DaysScale)}, nil
}
