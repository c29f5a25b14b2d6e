package invoice

import (
	"strconv"
	"strings"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/validation"
)

// Validate checks d against the business rules of EN 16931 and, when the
// seller is established in France, against the mentions French law
// requires. It returns nil or a *validation.Error listing every fault, each
// with its field path (such as "lines[2].unit_code") and a stable code: the
// EN 16931 rule identifier where there is one ("BR-16", "BR-CO-10",
// "BR-AE-02", ...), else one of the Code constants of this package or of the
// validation package.
//
// Validate does not change d. Amounts set by Calculate are checked against
// a fresh calculation, so call Calculate first; a document whose totals
// were never calculated fails BR-12 to BR-15.
func (d *Document) Validate() error { return d.validate(false) }

// ValidateDraft is Validate without the two rules that only issuing
// satisfies: the document number (BR-02) and the issue date (BR-03).
func (d *Document) ValidateDraft() error { return d.validate(true) }

func (d *Document) validate(draft bool) error {
	var errs validation.Errors
	if !d.checkSize(&errs) {
		return errs.Err() // checking each of too many lines is pointless
	}
	var r *result
	if d.preflight(&errs) {
		r = newCalculator(d).compute()
	}
	return d.check(&errs, draft, r)
}

// calculateDraft calculates d, as Calculate does, then validates it as
// ValidateDraft does, against that same calculation: submitting and
// issuing need both, and the calculation is most of the work.
func (d *Document) calculateDraft() error {
	var errs validation.Errors
	if !d.checkSize(&errs) || !d.preflight(&errs) {
		return errs.Err()
	}
	r := newCalculator(d).compute()
	r.apply(d)
	// Calculating a calculated document gives the same result: r is what
	// validate would compute again.
	return d.check(&errs, true, r)
}

// check adds to errs the faults of d other than preflight's, with r the
// calculation of d (nil when d cannot be calculated), and returns them.
func (d *Document) check(errs *validation.Errors, draft bool, r *result) error {
	d.validateHeader(errs, draft)
	validateParty(errs, d.Seller, sellerRules)
	validateParty(errs, d.Buyer, buyerRules)
	d.validateLines(errs)
	d.validateAdjustments(errs)
	d.validateLegal(errs)
	d.validateVAT(errs, r)
	d.validateTotals(errs, r)
	return errs.Err()
}

func (d *Document) validateHeader(errs *validation.Errors, draft bool) {
	if !draft && strings.TrimSpace(d.Number) == "" {
		errs.Add("number", "BR-02", "is required")
	}
	if !draft && d.IssueDate.IsZero() {
		errs.Add("issue_date", "BR-03", "is required")
	}
	switch {
	case d.Type == "":
		errs.Add("type", "BR-04", "is required")
	case !d.Type.Valid():
		errs.Add("type", validation.CodeNotAllowed, "must be 380 (commercial invoice) or 381 (credit note)")
	}
	if len(d.Lines) == 0 {
		errs.Add("lines", "BR-16", "at least one line is required")
	}
	if !d.DueDate.IsZero() && !d.IssueDate.IsZero() && d.DueDate.Before(d.IssueDate) {
		errs.Add("due_date", CodeDueDate, "must not be before the issue date")
	}
	if d.Seller.LegalID == "" && d.Seller.VATID == "" {
		errs.Add("seller.legal_id", "BR-CO-26", "the seller needs a legal registration identifier or a VAT identifier")
	}
	validatePeriod(errs, "period", d.Period, "BR-29")
	if !d.DeliverTo.IsZero() {
		switch {
		case d.DeliverTo.Country == "":
			errs.Add("deliver_to.country", "BR-57", "is required")
		case !isCountryCode(d.DeliverTo.Country):
			errs.Add("deliver_to.country", validation.CodeInvalid, "must be an ISO 3166-1 alpha-2 country code in upper case")
		}
	}
	for i, p := range d.Preceding {
		if strings.TrimSpace(p.Number) == "" {
			errs.Add("preceding["+strconv.Itoa(i)+"].number", "BR-55", "is required")
		}
	}
	if d.Type == TypeCreditNote && len(d.Preceding) == 0 {
		errs.Add("preceding", CodeCreditReference, "a credit note references the invoice it corrects")
	}
	for i, n := range d.Notes {
		if strings.TrimSpace(n.Text) == "" {
			errs.Add("notes["+strconv.Itoa(i)+"].text", validation.CodeRequired, "is required")
		}
	}
}

// validatePeriod checks an optional period: both bounds, and an end after
// the start (BR-29 for the invoicing period, BR-30 for a line period).
func validatePeriod(errs *validation.Errors, at string, p date.Range, order string) {
	switch {
	case p == date.Range{}:
	case p.Start.IsZero():
		errs.Add(at+".start", validation.CodeRequired, "is required with an end")
	case p.End.IsZero():
		errs.Add(at+".end", validation.CodeRequired, "is required with a start")
	case !p.End.After(p.Start):
		errs.Add(at+".end", order, "must be after the start (the end is exclusive)")
	}
}
