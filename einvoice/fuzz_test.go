package einvoice_test

import (
	"encoding/xml"
	"errors"
	"testing"

	"github.com/billkit/billkit/einvoice"
	"github.com/billkit/billkit/einvoice/cii"
	"github.com/billkit/billkit/einvoice/internal/testdocs"
	"github.com/billkit/billkit/einvoice/ubl"
	"github.com/billkit/billkit/invoice"
)

// names read back the seller name and the first note of either syntax.
type ublNames struct {
	Note   []string `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 Note"`
	Seller struct {
		Name string `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 RegistrationName"`
	} `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2 AccountingSupplierParty>Party>PartyLegalEntity"`
}

type ciiNames struct {
	Header struct {
		Note []string `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 IncludedNote>Content"`
	} `xml:"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100 ExchangedDocument"`
	Transaction struct {
		Seller string `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 ApplicableHeaderTradeAgreement>SellerTradeParty>Name"`
	} `xml:"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100 SupplyChainTradeTransaction"`
}

// FuzzTextRoundTrip puts arbitrary text in the seller name and a note:
// either the export is refused with an *einvoice.ExportError, or the XML
// parses back and carries exactly that text, in both syntaxes.
func FuzzTextRoundTrip(f *testing.F) {
	for _, s := range []string{"Atelier Numérique SAS", "A & B <C> \"D\" 'E'", "]]>", "tab\there", "cr\rlf\n", "\x00", "caf\xe9", "\uFFFE", "🥐"} {
		f.Add(s)
	}
	base := testdocs.Standard(f).Doc
	f.Fuzz(func(t *testing.T, s string) {
		doc := base.Clone()
		doc.Seller.Name = s
		doc.Notes = []invoice.Note{{Text: s}}
		u, uerr := ubl.Marshal(doc)
		x, xerr := cii.Marshal(doc)
		var exp *einvoice.ExportError
		if uerr != nil || xerr != nil {
			if !errors.As(uerr, &exp) || !errors.As(xerr, &exp) {
				t.Fatalf("want export errors from both syntaxes, got %v and %v", uerr, xerr)
			}
			return
		}
		var un ublNames
		if err := xml.Unmarshal(u, &un); err != nil {
			t.Fatalf("UBL does not parse: %v", err)
		}
		var cn ciiNames
		if err := xml.Unmarshal(x, &cn); err != nil {
			t.Fatalf("CII does not parse: %v", err)
		}
		if un.Seller.Name != s || cn.Transaction.Seller != s || len(un.Note) == 0 || un.Note[0] != s || len(cn.Header.Note) == 0 || cn.Header.Note[0] != s {
			t.Fatalf("text %q read back as UBL %q / %q, CII %q / %q", s, un.Seller.Name, un.Note, cn.Transaction.Seller, cn.Header.Note)
		}
	})
}
