package schedule

import (
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
	"github.com/shopspring/decimal"
)

// Pricer prices a quantity used during one period. catalog.Price satisfies
// it; any tiered, volume or flat pricing will do.
type Pricer interface {
	// Amount returns the price of quantity.
	Amount(quantity decimal.Decimal) (money.Amount, error)
}

// Meter reports the quantity used during a period. The host loads the
// usage it has recorded before asking for charges; UsageRecords is a
// ready-made Meter over a slice.
type Meter interface {
	// Quantity returns the quantity used on the days of period.
	Quantity(period date.Range) (decimal.Decimal, error)
}

// UsageRecord is a quantity used on one day.
type UsageRecord struct {
	// Date is the day of use.
	Date date.Date `json:"date"`
	// Quantity is the quantity used; corrections may be negative.
	Quantity decimal.Decimal `json:"quantity"`
}

// UsageRecords is a Meter that adds up the records of each period.
type UsageRecords []UsageRecord

// Quantity returns the sum of the quantities recorded on the days of
// period.
func (rs UsageRecords) Quantity(period date.Range) (decimal.Decimal, error) {
	sum := decimal.Zero
	for _, r := range rs {
		if period.Contains(r.Date) {
			sum = sum.Add(r.Quantity)
		}
	}
	return sum, nil
}

// Usage is a plan billed in arrears for what was used during each period
// of its cycle: the Meter in Inputs.Usage reports the quantity of the
// period, and the Pricer in Inputs.Pricer prices it. Partial periods are
// not prorated: their usage is what it is. The price is rounded to the
// currency's precision, half away from zero.
type Usage struct {
	Cycle
	// Currency is the currency of the prices.
	Currency money.Currency `json:"currency"`
}

// Validate reports every fault of the plan as a *validation.Error.
func (u Usage) Validate() error {
	var errs validation.Errors
	u.validate(&errs, "")
	return errs.Err()
}

func (u *Usage) validate(errs *validation.Errors, prefix string) {
	u.Cycle.validate(errs, prefix)
	if u.Currency.IsZero() {
		errs.Add(validation.Join(prefix, "currency"), validation.CodeRequired, "is required")
	}
}

// charges appends to dst the usage charges of the periods that end in
// window. meter and pricer are not nil.
func (u *Usage) charges(dst []Charge, window date.Range, meter Meter, pricer Pricer) ([]Charge, error) {
	k, err := u.calc()
	if err != nil {
		return nil, err
	}
	err = k.billed(window, true, func(cut, _ date.Range, billing date.Date) error {
		c, err := u.charge(cut, meter, pricer)
		if err != nil {
			return &UsageError{Period: cut, Err: err}
		}
		c.BillingDate = billing
		dst = append(dst, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return dst, nil
}

// charge measures and prices the usage of one period.
func (u *Usage) charge(period date.Range, meter Meter, pricer Pricer) (Charge, error) {
	q, err := meter.Quantity(period)
	if err != nil {
		return Charge{}, err
	}
	price, err := pricer.Amount(q)
	if err != nil {
		return Charge{}, err
	}
	switch c := price.Currency(); {
	case c.IsZero() && price.IsZero():
		price = money.Zero(u.Currency)
	case c != u.Currency:
		return Charge{}, &money.MismatchError{Op: "price usage", A: u.Currency, B: c}
	}
	return Charge{
		Period: period,
		Amount: price.RoundedHalfUp(),
		Explanation: Explanation{
			Basis: BasisUsage, Base: price, Span: period, Quantity: q,
		},
	}, nil
}
