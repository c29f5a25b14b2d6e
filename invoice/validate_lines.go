package invoice

import (
	"strconv"
	"strings"

	"github.com/billkit/billkit/tax"
	"github.com/billkit/billkit/validation"
)

// validateLines checks the fields of each line (BR-21 to BR-27, BR-30,
// BR-41 to BR-44, BR-CO-04).
func (d *Document) validateLines(errs *validation.Errors) {
	seen := make(map[string]int, len(d.Lines))
	for i := range d.Lines {
		l := &d.Lines[i]
		at := "lines[" + strconv.Itoa(i) + "]"
		switch id := strings.TrimSpace(l.ID); {
		case id == "":
			errs.Add(at+".id", "BR-21", "is required")
		default:
			if j, dup := seen[l.ID]; dup {
				errs.Add(at+".id", validation.CodeDuplicate, "repeats the identifier of lines["+strconv.Itoa(j)+"]")
			} else {
				seen[l.ID] = i
			}
		}
		if l.Quantity.IsZero() {
			errs.Add(at+".quantity", "BR-22", "is required and must not be zero")
		}
		switch {
		case l.UnitCode == "":
			errs.Add(at+".unit_code", "BR-23", "is required")
		case !isUnitCode(l.UnitCode):
			errs.Add(at+".unit_code", validation.CodeInvalid, "must be a UN/ECE Recommendation 20 code such as C62, HUR or DAY")
		}
		if strings.TrimSpace(l.Name) == "" {
			errs.Add(at+".name", "BR-25", "is required")
		}
		switch {
		case isUnset(l.UnitPrice):
			errs.Add(at+".unit_price", "BR-26", "is required")
		case l.UnitPrice.IsNegative():
			errs.Add(at+".unit_price", "BR-27", "must not be negative")
		}
		validateCategory(errs, at+".vat.category", l.VAT.Category, "BR-CO-04")
		if l.ExemptionReason != (tax.ExemptionReason{}) && l.VAT.Category.Valid() && !l.VAT.Category.RequiresExemptionReason() {
			errs.Add(at+".exemption_reason", vatRule(l.VAT.Category, 10), "must be empty for VAT category "+string(l.VAT.Category))
		}
		validatePeriod(errs, at+".period", l.Period, "BR-30")
		for j, a := range l.Allowances {
			validateLineAdjustment(errs, at+".allowances["+strconv.Itoa(j)+"]", a, "BR-41", "BR-42")
		}
		for j, c := range l.Charges {
			validateLineAdjustment(errs, at+".charges["+strconv.Itoa(j)+"]", c, "BR-43", "BR-44")
		}
		switch {
		case d.Type == TypeCreditNote && l.CreditedLineID == "":
			errs.Add(at+".credited_line_id", CodeCreditLine, "a credit note line credits a line of the corrected invoice")
		case d.Type != TypeCreditNote && (l.CreditedLineID != "" || !l.CreditedQuantity.IsZero()):
			errs.Add(at+".credited_line_id", validation.CodeForbidden, "only credit note lines credit invoice lines")
		}
	}
}

func validateLineAdjustment(errs *validation.Errors, at string, a LineAllowanceCharge, amountRule, reasonRule string) {
	if a.Percent.IsZero() && isUnset(a.Amount) {
		errs.Add(at+".amount", amountRule, "is required")
	}
	if strings.TrimSpace(a.Reason) == "" && strings.TrimSpace(a.ReasonCode) == "" {
		errs.Add(at+".reason", reasonRule, "a reason or a reason code is required")
	}
}

// validateAdjustments checks document level allowances (BR-31 to BR-33) and
// charges (BR-36 to BR-38).
func (d *Document) validateAdjustments(errs *validation.Errors) {
	check := func(at string, a AllowanceCharge, amountRule, categoryRule, reasonRule string) {
		if a.Percent.IsZero() && isUnset(a.Amount) {
			errs.Add(at+".amount", amountRule, "is required")
		}
		validateCategory(errs, at+".vat.category", a.VAT.Category, categoryRule)
		if strings.TrimSpace(a.Reason) == "" && strings.TrimSpace(a.ReasonCode) == "" {
			errs.Add(at+".reason", reasonRule, "a reason or a reason code is required")
		}
	}
	for i, a := range d.Allowances {
		check("allowances["+strconv.Itoa(i)+"]", a, "BR-31", "BR-32", "BR-33")
	}
	for i, c := range d.Charges {
		check("charges["+strconv.Itoa(i)+"]", c, "BR-36", "BR-37", "BR-38")
	}
}

func validateCategory(errs *validation.Errors, at string, c tax.Category, rule string) {
	switch {
	case c == "":
		errs.Add(at, rule, "is required")
	case !c.Valid():
		errs.Add(at, validation.CodeNotAllowed, "must be one of S, Z, E, AE, K, G, O, L, M")
	}
}

// isUnitCode reports whether s looks like a UN/ECE Recommendation 20 (or
// 21) code: two or three upper case letters or digits.
func isUnitCode(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
