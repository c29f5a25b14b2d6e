package invoice

import (
	"strconv"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// PaymentMethod is how money was paid or refunded. It is serialised as its
// string value.
type PaymentMethod string

// The payment methods.
const (
	MethodTransfer    PaymentMethod = "transfer"     // a credit transfer (SEPA SCT, wire)
	MethodCard        PaymentMethod = "card"         // a payment card
	MethodDirectDebit PaymentMethod = "direct_debit" // a direct debit (SEPA SDD)
	MethodCheque      PaymentMethod = "cheque"       // a cheque
	MethodCash        PaymentMethod = "cash"         // cash
	MethodOther       PaymentMethod = "other"        // any other means
)

// PaymentMethods returns every payment method.
func PaymentMethods() []PaymentMethod {
	return []PaymentMethod{MethodTransfer, MethodCard, MethodDirectDebit, MethodCheque, MethodCash, MethodOther}
}

// Valid reports whether m is one of the payment methods above.
func (m PaymentMethod) Valid() bool {
	switch m {
	case MethodTransfer, MethodCard, MethodDirectDebit, MethodCheque, MethodCash, MethodOther:
		return true
	}
	return false
}

// String returns the value of m.
func (m PaymentMethod) String() string { return string(m) }

// Payment is money received from a customer. A Ledger records it and
// allocates it to the customer's invoices; what is not allocated is the
// customer's credit balance.
type Payment struct {
	// ID identifies the payment (a UUIDv7 from the host). Required.
	ID uuid.UUID `json:"id" validate:"required"`
	// Customer is the host's key of the paying customer. It must be the
	// customer of the ledger that records the payment.
	Customer string `json:"customer" validate:"required,max=200,text"`
	// Amount is the amount received, positive, in the ledger's currency and
	// at its precision, below 10^15 (see money.Amount.InBounds).
	Amount money.Amount `json:"amount"`
	// Date is the day the money was received (the value date). Required.
	Date date.Date `json:"date" validate:"required"`
	// Method is how it was paid. Required.
	Method PaymentMethod `json:"method" validate:"required"`
	// Reference is the bank reference, remittance information or cheque
	// number: one line of at most 140 characters (the length of SEPA
	// remittance information).
	Reference string `json:"reference,omitempty" validate:"max=140,text"`
}

// Validate checks the form of p; the ledger checks the rest (currency,
// customer, duplicates). It returns nil or a *validation.Error.
func (p Payment) Validate() error {
	var errs validation.Errors
	errs.Merge(validation.Struct(p))
	checkMethod(&errs, "method", p.Method)
	checkPositive(&errs, "amount", p.Amount, money.Currency{})
	return errs.Err()
}

// Refund is money paid back to a customer out of its credit balance: an
// overpayment, or what a credit note released of an invoice already paid.
type Refund struct {
	// ID identifies the refund (a UUIDv7 from the host). Required.
	ID uuid.UUID `json:"id" validate:"required"`
	// Amount is the amount paid back, positive, in the ledger's currency,
	// below 10^15.
	Amount money.Amount `json:"amount"`
	// Date is the day the money was paid back. Required.
	Date date.Date `json:"date" validate:"required"`
	// Method is how it was paid back. Required.
	Method PaymentMethod `json:"method" validate:"required"`
	// Reference is the bank reference of the refund: one line of at most
	// 140 characters.
	Reference string `json:"reference,omitempty" validate:"max=140,text"`
	// PaymentID, when set, pays the refund out of that payment only, as a
	// card refund must go back to the card it came from. Otherwise the
	// refund draws on the oldest payments first.
	PaymentID uuid.UUID `json:"payment_id,omitzero"`
	// CreditNoteID, when set, says that the refund pays back a credit note:
	// it cannot exceed what that credit note released of its invoice's
	// payments less what was already refunded for it.
	CreditNoteID uuid.UUID `json:"credit_note_id,omitzero"`
}

// Validate checks the form of r; the ledger checks the rest. It returns nil
// or a *validation.Error.
func (r Refund) Validate() error {
	var errs validation.Errors
	errs.Merge(validation.Struct(r))
	checkMethod(&errs, "method", r.Method)
	checkPositive(&errs, "amount", r.Amount, money.Currency{})
	return errs.Err()
}

// InvoiceAmount is an amount to allocate to one invoice.
type InvoiceAmount struct {
	InvoiceID uuid.UUID    `json:"invoice_id"` // an invoice of the ledger
	Amount    money.Amount `json:"amount"`     // positive, in the ledger's currency
}

// AllocationPlan says how a payment, or the customer's credit balance, is
// spread over invoices. Parts are allocated first, exactly as given, at
// most one per invoice of the ledger; then,
// with OldestFirst, what is left goes to the open invoices by due date,
// oldest first, each up to its balance. What still remains stays as the
// customer's credit balance. The zero plan allocates nothing.
type AllocationPlan struct {
	// Parts are explicit amounts per invoice, each at most the invoice's
	// balance, each invoice at most once.
	Parts []InvoiceAmount `json:"parts,omitempty"`
	// OldestFirst spreads the rest over the open invoices that are not
	// disputed, by due date (then issue date, then number), oldest first.
	OldestFirst bool `json:"oldest_first,omitempty"`
}

// AllocateParts returns the plan that allocates exactly the given parts.
func AllocateParts(parts ...InvoiceAmount) AllocationPlan { return AllocationPlan{Parts: parts} }

// AllocateOldestFirst returns the plan that allocates everything it can to
// the open invoices, oldest due date first.
func AllocateOldestFirst() AllocationPlan { return AllocationPlan{OldestFirst: true} }

// IsZero reports whether p allocates nothing.
func (p AllocationPlan) IsZero() bool { return len(p.Parts) == 0 && !p.OldestFirst }

func checkMethod(errs *validation.Errors, field string, m PaymentMethod) {
	if m != "" && !m.Valid() {
		errs.Add(field, validation.CodeNotAllowed, "must be one of: transfer, card, direct_debit, cheque, cash, other")
	}
}

// checkPositive records the faults of an amount that must be positive,
// below 10^15, at its currency's precision and, when cur is set, in cur.
func checkPositive(errs *validation.Errors, field string, a money.Amount, cur money.Currency) {
	switch {
	case a.Currency().IsZero():
		errs.Add(field, validation.CodeRequired, "is required, with its currency")
	case !cur.IsZero() && a.Currency() != cur:
		errs.Add(field, validation.CodeMismatch, "must be in "+cur.Code()+", the ledger's currency")
	case !a.IsPositive():
		errs.Add(field, validation.CodeOutOfRange, "must be positive")
	case a.InBounds():
	case tooLarge(a.Number()):
		errs.Add(field, validation.CodeOutOfRange, "must be below 10^"+strconv.Itoa(money.MaxIntegerDigits)+" "+a.Currency().Code())
	default:
		errs.Add(field, validation.CodeInvalid,
			"has more decimals than "+a.Currency().Code()+" allows ("+strconv.Itoa(a.Currency().Digits())+")")
	}
}

// tooLarge reports whether |d| >= 10^money.MaxIntegerDigits, from its
// exponent and digit count.
func tooLarge(d decimal.Decimal) bool {
	e := int64(d.Exponent())
	return !d.IsZero() && (e >= money.MaxIntegerDigits || int64(d.NumDigits())+e > money.MaxIntegerDigits)
}
