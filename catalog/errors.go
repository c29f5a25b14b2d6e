package catalog

import (
	"errors"
	"fmt"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
)

// Sentinel errors of the package. The typed errors below wrap them, so
// callers test with errors.Is and read the details with errors.As. Invalid
// input is reported separately, as a *validation.Error.
var (
	// ErrNotFound is returned for a product, price book or price ID that the
	// catalog does not hold.
	ErrNotFound = errors.New("catalog: not found")
	// ErrNoPrice is returned when no price version is in force for a
	// product, price book, currency and date.
	ErrNoPrice = errors.New("catalog: no price in force")
	// ErrInactive is returned when a price belongs to an archived product or
	// an inactive price book: quotes must refuse it.
	ErrInactive = errors.New("catalog: inactive")
	// ErrInvalidTransition is returned for a status change that is not
	// allowed, such as archiving a product that is already archived.
	ErrInvalidTransition = errors.New("catalog: invalid status change")
	// ErrWrongModel is returned when a price is evaluated in a way its
	// pricing model does not support: a quantity for a percentage price, a
	// base amount for a quantity-based one, or anything for the zero Price.
	ErrWrongModel = errors.New("catalog: operation does not fit the pricing model")
)

// Kinds of catalog objects named by NotFoundError and InactiveError.
const (
	KindProduct = "product"    // a Product
	KindBook    = "price book" // a PriceBook
	KindPrice   = "price"      // a Price version
)

// NotFoundError reports an ID that the catalog does not hold. It wraps
// ErrNotFound.
type NotFoundError struct {
	Kind string // KindProduct, KindBook or KindPrice
	ID   string // the ID that was looked up
}

func (e *NotFoundError) Error() string {
	return fmt.Sprintf("catalog: %s %q not found", e.Kind, e.ID)
}

// Unwrap returns ErrNotFound.
func (e *NotFoundError) Unwrap() error { return ErrNotFound }

// NoPriceError reports that no price version is in force for a product in a
// price book and currency on a date. It wraps ErrNoPrice.
type NoPriceError struct {
	ProductID string
	BookID    string
	Currency  money.Currency
	On        date.Date
}

func (e *NoPriceError) Error() string {
	return fmt.Sprintf("catalog: no price for product %q in price book %q in %s on %s",
		e.ProductID, e.BookID, e.Currency, e.On)
}

// Unwrap returns ErrNoPrice.
func (e *NoPriceError) Unwrap() error { return ErrNoPrice }

// InactiveError reports a price that exists but must not be offered, because
// its product is archived or its price book is inactive. It wraps
// ErrInactive.
type InactiveError struct {
	Kind string // KindProduct or KindBook
	ID   string // the ID of the archived product or inactive book
}

func (e *InactiveError) Error() string {
	state := "inactive"
	if e.Kind == KindProduct {
		state = "archived"
	}
	return fmt.Sprintf("catalog: %s %q is %s", e.Kind, e.ID, state)
}

// Unwrap returns ErrInactive.
func (e *InactiveError) Unwrap() error { return ErrInactive }

// TransitionError reports a product status change that is not allowed. It
// wraps ErrInvalidTransition.
type TransitionError struct {
	ProductID string
	From, To  ProductStatus
}

func (e *TransitionError) Error() string {
	return fmt.Sprintf("catalog: product %q cannot go from %s to %s", e.ProductID, e.From, e.To)
}

// Unwrap returns ErrInvalidTransition.
func (e *TransitionError) Unwrap() error { return ErrInvalidTransition }

// ModelError reports a price evaluated with an input its pricing model does
// not take. It wraps ErrWrongModel.
type ModelError struct {
	PriceID string // the price's ID, empty for the zero Price
	Model   Model  // the price's pricing model, empty for the zero Price
	Want    string // what the model needs: "a quantity" or "a base amount"
}

func (e *ModelError) Error() string {
	if e.Model == "" {
		return "catalog: the zero Price has no pricing model"
	}
	return fmt.Sprintf("catalog: price %q uses the %s model, which needs %s", e.PriceID, e.Model, e.Want)
}

// Unwrap returns ErrWrongModel.
func (e *ModelError) Unwrap() error { return ErrWrongModel }
