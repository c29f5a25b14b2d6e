package accounting

import (
	"strconv"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
)

// Entry is a journal entry (écriture comptable): lines on several accounts
// whose debits equal their credits, for one piece (an invoice, a credit
// note, a payment). A Journaliser draws entries up without a number; a
// Book numbers them.
type Entry struct {
	// Journal is the journal the entry belongs to (JournalCode, JournalLib).
	Journal Journal `json:"journal"`
	// Number is the entry number (EcritureNum), continuous in its journal.
	Number string `json:"number,omitempty"`
	// Date is the accounting date (EcritureDate): the issue date of the
	// document, the value date of a payment.
	Date date.Date `json:"date"`
	// PieceRef and PieceDate identify the supporting piece (PieceRef,
	// PieceDate): the invoice number and issue date, the bank reference.
	PieceRef  string    `json:"piece_ref"`
	PieceDate date.Date `json:"piece_date"`
	// Label describes the entry (EcritureLib), for the lines without one.
	Label string `json:"label"`
	// ValidDate is the day the entry was validated (ValidDate). Zero means
	// Date.
	ValidDate date.Date `json:"valid_date,omitzero"`
	// Lines are the lines of the entry, debits and credits.
	Lines []Line `json:"lines"`
}

// Line is one line of an entry: an amount on the debit or the credit side
// of an account, in the currency of the books. At most one of Debit and
// Credit is non-zero, and neither is negative; both are zero only in the
// entry of a document of zero.
type Line struct {
	// Account is the general account (CompteNum, CompteLib).
	Account Account `json:"account"`
	// Auxiliary is the auxiliary account (CompAuxNum, CompAuxLib), set on
	// the customer's line.
	Auxiliary Account `json:"auxiliary,omitzero"`
	// Label describes the line (EcritureLib); empty takes the entry's.
	Label  string       `json:"label,omitempty"`
	Debit  money.Amount `json:"debit"`
	Credit money.Amount `json:"credit"`
	// Lettering and LetteringDate match lines that settle each other, such
	// as an invoice and its payment on the customer's account (EcritureLet,
	// DateLet). The host sets them when it letters the account.
	Lettering     string    `json:"lettering,omitempty"`
	LetteringDate date.Date `json:"lettering_date,omitzero"`
	// Foreign is the amount in the currency of the document when it is not
	// the currency of the books (Montantdevise, Idevise); zero otherwise.
	Foreign money.Amount `json:"foreign,omitzero"`
}

// Totals returns the sums of the debits and of the credits of e. Lines in
// different currencies are a *money.MismatchError.
func (e *Entry) Totals() (debit, credit money.Amount, err error) {
	for _, l := range e.Lines {
		if debit, err = debit.Add(l.Debit); err != nil {
			return money.Amount{}, money.Amount{}, err
		}
		if credit, err = credit.Add(l.Credit); err != nil {
			return money.Amount{}, money.Amount{}, err
		}
	}
	return debit, credit, nil
}

// Balanced reports whether the debits of e equal its credits exactly.
func (e *Entry) Balanced() bool {
	d, c, err := e.Totals()
	return err == nil && d.Equal(c)
}

// Check reports the first fault of e that would make it unfit for the
// books or for an export: a missing journal, date, piece reference or
// label, a line without an account, with both or neither side set or with
// a negative amount, or debits that differ from credits. Field paths are
// prefixed with field.
func (e *Entry) Check(field string) error {
	at := func(f string) string { return joinField(field, f) }
	if err := e.Journal.check(at("journal")); err != nil {
		return err
	}
	switch {
	case e.Date.IsZero():
		return invalid(at("date"), "is required (EcritureDate)")
	case e.PieceRef == "":
		return invalid(at("piece_ref"), "is required (PieceRef)")
	case e.PieceDate.IsZero():
		return invalid(at("piece_date"), "is required (PieceDate)")
	case len(e.Lines) < 2:
		return invalid(at("lines"), "an entry has at least two lines")
	}
	for i, l := range e.Lines {
		lf := at("lines[" + strconv.Itoa(i) + "]")
		if err := l.Account.check(lf + ".account"); err != nil {
			return err
		}
		if !l.Auxiliary.IsZero() {
			if err := l.Auxiliary.check(lf + ".auxiliary"); err != nil {
				return err
			}
		}
		switch {
		case l.Label == "" && e.Label == "":
			return invalid(lf+".label", "is required, on the line or the entry (EcritureLib)")
		case l.Debit.IsNegative() || l.Credit.IsNegative():
			return invalid(lf, "debit and credit cannot be negative")
		case !l.Debit.IsZero() && !l.Credit.IsZero():
			return invalid(lf, "a line is a debit or a credit, not both")
		case !atPrecision(l.Debit) || !atPrecision(l.Credit):
			return invalid(lf, "amounts must have the precision of their currency")
		}
	}
	d, c, err := e.Totals()
	if err != nil {
		return &FieldError{Field: at("lines"), Reason: err.Error(), Err: err}
	}
	if !d.Equal(c) {
		return &UnbalancedError{Field: field, Debit: d, Credit: c}
	}
	return nil
}

// atPrecision reports whether a has no more decimals than its currency.
func atPrecision(a money.Amount) bool {
	d := int32(a.Currency().Digits())
	return a.Number().Exponent() >= -d || a.Number().Equal(a.Number().Round(d))
}

// validDate returns the validation date of e.
func (e *Entry) validDate() date.Date {
	if e.ValidDate.IsZero() {
		return e.Date
	}
	return e.ValidDate
}

func joinField(prefix, f string) string {
	if prefix == "" {
		return f
	}
	return prefix + "." + f
}
