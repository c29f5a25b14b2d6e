package accounting

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
)

// revenueGroup is the revenue of one VAT category and rate, per account:
// what document level allowances and charges are spread over.
type revenueGroup struct {
	vat      invoice.VAT
	accounts []Account
	amounts  []decimal.Decimal
}

func (g *revenueGroup) add(a Account, x decimal.Decimal) {
	for i := range g.accounts {
		if g.accounts[i].Number == a.Number {
			g.amounts[i] = g.amounts[i].Add(x)
			return
		}
	}
	g.accounts = append(g.accounts, a)
	g.amounts = append(g.amounts, x)
}

// sameVAT reports whether a and b belong to the same VAT breakdown: the
// same category, and the same rate unless the category has none.
func sameVAT(a, b invoice.VAT) bool {
	return a.Category == b.Category && (!a.Category.HasRate() || a.Rate.Equal(b.Rate))
}

func groupOf(groups []revenueGroup, v invoice.VAT) ([]revenueGroup, *revenueGroup) {
	for i := range groups {
		if sameVAT(groups[i].vat, v) {
			return groups, &groups[i]
		}
	}
	groups = append(groups, revenueGroup{vat: v})
	return groups, &groups[len(groups)-1]
}

// revenue posts the line net amounts and the document level allowances and
// charges of doc on the revenue accounts.
func (j *Journaliser) revenue(d *draft, doc *invoice.Document) error {
	chart := &j.cfg.Chart
	var groups []revenueGroup
	var g *revenueGroup
	for i := range doc.Lines {
		l := &doc.Lines[i]
		if err := inCurrency(indexed("lines", i)+".net_amount", l.NetAmount, doc.Currency); err != nil {
			return err
		}
		acct := chart.revenueFor(l)
		net := d.round(l.NetAmount)
		d.add(acct, Account{}, "", net)
		groups, g = groupOf(groups, l.VAT)
		g.add(acct, net)
	}
	adjustments := []struct {
		field   string
		items   []invoice.AllowanceCharge
		account Account
		sign    int
	}{
		{"allowances", doc.Allowances, chart.Allowances, -1},
		{"charges", doc.Charges, chart.Charges, 1},
	}
	for _, adj := range adjustments {
		for i := range adj.items {
			ac := &adj.items[i]
			if err := inCurrency(indexed(adj.field, i)+".net_amount", ac.NetAmount, doc.Currency); err != nil {
				return err
			}
			x := d.round(ac.NetAmount)
			if adj.sign < 0 {
				x = x.Neg()
			}
			if !adj.account.IsZero() {
				d.add(adj.account, Account{}, "", x)
				continue
			}
			_, g := groupOf(groups, ac.VAT)
			if err := spread(d, g, money.New(x, doc.Currency), chart.categoryRevenue(ac.VAT.Category)); err != nil {
				return &FieldError{Field: indexed(adj.field, i), Reason: "cannot be spread over the revenue accounts: " + err.Error(), Err: err}
			}
		}
	}
	return nil
}

// spread posts x on the revenue accounts of g in proportion to their
// positive amounts, or on fallback when none is positive. The parts add up
// to x exactly (largest remainder, ties to the first account).
func spread(d *draft, g *revenueGroup, x money.Amount, fallback Account) error {
	weights := make([]decimal.Decimal, len(g.amounts))
	positive := false
	for i, a := range g.amounts {
		if a.Sign() > 0 {
			weights[i], positive = a, true
		}
	}
	if !positive {
		d.add(fallback, Account{}, "", x.Number())
		return nil
	}
	parts, err := x.Allocate(weights...)
	if err != nil {
		return err
	}
	for i, p := range parts {
		if !p.IsZero() {
			d.add(g.accounts[i], Account{}, "", p.Number())
		}
	}
	return nil
}

func indexed(field string, i int) string { return field + "[" + strconv.Itoa(i) + "]" }
