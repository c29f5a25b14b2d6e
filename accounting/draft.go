package accounting

import (
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
)

// Labels of the lines that balance an entry.
const (
	// RoundingLabel is the label of the line that books the rounding
	// amount of a document (BT-114).
	RoundingLabel = "Arrondi"
	// DifferenceLabel is the label of the line that books a difference of
	// rounding left by conversion or by amounts rounded one by one.
	DifferenceLabel = "Écart d'arrondi"
)

// posting is an amount on an account before it is placed on a side:
// positive is a credit, negative a debit, in the document currency.
type posting struct {
	account   Account
	auxiliary Account
	label     string
	amount    decimal.Decimal
	// rounding sets the account to RoundingGain, or to RoundingLoss when
	// loss is set. The account follows the amount's side on an invoice, so
	// that a credit note reverses a rounding on the account it was booked on.
	rounding bool
	loss     bool
}

// draft gathers the postings of one entry.
type draft struct {
	cfg      *Config
	cur      money.Currency // document currency
	sign     int            // -1 turns every posting around (credit notes, refunds)
	postings []posting
	// terms counts the amounts read from the input, each of which may have
	// been rounded on its own: the entry tolerates that many minor units
	// of difference, which are booked as a difference of rounding.
	terms int
}

func newDraft(cfg *Config, cur money.Currency, sign int) *draft {
	return &draft{cfg: cfg, cur: cur, sign: sign, postings: make([]posting, 0, 8)}
}

// round rounds x to the document currency half away from zero.
func (d *draft) round(x money.Amount) decimal.Decimal {
	return x.Number().Round(int32(d.cur.Digits()))
}

// add posts x (credit positive) on account, merged with an earlier posting
// on the same account, auxiliary account and label.
func (d *draft) add(account, aux Account, label string, x decimal.Decimal) {
	if d.sign < 0 {
		x = x.Neg()
	}
	for i := range d.postings {
		p := &d.postings[i]
		if !p.rounding && p.account.Number == account.Number && p.auxiliary.Number == aux.Number && p.label == label {
			p.amount = p.amount.Add(x)
			return
		}
	}
	d.postings = append(d.postings, posting{account: account, auxiliary: aux, label: label, amount: x})
}

// addRounding posts x (credit positive) on the rounding accounts: a credit
// on an invoice is a gain, a debit a loss.
func (d *draft) addRounding(label string, x decimal.Decimal) {
	loss := x.Sign() < 0
	if d.sign < 0 {
		x = x.Neg()
	}
	d.postings = append(d.postings, posting{label: label, amount: x, rounding: true, loss: loss})
}

// finish converts the postings to the book currency, books what keeps the
// entry from balancing as a difference of rounding when it is within the
// tolerance, and writes the lines of e. Zero postings are left out, but an
// entry of zero keeps its first two postings (at zero) so that every piece
// shows in the books.
func (d *draft) finish(e *Entry, on date.Date) error {
	book := d.cfg.Currency
	rate := decimal.NewFromInt(1)
	converted := d.cur != book
	if converted {
		if d.cfg.Rate == nil {
			return &FieldError{Field: "currency", Reason: d.cur.Code() + " is not the currency of the books (" + book.Code() + ") and no exchange rate is set", Err: ErrCurrency}
		}
		r, err := d.cfg.Rate(d.cur, on)
		if err != nil {
			return &FieldError{Field: "currency", Reason: "no exchange rate for " + d.cur.Code() + " on " + on.String() + ": " + err.Error(), Err: err}
		}
		if r.Sign() <= 0 {
			return &FieldError{Field: "currency", Reason: "the exchange rate of " + d.cur.Code() + " must be positive", Err: ErrCurrency}
		}
		rate = r
		d.terms += len(d.postings)
	}
	digits := int32(book.Digits())
	amounts := make([]decimal.Decimal, len(d.postings))
	var residual decimal.Decimal
	for i, p := range d.postings {
		amounts[i] = p.amount.Mul(rate).Round(digits)
		residual = residual.Add(amounts[i])
	}
	if !residual.IsZero() {
		tolerance := decimal.New(int64(d.terms), -digits)
		if residual.Abs().Cmp(tolerance) > 0 {
			debit, credit := sides(amounts, book)
			return &UnbalancedError{Field: e.PieceRef, Debit: debit, Credit: credit}
		}
		// The difference is a credit when the other lines leave the credits
		// short; as for addRounding, the account is chosen from the side
		// it has on an invoice.
		d.postings = append(d.postings, posting{label: DifferenceLabel, rounding: true, loss: residual.Sign()*d.sign > 0})
		amounts = append(amounts, residual.Neg())
	}
	nonZero := 0
	for _, a := range amounts {
		if !a.IsZero() {
			nonZero++
		}
	}
	e.Lines = make([]Line, 0, len(d.postings))
	for i, p := range d.postings {
		a := amounts[i]
		if a.IsZero() && (nonZero >= 2 || i >= 2) {
			continue
		}
		l := Line{Account: p.account, Auxiliary: p.auxiliary, Label: p.label,
			Debit: money.Zero(book), Credit: money.Zero(book)}
		if p.rounding {
			l.Account = d.cfg.Chart.RoundingGain
			if p.loss {
				l.Account = d.cfg.Chart.RoundingLoss
			}
		}
		if a.Sign() < 0 {
			l.Debit = money.New(a.Neg(), book)
		} else {
			l.Credit = money.New(a, book)
		}
		if converted && !p.amount.IsZero() {
			l.Foreign = money.New(p.amount.Abs(), d.cur)
		}
		e.Lines = append(e.Lines, l)
	}
	return nil
}

// sides returns the sums of the debits and credits of credit-positive
// amounts.
func sides(amounts []decimal.Decimal, c money.Currency) (debit, credit money.Amount) {
	var dr, cr decimal.Decimal
	for _, a := range amounts {
		if a.Sign() < 0 {
			dr = dr.Sub(a)
		} else {
			cr = cr.Add(a)
		}
	}
	return money.New(dr, c), money.New(cr, c)
}
