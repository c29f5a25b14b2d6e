package billing

import (
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/quote"
)

// Contract is an accepted quote's contract as the engine keeps it: the
// negotiated terms, the customer billed, and the facts its billing plans
// depend on.
type Contract struct {
	quote.Contract
	// Customer is the key of the customer billed (see CustomerKey).
	Customer string `json:"customer"`
	// PurchaseOrder is the buyer's purchase order reference (BT-13),
	// carried to every invoice of the contract.
	PurchaseOrder string `json:"purchase_order,omitempty"`
	// Reached gives, per contract line ID, the day each milestone was
	// reached, by milestone name.
	Reached map[string]map[string]date.Date `json:"reached,omitempty"`
}

// CustomerKey returns the key under which billkit files a buyer's ledger,
// invoices and KPIs: its legal registration ID when it has one, else its
// VAT ID, else its name.
func CustomerKey(p invoice.Party) string {
	switch {
	case p.LegalID != "":
		return "id:" + p.LegalID
	case p.VATID != "":
		return "vat:" + p.VATID
	default:
		return "name:" + p.Name
	}
}

// LedgerKey returns the key of a customer's ledger in one currency.
func LedgerKey(customer, currency string) string { return customer + "/" + currency }

// Clone returns a copy of c whose lines, their billing plans and the
// milestone dates can be changed without changing c. The catalogue prices
// inside the lines are immutable values, and are shared.
func (c Contract) Clone() Contract {
	c.Lines = append([]quote.ContractLine(nil), c.Lines...)
	for i := range c.Lines {
		c.Lines[i].Plan = c.Lines[i].Plan.Clone()
	}
	if c.Reached != nil {
		reached := make(map[string]map[string]date.Date, len(c.Reached))
		for line, days := range c.Reached {
			m := make(map[string]date.Date, len(days))
			for name, d := range days {
				m[name] = d
			}
			reached[line] = m
		}
		c.Reached = reached
	}
	return c
}
