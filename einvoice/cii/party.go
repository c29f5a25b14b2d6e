package cii

import (
	"github.com/billkit/billkit/einvoice/internal/en16931"
	"github.com/billkit/billkit/invoice"
)

// sellerParty returns the seller (BG-4): with its additional legal
// information (BT-33) and its local tax registration (BT-32, scheme FC).
func sellerParty(p invoice.Party) tradeParty {
	out := partyOf(p)
	out.Description = p.AdditionalLegalInfo
	if p.TaxRegistrationID != "" {
		out.Registrations = append(out.Registrations, taxRegistration{identifier{Scheme: "FC", Value: p.TaxRegistrationID}})
	}
	return out
}

// buyerParty returns the buyer (BG-7).
func buyerParty(p invoice.Party) tradeParty { return partyOf(p) }

// partyOf returns what seller and buyer share: legal name (BT-27, BT-44),
// legal registration identifier with its scheme (BT-30, BT-47), trading
// name (BT-28, BT-45), postal address (BG-5, BG-8), electronic address
// (BT-34, BT-49) and VAT identifier (BT-31, BT-48, scheme VA).
func partyOf(p invoice.Party) tradeParty {
	addr := addressOf(p.Address)
	out := tradeParty{Name: p.Name, Address: &addr}
	if p.LegalID != "" || p.TradingName != "" {
		out.Legal = &legalOrganization{TradingName: p.TradingName}
		if p.LegalID != "" {
			out.Legal.ID = &identifier{Scheme: en16931.LegalIDScheme(p), Value: p.LegalID}
		}
	}
	if !p.ElectronicAddress.IsZero() {
		out.URI = &uriCommunication{identifier{Scheme: p.ElectronicAddress.Scheme, Value: p.ElectronicAddress.Value}}
	}
	if p.VATID != "" {
		out.Registrations = append(out.Registrations, taxRegistration{identifier{Scheme: "VA", Value: p.VATID}})
	}
	return out
}

// addressOf returns a postal address (BG-5, BG-8, BG-15).
func addressOf(a invoice.Address) tradeAddress {
	return tradeAddress{
		Postcode: a.PostalCode, LineOne: a.Line1, LineTwo: a.Line2, LineThree: a.Line3,
		City: a.City, Country: a.Country, Subdivision: a.Subdivision,
	}
}
