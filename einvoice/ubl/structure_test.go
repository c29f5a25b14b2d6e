package ubl_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/einvoice/internal/testdocs"
	"github.com/billkit/billkit/einvoice/ubl"
)

// parsed reads back the terms the structure tests check. Its tags name the
// namespaces, so elements in a wrong namespace read as empty.
type parsed struct {
	XMLName         xml.Name
	CustomizationID string   `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 CustomizationID"`
	ID              string   `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 ID"`
	IssueDate       string   `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 IssueDate"`
	DueDate         string   `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 DueDate"`
	InvoiceType     string   `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 InvoiceTypeCode"`
	CreditNoteType  string   `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 CreditNoteTypeCode"`
	Notes           []string `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 Note"`
	Billing         []struct {
		ID string `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 ID"`
	} `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2 BillingReference>InvoiceDocumentReference"`
	Seller     legalEntity `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2 AccountingSupplierParty>Party>PartyLegalEntity"`
	Buyer      legalEntity `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2 AccountingCustomerParty>Party>PartyLegalEntity"`
	Categories []struct {
		Exemption string `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 TaxExemptionReason"`
	} `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2 TaxTotal>TaxSubtotal>TaxCategory"`
	PaymentMeans []struct {
		DueDate string `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 PaymentDueDate"`
	} `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2 PaymentMeans"`
	InvoiceLines    []parsedLine `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2 InvoiceLine"`
	CreditNoteLines []parsedLine `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2 CreditNoteLine"`
}

type legalEntity struct {
	Name      string `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 RegistrationName"`
	CompanyID struct {
		Scheme string `xml:"schemeID,attr"`
		Value  string `xml:",chardata"`
	} `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 CompanyID"`
}

type parsedLine struct {
	ID        string `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 ID"`
	SellerSKU struct {
		ID string `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 ID"`
	} `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2 Item>SellersItemIdentification"`
}

func lineIDs(lines []parsedLine) (ids, skus []string) {
	for _, l := range lines {
		ids, skus = append(ids, l.ID), append(skus, l.SellerSKU.ID)
	}
	return ids, skus
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
		data, err := ubl.Marshal(c.Doc, c.Opts...)
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
	data, err := ubl.Marshal(c.Doc, c.Opts...)
	require.NoError(t, err)
	p := parse(t, data)
	assert.Equal(t, xml.Name{Space: ubl.NamespaceInvoice, Local: "Invoice"}, p.XMLName)
	assert.Equal(t, "urn:cen.eu:en16931:2017", p.CustomizationID)
	assert.Equal(t, "F2026-000042", p.ID)
	assert.Equal(t, "2026-03-02", p.IssueDate)
	assert.Equal(t, "2026-04-01", p.DueDate)
	assert.Equal(t, "380", p.InvoiceType)
	assert.Equal(t, "Atelier Numérique SAS", p.Seller.Name)
	assert.Equal(t, "0002", p.Seller.CompanyID.Scheme)
	assert.Equal(t, "732829320", p.Seller.CompanyID.Value)
	assert.Equal(t, "Boulangerie Martin SARL", p.Buyer.Name)
	assert.Contains(t, p.Notes, "#AAB#Pas d'escompte pour paiement anticipé.")
	ids, skus := lineIDs(p.InvoiceLines)
	assert.Equal(t, []string{"1"}, ids)
	assert.Equal(t, []string{"DEV-DAY"}, skus)
}

func TestCreditNoteStructure(t *testing.T) {
	inv, cn := testdocs.Issued(t)
	doc := cn.Document()
	doc.DueDate = testdocs.DueDate
	data, err := ubl.Marshal(doc, testdocs.CreditNote(t).Opts...)
	require.NoError(t, err)
	p := parse(t, data)
	assert.Equal(t, xml.Name{Space: ubl.NamespaceCreditNote, Local: "CreditNote"}, p.XMLName)
	assert.Equal(t, "381", p.CreditNoteType)
	assert.Empty(t, p.InvoiceType)
	assert.Empty(t, p.DueDate, "a UBL 2.1 credit note has no DueDate element")
	require.Len(t, p.PaymentMeans, 1)
	assert.Equal(t, "2026-04-01", p.PaymentMeans[0].DueDate, "its due date goes to the payment means")
	require.Len(t, p.Billing, 1)
	assert.Equal(t, inv.Number(), p.Billing[0].ID)
	ids, _ := lineIDs(p.CreditNoteLines)
	assert.Equal(t, []string{"1"}, ids)
	assert.Empty(t, p.InvoiceLines)

	direct, err := ubl.MarshalInvoice(cn)
	require.NoError(t, err)
	assert.Equal(t, "AV2026-000001", parse(t, direct).ID)
}

func TestExemptionReasons(t *testing.T) {
	for _, c := range []testdocs.Case{testdocs.ReverseCharge(t), testdocs.Exempt(t)} {
		data, err := ubl.Marshal(c.Doc, c.Opts...)
		require.NoError(t, err)
		want := c.Doc.VATBreakdown[0].ExemptionReason.Text
		cats := parse(t, data).Categories
		require.Len(t, cats, 1)
		assert.Equal(t, want, cats[0].Exemption, c.Name)
	}
}
