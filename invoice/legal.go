package invoice

import (
	"strings"

	"github.com/shopspring/decimal"
	"golang.org/x/text/language"

	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// RecoveryIndemnityFR is the fixed indemnity for recovery costs that a
// business customer paying late owes its French supplier: 40 EUR (Code de
// commerce L441-10 II and D441-5).
var RecoveryIndemnityFR = money.MustParse("40.00 EUR")

// LegalMentions are the payment mentions that French law requires on an
// invoice between businesses (Code de commerce L441-9 I): the rate of late
// payment penalties, the fixed recovery indemnity, and the terms of the
// discount for early payment or the statement that there is none. Validate
// requires them when the seller is in France and the buyer is a business.
// Exporters write them as notes (see Notes).
type LegalMentions struct {
	// LatePenaltyRate is the yearly rate, in percent, of the penalties due
	// when payment is late. It cannot be less than three times the French
	// legal interest rate; without an agreed rate, the law applies the
	// European Central Bank's refinancing rate plus 10 points (L441-10 II).
	LatePenaltyRate decimal.Decimal `json:"late_penalty_rate,omitzero"`
	// RecoveryIndemnity is the fixed indemnity for recovery costs,
	// RecoveryIndemnityFR for a business customer.
	RecoveryIndemnity money.Amount `json:"recovery_indemnity,omitzero"`
	// EarlyPaymentDiscount states the discount granted for early payment,
	// such as "2 % if paid within 10 days".
	EarlyPaymentDiscount string `json:"early_payment_discount,omitempty"`
	// NoEarlyPaymentDiscount states that no discount is granted for early
	// payment. It excludes EarlyPaymentDiscount.
	NoEarlyPaymentDiscount bool `json:"no_early_payment_discount,omitempty"`
}

// FrenchB2BMentions returns the mentions of a French invoice to a business
// with the given late penalty rate, the 40 EUR recovery indemnity and no
// discount for early payment.
func FrenchB2BMentions(latePenaltyRate decimal.Decimal) LegalMentions {
	return LegalMentions{LatePenaltyRate: latePenaltyRate, RecoveryIndemnity: RecoveryIndemnityFR, NoEarlyPaymentDiscount: true}
}

// IsZero reports whether no mention is set.
func (m LegalMentions) IsZero() bool {
	return m.LatePenaltyRate.IsZero() && isUnset(m.RecoveryIndemnity) && m.EarlyPaymentDiscount == "" && !m.NoEarlyPaymentDiscount
}

// Notes returns the mentions as French notes (BG-1) with the UNTDID 4451
// subject codes that the French e-invoicing specifications use: PMD for
// late penalties, PMT for the recovery indemnity, AAB for early payment
// discount.
func (m LegalMentions) Notes() []Note {
	var notes []Note
	if !m.LatePenaltyRate.IsZero() {
		places := max(-m.LatePenaltyRate.Exponent(), 0)
		notes = append(notes, Note{SubjectCode: "PMD", Text: "En cas de retard de paiement, des pénalités sont exigibles au taux annuel de " +
			money.FormatNumber(m.LatePenaltyRate, places, language.French) + " %."})
	}
	if !isUnset(m.RecoveryIndemnity) {
		notes = append(notes, Note{SubjectCode: "PMT", Text: "Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : " +
			m.RecoveryIndemnity.Format(language.French) + " (art. L441-10 et D441-5 du Code de commerce)."})
	}
	switch {
	case m.EarlyPaymentDiscount != "":
		notes = append(notes, Note{SubjectCode: "AAB", Text: "Escompte pour paiement anticipé : " + m.EarlyPaymentDiscount})
	case m.NoEarlyPaymentDiscount:
		notes = append(notes, Note{SubjectCode: "AAB", Text: "Pas d'escompte pour paiement anticipé."})
	}
	return notes
}

// validateLegal checks the mentions themselves and, for a French seller,
// the mentions and identifiers French law requires.
func (d *Document) validateLegal(errs *validation.Errors) {
	m := d.Legal
	if m.LatePenaltyRate.Exponent() < -maxDecimals || m.LatePenaltyRate.Exponent() > 2 ||
		m.LatePenaltyRate.Sign() < 0 || m.LatePenaltyRate.Cmp(hundred) >= 0 {
		errs.Add("legal.late_penalty_rate", validation.CodeOutOfRange, "must be a yearly percentage from 0 to less than 100")
	}
	if m.EarlyPaymentDiscount != "" && m.NoEarlyPaymentDiscount {
		errs.Add("legal.no_early_payment_discount", validation.CodeInconsistent, "contradicts the early payment discount terms")
	}
	if d.Seller.Address.Country != "FR" {
		return
	}
	validateFrenchSeller(errs, d.Seller)
	if d.DeliveryDate.IsZero() && d.Period.IsEmpty() {
		errs.Add("delivery_date", CodeFRDelivery, "a French invoice states the delivery date or the service period")
	}
	if d.Type != TypeCommercialInvoice || !d.Buyer.Business {
		return
	}
	if m.LatePenaltyRate.IsZero() {
		errs.Add("legal.late_penalty_rate", CodeFRPenalty, "is required on a French invoice to a business")
	}
	if !m.RecoveryIndemnity.Equal(RecoveryIndemnityFR) || m.RecoveryIndemnity.Currency() != money.EUR {
		errs.Add("legal.recovery_indemnity", CodeFRIndemnity, "must be 40.00 EUR on a French invoice to a business")
	}
	if m.EarlyPaymentDiscount == "" && !m.NoEarlyPaymentDiscount {
		errs.Add("legal.early_payment_discount", CodeFRDiscount, "state the early payment discount, or set no_early_payment_discount")
	}
}

// validateFrenchSeller checks the identifiers and legal information of a
// seller established in France.
func validateFrenchSeller(errs *validation.Errors, p Party) {
	siren, ok := SIRENOf(p.LegalID)
	if !ok {
		errs.Add("seller.legal_id", CodeFRSIREN, "must be the seller's SIREN (9 digits) or SIRET (14 digits)")
	}
	if strings.HasPrefix(p.VATID, "FR") {
		switch vatSIREN, valid := frenchVATSIREN(p.VATID); {
		case !valid:
			errs.Add("seller.vat_id", CodeFRVATID, "is not a valid French VAT identifier (FR, 2-digit key, SIREN)")
		case ok && vatSIREN != siren:
			errs.Add("seller.vat_id", validation.CodeMismatch, "does not belong to the SIREN of seller.legal_id")
		}
	}
	if strings.TrimSpace(p.AdditionalLegalInfo) == "" {
		errs.Add("seller.additional_legal_info", CodeFRLegalInfo, "a French seller states its legal form, share capital and registration")
	}
}
