package kpi

import (
	"maps"
	"slices"
	"strconv"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// Settlement is an invoice that a customer paid in full: when it was due
// and when the last of it was settled. Hosts build them from their
// ledgers, with SettlementsFromLedger or from their own records.
type Settlement struct {
	// Customer is the host's key of the customer. Required.
	Customer string `json:"customer"`
	// InvoiceID identifies the invoice; each invoice is settled once.
	// Required.
	InvoiceID uuid.UUID `json:"invoice_id"`
	// DueDate is the day payment was due (BT-9). Required.
	DueDate date.Date `json:"due_date"`
	// PaidOn is the day the invoice was fully settled. Required.
	PaidOn date.Date `json:"paid_on"`
	// Amount is what was paid, positive, with its currency.
	Amount money.Amount `json:"amount"`
}

// DaysLate returns the number of days the settlement came after the due
// date, and 0 when it came on or before it.
func (s Settlement) DaysLate() int { return max(0, s.PaidOn.DaysSince(s.DueDate)) }

// PayerClass rates how a customer pays. It is serialised as its string
// value.
type PayerClass string

// The payer classes.
const (
	PayerGood PayerClass = "good" // pays on time, or nearly
	PayerSlow PayerClass = "slow" // pays, but late
	PayerBad  PayerClass = "bad"  // pays very late, or late most of the time
)

// PayerThresholds set where a payer stops being good. Day counts and
// shares are compared with the values of the profile as reported (rounded
// to DaysScale and RateScale decimals); shares are fractions, 0.25 is 25 %.
type PayerThresholds struct {
	// GraceDays is how many days after the due date a payment still counts
	// as on time for LateShare. It does not change DaysLate.
	GraceDays int `json:"grace_days"`
	// A payer whose AverageDaysLate exceeds SlowAverageDays, or whose
	// LateShare exceeds SlowLateShare, is at least slow.
	SlowAverageDays decimal.Decimal `json:"slow_average_days"`
	SlowLateShare   decimal.Decimal `json:"slow_late_share"`
	// A payer whose AverageDaysLate exceeds BadAverageDays, or whose
	// LateShare exceeds BadLateShare, is bad.
	BadAverageDays decimal.Decimal `json:"bad_average_days"`
	BadLateShare   decimal.Decimal `json:"bad_late_share"`
}

// DefaultPayerThresholds returns the thresholds used when a host has none
// of its own: no grace days; slow beyond 5 days late on average or more
// than 25 % of invoices paid late; bad beyond 30 days late on average or
// more than 50 % of invoices paid late.
func DefaultPayerThresholds() PayerThresholds {
	return PayerThresholds{
		SlowAverageDays: decimal.NewFromInt(5), SlowLateShare: decimal.RequireFromString("0.25"),
		BadAverageDays: decimal.NewFromInt(30), BadLateShare: decimal.RequireFromString("0.5"),
	}
}

// Validate reports thresholds that cannot classify: negative values,
// shares above 1, or a slow threshold above the bad one.
func (t PayerThresholds) Validate() error {
	var errs validation.Errors
	if t.GraceDays < 0 {
		errs.Add("grace_days", validation.CodeOutOfRange, "must not be negative")
	}
	for _, f := range []struct {
		name string
		v    decimal.Decimal
		max  bool
	}{
		{"slow_average_days", t.SlowAverageDays, false}, {"slow_late_share", t.SlowLateShare, true},
		{"bad_average_days", t.BadAverageDays, false}, {"bad_late_share", t.BadLateShare, true},
	} {
		switch {
		case f.v.IsNegative():
			errs.Add(f.name, validation.CodeOutOfRange, "must not be negative")
		case f.max && f.v.GreaterThan(one):
			errs.Add(f.name, validation.CodeOutOfRange, "must be at most 1")
		}
	}
	if t.SlowAverageDays.GreaterThan(t.BadAverageDays) {
		errs.Add("slow_average_days", validation.CodeOutOfRange, "must not exceed bad_average_days")
	}
	if t.SlowLateShare.GreaterThan(t.BadLateShare) {
		errs.Add("slow_late_share", validation.CodeOutOfRange, "must not exceed bad_late_share")
	}
	return errs.Err()
}

// Classify returns the class of a payer with the given average days late
// and share of invoices paid late: bad when either exceeds its bad
// threshold, else slow when either exceeds its slow threshold, else good.
func (t PayerThresholds) Classify(averageDaysLate, lateShare decimal.Decimal) PayerClass {
	switch {
	case averageDaysLate.GreaterThan(t.BadAverageDays) || lateShare.GreaterThan(t.BadLateShare):
		return PayerBad
	case averageDaysLate.GreaterThan(t.SlowAverageDays) || lateShare.GreaterThan(t.SlowLateShare):
		return PayerSlow
	}
	return PayerGood
}

// PayerProfile is how one customer pays.
type PayerProfile struct {
	Customer string `json:"customer"`
	// Invoices is the number of invoices settled; PaidLate those settled
	// more than GraceDays after their due date.
	Invoices int `json:"invoices"`
	PaidLate int `json:"paid_late"`
	// LateShare is PaidLate ÷ Invoices, at RateScale decimals.
	LateShare decimal.Decimal `json:"late_share"`
	// AverageDaysLate is Σ DaysLate ÷ Invoices, at DaysScale decimals:
	// early and on-time payments count as 0 days late.
	AverageDaysLate decimal.Decimal `json:"average_days_late"`
	// MaxDaysLate is the largest DaysLate.
	MaxDaysLate int `json:"max_days_late"`
	// Settled is Σ Amount; SettledLate the same for the invoices paid late.
	Settled     money.Amount `json:"settled"`
	SettledLate money.Amount `json:"settled_late"`
	// Class rates the payer under the thresholds.
	Class PayerClass `json:"class"`
}

// PayerProfiles returns the profile of each customer of the settlements,
// sorted by customer key:
//
//	days late         = max(0, PaidOn − DueDate)
//	paid late         = days late > GraceDays
//	late share        = paid late ÷ invoices settled
//	average days late = Σ days late ÷ invoices settled
//
// each ratio rounded once, half away from zero; the class follows from
// PayerThresholds.Classify. A customer's settlements must be in one
// currency (a *CurrencyError otherwise); different customers may pay in
// different currencies. Invalid thresholds and settlements without
// customer, invoice, dates or a positive amount, or an invoice settled
// twice, are a *validation.Error naming the field.
func PayerProfiles(settlements []Settlement, t PayerThresholds) ([]PayerProfile, error) {
	var errs validation.Errors
	errs.MergeAt("thresholds", t.Validate())
	type acc struct {
		p           PayerProfile
		cur         currencyCheck
		days        int64
		settled     decimal.Decimal
		settledLate decimal.Decimal
	}
	byCustomer := map[string]*acc{}
	seen := make(map[uuid.UUID]struct{}, len(settlements))
	var curErr *CurrencyError
	for i, s := range settlements {
		at := "settlements[" + strconv.Itoa(i) + "]"
		if !checkSettlement(&errs, at, s, seen) {
			continue
		}
		a := byCustomer[s.Customer]
		if a == nil {
			a = &acc{p: PayerProfile{Customer: s.Customer}}
			byCustomer[s.Customer] = a
		}
		if a.cur.mismatch(s.Amount.Currency()) {
			a.cur.fail(at+".amount", s.Amount.Currency())
			if curErr == nil {
				curErr = a.cur.err
			}
		}
		late := s.DaysLate()
		a.p.Invoices++
		a.days += int64(late)
		a.p.MaxDaysLate = max(a.p.MaxDaysLate, late)
		a.settled = a.settled.Add(s.Amount.Number())
		if late > t.GraceDays {
			a.p.PaidLate++
			a.settledLate = a.settledLate.Add(s.Amount.Number())
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	if curErr != nil {
		return nil, curErr
	}
	out := make([]PayerProfile, 0, len(byCustomer))
	for _, key := range slices.Sorted(maps.Keys(byCustomer)) {
		a := byCustomer[key]
		n := decimal.NewFromInt(int64(a.p.Invoices))
		a.p.LateShare = quo(decimal.NewFromInt(int64(a.p.PaidLate)), n, RateScale)
		a.p.AverageDaysLate = quo(decimal.NewFromInt(a.days), n, DaysScale)
		a.p.Settled, a.p.SettledLate = money.New(a.settled, a.cur.cur), money.New(a.settledLate, a.cur.cur)
		a.p.Class = t.Classify(a.p.AverageDaysLate, a.p.LateShare)
		out = append(out, a.p)
	}
	return out, nil
}

// checkSettlement records the faults of s, found at at, and reports
// whether it can be counted.
func checkSettlement(errs *validation.Errors, at string, s Settlement, seen map[uuid.UUID]struct{}) bool {
	n := errs.Len()
	if s.Customer == "" {
		errs.Add(at+".customer", validation.CodeRequired, "is required")
	}
	switch _, dup := seen[s.InvoiceID]; {
	case s.InvoiceID == uuid.Nil:
		errs.Add(at+".invoice_id", validation.CodeRequired, "is required")
	case dup:
		errs.Add(at+".invoice_id", validation.CodeDuplicate, "invoice "+s.InvoiceID.String()+" is settled twice")
	default:
		seen[s.InvoiceID] = struct{}{}
	}
	requireDate(errs, at+".due_date", s.DueDate)
	requireDate(errs, at+".paid_on", s.PaidOn)
	switch {
	case s.Amount.Currency().IsZero():
		errs.Add(at+".amount", validation.CodeRequired, "is required, with its currency")
	case !s.Amount.IsPositive():
		errs.Add(at+".amount", validation.CodeOutOfRange, "must be positive")
	}
	return errs.Len() == n
}
