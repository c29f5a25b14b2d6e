package invoice

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
)

// Golden credit notes: expected amounts worked out by hand, arithmetic in
// the comments.

func TestGoldenCreditNotes(t *testing.T) {
	var seq MemorySequence
	licence := item("1", "Licence", "10", "C62", "99.00 EUR", s20)
	// 10 × 99.00 = 990.00; 5 % = 49.50; net 940.50
	licence.Allowances = []LineAllowanceCharge{{Percent: dec("5"), Reason: "Remise"}}
	onboarding := item("2", "Mise en route", "1", "C62", "500.00 EUR", s20) // 500.00
	// BT-106 = 1440.50; VAT 288.10; BT-112 1728.60
	orig := issued(t, &seq, frenchInvoice(licence, onboarding))
	require.Equal(t, "1728.60 EUR", orig.Total().String())

	t.Run("partial credit of four licences", func(t *testing.T) {
		cn, err := issueCredit(t, &seq, orig, CreditRequest{Reason: "Licences non utilisées",
			Lines: []LineCredit{{LineID: "1", Quantity: dec("4")}}})
		require.NoError(t, err)
		doc := cn.Document()
		assert.Equal(t, "AV2026-000001", doc.Number)
		assert.Equal(t, []DocumentReference{{Number: "F2026-000001", IssueDate: issD}}, doc.Preceding)
		// share of the line: 940.50 × 4 ÷ 10 = 376.20; 4 × 99.00 = 396.00, so an allowance of 19.80
		require.Len(t, doc.Lines, 1)
		assert.Equal(t, "376.20 EUR", doc.Lines[0].NetAmount.String())
		assert.Equal(t, "19.80 EUR", doc.Lines[0].Allowances[0].Amount.String())
		// VAT 376.20 × 20 % = 75.24; BT-112 = 451.44
		assert.Equal(t, []string{"S 20%: 376.20 EUR / 75.24 EUR"}, breakdownStrings(doc))
		assert.Equal(t, "451.44 EUR", cn.Total().String())
		assert.Equal(t, "451.44 EUR", orig.Credited().String())
		assert.Equal(t, StatusIssued, orig.Status())
	})
	t.Run("credit of the rest voids the invoice", func(t *testing.T) {
		cn, err := issueCredit(t, &seq, orig, CreditRequest{Reason: "Résiliation"})
		require.NoError(t, err)
		doc := cn.Document()
		// licence: 6 × 99.00 = 594.00, remaining 940.50 − 376.20 = 564.30, allowance 29.70
		// onboarding: 500.00; base 1064.30 = remaining base 1440.50 − 376.20;
		// VAT = remaining 288.10 − 75.24 = 212.86 (also 1064.30 × 20 %); BT-112 1277.16
		assert.Equal(t, "564.30 EUR", doc.Lines[0].NetAmount.String())
		assert.Equal(t, "500.00 EUR", doc.Lines[1].NetAmount.String())
		assert.Equal(t, []string{"S 20%: 1064.30 EUR / 212.86 EUR"}, breakdownStrings(doc))
		assert.Equal(t, "1277.16 EUR", cn.Total().String())
		// 451.44 + 1277.16 = 1728.60: everything credited
		assert.Equal(t, "1728.60 EUR", orig.Credited().String())
		assert.Equal(t, StatusVoid, orig.Status())
	})
}

func TestGoldenClosingCreditTakesRemainingVAT(t *testing.T) {
	var seq MemorySequence
	// Two lines of 0.03 at 20 %: base 0.06, VAT 0.012 -> 0.01, BT-112 0.07.
	orig := issued(t, &seq, frenchInvoice(
		item("1", "Timbre", "1", "C62", "0.03 EUR", s20),
		item("2", "Timbre", "1", "C62", "0.03 EUR", s20),
	))
	require.Equal(t, "0.07 EUR", orig.Total().String())
	// First credit: 0.03, VAT 0.006 -> 0.01, total 0.04.
	first, err := issueCredit(t, &seq, orig, CreditRequest{Lines: []LineCredit{{LineID: "1", Quantity: dec("1")}}})
	require.NoError(t, err)
	assert.Equal(t, "0.04 EUR", first.Total().String())
	// Second credit closes the breakdown: it takes the VAT that remains,
	// 0.01 − 0.01 = 0.00, not 0.03 × 20 % = 0.01, so 0.04 + 0.03 = 0.07.
	second, err := issueCredit(t, &seq, orig, CreditRequest{Lines: []LineCredit{{LineID: "2", Quantity: dec("1")}}})
	require.NoError(t, err)
	assert.Equal(t, []string{"S 20%: 0.03 EUR / 0.00 EUR"}, breakdownStrings(second.Document()))
	assert.Equal(t, "0.07 EUR", orig.Credited().String())
	assert.Equal(t, StatusVoid, orig.Status())
	assert.NoError(t, second.VerifyFingerprint())
}

func TestGoldenPeriodLastDay(t *testing.T) {
	// The invoicing period is half-open: February 2026 is [02-01, 03-01) and
	// prints 2026-02-28 as its last day (BT-74).
	doc := frenchInvoice()
	assert.Equal(t, date.MustParse("2026-02-28"), doc.Period.Last())
}
