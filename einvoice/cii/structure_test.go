package cii_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/einvoice/cii"
	"github.com/billkit/billkit/einvoice/internal/testdocs"
)

const (
	rsm = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
	udt = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
	qdt = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"
)

type dateString struct {
	XMLName xml.Name
	Format  string `xml:"format,attr"`
	Value   string `xml:",chardata"`
}

type udtDate struct {
	S dateString `xml:"urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100 DateTimeString"`
}

// parsed reads back the terms the structure tests check. Its tags name the
// namespaces, so elements in a wrong namespace read as empty.
type parsed struct {
	XMLName xml.Name
	Context struct {
		Guideline string `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 GuidelineSpecifiedDocumentContextParameter>ID"`
	} `xml:"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100 ExchangedDocumentContext"`
	Header struct {
		ID        string   `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 ID"`
		TypeCode  string   `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 TypeCode"`
		IssueDate udtDate  `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 IssueDateTime"`
		Subjects  []string `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 IncludedNote>SubjectCode"`
	} `xml:"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100 ExchangedDocument"`
	Transaction struct {
		LineIDs    []string `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 IncludedSupplyChainTradeLineItem>AssociatedDocumentLineDocument>LineID"`
		SellerIDs  []string `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 IncludedSupplyChainTradeLineItem>SpecifiedTradeProduct>SellerAssignedID"`
		SellerName string   `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 ApplicableHeaderTradeAgreement>SellerTradeParty>Name"`
		SellerVAT  string   `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 ApplicableHeaderTradeAgreement>SellerTradeParty>SpecifiedTaxRegistration>ID"`
		Settlement struct {
			Exemptions []string `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 ApplicableTradeTax>ExemptionReason"`
			DueDate    udtDate  `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 SpecifiedTradePaymentTerms>DueDateDateTime"`
			Preceding  []struct {
				ID   string `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 IssuerAssignedID"`
				Date struct {
					S dateString `xml:"urn:un:unece:uncefact:data:standard:QualifiedDataType:100 DateTimeString"`
				} `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 FormattedIssueDateTime"`
			} `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 InvoiceReferencedDocument"`
		} `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 ApplicableHeaderTradeSettlement"`
	} `xml:"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100 SupplyChainTradeTransaction"`
}

func parse(t *testing.T, data []byte) parsed {
	t.Helper()
	var p parsed
	require.NoError(t, xml.Unmarshal(data, &p))
	return p
}

// TestWellFormed reads every token of every golden document.
func TestWellFormed(t *testing.T) {
	for _, c := range testdocs.Cases(t) {
		data, err := cii.Marshal(c.Doc, c.Opts...)
		require.NoError(t, err)
		dec := xml.NewDecoder(bytes.NewReader(data))
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			require.NoError(t, err, c.Name)
		}
	}
}

func TestInvoiceStructure(t *testing.T) {
	c := testdocs.Standard(t)
	data, err := cii.Marshal(c.Doc, c.Opts...)
	require.NoError(t, err)
	p := parse(t, data)
	assert.Equal(t, xml.Name{Space: rsm, Local: "CrossIndustryInvoice"}, p.XMLName)
	assert.Equal(t, "urn:cen.eu:en16931:2017", p.Context.Guideline)
	assert.Equal(t, "F2026-000042", p.Header.ID)
	assert.Equal(t, "380", p.Header.TypeCode)
	assert.Equal(t, dateString{xml.Name{Space: udt, Local: "DateTimeString"}, "102", "20260302"}, p.Header.IssueDate.S)
	assert.Equal(t, []string{"PMD", "PMT", "AAB"}, p.Header.Subjects)
	tx := p.Transaction
	assert.Equal(t, []string{"1"}, tx.LineIDs)
	assert.Equal(t, []string{"DEV-DAY"}, tx.SellerIDs)
	assert.Equal(t, "Atelier Numérique SAS", tx.SellerName)
	assert.Equal(t, "FR44732829320", tx.SellerVAT)
	assert.Equal(t, "20260401", tx.Settlement.DueDate.S.Value)
}

func TestCreditNoteStructure(t *testing.T) {
	inv, cn := testdocs.Issued(t)
	data, err := cii.MarshalInvoice(cn)
	require.NoError(t, err)
	p := parse(t, data)
	assert.Equal(t, "381", p.Header.TypeCode)
	assert.Equal(t, "AV2026-000001", p.Header.ID)
	require.Len(t, p.Transaction.Settlement.Preceding, 1)
	ref := p.Transaction.Settlement.Preceding[0]
	assert.Equal(t, inv.Number(), ref.ID)
	assert.Equal(t, dateString{xml.Name{Space: qdt, Local: "DateTimeString"}, "102", "20260227"}, ref.Date.S)
}

func TestExemptionReasons(t *testing.T) {
	for _, c := range []testdocs.Case{testdocs.ReverseCharge(t), testdocs.Exempt(t)} {
		data, err := cii.Marshal(c.Doc, c.Opts...)
		require.NoError(t, err)
		want := c.Doc.VATBreakdown[0].ExemptionReason.Text
		assert.Equal(t, []string{want}, parse(t, data).Transaction.Settlement.Exemptions, c.Name)
	}
}
