package cii

import "encoding/xml"

// The namespaces of UN/CEFACT Cross Industry Invoice D16B.
const (
	NamespaceRSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
	NamespaceRAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
	NamespaceUDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
	NamespaceQDT = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"
)

// The structs below follow the element order of the CII D16B schemas
// (xsd:sequence); encoding/xml writes fields in declaration order.

type document struct {
	XMLName     xml.Name    `xml:"rsm:CrossIndustryInvoice"`
	XmlnsRSM    string      `xml:"xmlns:rsm,attr"`
	XmlnsRAM    string      `xml:"xmlns:ram,attr"`
	XmlnsUDT    string      `xml:"xmlns:udt,attr"`
	XmlnsQDT    string      `xml:"xmlns:qdt,attr"`
	Context     context     `xml:"rsm:ExchangedDocumentContext"`
	Header      header      `xml:"rsm:ExchangedDocument"`
	Transaction transaction `xml:"rsm:SupplyChainTradeTransaction"`
}

type context struct {
	Guideline idOnly `xml:"ram:GuidelineSpecifiedDocumentContextParameter"`
}

type idOnly struct {
	ID string `xml:"ram:ID"`
}

type identifier struct {
	Scheme string `xml:"schemeID,attr,omitempty"`
	Value  string `xml:",chardata"`
}

type header struct {
	ID        string   `xml:"ram:ID"`
	TypeCode  string   `xml:"ram:TypeCode"`
	IssueDate dateTime `xml:"ram:IssueDateTime"`
	Notes     []note   `xml:"ram:IncludedNote"`
}

type dateTime struct {
	Value dateString `xml:"udt:DateTimeString"`
}

type dateString struct {
	Format string `xml:"format,attr"`
	Value  string `xml:",chardata"`
}

type formattedDate struct {
	Value dateString `xml:"qdt:DateTimeString"`
}

type note struct {
	Content     string `xml:"ram:Content"`
	SubjectCode string `xml:"ram:SubjectCode,omitempty"`
}

type transaction struct {
	Lines      []lineItem       `xml:"ram:IncludedSupplyChainTradeLineItem"`
	Agreement  headerAgreement  `xml:"ram:ApplicableHeaderTradeAgreement"`
	Delivery   headerDelivery   `xml:"ram:ApplicableHeaderTradeDelivery"`
	Settlement headerSettlement `xml:"ram:ApplicableHeaderTradeSettlement"`
}

type headerAgreement struct {
	BuyerReference string      `xml:"ram:BuyerReference,omitempty"`
	Seller         tradeParty  `xml:"ram:SellerTradeParty"`
	Buyer          tradeParty  `xml:"ram:BuyerTradeParty"`
	Order          *referenced `xml:"ram:BuyerOrderReferencedDocument"`
	Contract       *referenced `xml:"ram:ContractReferencedDocument"`
}

type referenced struct {
	IssuerAssignedID string         `xml:"ram:IssuerAssignedID"`
	IssueDate        *formattedDate `xml:"ram:FormattedIssueDateTime"`
}

type tradeParty struct {
	Name          string             `xml:"ram:Name"`
	Description   string             `xml:"ram:Description,omitempty"`
	Legal         *legalOrganization `xml:"ram:SpecifiedLegalOrganization"`
	Address       *tradeAddress      `xml:"ram:PostalTradeAddress"`
	URI           *uriCommunication  `xml:"ram:URIUniversalCommunication"`
	Registrations []taxRegistration  `xml:"ram:SpecifiedTaxRegistration"`
}

type legalOrganization struct {
	ID          *identifier `xml:"ram:ID"`
	TradingName string      `xml:"ram:TradingBusinessName,omitempty"`
}

type tradeAddress struct {
	Postcode    string `xml:"ram:PostcodeCode,omitempty"`
	LineOne     string `xml:"ram:LineOne,omitempty"`
	LineTwo     string `xml:"ram:LineTwo,omitempty"`
	LineThree   string `xml:"ram:LineThree,omitempty"`
	City        string `xml:"ram:CityName,omitempty"`
	Country     string `xml:"ram:CountryID"`
	Subdivision string `xml:"ram:CountrySubDivisionName,omitempty"`
}

type uriCommunication struct {
	URIID identifier `xml:"ram:URIID"`
}

type taxRegistration struct {
	ID identifier `xml:"ram:ID"`
}

type headerDelivery struct {
	ShipTo *shipTo        `xml:"ram:ShipToTradeParty"`
	Event  *deliveryEvent `xml:"ram:ActualDeliverySupplyChainEvent"`
}

type shipTo struct {
	Address tradeAddress `xml:"ram:PostalTradeAddress"`
}

type deliveryEvent struct {
	Date dateTime `xml:"ram:OccurrenceDateTime"`
}

type headerSettlement struct {
	PaymentReference string            `xml:"ram:PaymentReference,omitempty"`
	Currency         string            `xml:"ram:InvoiceCurrencyCode"`
	PaymentMeans     []paymentMeans    `xml:"ram:SpecifiedTradeSettlementPaymentMeans"`
	Taxes            []tradeTax        `xml:"ram:ApplicableTradeTax"`
	Period           *billingPeriod    `xml:"ram:BillingSpecifiedPeriod"`
	AllowanceCharges []allowanceCharge `xml:"ram:SpecifiedTradeAllowanceCharge"`
	PaymentTerms     *paymentTerms     `xml:"ram:SpecifiedTradePaymentTerms"`
	Summation        headerSummation   `xml:"ram:SpecifiedTradeSettlementHeaderMonetarySummation"`
	Preceding        []referenced      `xml:"ram:InvoiceReferencedDocument"`
}

type paymentMeans struct {
	TypeCode    string           `xml:"ram:TypeCode"`
	Information string           `xml:"ram:Information,omitempty"`
	Payer       *debtorAccount   `xml:"ram:PayerPartyDebtorFinancialAccount"`
	Payee       *creditorAccount `xml:"ram:PayeePartyCreditorFinancialAccount"`
	Institution *institution     `xml:"ram:PayeeSpecifiedCreditorFinancialInstitution"`
}

type debtorAccount struct {
	IBAN string `xml:"ram:IBANID"`
}

type creditorAccount struct {
	IBAN        string `xml:"ram:IBANID,omitempty"`
	Name        string `xml:"ram:AccountName,omitempty"`
	Proprietary string `xml:"ram:ProprietaryID,omitempty"`
}

type institution struct {
	BIC string `xml:"ram:BICID"`
}

type tradeTax struct {
	Calculated    string `xml:"ram:CalculatedAmount,omitempty"`
	TypeCode      string `xml:"ram:TypeCode"`
	Exemption     string `xml:"ram:ExemptionReason,omitempty"`
	Basis         string `xml:"ram:BasisAmount,omitempty"`
	CategoryCode  string `xml:"ram:CategoryCode"`
	ExemptionCode string `xml:"ram:ExemptionReasonCode,omitempty"`
	Rate          string `xml:"ram:RateApplicablePercent,omitempty"`
}

type billingPeriod struct {
	Start *dateTime `xml:"ram:StartDateTime"`
	End   *dateTime `xml:"ram:EndDateTime"`
}

type indicator struct {
	Value bool `xml:"udt:Indicator"`
}

type allowanceCharge struct {
	ChargeIndicator indicator `xml:"ram:ChargeIndicator"`
	Percent         string    `xml:"ram:CalculationPercent,omitempty"`
	Basis           string    `xml:"ram:BasisAmount,omitempty"`
	Actual          string    `xml:"ram:ActualAmount"`
	ReasonCode      string    `xml:"ram:ReasonCode,omitempty"`
	Reason          string    `xml:"ram:Reason,omitempty"`
	Tax             *tradeTax `xml:"ram:CategoryTradeTax"`
}

type paymentTerms struct {
	Description string    `xml:"ram:Description,omitempty"`
	DueDate     *dateTime `xml:"ram:DueDateDateTime"`
	MandateID   string    `xml:"ram:DirectDebitMandateID,omitempty"`
}

type currencyAmount struct {
	Currency string `xml:"currencyID,attr"`
	Value    string `xml:",chardata"`
}

type headerSummation struct {
	LineTotal      string         `xml:"ram:LineTotalAmount"`
	ChargeTotal    string         `xml:"ram:ChargeTotalAmount,omitempty"`
	AllowanceTotal string         `xml:"ram:AllowanceTotalAmount,omitempty"`
	TaxBasisTotal  string         `xml:"ram:TaxBasisTotalAmount"`
	TaxTotal       currencyAmount `xml:"ram:TaxTotalAmount"`
	Rounding       string         `xml:"ram:RoundingAmount,omitempty"`
	GrandTotal     string         `xml:"ram:GrandTotalAmount"`
	Prepaid        string         `xml:"ram:TotalPrepaidAmount,omitempty"`
	DuePayable     string         `xml:"ram:DuePayableAmount"`
}

type lineItem struct {
	Document   lineDocument   `xml:"ram:AssociatedDocumentLineDocument"`
	Product    product        `xml:"ram:SpecifiedTradeProduct"`
	Agreement  lineAgreement  `xml:"ram:SpecifiedLineTradeAgreement"`
	Delivery   lineDelivery   `xml:"ram:SpecifiedLineTradeDelivery"`
	Settlement lineSettlement `xml:"ram:SpecifiedLineTradeSettlement"`
}

type lineDocument struct {
	LineID string `xml:"ram:LineID"`
}

type product struct {
	GlobalID    *identifier `xml:"ram:GlobalID"`
	SellerID    string      `xml:"ram:SellerAssignedID,omitempty"`
	BuyerID     string      `xml:"ram:BuyerAssignedID,omitempty"`
	Name        string      `xml:"ram:Name"`
	Description string      `xml:"ram:Description,omitempty"`
}

type lineAgreement struct {
	NetPrice tradePrice `xml:"ram:NetPriceProductTradePrice"`
}

type tradePrice struct {
	Amount string    `xml:"ram:ChargeAmount"`
	Basis  *quantity `xml:"ram:BasisQuantity"`
}

type quantity struct {
	UnitCode string `xml:"unitCode,attr"`
	Value    string `xml:",chardata"`
}

type lineDelivery struct {
	Billed quantity `xml:"ram:BilledQuantity"`
}

type lineSettlement struct {
	Tax              tradeTax          `xml:"ram:ApplicableTradeTax"`
	Period           *billingPeriod    `xml:"ram:BillingSpecifiedPeriod"`
	AllowanceCharges []allowanceCharge `xml:"ram:SpecifiedTradeAllowanceCharge"`
	Summation        lineSummation     `xml:"ram:SpecifiedTradeSettlementLineMonetarySummation"`
}

type lineSummation struct {
	LineTotal string `xml:"ram:LineTotalAmount"`
}
