package kpi

import (
	"errors"
	"fmt"

	"github.com/billkit/billkit/money"
)

// Sentinel errors of the package. The typed errors below wrap them, so
// callers test with errors.Is and read the details with errors.As. Faults in
// the input (a missing date, a line without an amount, a rate out of range)
// are reported as a *validation.Error instead (errors.Is
// validation.ErrInvalid), each with a stable code and a field path.
var (
	// ErrUndefined is wrapped by every *UndefinedError: the indicator has no
	// value for the data given, because it would divide by zero.
	ErrUndefined = errors.New("kpi: indicator undefined")
	// ErrZeroChurn is wrapped by the *UndefinedError of a lifetime value
	// whose monthly churn rate is zero: the lifetime would be unbounded.
	ErrZeroChurn = errors.New("kpi: churn rate is zero")
	// ErrNoCustomers is wrapped by the *UndefinedError of an indicator that
	// averages over customers when there are none.
	ErrNoCustomers = errors.New("kpi: no customers")
	// ErrNoInvoices is wrapped by the *UndefinedError of an average basket
	// over a period in which no invoice was issued.
	ErrNoInvoices = errors.New("kpi: no invoices")
	// ErrNoSales is wrapped by the *UndefinedError of a DSO over a period
	// whose credit sales are zero or negative.
	ErrNoSales = errors.New("kpi: no credit sales")
	// ErrMixedCurrencies is wrapped by *CurrencyError: amounts in two
	// currencies met in one sum. The package never converts currencies.
	ErrMixedCurrencies = errors.New("kpi: mixed currencies")
	// ErrLedgerChanged is returned by SettlementsFromLedger when the ledger
	// changed while it was being read; reading it again gives a consistent
	// view.
	ErrLedgerChanged = errors.New("kpi: ledger changed while it was read")
)

// UndefinedError reports an indicator that has no value for the data given,
// such as a lifetime value with a zero churn rate. It is never replaced by
// a silent zero. It wraps ErrUndefined and the specific cause.
type UndefinedError struct {
	// KPI names the indicator, such as "lifetime value".
	KPI string
	// Reason says why it has no value.
	Reason string
	// Err is the specific cause: ErrZeroChurn, ErrNoCustomers,
	// ErrNoInvoices or ErrNoSales.
	Err error
}

// Error implements the error interface.
func (e *UndefinedError) Error() string {
	return fmt.Sprintf("kpi: %s is undefined: %s", e.KPI, e.Reason)
}

// Unwrap returns ErrUndefined and the specific cause.
func (e *UndefinedError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrUndefined}
	}
	return []error{ErrUndefined, e.Err}
}

// CurrencyError reports an amount whose currency differs from the one the
// indicator is computed in. Indicators that sum money over many documents
// (MRR, movements, average basket, DSO, payer amounts) are computed in one
// currency: the caller computes each currency apart. Ageing is the
// exception: it is reported per currency and never returns this error.
type CurrencyError struct {
	// Field is the path of the offending value, such as
	// "contracts[3].currency".
	Field string
	// Want is the currency of the indicator; Got the offending one.
	Want, Got money.Currency
}

// Error implements the error interface.
func (e *CurrencyError) Error() string {
	return fmt.Sprintf("kpi: %s is in %s, the indicator is in %s: compute each currency apart", e.Field, e.Got, e.Want)
}

// Unwrap returns ErrMixedCurrencies and money.ErrCurrencyMismatch.
func (e *CurrencyError) Unwrap() []error {
	return []error{ErrMixedCurrencies, money.ErrCurrencyMismatch}
}
