package kpi

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// Bucket is an age bracket of open receivables, by days past the due
// date. It is serialised as its string value.
type Bucket string

// The ageing buckets.
const (
	BucketCurrent Bucket = "current" // not yet due, or without a due date
	Bucket1To30   Bucket = "1-30"    // 1 to 30 days overdue
	Bucket31To60  Bucket = "31-60"   // 31 to 60 days overdue
	Bucket61To90  Bucket = "61-90"   // 61 to 90 days overdue
	BucketOver90  Bucket = "90+"     // more than 90 days overdue
)

// Buckets lists the buckets from the youngest to the oldest.
func Buckets() []Bucket {
	return []Bucket{BucketCurrent, Bucket1To30, Bucket31To60, Bucket61To90, BucketOver90}
}

// Valid reports whether b is one of the buckets.
func (b Bucket) Valid() bool { return b.index() >= 0 }

func (b Bucket) index() int {
	switch b {
	case BucketCurrent:
		return 0
	case Bucket1To30:
		return 1
	case Bucket31To60:
		return 2
	case Bucket61To90:
		return 3
	case BucketOver90:
		return 4
	}
	return -1
}

// BucketOf returns the bucket of a receivable overdue by the given number
// of days: current for 0 or less, then 1-30, 31-60, 61-90 and 90+ for 91
// days or more.
func BucketOf(daysOverdue int) Bucket {
	switch {
	case daysOverdue <= 0:
		return BucketCurrent
	case daysOverdue <= 30:
		return Bucket1To30
	case daysOverdue <= 60:
		return Bucket31To60
	case daysOverdue <= 90:
		return Bucket61To90
	}
	return BucketOver90
}

// Ageing is the ageing of the open receivables in one currency.
type Ageing struct {
	Currency money.Currency `json:"currency"`
	// Amounts are the balances owed in each bucket, in the order of
	// Buckets; use Amount to read one.
	Amounts [5]money.Amount `json:"amounts"`
	// Counts are the numbers of receivables in each bucket.
	Counts [5]int `json:"counts"`
	// Total is Σ Amounts: everything owed in the currency.
	Total money.Amount `json:"total"`
}

// Amount returns the balance owed in bucket b, and zero in the currency
// for an unknown bucket.
func (a Ageing) Amount(b Bucket) money.Amount {
	if i := b.index(); i >= 0 {
		return a.Amounts[i]
	}
	return money.Zero(a.Currency)
}

// Count returns the number of receivables in bucket b.
func (a Ageing) Count(b Bucket) int {
	if i := b.index(); i >= 0 {
		return a.Counts[i]
	}
	return 0
}

// AgeingReport is the ageing of open receivables on one day, one Ageing
// per currency: amounts in different currencies are never summed.
type AgeingReport struct {
	On date.Date `json:"on"`
	// Currencies holds one Ageing per currency owed, by currency code.
	Currencies []Ageing `json:"currencies"`
}

// Currency returns the ageing in currency c, and whether anything is owed
// in it.
func (r AgeingReport) Currency(c money.Currency) (Ageing, bool) {
	for _, a := range r.Currencies {
		if a.Currency == c {
			return a, true
		}
	}
	return Ageing{}, false
}

// AgeReceivables sorts the balances of the open receivables (see
// Receivable.IsOpen: issued, sent or partially paid, with a positive
// balance) into buckets by the days past their due date on day on:
//
//	days overdue = on − DueDate  (Receivable.DaysOverdue)
//
// 0 or less (and no due date) is current; then 1-30, 31-60, 61-90 and 90+
// days. Disputed invoices are counted: they are still owed. Paid, void and
// written-off receivables are not. Amounts are computed per currency, so
// mixed currencies are never an error. A missing day, or an open receivable
// whose balance has no currency, is a *validation.Error naming the field.
func AgeReceivables(receivables []invoice.Receivable, on date.Date) (AgeingReport, error) {
	var errs validation.Errors
	requireDate(&errs, "on", on)
	if err := errs.Err(); err != nil {
		return AgeingReport{}, err
	}
	type row struct {
		cur    money.Currency
		sums   [5]decimal.Decimal
		counts [5]int
	}
	var rows []row
	for i := range receivables {
		r := &receivables[i]
		if !r.IsOpen() {
			continue
		}
		c := r.Balance.Currency()
		if c.IsZero() {
			errs.Add("receivables["+strconv.Itoa(i)+"].balance", validation.CodeRequired, "is required, with its currency")
			continue
		}
		k := slices.IndexFunc(rows, func(x row) bool { return x.cur == c })
		if k < 0 {
			rows = append(rows, row{cur: c})
			k = len(rows) - 1
		}
		b := BucketOf(r.DaysOverdue(on)).index()
		rows[k].sums[b] = rows[k].sums[b].Add(r.Balance.Number())
		rows[k].counts[b]++
	}
	if err := errs.Err(); err != nil {
		return AgeingReport{}, err
	}
	slices.SortFunc(rows, func(a, b row) int { return cmp.Compare(a.cur.Code(), b.cur.Code()) })
	rep := AgeingReport{On: on, Currencies: make([]Ageing, len(rows))}
	for k, rw := range rows {
		a := Ageing{Currency: rw.cur, Counts: rw.counts}
		var total decimal.Decimal
		for b, s := range rw.sums {
			a.Amounts[b] = money.New(s, rw.cur)
			total = total.Add(s)
		}
		a.Total = money.New(total, rw.cur)
		rep.Currencies[k] = a
	}
	return rep, nil
}
