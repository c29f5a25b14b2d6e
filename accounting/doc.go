// Package accounting turns invoices, credit notes and payments into
// double-entry journal entries and exports them as the French Fichier des
// Écritures Comptables (FEC) or as CSV.
//
// A Journaliser holds a Chart of accounts and the journals to post to. It
// books an invoice in the sales journal (VE) as a debit of the customer's
// receivable and credits of revenue, per account the chart gives each
// product or VAT category, and of VAT collected, per rate; a credit note
// the other way round; a payment in the bank journal (BQ) as a debit of the
// bank and a credit of the receivable. Amounts are money.Amount, never
// floats, and every entry balances exactly: the few minor units that
// conversion or amounts rounded one by one could leave are booked on their
// own line, on the rounding accounts (see Journaliser.Document), and a
// larger difference is an error rather than a hidden adjustment.
//
//	j, err := accounting.New(accounting.Config{Chart: accounting.FrenchChart()})
//	entry, err := j.Invoice(inv, accounting.Account{Number: "C0042", Label: "Boulangerie Martin"})
//	// VE  411000 C0042  D 2348.35
//	//     706000        C 1949.79
//	//     708500        C   15.00
//	//     445711        C  380.00
//	//     445713        C    3.56
//
// A Book numbers entries, each journal with its own continuous sequence
// (VE000001, VE000002, …), and keeps each journal in date order. WriteFEC
// writes them in the format of article A47 A-1 of the Livre des procédures
// fiscales: the 18 columns from JournalCode to Idevise, separated by tabs,
// a header line, dates YYYYMMDD, amounts with a decimal comma.
// FECFileName names the file after the SIREN and the closing date.
//
//	book := accounting.NewBook()
//	entry, err = book.Post(entry)
//	name, err := accounting.FECFileName("732829320", date.MustParse("2026-12-31"))
//	f, err := os.Create(name + ".txt")
//	err = accounting.WriteFEC(f, book.Entries(), accounting.FECOptions{})
//
// The package is pure: it stores nothing and reads no clock. Errors are a
// *FieldError naming the field at fault (wrapping ErrInvalid, ErrNoAccount
// or ErrCurrency), an *UnbalancedError or a *ChronologyError; bad input
// never panics.
package accounting
