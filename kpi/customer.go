package kpi

import (
	"strings"

	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
)

// CustomerKeyFunc returns the stable key of a customer from the buyer of a
// contract or an invoice. Two documents with the same key are the same
// customer. An empty key is a fault of the input.
type CustomerKeyFunc func(buyer invoice.Party) string

// BuyerKey is the default CustomerKeyFunc: the buyer's legal registration
// identifier (BT-47, such as a SIREN), else its VAT identifier (BT-48),
// else its legal name (BT-44), each with surrounding spaces removed. Give
// every document of a customer the same identifiers, or pass a key of your
// own with WithCustomerKey (such as the host's customer ID), for a customer
// known by its legal ID on one contract and by its name only on another
// counts as two customers.
func BuyerKey(buyer invoice.Party) string {
	if k := strings.TrimSpace(buyer.LegalID); k != "" {
		return k
	}
	if k := strings.TrimSpace(buyer.VATID); k != "" {
		return k
	}
	return strings.TrimSpace(buyer.Name)
}

// Option configures the indicators computed from contracts and invoices.
type Option func(*config)

type config struct {
	key      CustomerKeyFunc
	currency money.Currency
}

// WithCustomerKey keys customers with fn instead of BuyerKey. A nil fn
// means BuyerKey.
func WithCustomerKey(fn CustomerKeyFunc) Option {
	return func(c *config) { c.key = fn }
}

// WithCurrency fixes the currency of an indicator that sums money. Without
// it the indicator is in the currency of the first document that counts;
// with it a report over no document is still a zero in c. Either way, a
// document in another currency is a *CurrencyError, never a silent sum.
func WithCurrency(c money.Currency) Option {
	return func(cfg *config) { cfg.currency = c }
}

func newConfig(opts []Option) config {
	var c config
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	if c.key == nil {
		c.key = BuyerKey
	}
	return c
}

// currencyCheck keeps the currency of an indicator and reports the first
// amount in another one.
type currencyCheck struct {
	cur money.Currency
	err *CurrencyError
}

// mismatch records that an amount is in c and reports whether c is the
// first currency that differs from the indicator's; the caller then calls
// fail with the amount's field path.
func (k *currencyCheck) mismatch(c money.Currency) bool {
	switch {
	case c.IsZero() || k.err != nil:
		return false
	case k.cur.IsZero():
		k.cur = c
		return false
	}
	return c != k.cur
}

// fail records the mismatch of the amount in c at field.
func (k *currencyCheck) fail(field string, c money.Currency) {
	k.err = &CurrencyError{Field: field, Want: k.cur, Got: c}
}
