package invoice

import (
	"strconv"

	"github.com/billkit/billkit/validation"
)

// Limits on the size of a document. Calculate, Validate and every step of
// the lifecycle refuse a document beyond them with a *validation.Error
// (validation.CodeOutOfRange), before looking at anything else in it: the
// work and the storage one document costs stay bounded whatever its
// author sends.
//
//	what                                               limit
//	lines (BG-25)                                      MaxLines, 10,000
//	notes, preceding invoices, allowances and charges  MaxListLength, 100 each,
//	  of the document, and allowances and charges       per document or per line
//	  of each line
//	quantities, prices, base quantities                below 10^15 in absolute value,
//	                                                    with at most 12 decimals
//	amounts                                            below 10^15 (money.MaxIntegerDigits),
//	                                                    at the currency's precision where
//	                                                    EN 16931 sets it (BR-DEC rules)
//	VAT rates and percentages                          0 to 100, at most 12 decimals
//
// Text fields follow the lengths of the validation package, by kind:
//
//	kind         fields
//	code         line IDs, credited line IDs, unit, subject, reason and VATEX codes,
//	             postal codes, electronic address schemes
//	reference    number, purchase order, buyer and contract references, preceding
//	             numbers, legal, VAT and tax registration identifiers, a line's
//	             contract and quote line references
//	name         party and trading names, address lines, cities, subdivisions,
//	             electronic addresses, item names
//	reason       allowance and charge reasons, exemption reason texts, the seller's
//	             additional legal information, the early payment discount
//	description  item descriptions, payment terms (several lines)
//	note         notes (several lines)
//
// Every text must also be valid UTF-8 without control characters (tabs and
// line breaks allowed where several lines are), see validation.TextFault:
// an issued invoice then reads back from every store, and exports, byte
// for byte as it was issued.
const (
	// MaxLines is the most lines a document may have. A bill run that
	// would put more on one invoice fails for that customer.
	MaxLines = 10000
	// MaxListLength is the most notes, preceding invoices, allowances or
	// charges a document may list, and the most allowances or charges a
	// line may have.
	MaxListLength = 100
)

// checkSize records a fault for every list of d longer than its limit and
// reports whether there was none.
func (d *Document) checkSize(errs *validation.Errors) bool {
	before := errs.Len()
	if len(d.Lines) > MaxLines {
		errs.Add("lines", validation.CodeOutOfRange, "must have at most "+strconv.Itoa(MaxLines)+" items")
	}
	list := func(at string, n int) {
		if n > MaxListLength {
			errs.Add(at, validation.CodeOutOfRange, "must have at most "+strconv.Itoa(MaxListLength)+" items")
		}
	}
	list("notes", len(d.Notes))
	list("preceding", len(d.Preceding))
	list("allowances", len(d.Allowances))
	list("charges", len(d.Charges))
	list("credit_limits", len(d.CreditLimits))
	if errs.Len() > before {
		return false // the lines are not looked at
	}
	for i := range d.Lines {
		l := &d.Lines[i]
		if len(l.Allowances) > MaxListLength || len(l.Charges) > MaxListLength {
			list(elem("lines", i).at("allowances"), len(l.Allowances))
			list(elem("lines", i).at("charges"), len(l.Charges))
		}
	}
	return errs.Len() == before
}
