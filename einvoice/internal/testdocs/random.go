package testdocs

import (
	"strconv"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/tax"
)

// Random draws a calculated invoice from a French seller to a German
// business: 1 to 10 lines in EUR, JPY or KWD, at several VAT categories and
// rates, with or without prices including VAT, with line and document
// level allowances and charges, a paid amount and a rounding amount. The
// document may break a rule (a per-line rounding that BR-CO-17 refuses,
// say); the tests check that such a document is refused.
func Random(t *rapid.T) invoice.Document {
	cur := rapid.SampledFrom([]money.Currency{money.EUR, money.JPY, money.KWD}).Draw(t, "currency")
	minor := func(lo, hi int64, label string) money.Amount {
		return money.FromMinor(rapid.Int64Range(lo, hi).Draw(t, label), cur)
	}
	doc := FrenchInvoice()
	doc.Currency, doc.Buyer = cur, GermanBuyer()
	doc.DeliverTo = invoice.Address{City: "Stuttgart", Country: "DE"}
	doc.Pricing = invoice.Pricing{
		PricesIncludeVAT: rapid.Bool().Draw(t, "inclusive"),
		Rounding:         rapid.SampledFrom([]invoice.RoundingPolicy{invoice.RoundPerBreakdown, invoice.RoundPerLine}).Draw(t, "policy"),
		RoundingMode:     rapid.SampledFrom(money.RoundingModes()).Draw(t, "mode"),
	}
	n := rapid.IntRange(1, 10).Draw(t, "lines")
	for i := range n {
		at := "line" + strconv.Itoa(i)
		v, reason := randomVAT(t, at)
		qty := decimal.New(rapid.Int64Range(1, 50000).Draw(t, at+".qty"), -rapid.Int32Range(0, 3).Draw(t, at+".qty.scale"))
		price := decimal.New(rapid.Int64Range(0, 5_000_000).Draw(t, at+".price"), -rapid.Int32Range(0, int32(cur.Digits())+2).Draw(t, at+".price.scale"))
		l := invoice.Line{
			ID: strconv.Itoa(i + 1), Name: "Item " + strconv.Itoa(i+1), Quantity: qty, UnitCode: "C62",
			UnitPrice: money.New(price, cur), VAT: v, ExemptionReason: reason,
		}
		if rapid.Bool().Draw(t, at+".negative") {
			l.Quantity = l.Quantity.Neg()
		}
		if rapid.Bool().Draw(t, at+".base") {
			l.BaseQuantity = decimal.NewNullDecimal(decimal.NewFromInt(rapid.SampledFrom([]int64{1, 3, 12, 100}).Draw(t, at+".base.qty")))
		}
		switch rapid.IntRange(0, 3).Draw(t, at+".adjust") {
		case 1:
			l.Allowances = []invoice.LineAllowanceCharge{{Percent: decimal.NewFromInt(rapid.Int64Range(1, 50).Draw(t, at+".pct")), Reason: "Discount"}}
		case 2:
			l.Charges = []invoice.LineAllowanceCharge{{Amount: minor(0, 5000, at+".charge"), Reason: "Handling", ReasonCode: "ABL"}}
		case 3:
			l.Allowances = []invoice.LineAllowanceCharge{{Amount: minor(0, 5000, at+".allowance"), Reason: "Voucher"}}
		}
		doc.Lines = append(doc.Lines, l)
	}
	for i := range rapid.IntRange(0, 2).Draw(t, "allowances") {
		l := doc.Lines[rapid.IntRange(0, n-1).Draw(t, "allowance.line"+strconv.Itoa(i))]
		a := invoice.AllowanceCharge{Reason: "Global discount", ReasonCode: "95", VAT: l.VAT}
		if rapid.Bool().Draw(t, "allowance.pct"+strconv.Itoa(i)) {
			a.Percent = decimal.NewFromInt(rapid.Int64Range(1, 15).Draw(t, "allowance.percent"+strconv.Itoa(i)))
		} else {
			a.Amount = minor(0, 10000, "allowance.amount"+strconv.Itoa(i))
		}
		doc.Allowances = append(doc.Allowances, a)
	}
	for i := range rapid.IntRange(0, 2).Draw(t, "charges") {
		l := doc.Lines[rapid.IntRange(0, n-1).Draw(t, "charge.line"+strconv.Itoa(i))]
		doc.Charges = append(doc.Charges, invoice.AllowanceCharge{Amount: minor(0, 10000, "charge.amount"+strconv.Itoa(i)), Reason: "Delivery", VAT: l.VAT})
	}
	doc.PaidAmount = minor(0, 100000, "paid")
	doc.RoundingAmount = minor(-5, 5, "rounding")
	if err := doc.Calculate(); err != nil {
		t.Fatalf("calculate: %v", err)
	}
	return doc
}

// randomVAT draws the VAT of a line with its exemption reason.
func randomVAT(t *rapid.T, at string) (invoice.VAT, tax.ExemptionReason) {
	switch rapid.IntRange(0, 9).Draw(t, at+".vat") {
	case 0:
		return VAT(tax.ZeroRated, "0"), tax.ExemptionReason{}
	case 1:
		return VAT(tax.Exempt, "0"), tax.ExemptionEU132
	case 2:
		return VAT(tax.ReverseCharge, "0"), tax.ExemptionReverseCharge
	case 3:
		return VAT(tax.IntraCommunity, "0"), tax.ExemptionIntraCommunity
	}
	return VAT(tax.StandardRate, rapid.SampledFrom([]string{"20", "10", "5.5", "2.1", "8.5", "19.6"}).Draw(t, at+".rate")), tax.ExemptionReason{}
}

// TenLines returns a calculated invoice of ten lines at two VAT rates, one
// with a percentage allowance, for the benchmarks.
func TenLines(t T) Case {
	t.Helper()
	lines := make([]invoice.Line, 10)
	for i := range lines {
		v := VAT(tax.StandardRate, "20")
		if i%2 == 1 {
			v = VAT(tax.StandardRate, "5.5")
		}
		lines[i] = Item(strconv.Itoa(i+1), "Article "+strconv.Itoa(i+1), strconv.Itoa(i+2), "C62", "19.99 EUR", v)
		lines[i].Period = February
	}
	lines[0].Allowances = []invoice.LineAllowanceCharge{{Percent: Dec("10"), Reason: "Remise"}}
	return Case{Name: "ten-lines", Doc: Calculated(t, FrenchInvoice(lines...)), Opts: Standard(t).Opts[:1]}
}
