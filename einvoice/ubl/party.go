package ubl

import (
	"github.com/billkit/billkit/einvoice/internal/en16931"
	"github.com/billkit/billkit/invoice"
)

// sellerParty returns the seller (BG-4): its VAT identifier (BT-31) and
// its local tax registration (BT-32), which UBL tells apart by the tax
// scheme, VAT or TAX.
func sellerParty(p invoice.Party) party {
	out := partyOf(p)
	if p.TaxRegistrationID != "" {
		out.TaxSchemes = append(out.TaxSchemes, partyTax{CompanyID: p.TaxRegistrationID, TaxScheme: idOnly{"TAX"}})
	}
	out.LegalEntity.CompanyLegalForm = p.AdditionalLegalInfo
	return out
}

// buyerParty returns the buyer (BG-7).
func buyerParty(p invoice.Party) party { return partyOf(p) }

// partyOf returns what seller and buyer share: electronic address
// (BT-34, BT-49), trading name (BT-28, BT-45), postal address (BG-5, BG-8),
// VAT identifier (BT-31, BT-48), legal name (BT-27, BT-44) and legal
// registration identifier with its scheme (BT-30, BT-47).
func partyOf(p invoice.Party) party {
	out := party{Address: addressOf(p.Address), LegalEntity: legalEntity{RegistrationName: p.Name}}
	if !p.ElectronicAddress.IsZero() {
		out.EndpointID = &identifier{Scheme: p.ElectronicAddress.Scheme, Value: p.ElectronicAddress.Value}
	}
	if p.TradingName != "" {
		out.PartyName = &partyName{p.TradingName}
	}
	if p.VATID != "" {
		out.TaxSchemes = append(out.TaxSchemes, partyTax{CompanyID: p.VATID, TaxScheme: idOnly{"VAT"}})
	}
	if p.LegalID != "" {
		out.LegalEntity.CompanyID = &identifier{Scheme: en16931.LegalIDScheme(p), Value: p.LegalID}
	}
	return out
}

// addressOf returns a postal address (BG-5, BG-8, BG-15).
func addressOf(a invoice.Address) address {
	out := address{
		StreetName: a.Line1, AdditionalStreetName: a.Line2, CityName: a.City,
		PostalZone: a.PostalCode, CountrySubentity: a.Subdivision, Country: country{a.Country},
	}
	if a.Line3 != "" {
		out.AddressLine = &lineText{a.Line3}
	}
	return out
}

// deliveryOf returns the delivery information (BG-13): the actual delivery
// date (BT-72) and the deliver to address (BG-15), or nil.
func deliveryOf(d *invoice.Document) *delivery {
	if d.DeliveryDate.IsZero() && d.DeliverTo.IsZero() {
		return nil
	}
	out := &delivery{}
	if !d.DeliveryDate.IsZero() {
		out.ActualDeliveryDate = en16931.ISODate(d.DeliveryDate)
	}
	if !d.DeliverTo.IsZero() {
		out.Location = &location{addressOf(d.DeliverTo)}
	}
	return out
}
