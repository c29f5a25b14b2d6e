package invoice

import (
	"errors"
	"fmt"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/tax"
	"github.com/billkit/billkit/validation"
)

// Property tests: random invoices, in currencies of 0, 2 and 3 decimals,
// with prices with or without VAT, both rounding policies and every
// rounding mode.

// genVAT draws the VAT of a line, with its exemption reason.
func genVAT(t *rapid.T, label string) (VAT, tax.ExemptionReason) {
	switch rapid.IntRange(0, 9).Draw(t, label) {
	case 0:
		return vat(tax.ZeroRated, "0"), tax.ExemptionReason{}
	case 1:
		return vat(tax.Exempt, "0"), tax.ExemptionEU132
	case 2:
		return vat(tax.ReverseCharge, "0"), tax.ExemptionReverseCharge
	case 3:
		return vat(tax.IntraCommunity, "0"), tax.ExemptionIntraCommunity
	}
	return vat(tax.StandardRate, rapid.SampledFrom([]string{"20", "10", "5.5", "2.1", "8.5", "19.6"}).Draw(t, label+".rate")), tax.ExemptionReason{}
}

// genMinor draws an amount of up to max minor units of cur.
func genMinor(t *rapid.T, cur money.Currency, lo, hi int64, label string) money.Amount {
	return money.FromMinor(rapid.Int64Range(lo, hi).Draw(t, label), cur)
}

type genOptions struct {
	positive bool // only amounts that keep every line and breakdown positive
}

func genDocument(t *rapid.T, o genOptions) Document {
	cur := rapid.SampledFrom([]money.Currency{money.EUR, money.JPY, money.KWD}).Draw(t, "currency")
	doc := frenchInvoice()
	doc.Currency = cur
	doc.Buyer = germanBusiness()
	doc.DeliverTo = Address{City: "Stuttgart", Country: "DE"}
	doc.Pricing = Pricing{
		PricesIncludeVAT: rapid.Bool().Draw(t, "inclusive"),
		Rounding:         rapid.SampledFrom([]RoundingPolicy{"", RoundPerBreakdown, RoundPerLine}).Draw(t, "policy"),
		RoundingMode:     rapid.SampledFrom(money.RoundingModes()).Draw(t, "mode"),
	}
	if o.positive {
		if cur.Digits() == 0 && doc.Pricing.perLine() {
			// Per-line rounding can put the VAT of a yen invoice one yen or
			// more away from BR-CO-17, which Validate then refuses to issue.
			doc.Pricing.Rounding = RoundPerBreakdown
		}
		if doc.Pricing.RoundingMode == money.RoundHalfEven {
			// Two ties rounded in opposite directions can put a credit note
			// exactly one minor unit from BR-CO-17 (see Document.Calculate).
			doc.Pricing.RoundingMode = money.RoundHalfAwayFromZero
		}
	}
	n := rapid.IntRange(1, 8).Draw(t, "lines")
	for i := range n {
		at := "line" + strconv.Itoa(i)
		v, reason := genVAT(t, at+".vat")
		qtyScale := rapid.Int32Range(0, 3).Draw(t, at+".qty.scale")
		qty := decimal.New(rapid.Int64Range(1, 50000).Draw(t, at+".qty"), -qtyScale)
		priceScale := rapid.Int32Range(0, int32(cur.Digits())+2).Draw(t, at+".price.scale")
		l := Line{
			ID: strconv.Itoa(i + 1), Name: "Item " + strconv.Itoa(i+1), Quantity: qty, UnitCode: "C62",
			UnitPrice: money.New(decimal.New(rapid.Int64Range(1, 5_000_000).Draw(t, at+".price"), -priceScale), cur),
			VAT:       v, ExemptionReason: reason,
		}
		if rapid.Bool().Draw(t, at+".base") {
			l.BaseQuantity = decimal.NewNullDecimal(decimal.NewFromInt(rapid.SampledFrom([]int64{1, 3, 12, 100}).Draw(t, at+".base.qty")))
		}
		switch rapid.IntRange(0, 3).Draw(t, at+".adjust") {
		case 1:
			l.Allowances = []LineAllowanceCharge{{Percent: decimal.NewFromInt(rapid.Int64Range(1, 50).Draw(t, at+".pct")), Reason: "Discount"}}
		case 2:
			l.Charges = []LineAllowanceCharge{{Amount: genMinor(t, cur, 0, 5000, at+".charge"), Reason: "Handling"}}
		case 3:
			if !o.positive {
				l.Allowances = []LineAllowanceCharge{{Amount: genMinor(t, cur, 0, 5000, at+".allowance"), Reason: "Voucher"}}
			}
		}
		doc.Lines = append(doc.Lines, l)
	}
	for i := range rapid.IntRange(0, 2).Draw(t, "allowances") {
		l := doc.Lines[rapid.IntRange(0, n-1).Draw(t, "allowance.line"+strconv.Itoa(i))]
		a := AllowanceCharge{Reason: "Global discount", VAT: l.VAT}
		if o.positive || rapid.Bool().Draw(t, "allowance.pct"+strconv.Itoa(i)) {
			a.Percent = decimal.NewFromInt(rapid.Int64Range(1, 15).Draw(t, "allowance.percent"+strconv.Itoa(i)))
		} else {
			a.Amount = genMinor(t, cur, 0, 10000, "allowance.amount"+strconv.Itoa(i))
		}
		doc.Allowances = append(doc.Allowances, a)
	}
	for i := range rapid.IntRange(0, 2).Draw(t, "charges") {
		l := doc.Lines[rapid.IntRange(0, n-1).Draw(t, "charge.line"+strconv.Itoa(i))]
		doc.Charges = append(doc.Charges, AllowanceCharge{Amount: genMinor(t, cur, 0, 10000, "charge.amount"+strconv.Itoa(i)),
			Reason: "Delivery", VAT: l.VAT})
	}
	if !o.positive {
		doc.PaidAmount = genMinor(t, cur, 0, 100000, "paid")
		doc.RoundingAmount = genMinor(t, cur, -5, 5, "rounding")
	}
	return doc
}

func sumOf(amounts ...money.Amount) decimal.Decimal {
	var s decimal.Decimal
	for _, a := range amounts {
		s = s.Add(a.Number())
	}
	return s
}

func assertEqualDec(t require.TestingT, want, got decimal.Decimal, what string) {
	assert.True(t, want.Equal(got), "%s: want %s, got %s", what, want, got)
}

func TestPropertyTotalsIdentities(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		doc := genDocument(t, genOptions{})
		require.NoError(t, doc.Calculate())
		tot := doc.Totals
		digits := int32(doc.Currency.Digits())
		var lineNets, allowances, charges, bases, vats, gross []money.Amount
		for _, l := range doc.Lines {
			lineNets = append(lineNets, l.NetAmount)
			gross = append(gross, l.GrossAmount)
		}
		for _, a := range doc.Allowances {
			allowances = append(allowances, a.NetAmount)
		}
		for _, c := range doc.Charges {
			charges = append(charges, c.NetAmount)
		}
		for _, b := range doc.VATBreakdown {
			bases = append(bases, b.TaxableAmount)
			vats = append(vats, b.TaxAmount)
		}
		// BT-106 = Σ BT-131; BT-107 = Σ BT-92; BT-108 = Σ BT-99
		assertEqualDec(t, sumOf(lineNets...), tot.LineTotal.Number(), "BT-106")
		assertEqualDec(t, sumOf(allowances...), tot.AllowanceTotal.Number(), "BT-107")
		assertEqualDec(t, sumOf(charges...), tot.ChargeTotal.Number(), "BT-108")
		// BT-109 = BT-106 − BT-107 + BT-108 = Σ BT-116
		assertEqualDec(t, tot.LineTotal.Number().Sub(tot.AllowanceTotal.Number()).Add(tot.ChargeTotal.Number()), tot.TaxExclusive.Number(), "BT-109")
		assertEqualDec(t, sumOf(bases...), tot.TaxExclusive.Number(), "Σ BT-116")
		// BT-110 = Σ BT-117; BT-112 = BT-109 + BT-110; BT-115 = BT-112 − BT-113 + BT-114
		assertEqualDec(t, sumOf(vats...), tot.VAT.Number(), "BT-110")
		assertEqualDec(t, tot.TaxExclusive.Number().Add(tot.VAT.Number()), tot.TaxInclusive.Number(), "BT-112")
		assertEqualDec(t, tot.TaxInclusive.Number().Sub(tot.Prepaid.Number()).Add(tot.Rounding.Number()), tot.Due.Number(), "BT-115")
		// Every amount is at the currency's precision.
		for _, a := range append(append(lineNets, bases...), vats...) {
			assert.True(t, a.Number().Equal(a.Number().Round(digits)), "%s has too many decimals", a)
		}
		if doc.Pricing.PricesIncludeVAT {
			// The buyer pays exactly the gross amounts shown, less what was paid.
			seen := sumOf(gross...).Sub(sumOf(docAmounts(doc.Allowances)...)).Add(sumOf(docAmounts(doc.Charges)...))
			assertEqualDec(t, seen.Sub(doc.PaidAmount.Number()).Add(doc.RoundingAmount.Number()), tot.Due.Number(), "gross seen")
		}
		if !doc.Pricing.perLine() {
			// BR-CO-17: VAT is the taxable amount × rate, rounded once.
			c := newCalculator(&doc)
			for _, b := range doc.VATBreakdown {
				if b.Category.HasRate() {
					assertEqualDec(t, c.vatOf(b.TaxableAmount.Number(), b.Rate), b.TaxAmount.Number(), "BR-CO-17 "+b.Category.String())
				}
			}
		}
		// The calculated document passes validation; with per-line rounding
		// only BR-CO-17 may object, beyond the tolerance of one currency unit.
		err := doc.Validate()
		var ve *validation.Error
		if doc.Pricing.perLine() && errors.As(err, &ve) {
			for _, f := range ve.Faults {
				assert.Equal(t, "BR-CO-17", f.Code, f.String())
			}
			return
		}
		assert.NoError(t, err)
	})
}

func docAmounts(list []AllowanceCharge) []money.Amount {
	out := make([]money.Amount, len(list))
	for i, a := range list {
		out[i] = a.Amount
	}
	return out
}

func TestPropertyCreditsNeverExceedInvoice(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var seq MemorySequence
		doc := genDocument(t, genOptions{positive: true})
		orig := issued(t, &seq, doc)
		total := orig.Total().Number()
		var creditNotes decimal.Decimal
		for k := range rapid.IntRange(0, 3).Draw(t, "partial credits") {
			if orig.Status() == StatusVoid {
				break // the partial credits covered everything
			}
			var req CreditRequest
			for i, l := range orig.doc.Lines {
				qty, amount := orig.remainingLine(&orig.doc.Lines[i])
				if amount.IsZero() || qty.IsZero() || !rapid.Bool().Draw(t, "credit line") {
					continue
				}
				if rapid.Bool().Draw(t, "by quantity") {
					// a share of the remaining quantity: 1/4, 1/2, 3/4 or all of it
					part := qty.Mul(decimal.NewFromInt(rapid.Int64Range(1, 4).Draw(t, "quarters"))).Mul(decimal.New(25, -2))
					req.Lines = append(req.Lines, LineCredit{LineID: l.ID, Quantity: part})
				} else {
					minor := amount.Shift(int32(orig.Currency().Digits())).IntPart()
					req.Lines = append(req.Lines, LineCredit{LineID: l.ID,
						Amount: money.FromMinor(rapid.Int64Range(1, max(minor, 1)).Draw(t, "minor"), orig.Currency())})
				}
			}
			if len(req.Lines) == 0 {
				continue
			}
			before := orig.CreditState()
			cn, err := issueCredit(t, &seq, orig, req)
			if errors.Is(err, ErrOverCredit) {
				// Refused: nothing changed.
				assert.Equal(t, before, orig.CreditState(), "credit %d", k)
				continue
			}
			require.NoError(t, err, "credit %d", k)
			creditNotes = creditNotes.Add(cn.Total().Number())
			assertCreditWithin(t, orig)
		}
		if orig.Status() != StatusVoid {
			cn, err := issueCredit(t, &seq, orig, CreditRequest{Reason: "Full credit"})
			require.NoError(t, err)
			creditNotes = creditNotes.Add(cn.Total().Number())
		}
		// The invoice is credited exactly, no cent more or less.
		assertEqualDec(t, total, creditNotes, "Σ credit notes BT-112")
		assertEqualDec(t, total, orig.Credited().Number(), "credited")
		assert.Equal(t, StatusVoid, orig.Status())
		assertCreditWithin(t, orig)
		_, err := NewCreditNote(orig.ID(), orig, CreditRequest{})
		assert.ErrorIs(t, err, ErrNotCreditable)
	})
}

// assertCreditWithin checks that no line and no total is credited beyond the invoice.
func assertCreditWithin(t require.TestingT, orig *Invoice) {
	s := orig.CreditState()
	assert.True(t, withinBound(s.Total.Number(), orig.Total().Number()), "credited %s of %s", s.Total, orig.Total())
	for _, lc := range s.Lines {
		l := orig.lineByID(lc.LineID)
		require.NotNil(t, l)
		assert.True(t, withinBound(lc.Quantity, l.Quantity), "line %s: quantity %s of %s", l.ID, lc.Quantity, l.Quantity)
		assert.True(t, withinBound(lc.Amount.Number(), pricedAmount(l, orig.doc.Pricing)), "line %s: amount %s", l.ID, lc.Amount)
	}
}

// TestPropertyCalculateDraftAsTwoSteps checks that calculating and
// validating against one calculation gives what Calculate then
// ValidateDraft give: the same document and the same verdict.
func TestPropertyCalculateDraftAsTwoSteps(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		doc := genDocument(t, genOptions{positive: rapid.Bool().Draw(t, "positive")})
		if rapid.Bool().Draw(t, "unnamed buyer") {
			doc.Buyer.Name = "" // a fault only validation finds
		}
		one, two := doc.Clone(), doc.Clone()
		errOne := one.calculateDraft()
		errTwo := two.Calculate()
		if errTwo == nil {
			errTwo = two.ValidateDraft()
		}
		assert.Equal(t, fmt.Sprint(errTwo), fmt.Sprint(errOne))
		assert.Equal(t, two, one)
	})
}
