package catalog

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/billkit/billkit/validation"
)

// Bounds of the numbers a price takes or is evaluated on. They are far
// beyond any real price or quantity (10^24 units, a billionth of a
// billionth of a unit) and keep hostile input from making arithmetic on
// enormous coefficients.
const (
	// MaxDecimals is the number of decimal places a price or a quantity may
	// have.
	MaxDecimals = 18
	// MaxIntegerDigits is the number of digits a price or a quantity may
	// have before the decimal point: every value is below 10^24.
	MaxIntegerDigits = 24
)

// numberFault returns the stable code and message describing why d is not
// an acceptable non-negative price or quantity, or "" when it is.
func numberFault(d decimal.Decimal) (code, message string) {
	if d.Sign() < 0 {
		return validation.CodeOutOfRange, "must not be negative"
	}
	if d.Sign() == 0 {
		return "", ""
	}
	exp := d.Exponent()
	if int64(d.NumDigits())+int64(exp) > MaxIntegerDigits {
		return validation.CodeOutOfRange, "must be less than 10^" + strconv.Itoa(MaxIntegerDigits)
	}
	// More decimals than allowed are accepted only when they are trailing
	// zeros. A coefficient with k trailing zeros has more than k digits,
	// which bounds the work of the comparison by the size of the input.
	if extra := -int64(exp) - MaxDecimals; extra > 0 &&
		(extra >= int64(d.NumDigits()) || !d.Equal(d.Truncate(MaxDecimals))) {
		return validation.CodeOutOfRange, "must have at most " + strconv.Itoa(MaxDecimals) + " decimal places"
	}
	return "", ""
}

// checkNumber records a fault at field when d is negative or out of bounds.
func checkNumber(errs *validation.Errors, field string, d decimal.Decimal) {
	if code, msg := numberFault(d); code != "" {
		errs.Add(field, code, msg)
	}
}

// checkOptional checks an optional number: absent is fine.
func checkOptional(errs *validation.Errors, field string, d decimal.NullDecimal) {
	if d.Valid {
		checkNumber(errs, field, d.Decimal)
	}
}

// checkQuantity returns a *validation.Error when q cannot be evaluated.
func checkQuantity(q decimal.Decimal) error {
	if code, msg := numberFault(q); code != "" {
		return validation.New("quantity", code, msg)
	}
	return nil
}

// optional is an optional number prepared for evaluation.
type optional struct {
	value decimal.Decimal
	set   bool
}

func optionalOf(d decimal.NullDecimal) optional {
	return optional{value: d.Decimal, set: d.Valid}
}
