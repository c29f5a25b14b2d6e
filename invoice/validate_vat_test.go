package invoice

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/tax"
)

func TestValidateVATCategories(t *testing.T) {
	reverse := func(d *Document) {
		d.Lines[0].VAT, d.Lines[0].ExemptionReason = vat(tax.ReverseCharge, "0"), tax.ExemptionReverseCharge
	}
	runValidationCases(t, []validationCase{
		{"standard rate of zero", func(d *Document) { d.Lines[0].VAT.Rate = dec("0") }, []string{"lines[0].vat.rate BR-S-05"}},
		{"zero rated with a rate", func(d *Document) { d.Lines[0].VAT = vat(tax.ZeroRated, "20") }, []string{"lines[0].vat.rate BR-Z-05"}},
		{"zero rated", func(d *Document) { d.Lines[0].VAT = vat(tax.ZeroRated, "0") }, nil},
		{"exempt without reason", func(d *Document) { d.Lines[0].VAT = vat(tax.Exempt, "0") }, []string{"lines[0].exemption_reason BR-E-10"}},
		{"exempt lines with different reasons", func(d *Document) {
			for i, r := range []tax.ExemptionReason{tax.ExemptionEU132, tax.ExemptionEU143} {
				d.Lines[i].VAT, d.Lines[i].ExemptionReason = vat(tax.Exempt, "0"), r
			}
		}, []string{"lines[1].exemption_reason " + CodeExemptionConflict}},
		{"seller without VAT identifier", func(d *Document) { d.Seller.VATID = "" }, []string{"seller.vat_id BR-S-02"}},
		{"seller with a tax registration only", func(d *Document) { d.Seller.VATID, d.Seller.TaxRegistrationID = "", "FR-TAX-1" }, nil},
		{"allowance at a standard rate of zero", func(d *Document) {
			d.Allowances = []AllowanceCharge{{Amount: amt("1.00 EUR"), Reason: "Remise", VAT: vat(tax.StandardRate, "0")}}
		}, []string{"allowances[0].vat.rate BR-S-06"}},
		{"charge exempt with a rate", func(d *Document) {
			d.Lines[1].VAT, d.Lines[1].ExemptionReason = vat(tax.Exempt, "0"), tax.ExemptionEU132
			d.Charges = []AllowanceCharge{{Amount: amt("1.00 EUR"), Reason: "Port", VAT: vat(tax.Exempt, "5")}}
		}, []string{"charges[0].vat.rate BR-E-07"}},
		{"reverse charge", reverse, nil},
		{"reverse charge without buyer identifiers", func(d *Document) { reverse(d); d.Buyer.LegalID = "" },
			[]string{"buyer.vat_id BR-AE-02"}},
		{"reverse charge without reason", func(d *Document) { reverse(d); d.Lines[0].ExemptionReason = tax.ExemptionReason{} },
			[]string{"lines[0].exemption_reason BR-AE-10"}},
		{"intra-community supply without buyer VAT, delivery or country", func(d *Document) {
			d.Lines[0].VAT, d.Lines[0].ExemptionReason = vat(tax.IntraCommunity, "0"), tax.ExemptionIntraCommunity
			d.Period = date.Range{}
			d.DeliveryDate = issD
		}, []string{"buyer.vat_id BR-IC-02", "deliver_to.country BR-IC-12"}},
		{"intra-community supply without delivery date", func(d *Document) {
			d.Lines[0].VAT, d.Lines[0].ExemptionReason = vat(tax.IntraCommunity, "0"), tax.ExemptionIntraCommunity
			d.Buyer, d.DeliverTo, d.Period = germanBusiness(), Address{Country: "DE"}, date.Range{}
		}, []string{"delivery_date " + CodeFRDelivery, "delivery_date BR-IC-11"}},
		{"export", func(d *Document) {
			d.Lines[0].VAT, d.Lines[0].ExemptionReason = vat(tax.Export, "0"), tax.ExemptionExport
		}, nil},
		{"not subject to VAT mixed with other categories", func(d *Document) {
			d.Lines[0].VAT, d.Lines[0].ExemptionReason = vat(tax.OutsideScope, "0"), tax.ExemptionNotSubject
		}, []string{"seller.vat_id BR-O-02", "vat_breakdown BR-O-11"}},
		{"Canary Islands at zero", func(d *Document) { d.Lines[0].VAT = vat(tax.CanaryIslands, "0") }, nil},
	})
}

func TestValidateDeclaredBreakdown(t *testing.T) {
	tests := []struct {
		name   string
		change func(d *Document)
		want   []string
	}{
		{"not calculated", func(d *Document) { d.VATBreakdown = nil },
			[]string{"vat_breakdown BR-CO-18", "totals.vat BR-CO-14"}},
		{"wrong taxable amount", func(d *Document) { d.VATBreakdown[0].TaxableAmount = amt("150.00 EUR") },
			[]string{"vat_breakdown[0].taxable_amount BR-S-08", "vat_breakdown[0].tax_amount BR-CO-17"}},
		{"wrong tax amount", func(d *Document) { d.VATBreakdown[0].TaxAmount = amt("40.01 EUR") },
			[]string{"vat_breakdown[0].tax_amount BR-S-09", "vat_breakdown[0].tax_amount BR-CO-17", "totals.vat BR-CO-14"}},
		{"breakdown of a rate no line has", func(d *Document) {
			d.VATBreakdown = append(d.VATBreakdown, VATBreakdown{Category: tax.StandardRate, Rate: dec("10"),
				TaxableAmount: amt("0.00 EUR"), TaxAmount: amt("0.00 EUR")})
		}, []string{"vat_breakdown[2] inconsistent"}},
		{"breakdown repeated", func(d *Document) { d.VATBreakdown = append(d.VATBreakdown, d.VATBreakdown[0]) },
			[]string{"vat_breakdown[2] duplicate", "totals.vat BR-CO-14"}},
		{"exemption reason on a standard breakdown", func(d *Document) { d.VATBreakdown[0].ExemptionReason = tax.ExemptionEU132 },
			[]string{"vat_breakdown[0].exemption_reason inconsistent"}},
		{"trailing zeros are no extra decimals", func(d *Document) { d.VATBreakdown[1].TaxAmount = amt("1.100 EUR") }, nil},
		{"breakdown with three decimals", func(d *Document) { d.VATBreakdown[1].TaxAmount = amt("1.101 EUR") },
			[]string{"vat_breakdown[1].tax_amount BR-S-09", "vat_breakdown[1].tax_amount BR-CO-17", "vat_breakdown[1].tax_amount BR-DEC-20", "totals.vat BR-CO-14"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// S 20 %: 200.00 / 40.00; S 5.5 %: 20.00 / 1.10
			d := calculated(t, frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20), item("2", "Livre", "1", "C62", "20.00 EUR", s55)))
			require.NoError(t, d.Validate())
			tt.change(&d)
			assert.Equal(t, tt.want, faults(t, d.Validate()))
		})
	}
}
