package billing

import (
	"errors"
	"fmt"

	"github.com/billkit/billkit/money"
)

// ApprovalRule says who must approve an action of a kind, from an amount
// on. Rules are tiered: for one kind and currency, the rule with the
// highest threshold that the amount reaches applies, so a host can ask
// a finance manager from 1,000 EUR and a finance manager then an admin
// from 50,000 EUR.
type ApprovalRule struct {
	// Kind is the kind of action: ApprovalInvoice, ApprovalCreditNote or
	// ApprovalWriteOff. (Quote discounts follow the quote desk's policy.)
	Kind ApprovalKind `json:"kind"`
	// Threshold is the amount from which the rule applies, compared with
	// the absolute total with VAT (for a write-off, the amount written
	// off). A zero threshold in a currency applies to every amount in it.
	Threshold money.Amount `json:"threshold"`
	// Roles is the chain: one approval per role, in order, each by a
	// different person, none by the requester.
	Roles []string `json:"roles"`
	// AllowAuthors turns segregation of duties off for this rule: the
	// people who drew up, edited or submitted the invoice or credit note
	// may then decide its steps (the requester never may). By default
	// they may not. It has no effect on write-offs.
	AllowAuthors bool `json:"allow_authors,omitempty"`
}

func (r ApprovalRule) validate() error {
	var errs []error
	switch r.Kind {
	case ApprovalInvoice, ApprovalCreditNote, ApprovalWriteOff:
	default:
		errs = append(errs, fmt.Errorf("kind %q is not an invoice, credit note or write-off approval", r.Kind))
	}
	if r.Threshold.Currency().Code() == "" {
		errs = append(errs, errors.New("threshold needs a currency"))
	} else if r.Threshold.IsNegative() {
		errs = append(errs, errors.New("threshold must not be negative"))
	}
	if len(r.Roles) == 0 {
		errs = append(errs, errors.New("roles must name at least one role"))
	}
	return errors.Join(errs...)
}

// chain returns the roles that must approve an action of kind for amount,
// or none.
func (e *Engine) chain(kind ApprovalKind, amount money.Amount) []string {
	if r := e.rule(kind, amount); r != nil {
		return r.Roles
	}
	return nil
}

// rule returns the approval rule that applies to an action of kind for
// amount, or nil.
func (e *Engine) rule(kind ApprovalKind, amount money.Amount) *ApprovalRule {
	abs := amount.Abs()
	var best *ApprovalRule
	for i := range e.rules {
		r := &e.rules[i]
		if r.Kind != kind || r.Threshold.Currency() != abs.Currency() {
			continue
		}
		if c, err := abs.Cmp(r.Threshold); err != nil || c < 0 {
			continue
		}
		if best == nil {
			best = r
		} else if c, _ := r.Threshold.Cmp(best.Threshold); c > 0 {
			best = r
		}
	}
	return best
}
