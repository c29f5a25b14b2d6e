package kpi

import (
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// LTVInput are the figures a customer lifetime value is computed from.
// Rates are fractions: 0.05 is 5 %.
type LTVInput struct {
	// ARPA is the average revenue per customer per month, zero or more,
	// such as MRRReport.ARPA or the result of ARPA. Required, with its
	// currency.
	ARPA money.Amount `json:"arpa"`
	// MonthlyChurn is the share of customers lost in a month, from 0 to 1,
	// such as the ChurnRate of a one-month Cohort.
	MonthlyChurn decimal.Decimal `json:"monthly_churn"`
	// GrossMargin is the share of revenue kept after the cost of serving
	// it, from 0 to 1. Unset means 1 (100 %), a lifetime revenue rather
	// than a lifetime margin.
	GrossMargin decimal.NullDecimal `json:"gross_margin,omitzero"`
}

// LifetimeValue returns the customer lifetime value:
//
//	LTV = ARPA × GrossMargin ÷ MonthlyChurn
//
// where 1 ÷ MonthlyChurn is the expected lifetime of a customer in months.
// It is rounded once, half away from zero, to the currency's precision:
// 50.00 EUR × 0.8 ÷ 0.03 = 1333.33 EUR.
//
// A zero churn rate gives no lifetime value (customers would stay
// forever): it is an *UndefinedError wrapping ErrZeroChurn, never a zero
// or an unbounded value. Figures out of range are a *validation.Error
// naming "arpa", "monthly_churn" or "gross_margin".
func LifetimeValue(in LTVInput) (money.Amount, error) {
	var errs validation.Errors
	switch {
	case in.ARPA.Currency().IsZero():
		errs.Add("arpa", validation.CodeRequired, "is required, with its currency")
	case in.ARPA.IsNegative():
		errs.Add("arpa", validation.CodeOutOfRange, "must not be negative")
	}
	if in.MonthlyChurn.IsNegative() || in.MonthlyChurn.GreaterThan(one) {
		errs.Add("monthly_churn", validation.CodeOutOfRange, "must be between 0 and 1")
	}
	margin := one
	if in.GrossMargin.Valid {
		margin = in.GrossMargin.Decimal
		if margin.IsNegative() || margin.GreaterThan(one) {
			errs.Add("gross_margin", validation.CodeOutOfRange, "must be between 0 and 1")
		}
	}
	if err := errs.Err(); err != nil {
		return money.Amount{}, err
	}
	if in.MonthlyChurn.IsZero() {
		return money.Amount{}, &UndefinedError{KPI: "lifetime value",
			Reason: "the monthly churn rate is zero, so the expected lifetime is unbounded", Err: ErrZeroChurn}
	}
	cur := in.ARPA.Currency()
	v := quo(in.ARPA.Number().Mul(margin), in.MonthlyChurn, int32(cur.Digits()))
	return money.New(v, cur), nil
}

// ARPA returns the average revenue per customer per month:
//
//	ARPA = revenue ÷ (customers × months)
//
// rounded half away from zero to the currency's precision plus
// MonthlyExtraDigits decimals: 9000.00 EUR earned from 10 customers over
// 3 months is 300.000000 EUR. revenue needs a currency and months must be
// positive (*validation.Error); no customer is an *UndefinedError wrapping
// ErrNoCustomers.
func ARPA(revenue money.Amount, customers, months int) (money.Amount, error) {
	var errs validation.Errors
	if revenue.Currency().IsZero() {
		errs.Add("revenue", validation.CodeRequired, "is required, with its currency")
	}
	if customers < 0 {
		errs.Add("customers", validation.CodeOutOfRange, "must not be negative")
	}
	if months < 1 {
		errs.Add("months", validation.CodeOutOfRange, "must be at least 1")
	}
	if err := errs.Err(); err != nil {
		return money.Amount{}, err
	}
	if customers == 0 {
		return money.Amount{}, &UndefinedError{KPI: "ARPA", Reason: "there is no customer to average over", Err: ErrNoCustomers}
	}
	den := decimal.NewFromInt(int64(customers)).Mul(decimal.NewFromInt(int64(months)))
	cur := revenue.Currency()
	return money.New(quo(revenue.Number(), den, monthlyScale(cur)), cur), nil
}
