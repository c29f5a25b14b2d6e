package ubl

import "encoding/xml"

// The namespaces of UBL 2.1.
const (
	NamespaceInvoice    = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
	NamespaceCreditNote = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
	NamespaceCAC        = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
	NamespaceCBC        = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
)

// The structs below follow the element order of the UBL 2.1 schemas
// (xsd:sequence); encoding/xml writes fields in declaration order. Invoice
// and CreditNote share one struct: the elements that only one of them has
// (DueDate, the type code, the line and quantity names) are left empty in
// the other, and the order of the rest is the same in both schemas.

type document struct {
	XMLName            xml.Name
	Xmlns              string         `xml:"xmlns,attr"`
	XmlnsCAC           string         `xml:"xmlns:cac,attr"`
	XmlnsCBC           string         `xml:"xmlns:cbc,attr"`
	CustomizationID    string         `xml:"cbc:CustomizationID"`
	ID                 string         `xml:"cbc:ID"`
	IssueDate          string         `xml:"cbc:IssueDate"`
	DueDate            string         `xml:"cbc:DueDate,omitempty"`
	InvoiceTypeCode    string         `xml:"cbc:InvoiceTypeCode,omitempty"`
	CreditNoteTypeCode string         `xml:"cbc:CreditNoteTypeCode,omitempty"`
	Notes              []string       `xml:"cbc:Note"`
	Currency           string         `xml:"cbc:DocumentCurrencyCode"`
	BuyerReference     string         `xml:"cbc:BuyerReference,omitempty"`
	InvoicePeriod      *period        `xml:"cac:InvoicePeriod"`
	OrderReference     *idOnly        `xml:"cac:OrderReference"`
	BillingReferences  []billingRef   `xml:"cac:BillingReference"`
	ContractReference  *idOnly        `xml:"cac:ContractDocumentReference"`
	Supplier           partyWrapper   `xml:"cac:AccountingSupplierParty"`
	Customer           partyWrapper   `xml:"cac:AccountingCustomerParty"`
	Delivery           *delivery      `xml:"cac:Delivery"`
	PaymentMeans       []paymentMeans `xml:"cac:PaymentMeans"`
	PaymentTerms       *paymentTerms  `xml:"cac:PaymentTerms"`
	AllowanceCharges   []allowance    `xml:"cac:AllowanceCharge"`
	TaxTotal           taxTotal       `xml:"cac:TaxTotal"`
	Totals             monetaryTotal  `xml:"cac:LegalMonetaryTotal"`
	InvoiceLines       []line         `xml:"cac:InvoiceLine"`
	CreditNoteLines    []line         `xml:"cac:CreditNoteLine"`
}

type amount struct {
	Currency string `xml:"currencyID,attr"`
	Value    string `xml:",chardata"`
}

type quantity struct {
	UnitCode string `xml:"unitCode,attr"`
	Value    string `xml:",chardata"`
}

type identifier struct {
	Scheme string `xml:"schemeID,attr,omitempty"`
	Value  string `xml:",chardata"`
}

type idOnly struct {
	ID string `xml:"cbc:ID"`
}

type period struct {
	StartDate string `xml:"cbc:StartDate,omitempty"`
	EndDate   string `xml:"cbc:EndDate,omitempty"`
}

type billingRef struct {
	Invoice docRef `xml:"cac:InvoiceDocumentReference"`
}

type docRef struct {
	ID        string `xml:"cbc:ID"`
	IssueDate string `xml:"cbc:IssueDate,omitempty"`
}

type partyWrapper struct {
	Party party `xml:"cac:Party"`
}

type party struct {
	EndpointID  *identifier `xml:"cbc:EndpointID"`
	PartyName   *partyName  `xml:"cac:PartyName"`
	Address     address     `xml:"cac:PostalAddress"`
	TaxSchemes  []partyTax  `xml:"cac:PartyTaxScheme"`
	LegalEntity legalEntity `xml:"cac:PartyLegalEntity"`
}

type partyName struct {
	Name string `xml:"cbc:Name"`
}

type address struct {
	StreetName           string    `xml:"cbc:StreetName,omitempty"`
	AdditionalStreetName string    `xml:"cbc:AdditionalStreetName,omitempty"`
	CityName             string    `xml:"cbc:CityName,omitempty"`
	PostalZone           string    `xml:"cbc:PostalZone,omitempty"`
	CountrySubentity     string    `xml:"cbc:CountrySubentity,omitempty"`
	AddressLine          *lineText `xml:"cac:AddressLine"`
	Country              country   `xml:"cac:Country"`
}

type lineText struct {
	Line string `xml:"cbc:Line"`
}

type country struct {
	Code string `xml:"cbc:IdentificationCode"`
}

type partyTax struct {
	CompanyID string `xml:"cbc:CompanyID"`
	TaxScheme idOnly `xml:"cac:TaxScheme"`
}

type legalEntity struct {
	RegistrationName string      `xml:"cbc:RegistrationName"`
	CompanyID        *identifier `xml:"cbc:CompanyID"`
	CompanyLegalForm string      `xml:"cbc:CompanyLegalForm,omitempty"`
}

type delivery struct {
	ActualDeliveryDate string    `xml:"cbc:ActualDeliveryDate,omitempty"`
	Location           *location `xml:"cac:DeliveryLocation"`
}

type location struct {
	Address address `xml:"cac:Address"`
}

type paymentMeans struct {
	Code           meansCode `xml:"cbc:PaymentMeansCode"`
	DueDate        string    `xml:"cbc:PaymentDueDate,omitempty"`
	PaymentID      string    `xml:"cbc:PaymentID,omitempty"`
	PayerAccount   *idOnly   `xml:"cac:PayerFinancialAccount"`
	PayeeAccount   *account  `xml:"cac:PayeeFinancialAccount"`
	PaymentMandate *mandate  `xml:"cac:PaymentMandate"`
}

type meansCode struct {
	Name  string `xml:"name,attr,omitempty"`
	Value string `xml:",chardata"`
}

type account struct {
	ID     string  `xml:"cbc:ID"`
	Name   string  `xml:"cbc:Name,omitempty"`
	Branch *idOnly `xml:"cac:FinancialInstitutionBranch"`
}

type mandate struct {
	ID           string  `xml:"cbc:ID"`
	PayerAccount *idOnly `xml:"cac:PayerFinancialAccount"`
}

type paymentTerms struct {
	Note string `xml:"cbc:Note"`
}

type allowance struct {
	ChargeIndicator bool         `xml:"cbc:ChargeIndicator"`
	ReasonCode      string       `xml:"cbc:AllowanceChargeReasonCode,omitempty"`
	Reason          string       `xml:"cbc:AllowanceChargeReason,omitempty"`
	Multiplier      string       `xml:"cbc:MultiplierFactorNumeric,omitempty"`
	Amount          amount       `xml:"cbc:Amount"`
	BaseAmount      *amount      `xml:"cbc:BaseAmount"`
	TaxCategory     *taxCategory `xml:"cac:TaxCategory"`
}

type taxCategory struct {
	ID            string `xml:"cbc:ID"`
	Percent       string `xml:"cbc:Percent,omitempty"`
	ExemptionCode string `xml:"cbc:TaxExemptionReasonCode,omitempty"`
	Exemption     string `xml:"cbc:TaxExemptionReason,omitempty"`
	TaxScheme     idOnly `xml:"cac:TaxScheme"`
}

type taxTotal struct {
	TaxAmount amount        `xml:"cbc:TaxAmount"`
	Subtotals []taxSubtotal `xml:"cac:TaxSubtotal"`
}

type taxSubtotal struct {
	TaxableAmount amount      `xml:"cbc:TaxableAmount"`
	TaxAmount     amount      `xml:"cbc:TaxAmount"`
	Category      taxCategory `xml:"cac:TaxCategory"`
}

type monetaryTotal struct {
	LineExtension  amount  `xml:"cbc:LineExtensionAmount"`
	TaxExclusive   amount  `xml:"cbc:TaxExclusiveAmount"`
	TaxInclusive   amount  `xml:"cbc:TaxInclusiveAmount"`
	AllowanceTotal *amount `xml:"cbc:AllowanceTotalAmount"`
	ChargeTotal    *amount `xml:"cbc:ChargeTotalAmount"`
	Prepaid        *amount `xml:"cbc:PrepaidAmount"`
	Rounding       *amount `xml:"cbc:PayableRoundingAmount"`
	Payable        amount  `xml:"cbc:PayableAmount"`
}

type line struct {
	ID               string      `xml:"cbc:ID"`
	InvoicedQuantity *quantity   `xml:"cbc:InvoicedQuantity"`
	CreditedQuantity *quantity   `xml:"cbc:CreditedQuantity"`
	LineExtension    amount      `xml:"cbc:LineExtensionAmount"`
	Period           *period     `xml:"cac:InvoicePeriod"`
	AllowanceCharges []allowance `xml:"cac:AllowanceCharge"`
	Item             item        `xml:"cac:Item"`
	Price            price       `xml:"cac:Price"`
}

type item struct {
	Description string      `xml:"cbc:Description,omitempty"`
	Name        string      `xml:"cbc:Name"`
	BuyersID    *idOnly     `xml:"cac:BuyersItemIdentification"`
	SellersID   *idOnly     `xml:"cac:SellersItemIdentification"`
	StandardID  *standardID `xml:"cac:StandardItemIdentification"`
	TaxCategory taxCategory `xml:"cac:ClassifiedTaxCategory"`
}

type standardID struct {
	ID identifier `xml:"cbc:ID"`
}

type price struct {
	Amount       amount    `xml:"cbc:PriceAmount"`
	BaseQuantity *quantity `xml:"cbc:BaseQuantity"`
}
