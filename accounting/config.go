package accounting

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
)

// Journal is an accounting journal: its code (JournalCode in the FEC) and
// its label (JournalLib).
type Journal struct {
	Code  string `json:"code"`
	Label string `json:"label"`
}

// The default journals.
var (
	// SalesJournal receives invoices and credit notes.
	SalesJournal = Journal{Code: "VE", Label: "Ventes"}
	// BankJournal receives payments and refunds.
	BankJournal = Journal{Code: "BQ", Label: "Banque"}
)

func (j Journal) check(field string) error {
	switch {
	case j.Code == "" || strings.ContainsAny(j.Code, "\t\r\n| "):
		return invalid(field+".code", "is required, without spaces, tabs, line breaks or |")
	case strings.TrimSpace(j.Label) == "":
		return invalid(field+".label", "is required (JournalLib)")
	}
	return nil
}

// ExchangeRate returns how many units of the book currency one unit of
// currency from is worth on a day, such as 0.92 for USD in a EUR book.
type ExchangeRate func(from money.Currency, on date.Date) (decimal.Decimal, error)

// Config sets up a Journaliser. The zero value of each field but Chart
// takes the default documented beside it.
type Config struct {
	// Chart gives the accounts to post to; FrenchChart is a ready one.
	Chart Chart
	// Sales is the journal of invoices and credit notes (SalesJournal).
	Sales Journal
	// Bank is the journal of payments and refunds (BankJournal).
	Bank Journal
	// Currency is the currency the books are kept in (EUR).
	Currency money.Currency
	// Rate converts documents and payments in other currencies. Nil refuses
	// them with a *FieldError wrapping ErrCurrency. Each line is converted
	// and rounded half away from zero on its own; the difference that
	// leaves goes to the rounding accounts (see Journaliser.Document).
	Rate ExchangeRate
}

// Journaliser draws up the entries of sales documents and payments. It
// holds only its settings: it is safe for concurrent use.
type Journaliser struct {
	cfg Config
}

// New returns a Journaliser with cfg, its defaults filled in. A chart
// without one of its required accounts (receivable, revenue, VAT, bank,
// rounding) or with an account that has no label is a *FieldError.
func New(cfg Config) (*Journaliser, error) {
	if cfg.Sales == (Journal{}) {
		cfg.Sales = SalesJournal
	}
	if cfg.Bank == (Journal{}) {
		cfg.Bank = BankJournal
	}
	if cfg.Currency.IsZero() {
		cfg.Currency = money.EUR
	}
	if err := cfg.Sales.check("sales"); err != nil {
		return nil, err
	}
	if err := cfg.Bank.check("bank"); err != nil {
		return nil, err
	}
	if err := cfg.Chart.check(); err != nil {
		return nil, err
	}
	return &Journaliser{cfg: cfg}, nil
}

// Config returns the settings of j, defaults filled in.
func (j *Journaliser) Config() Config { return j.cfg }
