package accounting

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/tax"
)

// Account is an account of the chart: its number (CompteNum in the FEC,
// such as "706000") and its label (CompteLib, such as "Prestations de
// services"). As an auxiliary account (CompAuxNum, CompAuxLib) it is the
// customer's own account within the receivable.
type Account struct {
	Number string `json:"number"`
	Label  string `json:"label"`
}

// IsZero reports whether a has no number.
func (a Account) IsZero() bool { return a.Number == "" }

// check returns a *FieldError when a cannot be written to an export: it
// needs a number and a label, neither containing a tab, a line break or a
// pipe (the separators of the FEC).
func (a Account) check(field string) error {
	switch {
	case a.Number == "":
		return &FieldError{Field: field, Reason: "has no account number", Err: ErrNoAccount}
	case strings.ContainsAny(a.Number, "\t\r\n| "):
		return invalid(field+".number", "must not contain spaces, tabs, line breaks or |")
	case strings.TrimSpace(a.Label) == "":
		return invalid(field+".label", "is required (CompteLib)")
	}
	return nil
}

// RateAccount is the account of the VAT collected at one rate, such as
// 445711 for 20 %.
type RateAccount struct {
	Rate    decimal.Decimal `json:"rate"` // in percent
	Account Account         `json:"account"`
}

// Chart is the part of the chart of accounts that sales and payments are
// posted to. FrenchChart returns one with the accounts of the French Plan
// comptable général; hosts change or add what their chart differs in.
type Chart struct {
	// Receivable is the customers' account (411000). Each entry names the
	// customer's own account as its auxiliary account (see Customer).
	Receivable Account `json:"receivable"`
	// Prepayments receives the amount paid before the invoice (BT-113), a
	// deposit already booked there (419100). Needed only when an invoice
	// has such an amount.
	Prepayments Account `json:"prepayments,omitzero"`

	// Revenue is the default revenue account (706000).
	Revenue Account `json:"revenue"`
	// ProductRevenue gives the revenue account of a product or SKU, keyed
	// by what ProductOf returns for a line. It wins over CategoryRevenue.
	ProductRevenue map[string]Account `json:"product_revenue,omitempty"`
	// CategoryRevenue gives the revenue account of the lines of a VAT
	// category, such as 707100 for exports (G) or 706200 for exempt
	// services (E). It wins over Revenue.
	CategoryRevenue map[tax.Category]Account `json:"category_revenue,omitempty"`
	// ProductOf returns the product key of an invoice line for
	// ProductRevenue, such as a SKU the host derives from the line's
	// contract line. Nil looks products up by item name (BT-153).
	ProductOf func(invoice.Line) string `json:"-"`

	// Allowances, when set, receives the document level allowances (BG-20)
	// as a debit, such as 709000. Left empty, each allowance is deducted
	// from the revenue accounts of its VAT rate in proportion to their
	// amounts, as French practice books discounts granted on the invoice.
	Allowances Account `json:"allowances,omitzero"`
	// Charges, when set, receives the document level charges (BG-21), such
	// as 708500 for delivery costs. Left empty, they are spread over the
	// revenue accounts of their VAT rate like allowances.
	Charges Account `json:"charges,omitzero"`

	// VAT is the account of the VAT collected at the rates VATRates does
	// not list (445710).
	VAT Account `json:"vat"`
	// VATRates gives one account per rate, such as 445711 for 20 %.
	VATRates []RateAccount `json:"vat_rates,omitempty"`

	// Bank is the bank account payments are received on (512000).
	Bank Account `json:"bank"`
	// MethodBank gives another account for a payment method, such as 511200
	// for cheques waiting to be cashed. It wins over Bank.
	MethodBank map[invoice.PaymentMethod]Account `json:"method_bank,omitempty"`

	// RoundingLoss and RoundingGain receive the rounding amount of the
	// invoice (BT-114) and any difference of rounding that would leave an
	// entry unbalanced: on an invoice, a debit goes to RoundingLoss
	// (658000) and a credit to RoundingGain (758000); a credit note reverses
	// them on the same accounts. Several partial credit notes may round
	// each its own way: crediting an invoice in full then leaves nothing on
	// the two accounts together. Hosts that want a single account give the
	// same account twice.
	RoundingLoss Account `json:"rounding_loss"`
	RoundingGain Account `json:"rounding_gain"`
}

// FrenchChart returns the accounts of the French Plan comptable général
// that a company selling services uses by default: 411000 customers,
// 419100 prepayments, 706000 services, 708500 charges invoiced, 445710 VAT
// collected with 445711 (20 %), 445712 (10 %), 445713 (5.5 %) and 445714
// (2.1 %), 512000 bank, 658000 and 758000 for rounding. Allowances are
// deducted from revenue. Each call returns a new Chart.
func FrenchChart() Chart {
	return Chart{
		Receivable:  Account{"411000", "Clients"},
		Prepayments: Account{"419100", "Clients - Avances et acomptes reçus"},
		Revenue:     Account{"706000", "Prestations de services"},
		Charges:     Account{"708500", "Ports et frais accessoires facturés"},
		VAT:         Account{"445710", "TVA collectée"},
		VATRates: []RateAccount{
			{decimal.NewFromInt(20), Account{"445711", "TVA collectée 20 %"}},
			{decimal.NewFromInt(10), Account{"445712", "TVA collectée 10 %"}},
			{decimal.RequireFromString("5.5"), Account{"445713", "TVA collectée 5,5 %"}},
			{decimal.RequireFromString("2.1"), Account{"445714", "TVA collectée 2,1 %"}},
		},
		Bank:         Account{"512000", "Banque"},
		RoundingLoss: Account{"658000", "Charges diverses de gestion courante"},
		RoundingGain: Account{"758000", "Produits divers de gestion courante"},
	}
}

// revenueFor returns the revenue account of a line.
func (c *Chart) revenueFor(l *invoice.Line) Account {
	if len(c.ProductRevenue) > 0 {
		key := l.Name
		if c.ProductOf != nil {
			key = c.ProductOf(*l)
		}
		if a, ok := c.ProductRevenue[key]; ok {
			return a
		}
	}
	return c.categoryRevenue(l.VAT.Category)
}

func (c *Chart) categoryRevenue(cat tax.Category) Account {
	if a, ok := c.CategoryRevenue[cat]; ok {
		return a
	}
	return c.Revenue
}

// vatFor returns the account of the VAT collected at rate.
func (c *Chart) vatFor(rate decimal.Decimal) Account {
	for _, r := range c.VATRates {
		if r.Rate.Equal(rate) {
			return r.Account
		}
	}
	return c.VAT
}

// bankFor returns the account a payment by method is received on.
func (c *Chart) bankFor(m invoice.PaymentMethod) Account {
	if a, ok := c.MethodBank[m]; ok {
		return a
	}
	return c.Bank
}

// check reports the first account of c that cannot be posted to.
func (c *Chart) check() error {
	required := []struct {
		field string
		a     Account
	}{
		{"chart.receivable", c.Receivable}, {"chart.revenue", c.Revenue}, {"chart.vat", c.VAT},
		{"chart.bank", c.Bank}, {"chart.rounding_loss", c.RoundingLoss}, {"chart.rounding_gain", c.RoundingGain},
	}
	for _, r := range required {
		if err := r.a.check(r.field); err != nil {
			return err
		}
	}
	optional := []struct {
		field string
		a     Account
	}{{"chart.prepayments", c.Prepayments}, {"chart.allowances", c.Allowances}, {"chart.charges", c.Charges}}
	for _, o := range optional {
		if !o.a.IsZero() {
			if err := o.a.check(o.field); err != nil {
				return err
			}
		}
	}
	for i, r := range c.VATRates {
		if err := r.Account.check("chart.vat_rates[" + strconv.Itoa(i) + "].account"); err != nil {
			return err
		}
	}
	if err := checkMap("chart.product_revenue", c.ProductRevenue); err != nil {
		return err
	}
	if err := checkMap("chart.category_revenue", c.CategoryRevenue); err != nil {
		return err
	}
	return checkMap("chart.method_bank", c.MethodBank)
}

// checkMap checks the accounts of m in the order of their keys, so that the
// error reported is always the same one.
func checkMap[K ~string](field string, m map[K]Account) error {
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if err := m[k].check(field + "[" + string(k) + "]"); err != nil {
			return err
		}
	}
	return nil
}
