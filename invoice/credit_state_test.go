package invoice

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWithinBound(t *testing.T) {
	tests := []struct {
		x, bound string
		want     bool
	}{
		{"0", "10", true},
		{"10", "10", true},
		{"10.01", "10", false},
		{"-1", "10", false},
		{"-5", "-10", true},
		{"-11", "-10", false},
		{"0", "0", true},
		{"1", "0", false},
	}
	for _, tt := range tests {
		t.Run(tt.x+" of "+tt.bound, func(t *testing.T) {
			assert.Equal(t, tt.want, withinBound(dec(tt.x), dec(tt.bound)))
		})
	}
}

func TestCreditStateIsACopy(t *testing.T) {
	var seq MemorySequence
	orig := creditable(t, &seq)
	_, err := issueCredit(t, &seq, orig, CreditRequest{Lines: []LineCredit{{LineID: "1", Quantity: dec("1")}}})
	require.NoError(t, err)
	s := orig.CreditState()
	s.Lines[0].LineID = "changed"
	s.Breakdowns[0].Category = "Z"
	s.CreditNotes[0][0] ^= 0xff
	fresh := orig.CreditState()
	assert.Equal(t, "1", fresh.Lines[0].LineID)
	assert.Equal(t, s20.Category, fresh.Breakdowns[0].Category)
	assert.NotEqual(t, s.CreditNotes[0], fresh.CreditNotes[0])
}

func TestRemainingLimits(t *testing.T) {
	var seq MemorySequence
	orig := creditable(t, &seq)
	limits := orig.remainingLimits()
	require.Len(t, limits, 2)
	// S 20 %: 500.00 − 50.00 + 9.00 = 459.00, VAT 91.80; nothing credited yet
	assert.Equal(t, "0.00 EUR", limits[0].Credited.String())
	assert.Equal(t, "459.00 EUR", limits[0].Amount.String())
	assert.Equal(t, "459.00 EUR", limits[0].TaxableAmount.String())
	assert.Equal(t, "91.80 EUR", limits[0].TaxAmount.String())

	_, err := issueCredit(t, &seq, orig, CreditRequest{Lines: []LineCredit{{LineID: "1", Quantity: dec("2")}}})
	require.NoError(t, err)
	// 2 licences = 100.00, a fifth of the adjustments: −41.00 × 100 ÷ 500 = −8.20
	limits = orig.remainingLimits()
	assert.Equal(t, "91.80 EUR", limits[0].Credited.String())
	assert.Equal(t, "367.20 EUR", limits[0].Amount.String())
	assert.Equal(t, "367.20 EUR", limits[0].TaxableAmount.String())
	assert.Equal(t, "73.44 EUR", limits[0].TaxAmount.String()) // 91.80 − 18.36
}
