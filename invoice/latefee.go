package invoice

import (
	"slices"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// LateFeeTerms are the late payment terms of an invoice: the yearly rate of
// the penalties and, for a business customer, the fixed indemnity for
// recovery costs.
type LateFeeTerms struct {
	// AnnualRate is the yearly rate of the penalties in percent, such as
	// 10.15 (from 0 to 100). For a French business customer it is the
	// rate stated on the invoice (LegalMentions.LatePenaltyRate), at least
	// three times the legal interest rate, or by default the European
	// Central Bank's refinancing rate plus 10 points (Code de commerce
	// L441-10 II).
	AnnualRate decimal.Decimal `json:"annual_rate"`
	// Business says that the customer acts as a business. Only a business
	// owes the recovery indemnity.
	Business bool `json:"business,omitempty"`
	// RecoveryIndemnity is the fixed indemnity for recovery costs owed once
	// per invoice paid late by a business: 40 EUR in France (L441-10 II,
	// D441-5) and at least 40 EUR across the EU (Directive 2011/7/EU,
	// article 6). Zero for none.
	RecoveryIndemnity money.Amount `json:"recovery_indemnity,omitzero"`
}

// LateFeeTermsOf returns the late payment terms that inv states: its late
// penalty rate, and for a business buyer its recovery indemnity, or
// RecoveryIndemnityFR when the invoice states none.
func LateFeeTermsOf(inv *Invoice) LateFeeTerms {
	d := &inv.doc
	t := LateFeeTerms{AnnualRate: d.Legal.LatePenaltyRate, Business: d.Buyer.Business}
	if t.Business {
		t.RecoveryIndemnity = d.Legal.RecoveryIndemnity
		if isUnset(t.RecoveryIndemnity) {
			t.RecoveryIndemnity = RecoveryIndemnityFR
		}
	}
	return t
}

// Debt is what a customer owed on one invoice over time: the amount due on
// the due date and what settled it, day by day.
type Debt struct {
	// DueDate is the invoice's due date (BT-9). Required.
	DueDate date.Date `json:"due_date"`
	// Amount is the amount due (BT-115), VAT included: French late
	// penalties run on the amount with VAT.
	Amount money.Amount `json:"amount"`
	// Settlements are the payments and credit notes that reduced the debt,
	// in any order.
	Settlements []Settlement `json:"settlements,omitempty"`
}

// Settlement is an amount that reduced a debt on a day: a payment or a
// credit note. A negative amount raises the debt again, as when a payment
// is taken back.
type Settlement struct {
	On     date.Date    `json:"on"`     // the day it took effect
	Amount money.Amount `json:"amount"` // in the debt's currency; negative raises the debt
}

// LateFee is what a customer owes for paying an invoice late, as of a day.
type LateFee struct {
	// Until is the day up to which interest was counted.
	Until date.Date `json:"until"`
	// Interest is the late payment interest, in the invoice's currency.
	Interest money.Amount `json:"interest"`
	// Indemnity is the fixed recovery indemnity, zero when not owed.
	Indemnity money.Amount `json:"indemnity,omitzero"`
	// DaysLate is the number of days from the due date to the last day
	// something remained unpaid, up to Until; 0 when paid on time.
	DaysLate int `json:"days_late"`
	// Segments are the periods over which the unpaid balance did not change.
	Segments []InterestSegment `json:"segments,omitempty"`
}

// InterestSegment is a period of days over which an unpaid balance bore
// interest.
type InterestSegment struct {
	// Period is the days bearing interest, half-open: the last day is
	// Period.Last().
	Period date.Range `json:"period"`
	// Balance is what remained unpaid over the period.
	Balance money.Amount `json:"balance"`
}

// Total returns the interest plus the indemnity, or a *money.MismatchError
// when they are in different currencies (an invoice not in euros).
func (f LateFee) Total() (money.Amount, error) { return f.Interest.Add(f.Indemnity) }

// Compute returns the late fee of debt d as of the given day (the day of
// payment, or of the run that claims it).
//
// Interest runs from the day after the due date up to and including the
// day of each payment, on the amount that remained unpaid, segment by
// segment: for each period over which the balance B did not change,
// B × rate × days ÷ 365. The day count is actual/365, the usual reading of
// Code de commerce L441-10, which gives a yearly rate without a day count
// convention; leap years still count 365. The segments are summed exactly
// and the sum is rounded once, half away from zero, to the currency's
// precision: 1,000.00 EUR at 10.15 % for 30 days is
// 1000 × 10.15 × 30 ÷ 36500 = 8.3424… = 8.34 EUR. Payments made on or
// before the due date are on time and bear no interest.
//
// The recovery indemnity is owed once per invoice, whatever the number of
// late payments, when some amount remained unpaid after the due date and
// the customer is a business. Compute gives the whole fee up to the day,
// not what was added since an earlier computation.
func (t LateFeeTerms) Compute(d Debt, until date.Date) (LateFee, error) {
	if err := t.check(d, until); err != nil {
		return LateFee{}, err
	}
	cur := d.Amount.Currency()
	owed := d.Amount.Number()
	late := make([]Settlement, 0, len(d.Settlements))
	for _, s := range d.Settlements {
		switch {
		case !s.On.After(d.DueDate):
			owed = owed.Sub(s.Amount.Number())
		case !s.On.After(until):
			late = append(late, s)
		}
	}
	slices.SortStableFunc(late, func(a, b Settlement) int { return a.On.Compare(b.On) })
	fee := LateFee{Until: until, Interest: money.Zero(cur)}
	from := d.DueDate // interest is counted for the days after from
	var weighted decimal.Decimal
	segment := func(to date.Date) {
		if owed.Sign() <= 0 || !to.After(from) {
			return
		}
		fee.Segments = append(fee.Segments, InterestSegment{
			Period: date.Range{Start: from.AddDays(1), End: to.AddDays(1)}, Balance: money.New(owed, cur)})
		weighted = weighted.Add(owed.Mul(decimal.NewFromInt(int64(to.DaysSince(from)))))
		fee.DaysLate = to.DaysSince(d.DueDate)
	}
	for _, s := range late {
		segment(s.On)
		from = date.Max(from, s.On)
		owed = owed.Sub(s.Amount.Number())
	}
	segment(until)
	interest, err := money.QuoRound(weighted.Mul(t.AnnualRate), decimal.NewFromInt(36500), int32(cur.Digits()), money.RoundHalfAwayFromZero)
	if err != nil {
		return LateFee{}, err
	}
	fee.Interest = money.New(interest, cur)
	if len(fee.Segments) > 0 && t.Business {
		fee.Indemnity = t.RecoveryIndemnity
	}
	return fee, nil
}

// check validates the terms and the debt.
func (t LateFeeTerms) check(d Debt, until date.Date) error {
	var errs validation.Errors
	if t.AnnualRate.Sign() < 0 || t.AnnualRate.GreaterThan(decimal.NewFromInt(100)) {
		errs.Add("annual_rate", validation.CodeOutOfRange, "must be a percentage from 0 to 100")
	}
	if !isUnset(t.RecoveryIndemnity) && (t.RecoveryIndemnity.Currency().IsZero() || t.RecoveryIndemnity.IsNegative()) {
		errs.Add("recovery_indemnity", validation.CodeOutOfRange, "must be a positive amount with its currency, or zero")
	}
	if d.DueDate.IsZero() {
		errs.Add("debt.due_date", validation.CodeRequired, "is required")
	}
	if d.Amount.Currency().IsZero() {
		errs.Add("debt.amount", validation.CodeRequired, "is required, with its currency")
	}
	for i, s := range d.Settlements {
		at := "debt.settlements[" + strconv.Itoa(i) + "]"
		if s.On.IsZero() {
			errs.Add(at+".on", validation.CodeRequired, "is required")
		}
		if s.Amount.Currency() != d.Amount.Currency() && !(s.Amount.IsZero() && s.Amount.Currency().IsZero()) {
			errs.Add(at+".amount", validation.CodeMismatch, "must be in "+d.Amount.Currency().Code()+", the debt's currency")
		}
	}
	if until.IsZero() {
		errs.Add("until", validation.CodeRequired, "is required")
	}
	return errs.Err()
}
