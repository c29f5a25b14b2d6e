package schedule

import (
	"strings"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/shopspring/decimal"
)

// Charge is an amount due under a plan: what is billed, for which service
// period, and on which day.
//
// The billing date follows one convention throughout the package: a charge
// billed in advance is due on the first day of its service period, and a
// charge billed in arrears on the day after the last day of its period,
// which is Period.End of the half-open period. One-time, milestone and
// installment charges are due on their own date, and their period is that
// single day.
type Charge struct {
	// Label names the milestone or installment the charge is for; it is
	// empty for other charges.
	Label string `json:"label,omitempty"`
	// Period is the service period the charge pays for.
	Period date.Range `json:"period"`
	// BillingDate is the day the charge is due.
	BillingDate date.Date `json:"billing_date"`
	// Amount is the amount due, at the currency's precision; credits are
	// negative.
	Amount money.Amount `json:"amount"`
	// Explanation says how Amount was computed.
	Explanation Explanation `json:"explanation"`
}

// String describes the charge for a person, such as
// "2026-04-16: 100.00 EUR = 200.00 EUR × 15/30 days (2026-04-16..2026-04-30)".
// The service period is written when the explanation does not show it.
func (c Charge) String() string {
	var b strings.Builder
	b.WriteString(c.BillingDate.String())
	b.WriteString(": ")
	b.WriteString(c.Amount.String())
	if c.Label != "" {
		b.WriteString(" \"")
		b.WriteString(c.Label)
		b.WriteByte('"')
	}
	if c.Period.Days() > 1 && c.Period != c.Explanation.Span {
		b.WriteString(" for ")
		b.WriteString(c.Period.String())
	}
	b.WriteString(" = ")
	b.WriteString(c.Explanation.String())
	return b.String()
}

// Basis says how the amount of a charge was computed. It is serialised as
// its string value.
type Basis string

// Bases of charges.
const (
	// BasisPeriod is the plan's amount for a full period.
	BasisPeriod Basis = "period"
	// BasisProrated is a fraction of a period's amount: Base × Part/Whole.
	BasisProrated Basis = "prorated"
	// BasisFullPrice is a leading partial period billed at the price of the
	// full period Span.
	BasisFullPrice Basis = "full_price"
	// BasisFree is a leading partial period not charged for.
	BasisFree Basis = "free"
	// BasisOneTime is a one-time charge.
	BasisOneTime Basis = "one_time"
	// BasisPercent is Part percent of the total Base.
	BasisPercent Basis = "percent"
	// BasisFixed is a fixed amount Part out of the total Base.
	BasisFixed Basis = "fixed"
	// BasisRest is what remains of the total Base once the other shares,
	// worth Part, are taken.
	BasisRest Basis = "rest"
	// BasisUsage is the price Base of the Quantity used during Span.
	BasisUsage Basis = "usage"
	// BasisCredit is the unused part of an amount billed, Base ×
	// Part/Whole, given back.
	BasisCredit Basis = "credit"
)

// Explanation records how a charge's amount was computed, so that a person
// can check it. Which fields are set depends on Basis; String writes it out.
type Explanation struct {
	// Basis says how the amount was computed.
	Basis Basis `json:"basis"`
	// Base is the amount the charge derives from: the amount of a full
	// period, the total of a milestone or installment plan, the amount
	// billed that is credited, or the price of the usage.
	Base money.Amount `json:"base"`
	// Part and Whole are the measures of the fraction taken of Base (used
	// and total units under Rule), the percentage taken of it, or the
	// amount of the other shares.
	Part decimal.Decimal `json:"part,omitzero"`
	// Whole is the denominator of a proration or credit.
	Whole decimal.Decimal `json:"whole,omitzero"`
	// Rule is the day-count rule of a proration or credit.
	Rule DayCount `json:"rule,omitempty"`
	// Span is the period measured or priced.
	Span date.Range `json:"span,omitzero"`
	// Quantity is the quantity used, for usage charges.
	Quantity decimal.Decimal `json:"quantity,omitzero"`
}

// String writes the explanation for a person, such as
// "100.00 EUR × 15/30 days (2026-04-16..2026-04-30)".
func (e Explanation) String() string {
	switch e.Basis {
	case BasisPeriod:
		return e.Base.String() + " for the full period " + e.Span.String()
	case BasisProrated:
		return e.fraction()
	case BasisCredit:
		return "credit for unused " + e.fraction()
	case BasisFullPrice:
		return e.Base.String() + ", the full price of the period " + e.Span.String()
	case BasisFree:
		return "no charge for the leading partial period " + e.Span.String() +
			" (" + e.Base.String() + " per full period)"
	case BasisOneTime:
		return "one-time charge of " + e.Base.String()
	case BasisPercent:
		return e.Part.String() + " % of " + e.Base.String()
	case BasisFixed:
		return "fixed " + money.New(e.Part, e.Base.Currency()).String() + " of " + e.Base.String()
	case BasisRest:
		return "rest of " + e.Base.String() + " after " + money.New(e.Part, e.Base.Currency()).String()
	case BasisUsage:
		return "quantity " + e.Quantity.String() + " used during " + e.Span.String() +
			" priced at " + e.Base.String()
	}
	return string(e.Basis)
}

// fraction writes Base × Part/Whole unit (Span, rule).
func (e Explanation) fraction() string {
	var b strings.Builder
	b.WriteString(e.Base.String())
	b.WriteString(" × ")
	b.WriteString(e.Part.String())
	b.WriteByte('/')
	b.WriteString(e.Whole.String())
	b.WriteByte(' ')
	b.WriteString(e.Rule.unit())
	b.WriteString(" (")
	b.WriteString(e.Span.String())
	if note := e.Rule.note(); note != "" {
		b.WriteString(", ")
		b.WriteString(note)
	}
	b.WriteByte(')')
	return b.String()
}
