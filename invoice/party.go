package invoice

import (
	"strings"

	"github.com/billkit/billkit/validation"
)

// Party is the seller (BG-4) or the buyer (BG-7) of a document.
type Party struct {
	// Name is the registered legal name (BT-27, BT-44). Required.
	Name string `json:"name"`
	// TradingName is the name the party is known by, if different (BT-28, BT-45).
	TradingName string `json:"trading_name,omitempty"`
	// LegalID is the legal registration identifier (BT-30, BT-47): for a
	// French company its SIREN (9 digits) or SIRET (14 digits).
	LegalID string `json:"legal_id,omitempty"`
	// VATID is the VAT identifier with its country prefix, such as
	// "FR40303265045" (BT-31, BT-48).
	VATID string `json:"vat_id,omitempty"`
	// TaxRegistrationID is the seller's local tax registration identifier,
	// for sellers without a VAT identifier (BT-32).
	TaxRegistrationID string `json:"tax_registration_id,omitempty"`
	// AdditionalLegalInfo is the seller's additional legal information
	// (BT-33): in France its legal form, share capital and trade register,
	// such as "SAS au capital de 10 000 € - RCS Paris 123 456 789".
	AdditionalLegalInfo string `json:"additional_legal_info,omitempty"`
	// Address is the postal address (BG-5, BG-8). Required.
	Address Address `json:"address"`
	// ElectronicAddress is where the party receives electronic documents
	// (BT-34, BT-49). Optional.
	ElectronicAddress ElectronicAddress `json:"electronic_address,omitzero"`
	// Business says that the buyer acts as a business (B2B), which brings
	// the French late payment mentions with it. Ignored for the seller.
	Business bool `json:"business,omitempty"`
}

// Address is a postal address (BG-5, BG-8, BG-15).
type Address struct {
	Line1       string `json:"line1,omitempty"`       // BT-35, BT-50, BT-75
	Line2       string `json:"line2,omitempty"`       // BT-36, BT-51, BT-76
	Line3       string `json:"line3,omitempty"`       // BT-162, BT-163, BT-165
	City        string `json:"city,omitempty"`        // BT-37, BT-52, BT-77
	PostalCode  string `json:"postal_code,omitempty"` // BT-38, BT-53, BT-78
	Subdivision string `json:"subdivision,omitempty"` // BT-39, BT-54, BT-79
	// Country is the ISO 3166-1 alpha-2 code in upper case, such as "FR"
	// (BT-40, BT-55, BT-80). Required whenever the address is given.
	Country string `json:"country,omitempty"`
}

// IsZero reports whether no field of a is set.
func (a Address) IsZero() bool { return a == Address{} }

// ElectronicAddress is an electronic address and the identifier of its
// scheme from the EAS code list, such as "0225" (French SIREN-based routing
// of the e-invoicing reform) or "EM" (e-mail).
type ElectronicAddress struct {
	Scheme string `json:"scheme"`
	Value  string `json:"value"`
}

// IsZero reports whether no field of e is set.
func (e ElectronicAddress) IsZero() bool { return e == ElectronicAddress{} }

// partyRules names the EN 16931 rules that differ between seller and buyer.
type partyRules struct {
	field, name, address, country, endpoint string
}

var (
	sellerRules = partyRules{"seller", "BR-06", "BR-08", "BR-09", "BR-62"}
	buyerRules  = partyRules{"buyer", "BR-07", "BR-10", "BR-11", "BR-63"}
)

func validateParty(errs *validation.Errors, p Party, r partyRules) {
	at := func(f string) string { return validation.Join(r.field, f) }
	if strings.TrimSpace(p.Name) == "" {
		errs.Add(at("name"), r.name, "is required")
	}
	switch {
	case p.Address.IsZero():
		errs.Add(at("address"), r.address, "is required")
	case p.Address.Country == "":
		errs.Add(at("address.country"), r.country, "is required")
	case !isCountryCode(p.Address.Country):
		errs.Add(at("address.country"), validation.CodeInvalid, "must be an ISO 3166-1 alpha-2 country code in upper case")
	}
	if p.VATID != "" && !hasVATPrefix(p.VATID) {
		errs.Add(at("vat_id"), "BR-CO-09", "must start with the ISO 3166-1 alpha-2 code of its country (EL for Greece)")
	}
	if !p.ElectronicAddress.IsZero() {
		if p.ElectronicAddress.Scheme == "" {
			errs.Add(at("electronic_address.scheme"), r.endpoint, "is required with an electronic address")
		}
		if p.ElectronicAddress.Value == "" {
			errs.Add(at("electronic_address.value"), validation.CodeRequired, "is required with a scheme")
		}
	}
}

// countryCode lets the ISO 3166-1 list of go-playground/validator check a code.
type countryCode struct {
	Code string `validate:"iso3166_1_alpha2"`
}

func isCountryCode(s string) bool {
	return len(s) == 2 && s == strings.ToUpper(s) && validation.Struct(countryCode{Code: s}) == nil
}

// hasVATPrefix reports whether a VAT identifier starts with a country code,
// EL standing for Greece (BR-CO-09).
func hasVATPrefix(id string) bool {
	if len(id) < 3 {
		return false
	}
	prefix := id[:2]
	return prefix == "EL" || isCountryCode(prefix)
}
