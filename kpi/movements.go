package kpi

import (
	"maps"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/validation"
)

// MovementKind classifies the change of one customer's MRR between two
// days. It is serialised as its string value.
type MovementKind string

// Kinds of MRR movements.
const (
	// MovementNew: no MRR on the first day, some on the second, and no
	// recurring line that counted before the first day.
	MovementNew MovementKind = "new"
	// MovementReactivation: no MRR on the first day, some on the second,
	// and a recurring line with a non-zero amount that began before the
	// first day: a former customer came back.
	MovementReactivation MovementKind = "reactivation"
	// MovementExpansion: MRR on both days, more on the second.
	MovementExpansion MovementKind = "expansion"
	// MovementContraction: MRR on both days, less on the second.
	MovementContraction MovementKind = "contraction"
	// MovementChurn: MRR on the first day, none on the second.
	MovementChurn MovementKind = "churn"
)

// MovementKinds lists every kind of movement.
func MovementKinds() []MovementKind {
	return []MovementKind{MovementNew, MovementReactivation, MovementExpansion, MovementContraction, MovementChurn}
}

// Valid reports whether k is a known kind of movement.
func (k MovementKind) Valid() bool { return slices.Contains(MovementKinds(), k) }

// CustomerMovement is the change of one customer's MRR.
type CustomerMovement struct {
	Customer string       `json:"customer"`
	Kind     MovementKind `json:"kind"`
	Opening  money.Amount `json:"opening"` // the customer's MRR on the first day
	Closing  money.Amount `json:"closing"` // the customer's MRR on the second day
	Change   money.Amount `json:"change"`  // Closing − Opening
}

// Movements explains the change of MRR between two days, customer by
// customer. It always satisfies, exactly:
//
//	Opening + New + Reactivation + Expansion − Contraction − Churn = Closing
//
// New, Reactivation and Expansion sum the customers' increases, and
// Contraction and Churn their decreases, as positive amounts. A host that
// does not track reactivations adds Reactivation to New.
type Movements struct {
	From     date.Date      `json:"from"`
	To       date.Date      `json:"to"`
	Currency money.Currency `json:"currency"`
	// Opening is the MRR on From, Closing the MRR on To.
	Opening money.Amount `json:"opening"`
	Closing money.Amount `json:"closing"`
	// New is Σ Closing of the new customers; Reactivation the same for the
	// customers who came back.
	New          money.Amount `json:"new"`
	Reactivation money.Amount `json:"reactivation"`
	// Expansion is Σ Change of the customers whose MRR grew.
	Expansion money.Amount `json:"expansion"`
	// Contraction is Σ −Change of the customers whose MRR shrank.
	Contraction money.Amount `json:"contraction"`
	// Churn is Σ Opening of the customers who left.
	Churn money.Amount `json:"churn"`
	// Customers lists the customers whose MRR changed, by key.
	Customers []CustomerMovement `json:"customers"`
}

// NetNew returns New + Reactivation + Expansion − Contraction − Churn,
// which is Closing − Opening.
func (m Movements) NetNew() money.Amount {
	n := m.New.Number().Add(m.Reactivation.Number()).Add(m.Expansion.Number()).
		Sub(m.Contraction.Number()).Sub(m.Churn.Number())
	return money.New(n, m.Currency)
}

// MRRMovements returns the movements of MRR from day from to day to, with
// MRR measured on each day exactly as MRR does. Each customer whose MRR
// changed (o on from, c on to) is classified:
//
//	o = 0, c ≠ 0   new (c), or reactivation (c) when the customer had a
//	               recurring line with a non-zero amount beginning before from
//	o ≠ 0, c = 0   churn (o)
//	c > o          expansion (c − o)
//	c < o          contraction (o − c)
//
// so that each customer adds exactly c − o to the identity of Movements.
// Customers are keyed as MRR keys them. from must be before to; the
// errors are those of MRR.
func MRRMovements(contracts []*quote.Contract, from, to date.Date, opts ...Option) (Movements, error) {
	cfg := newConfig(opts)
	var errs validation.Errors
	requireDate(&errs, "from", from)
	requireDate(&errs, "to", to)
	if !from.IsZero() && !to.IsZero() && !to.After(from) {
		errs.Add("to", validation.CodeOutOfRange, "must be after from")
	}
	if err := errs.Err(); err != nil {
		return Movements{}, err
	}
	lines, cur, err := recurringLines(contracts, &cfg, true)
	if err != nil {
		return Movements{}, err
	}
	type pair struct {
		open, close decimal.Decimal
		before      bool // a line with an amount began before from
	}
	byCustomer := map[string]*pair{}
	for i := range lines {
		l := &lines[i]
		p := byCustomer[l.customer]
		if p == nil {
			p = &pair{}
			byCustomer[l.customer] = p
		}
		atFrom, atTo := l.activeOn(from), l.activeOn(to)
		if atFrom || atTo {
			m := l.monthly()
			if atFrom {
				p.open = p.open.Add(m)
			}
			if atTo {
				p.close = p.close.Add(m)
			}
		}
		if l.start.Before(from) && !l.amount.IsZero() {
			p.before = true
		}
	}
	var open, closing, added, back, grown, shrunk, lost decimal.Decimal
	m := Movements{From: from, To: to, Currency: cur, Customers: []CustomerMovement{}}
	for _, key := range slices.Sorted(maps.Keys(byCustomer)) {
		p := byCustomer[key]
		open, closing = open.Add(p.open), closing.Add(p.close)
		change := p.close.Sub(p.open)
		if change.IsZero() {
			continue
		}
		var kind MovementKind
		switch {
		case p.open.IsZero() && p.before:
			kind, back = MovementReactivation, back.Add(p.close)
		case p.open.IsZero():
			kind, added = MovementNew, added.Add(p.close)
		case p.close.IsZero():
			kind, lost = MovementChurn, lost.Add(p.open)
		case change.Sign() > 0:
			kind, grown = MovementExpansion, grown.Add(change)
		default:
			kind, shrunk = MovementContraction, shrunk.Sub(change)
		}
		m.Customers = append(m.Customers, CustomerMovement{Customer: key, Kind: kind,
			Opening: money.New(p.open, cur), Closing: money.New(p.close, cur), Change: money.New(change, cur)})
	}
	m.Opening, m.Closing = money.New(open, cur), money.New(closing, cur)
	m.New, m.Reactivation, m.Expansion = money.New(added, cur), money.New(back, cur), money.New(grown, cur)
	m.Contraction, m.Churn = money.New(shrunk, cur), money.New(lost, cur)
	return m, nil
}
