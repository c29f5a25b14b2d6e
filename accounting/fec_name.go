package accounting

import (
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/invoice"
)

// FECFileName returns the name article A47 A-1 gives a FEC: the company's
// SIREN, "FEC", and the closing date of the financial year as YYYYMMDD,
// such as "732829320FEC20261231". Hosts add the extension of the file,
// ".txt" for the flat file WriteFEC writes. legalID is the SIREN, or a
// SIRET whose SIREN is taken; one that is neither, or whose check digit is
// wrong, is a *FieldError, as is a zero closing date.
func FECFileName(legalID string, closing date.Date) (string, error) {
	siren, ok := invoice.SIRENOf(legalID)
	if !ok {
		return "", invalid("siren", "must be a SIREN (9 digits) or a SIRET (14 digits) with a valid check digit")
	}
	if closing.IsZero() {
		return "", invalid("closing_date", "is required")
	}
	return siren + "FEC" + fecDate(closing), nil
}
