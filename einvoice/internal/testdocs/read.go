package testdocs

import (
	"encoding/xml"

	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
)

// Summary is what the tests compare between a document and its XML: the
// totals (BG-22), the VAT breakdown (BG-23) and the line net amounts
// (BT-131), as the text of the XML. Absent optional totals read as zero at
// the currency's precision.
type Summary struct {
	Currency                                                  string
	LineTotal, AllowanceTotal, ChargeTotal, TaxExclusive, VAT string
	TaxInclusive, Prepaid, Rounding, Due                      string
	Breakdown                                                 []Breakdown
	LineNets                                                  []string
}

// Breakdown is one VAT breakdown of a Summary.
type Breakdown struct {
	Category, Rate, Taxable, Tax, ExemptionCode string
}

// Expected returns the summary of doc, formatted independently of the writers.
func Expected(doc invoice.Document) Summary {
	cur := doc.Currency
	f := func(a money.Amount) string { return a.Number().StringFixed(int32(cur.Digits())) }
	t := doc.Totals
	s := Summary{
		Currency: cur.Code(), LineTotal: f(t.LineTotal), AllowanceTotal: f(t.AllowanceTotal), ChargeTotal: f(t.ChargeTotal),
		TaxExclusive: f(t.TaxExclusive), VAT: f(t.VAT), TaxInclusive: f(t.TaxInclusive), Prepaid: f(t.Prepaid),
		Rounding: f(t.Rounding), Due: f(t.Due),
	}
	for _, b := range doc.VATBreakdown {
		rate := ""
		if b.Category.HasRate() {
			rate = b.Rate.String()
		}
		s.Breakdown = append(s.Breakdown, Breakdown{string(b.Category), rate, f(b.TaxableAmount), f(b.TaxAmount), b.ExemptionReason.Code})
	}
	for _, l := range doc.Lines {
		s.LineNets = append(s.LineNets, f(l.NetAmount))
	}
	return s
}

// ublDoc reads the totals of a UBL Invoice or CreditNote; its tags name the
// namespaces, so a document with wrong namespaces reads as empty.
type ublDoc struct {
	Currency string `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 DocumentCurrencyCode"`
	TaxTotal struct {
		TaxAmount string `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 TaxAmount"`
		Subtotals []struct {
			Taxable  string `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 TaxableAmount"`
			Tax      string `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 TaxAmount"`
			Category struct {
				ID            string `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 ID"`
				Percent       string `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 Percent"`
				ExemptionCode string `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 TaxExemptionReasonCode"`
			} `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2 TaxCategory"`
		} `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2 TaxSubtotal"`
	} `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2 TaxTotal"`
	Totals struct {
		LineExtension  string `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 LineExtensionAmount"`
		TaxExclusive   string `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 TaxExclusiveAmount"`
		TaxInclusive   string `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 TaxInclusiveAmount"`
		AllowanceTotal string `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 AllowanceTotalAmount"`
		ChargeTotal    string `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 ChargeTotalAmount"`
		Prepaid        string `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 PrepaidAmount"`
		Rounding       string `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 PayableRoundingAmount"`
		Payable        string `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 PayableAmount"`
	} `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2 LegalMonetaryTotal"`
	InvoiceLines    []ublLine `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2 InvoiceLine"`
	CreditNoteLines []ublLine `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2 CreditNoteLine"`
}

type ublLine struct {
	Net string `xml:"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2 LineExtensionAmount"`
}

// ReadUBL reads the summary of a UBL document.
func ReadUBL(t T, data []byte) Summary {
	t.Helper()
	var d ublDoc
	require.NoError(t, xml.Unmarshal(data, &d))
	z := zeroOf(t, d.Currency)
	tt := d.Totals
	s := Summary{
		Currency: d.Currency, LineTotal: tt.LineExtension, AllowanceTotal: or(tt.AllowanceTotal, z), ChargeTotal: or(tt.ChargeTotal, z),
		TaxExclusive: tt.TaxExclusive, VAT: d.TaxTotal.TaxAmount, TaxInclusive: tt.TaxInclusive,
		Prepaid: or(tt.Prepaid, z), Rounding: or(tt.Rounding, z), Due: tt.Payable,
	}
	for _, b := range d.TaxTotal.Subtotals {
		s.Breakdown = append(s.Breakdown, Breakdown{b.Category.ID, b.Category.Percent, b.Taxable, b.Tax, b.Category.ExemptionCode})
	}
	for _, l := range append(d.InvoiceLines, d.CreditNoteLines...) {
		s.LineNets = append(s.LineNets, l.Net)
	}
	return s
}

// ciiDoc reads the totals of a CrossIndustryInvoice.
type ciiDoc struct {
	Transaction struct {
		Lines []struct {
			Net string `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 SpecifiedLineTradeSettlement>SpecifiedTradeSettlementLineMonetarySummation>LineTotalAmount"`
		} `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 IncludedSupplyChainTradeLineItem"`
		Settlement struct {
			Currency string `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 InvoiceCurrencyCode"`
			Taxes    []struct {
				Calculated    string `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 CalculatedAmount"`
				Basis         string `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 BasisAmount"`
				Category      string `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 CategoryCode"`
				ExemptionCode string `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 ExemptionReasonCode"`
				Rate          string `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 RateApplicablePercent"`
			} `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 ApplicableTradeTax"`
			Sum struct {
				LineTotal      string `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 LineTotalAmount"`
				ChargeTotal    string `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 ChargeTotalAmount"`
				AllowanceTotal string `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 AllowanceTotalAmount"`
				TaxBasis       string `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 TaxBasisTotalAmount"`
				TaxTotal       string `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 TaxTotalAmount"`
				Rounding       string `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 RoundingAmount"`
				GrandTotal     string `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 GrandTotalAmount"`
				Prepaid        string `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 TotalPrepaidAmount"`
				Due            string `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 DuePayableAmount"`
			} `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 SpecifiedTradeSettlementHeaderMonetarySummation"`
		} `xml:"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100 ApplicableHeaderTradeSettlement"`
	} `xml:"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100 SupplyChainTradeTransaction"`
}

// ReadCII reads the summary of a CrossIndustryInvoice.
func ReadCII(t T, data []byte) Summary {
	t.Helper()
	var d ciiDoc
	require.NoError(t, xml.Unmarshal(data, &d))
	st := d.Transaction.Settlement
	z := zeroOf(t, st.Currency)
	m := st.Sum
	s := Summary{
		Currency: st.Currency, LineTotal: m.LineTotal, AllowanceTotal: or(m.AllowanceTotal, z), ChargeTotal: or(m.ChargeTotal, z),
		TaxExclusive: m.TaxBasis, VAT: m.TaxTotal, TaxInclusive: m.GrandTotal,
		Prepaid: or(m.Prepaid, z), Rounding: or(m.Rounding, z), Due: m.Due,
	}
	for _, b := range st.Taxes {
		s.Breakdown = append(s.Breakdown, Breakdown{b.Category, b.Rate, b.Basis, b.Calculated, b.ExemptionCode})
	}
	for _, l := range d.Transaction.Lines {
		s.LineNets = append(s.LineNets, l.Net)
	}
	return s
}

func zeroOf(t T, code string) string {
	t.Helper()
	cur, err := money.ParseCurrency(code)
	require.NoError(t, err)
	return money.Zero(cur).Number().StringFixed(int32(cur.Digits()))
}

func or(s, zero string) string {
	if s == "" {
		return zero
	}
	return s
}
