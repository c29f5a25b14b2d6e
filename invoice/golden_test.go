package invoice

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"

	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/tax"
)

// Golden invoices: every expected amount below was worked out by hand; the
// arithmetic is in the comments. Rounding is half away from zero unless a
// case says otherwise.

type goldenTotals struct {
	lines, allowances, charges, exclusive, vat, inclusive, prepaid, rounding, due string
}

type goldenCase struct {
	name      string
	doc       func() Document
	lines     []string // BT-131 of each line
	breakdown []string // "category rate%: BT-116 / BT-117"
	totals    goldenTotals
}

var goldenCases = []goldenCase{
	{
		name: "mixed French rates 20, 10, 5.5 and 2.1",
		doc: func() Document {
			return frenchInvoice(
				item("1", "Conseil", "3", "HUR", "120.00 EUR", s20),         // 3 × 120.00 = 360.00
				item("2", "Repas d'équipe", "2", "C62", "45.50 EUR", s10),   // 2 × 45.50 = 91.00
				item("3", "Livres", "4", "C62", "12.35 EUR", s55),           // 4 × 12.35 = 49.40
				item("4", "Abonnement presse", "1", "MON", "9.90 EUR", s21), // 1 × 9.90 = 9.90
			)
		},
		lines: []string{"360.00 EUR", "91.00 EUR", "49.40 EUR", "9.90 EUR"},
		breakdown: []string{
			"S 20%: 360.00 EUR / 72.00 EUR", // 360.00 × 20 % = 72.00
			"S 10%: 91.00 EUR / 9.10 EUR",   // 91.00 × 10 % = 9.10
			"S 5.5%: 49.40 EUR / 2.72 EUR",  // 49.40 × 5.5 % = 2.717 -> 2.72
			"S 2.1%: 9.90 EUR / 0.21 EUR",   // 9.90 × 2.1 % = 0.2079 -> 0.21
		},
		// BT-106 = 360.00 + 91.00 + 49.40 + 9.90 = 510.30
		// BT-110 = 72.00 + 9.10 + 2.72 + 0.21 = 84.03; BT-112 = 510.30 + 84.03 = 594.33
		totals: goldenTotals{"510.30 EUR", "0.00 EUR", "0.00 EUR", "510.30 EUR", "84.03 EUR", "594.33 EUR", "0.00 EUR", "0.00 EUR", "594.33 EUR"},
	},
	{
		name: "line allowances and charges",
		doc: func() Document {
			laptop := item("1", "Ordinateur portable", "2", "C62", "1250.00 EUR", s20)
			// base 2 × 1250.00 = 2500.00; allowance 10 % = 250.00; net 2250.00
			laptop.Allowances = []LineAllowanceCharge{{Percent: dec("10"), Reason: "Remise volume", ReasonCode: "95"}}
			support := item("2", "Support", "12", "MON", "49.99 EUR", s20)
			// 12 × 49.99 = 599.88 − 20.00 + 15.00 = 594.88
			support.Allowances = []LineAllowanceCharge{{Amount: amt("20.00 EUR"), Reason: "Fidélité"}}
			support.Charges = []LineAllowanceCharge{{Amount: amt("15.00 EUR"), Reason: "Mise en service"}}
			// 3 × 7.333 = 21.999 -> 22.00
			cable := item("3", "Câble", "3", "C62", "7.333 EUR", s20)
			return frenchInvoice(laptop, support, cable)
		},
		lines: []string{"2250.00 EUR", "594.88 EUR", "22.00 EUR"},
		// 2250.00 + 594.88 + 22.00 = 2866.88; × 20 % = 573.376 -> 573.38
		breakdown: []string{"S 20%: 2866.88 EUR / 573.38 EUR"},
		totals:    goldenTotals{"2866.88 EUR", "0.00 EUR", "0.00 EUR", "2866.88 EUR", "573.38 EUR", "3440.26 EUR", "0.00 EUR", "0.00 EUR", "3440.26 EUR"},
	},
	{
		name: "document allowances and charges",
		doc: func() Document {
			d := frenchInvoice(
				item("1", "Vin", "6", "C62", "15.00 EUR", s20),     // 90.00
				item("2", "Fromage", "3", "KGM", "23.40 EUR", s55), // 70.20
			)
			d.Allowances = []AllowanceCharge{
				{Percent: dec("10"), Reason: "Offre d'ouverture", VAT: s20}, // 10 % of 90.00 = 9.00
				{Percent: dec("10"), Reason: "Offre d'ouverture", VAT: s55}, // 10 % of 70.20 = 7.02
			}
			d.Charges = []AllowanceCharge{{Amount: amt("12.50 EUR"), Reason: "Livraison", VAT: s20}}
			return d
		},
		lines: []string{"90.00 EUR", "70.20 EUR"},
		breakdown: []string{
			"S 20%: 93.50 EUR / 18.70 EUR", // 90.00 − 9.00 + 12.50 = 93.50; × 20 % = 18.70
			"S 5.5%: 63.18 EUR / 3.47 EUR", // 70.20 − 7.02 = 63.18; × 5.5 % = 3.4749 -> 3.47
		},
		// BT-107 = 9.00 + 7.02 = 16.02; BT-109 = 160.20 − 16.02 + 12.50 = 156.68
		// BT-110 = 18.70 + 3.47 = 22.17; BT-112 = 178.85
		totals: goldenTotals{"160.20 EUR", "16.02 EUR", "12.50 EUR", "156.68 EUR", "22.17 EUR", "178.85 EUR", "0.00 EUR", "0.00 EUR", "178.85 EUR"},
	},
	{
		name: "prices including VAT",
		doc: func() Document {
			d := frenchInvoice(
				item("1", "T-shirt", "2", "C62", "19.99 EUR", s20),   // gross 39.98
				item("2", "Casquette", "1", "C62", "12.00 EUR", s20), // gross 12.00
			)
			d.Buyer, d.Pricing.PricesIncludeVAT = consumer(), true
			return d
		},
		// gross 51.98 ÷ 1.2 = 43.3166 -> 43.32; 43.32 × 20 % = 8.664 -> 8.66; 43.32 + 8.66 = 51.98 exactly
		// line nets: 39.98 ÷ 1.2 = 33.3166 -> 33.32; 12.00 ÷ 1.2 = 10.00; sum 43.32
		lines:     []string{"33.32 EUR", "10.00 EUR"},
		breakdown: []string{"S 20%: 43.32 EUR / 8.66 EUR"},
		totals:    goldenTotals{"43.32 EUR", "0.00 EUR", "0.00 EUR", "43.32 EUR", "8.66 EUR", "51.98 EUR", "0.00 EUR", "0.00 EUR", "51.98 EUR"},
	},
	{
		name: "price including VAT with no exact net",
		doc: func() Document {
			d := frenchInvoice(item("1", "Stylo", "1", "C62", "1.23 EUR", s20))
			d.Buyer, d.Pricing.PricesIncludeVAT = consumer(), true
			return d
		},
		// 1.23 ÷ 1.2 = 1.025 -> 1.03: VAT 0.206 -> 0.21, 1.24; 1.02: VAT 0.204 -> 0.20, 1.22;
		// 1.04: VAT 0.208 -> 0.21, 1.25. No net gives 1.23: net 1.03, VAT 0.21 (BR-CO-17),
		// rounding amount 1.23 − 1.24 = −0.01 so that the amount due is 1.23.
		lines:     []string{"1.03 EUR"},
		breakdown: []string{"S 20%: 1.03 EUR / 0.21 EUR"},
		totals:    goldenTotals{"1.03 EUR", "0.00 EUR", "0.00 EUR", "1.03 EUR", "0.21 EUR", "1.24 EUR", "0.00 EUR", "-0.01 EUR", "1.23 EUR"},
	},
	{
		name: "prices including VAT, mixed rates and a voucher",
		doc: func() Document {
			d := frenchInvoice(
				item("1", "Menu", "2", "C62", "18.50 EUR", s10),             // gross 37.00
				item("2", "Bouteille de vin", "1", "C62", "24.00 EUR", s20), // gross 24.00
				item("3", "Livre de cuisine", "1", "C62", "15.90 EUR", s55), // gross 15.90
			)
			d.Allowances = []AllowanceCharge{{Amount: amt("5.00 EUR"), Reason: "Bon d'achat", VAT: s20}}
			d.Buyer, d.Pricing.PricesIncludeVAT = consumer(), true
			return d
		},
		// S 10: 37.00 ÷ 1.1 = 33.636 -> 33.64, VAT 3.364 -> 3.36, 33.64 + 3.36 = 37.00
		// S 20: 24.00 − 5.00 = 19.00 ÷ 1.2 = 15.833 -> 15.83, VAT 3.166 -> 3.17, sum 19.00;
		//       line 24.00 ÷ 1.2 = 20.00, voucher 5.00 ÷ 1.2 = 4.1666 -> 4.17, 20.00 − 4.17 = 15.83
		// S 5.5: 15.90 ÷ 1.055 = 15.0711 -> 15.07, VAT 0.82885 -> 0.83, sum 15.90
		lines: []string{"33.64 EUR", "20.00 EUR", "15.07 EUR"},
		breakdown: []string{
			"S 10%: 33.64 EUR / 3.36 EUR",
			"S 20%: 15.83 EUR / 3.17 EUR",
			"S 5.5%: 15.07 EUR / 0.83 EUR",
		},
		// BT-106 = 33.64 + 20.00 + 15.07 = 68.71; BT-109 = 68.71 − 4.17 = 64.54
		// BT-110 = 3.36 + 3.17 + 0.83 = 7.36; BT-112 = 71.90 = 37.00 + 24.00 + 15.90 − 5.00
		totals: goldenTotals{"68.71 EUR", "4.17 EUR", "0.00 EUR", "64.54 EUR", "7.36 EUR", "71.90 EUR", "0.00 EUR", "0.00 EUR", "71.90 EUR"},
	},
	{
		name: "reverse charge",
		doc: func() Document {
			l := item("1", "Développement logiciel", "10", "DAY", "650.00 EUR", vat(tax.ReverseCharge, "0"))
			l.ExemptionReason = tax.ExemptionReverseCharge
			d := frenchInvoice(l)
			d.Buyer = germanBusiness()
			return d
		},
		lines:     []string{"6500.00 EUR"}, // 10 × 650.00
		breakdown: []string{"AE 0%: 6500.00 EUR / 0.00 EUR VATEX-EU-AE"},
		totals:    goldenTotals{"6500.00 EUR", "0.00 EUR", "0.00 EUR", "6500.00 EUR", "0.00 EUR", "6500.00 EUR", "0.00 EUR", "0.00 EUR", "6500.00 EUR"},
	},
	{
		name: "exempt with reason",
		doc: func() Document {
			exempt := vat(tax.Exempt, "0")
			course := item("1", "Formation", "2", "DAY", "400.00 EUR", exempt)       // 800.00
			books := item("2", "Supports de cours", "5", "C62", "18.00 EUR", exempt) // 90.00
			course.ExemptionReason, books.ExemptionReason = tax.ExemptionFRFranchise, tax.ExemptionFRFranchise
			d := frenchInvoice(course, books)
			// A small business under the franchise has no VAT number (BR-E-02
			// accepts a tax registration identifier).
			d.Seller.VATID, d.Seller.TaxRegistrationID = "", "732829320"
			return d
		},
		lines:     []string{"800.00 EUR", "90.00 EUR"},
		breakdown: []string{"E 0%: 890.00 EUR / 0.00 EUR VATEX-FR-FRANCHISE"},
		totals:    goldenTotals{"890.00 EUR", "0.00 EUR", "0.00 EUR", "890.00 EUR", "0.00 EUR", "890.00 EUR", "0.00 EUR", "0.00 EUR", "890.00 EUR"},
	},
	{
		name: "intra-community supply",
		doc: func() Document {
			l := item("1", "Pompe hydraulique", "40", "C62", "37.50 EUR", vat(tax.IntraCommunity, "0"))
			l.ExemptionReason = tax.ExemptionIntraCommunity
			d := frenchInvoice(l)
			d.Buyer = germanBusiness()
			d.DeliverTo = Address{City: "Stuttgart", Country: "DE"}
			return d
		},
		lines:     []string{"1500.00 EUR"}, // 40 × 37.50
		breakdown: []string{"K 0%: 1500.00 EUR / 0.00 EUR VATEX-EU-IC"},
		totals:    goldenTotals{"1500.00 EUR", "0.00 EUR", "0.00 EUR", "1500.00 EUR", "0.00 EUR", "1500.00 EUR", "0.00 EUR", "0.00 EUR", "1500.00 EUR"},
	},
	{
		name: "zero-decimal currency JPY",
		doc: func() Document {
			s8 := vat(tax.StandardRate, "8")
			return japaneseInvoice(
				item("1", "Tea set", "3", "C62", "4980 JPY", vat(tax.StandardRate, "10")), // 14940
				item("2", "Green tea", "7", "C62", "1296 JPY", s8),                        // 9072
				item("3", "Rice", "2.5", "KGM", "1111 JPY", s8),                           // 2777.5 -> 2778
			)
		},
		lines: []string{"14940 JPY", "9072 JPY", "2778 JPY"},
		breakdown: []string{
			"S 10%: 14940 JPY / 1494 JPY", // 14940 × 10 % = 1494
			"S 8%: 11850 JPY / 948 JPY",   // 9072 + 2778 = 11850; × 8 % = 948
		},
		// BT-106 = 14940 + 11850 = 26790; BT-110 = 1494 + 948 = 2442; BT-112 = 29232
		totals: goldenTotals{"26790 JPY", "0 JPY", "0 JPY", "26790 JPY", "2442 JPY", "29232 JPY", "0 JPY", "0 JPY", "29232 JPY"},
	},
	{
		name: "three-decimal currency KWD",
		doc: func() Document {
			s5 := vat(tax.StandardRate, "5")
			return kuwaitiInvoice(
				item("1", "Router", "3", "C62", "12.345 KWD", s5),       // 37.035
				item("2", "Installation", "7", "HUR", "1.2345 KWD", s5), // 8.6415 -> 8.642
			)
		},
		lines: []string{"37.035 KWD", "8.642 KWD"},
		// 37.035 + 8.642 = 45.677; × 5 % = 2.28385 -> 2.284; BT-112 = 47.961
		breakdown: []string{"S 5%: 45.677 KWD / 2.284 KWD"},
		totals:    goldenTotals{"45.677 KWD", "0.000 KWD", "0.000 KWD", "45.677 KWD", "2.284 KWD", "47.961 KWD", "0.000 KWD", "0.000 KWD", "47.961 KWD"},
	},
	{
		name: "rounding per breakdown",
		doc: func() Document {
			return frenchInvoice(
				item("1", "Badge", "1", "C62", "10.07 EUR", s20),
				item("2", "Badge", "1", "C62", "10.07 EUR", s20),
				item("3", "Badge", "1", "C62", "10.07 EUR", s20),
			)
		},
		lines:     []string{"10.07 EUR", "10.07 EUR", "10.07 EUR"},
		breakdown: []string{"S 20%: 30.21 EUR / 6.04 EUR"}, // 30.21 × 20 % = 6.042 -> 6.04
		totals:    goldenTotals{"30.21 EUR", "0.00 EUR", "0.00 EUR", "30.21 EUR", "6.04 EUR", "36.25 EUR", "0.00 EUR", "0.00 EUR", "36.25 EUR"},
	},
	{
		name: "rounding per line",
		doc: func() Document {
			d := frenchInvoice(
				item("1", "Badge", "1", "C62", "10.07 EUR", s20),
				item("2", "Badge", "1", "C62", "10.07 EUR", s20),
				item("3", "Badge", "1", "C62", "10.07 EUR", s20),
			)
			d.Pricing.Rounding = RoundPerLine
			return d
		},
		lines:     []string{"10.07 EUR", "10.07 EUR", "10.07 EUR"},
		breakdown: []string{"S 20%: 30.21 EUR / 6.03 EUR"}, // 3 × (10.07 × 20 % = 2.014 -> 2.01) = 6.03
		totals:    goldenTotals{"30.21 EUR", "0.00 EUR", "0.00 EUR", "30.21 EUR", "6.03 EUR", "36.24 EUR", "0.00 EUR", "0.00 EUR", "36.24 EUR"},
	},
	{
		name: "base quantity, deposit and half-even rounding",
		doc: func() Document {
			screws := item("1", "Vis inox", "2500", "C62", "4.90 EUR", s20)
			screws.BaseQuantity = decimal.NewNullDecimal(dec("100"))          // 2500 × 4.90 ÷ 100 = 122.50
			labour := item("2", "Main d'œuvre", "3", "HUR", "55.00 EUR", s20) // 165.00
			bolts := item("3", "Boulons", "1", "C62", "0.125 EUR", s20)       // 0.125 -> 0.12 (half even)
			d := frenchInvoice(screws, labour, bolts)
			d.PaidAmount = amt("100.00 EUR")
			d.Pricing.RoundingMode = money.RoundHalfEven
			return d
		},
		lines: []string{"122.50 EUR", "165.00 EUR", "0.12 EUR"},
		// 287.62 × 20 % = 57.524 -> 57.52; BT-112 = 345.14; BT-115 = 345.14 − 100.00 = 245.14
		breakdown: []string{"S 20%: 287.62 EUR / 57.52 EUR"},
		totals:    goldenTotals{"287.62 EUR", "0.00 EUR", "0.00 EUR", "287.62 EUR", "57.52 EUR", "345.14 EUR", "100.00 EUR", "0.00 EUR", "245.14 EUR"},
	},
}

func japaneseInvoice(lines ...Line) Document {
	return Document{
		Type: TypeCommercialInvoice, Number: "JP-1", IssueDate: issD, DueDate: dueD, Currency: money.JPY,
		Seller: Party{Name: "Kyoto Crafts KK", VATID: "JPT1234567890123", Address: Address{City: "Kyoto", Country: "JP"}},
		Buyer:  Party{Name: "Osaka Trading KK", Business: true, Address: Address{City: "Osaka", Country: "JP"}},
		Lines:  lines,
	}
}

func kuwaitiInvoice(lines ...Line) Document {
	return Document{
		Type: TypeCommercialInvoice, Number: "KW-1", IssueDate: issD, DueDate: dueD, Currency: money.KWD,
		Seller: Party{Name: "Gulf Networks WLL", VATID: "KW300012345", Address: Address{City: "Kuwait City", Country: "KW"}},
		Buyer:  Party{Name: "Salmiya Stores", Business: true, Address: Address{City: "Salmiya", Country: "KW"}},
		Lines:  lines,
	}
}

func breakdownStrings(d Document) []string {
	out := make([]string, len(d.VATBreakdown))
	for i, b := range d.VATBreakdown {
		out[i] = fmt.Sprintf("%s %s%%: %s / %s", b.Category, b.Rate, b.TaxableAmount, b.TaxAmount)
		if b.ExemptionReason != (tax.ExemptionReason{}) {
			out[i] += " " + b.ExemptionReason.Code
		}
	}
	return out
}

func totalsOf(t Totals) goldenTotals {
	return goldenTotals{t.LineTotal.String(), t.AllowanceTotal.String(), t.ChargeTotal.String(), t.TaxExclusive.String(),
		t.VAT.String(), t.TaxInclusive.String(), t.Prepaid.String(), t.Rounding.String(), t.Due.String()}
}

func TestGoldenInvoices(t *testing.T) {
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			doc := calculated(t, c.doc())
			nets := make([]string, len(doc.Lines))
			for i, l := range doc.Lines {
				nets[i] = l.NetAmount.String()
			}
			assert.Equal(t, c.lines, nets, "line net amounts (BT-131)")
			assert.Equal(t, c.breakdown, breakdownStrings(doc), "VAT breakdown (BG-23)")
			assert.Equal(t, c.totals, totalsOf(doc.Totals), "totals (BG-22)")
			assert.NoError(t, doc.Validate())
		})
	}
}
