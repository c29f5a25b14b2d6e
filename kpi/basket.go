package kpi

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// BasketReport is the average basket and the purchase frequency of the
// invoices issued over a period.
type BasketReport struct {
	Period   date.Range     `json:"period"`
	Currency money.Currency `json:"currency"`
	// Invoices and CreditNotes are the numbers of invoices (380) and of
	// credit notes (381) issued in the period.
	Invoices    int `json:"invoices"`
	CreditNotes int `json:"credit_notes"`
	// Customers is the number of customers invoiced in the period.
	Customers int `json:"customers"`
	// Invoiced is Σ the invoices' totals without VAT (BT-109), Credited
	// the same for the credit notes, and Net = Invoiced − Credited.
	Invoiced money.Amount `json:"invoiced"`
	Credited money.Amount `json:"credited"`
	Net      money.Amount `json:"net"`
	// AverageBasket is Net ÷ Invoices at the currency's precision.
	AverageBasket money.Amount `json:"average_basket"`
	// PurchaseFrequency is Invoices ÷ Customers at RateScale decimals: how
	// many invoices a customer received over the period, on average.
	PurchaseFrequency decimal.Decimal `json:"purchase_frequency"`
}

// Basket returns the average basket and the purchase frequency of the
// documents issued in period, from their snapshots:
//
//	average basket     = (Σ BT-109 of invoices − Σ BT-109 of credit notes) ÷ invoices
//	purchase frequency = invoices ÷ distinct customers invoiced
//
// Amounts are without VAT (the tax exclusive total, BT-109), so that a
// basket does not vary with VAT rates. A document counts when it was
// issued (it has a number) on a day of the half-open period; drafts never
// count. An invoice voided by credit notes still counts, and its credit
// notes take its amount back. Credit notes are subtracted in the period of
// their own issue date, even when they correct an invoice of an earlier
// period, as accounts do; they do not count as purchases. Both ratios
// are rounded half away from zero.
//
// Customers are keyed from the buyer with BuyerKey unless
// WithCustomerKey says otherwise. All documents that count must be in one
// currency, else the result is a *CurrencyError. A period without
// invoices is an *UndefinedError wrapping ErrNoInvoices. An invalid period
// or a counted document without type, key or currency is a
// *validation.Error naming the field.
func Basket(snapshots []invoice.Snapshot, period date.Range, opts ...Option) (BasketReport, error) {
	cfg := newConfig(opts)
	if err := period.Validate(); err != nil {
		return BasketReport{}, validation.New("period", validation.CodeInvalid, err.Error())
	}
	var errs validation.Errors
	cur := currencyCheck{cur: cfg.currency}
	customers := map[string]struct{}{}
	r := BasketReport{Period: period}
	var invoiced, credited decimal.Decimal
	for i := range snapshots {
		d := &snapshots[i].Document
		if d.Number == "" || !period.Contains(d.IssueDate) {
			continue
		}
		at := "snapshots[" + strconv.Itoa(i) + "].document"
		net := d.Totals.TaxExclusive
		if d.Currency.IsZero() {
			errs.Add(at+".currency", validation.CodeRequired, "is required")
			continue
		}
		if !net.Currency().IsZero() && net.Currency() != d.Currency {
			errs.Add(at+".totals.tax_exclusive", validation.CodeMismatch, "must be in "+d.Currency.Code()+", the document currency")
			continue
		}
		switch d.Type {
		case invoice.TypeCommercialInvoice:
			key := cfg.key(d.Buyer)
			if key == "" {
				errs.Add(at+".buyer", validation.CodeRequired, "needs a legal ID, a VAT ID or a name to key the customer")
				continue
			}
			customers[key] = struct{}{}
			invoiced = invoiced.Add(net.Number())
			r.Invoices++
		case invoice.TypeCreditNote:
			credited = credited.Add(net.Number())
			r.CreditNotes++
		default:
			errs.Add(at+".type", validation.CodeNotAllowed, "must be 380 or 381")
			continue
		}
		if cur.mismatch(d.Currency) {
			cur.fail(at+".currency", d.Currency)
		}
	}
	if err := errs.Err(); err != nil {
		return BasketReport{}, err
	}
	if cur.err != nil {
		return BasketReport{}, cur.err
	}
	if r.Invoices == 0 {
		return BasketReport{}, &UndefinedError{KPI: "average basket", Reason: "no invoice was issued in " + period.String(), Err: ErrNoInvoices}
	}
	c := cur.cur
	net := invoiced.Sub(credited)
	n := decimal.NewFromInt(int64(r.Invoices))
	r.Currency, r.Customers = c, len(customers)
	r.Invoiced, r.Credited, r.Net = money.New(invoiced, c), money.New(credited, c), money.New(net, c)
	r.AverageBasket = money.New(quo(net, n, int32(c.Digits())), c)
	r.PurchaseFrequency = quo(n, decimal.NewFromInt(int64(r.Customers)), RateScale)
	return r, nil
}
