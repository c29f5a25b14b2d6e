package invoice

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
)

// LineNet gives every line of a document with prices excluding VAT the
// net amount Calculate gives it.
func TestLineNetIsCalculatesNet(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		doc := genDocument(t, genOptions{})
		doc.Pricing.PricesIncludeVAT = false
		lines := make([]Line, len(doc.Lines))
		for i, l := range doc.Lines {
			lines[i] = l
			lines[i].Allowances = append([]LineAllowanceCharge(nil), l.Allowances...)
		}
		if err := doc.Calculate(); err != nil {
			t.Skip("not calculable:", err)
		}
		for i, l := range lines {
			net, err := LineNet(l, doc.Currency, doc.Pricing.RoundingMode)
			if err != nil {
				t.Fatalf("line %d: %v", i, err)
			}
			if !net.Equal(doc.Lines[i].NetAmount) {
				t.Fatalf("line %d: LineNet %s, Calculate %s", i, net, doc.Lines[i].NetAmount)
			}
		}
	})
}

func TestLineNetChecksTheLine(t *testing.T) {
	l := Line{ID: "1", Name: "x", Quantity: dec("2"), UnitCode: "C62", UnitPrice: money.MustParse("10.00 USD")}
	_, err := LineNet(l, money.EUR, "")
	var verr *validation.Error
	require.ErrorAs(t, err, &verr)
	assert.Contains(t, err.Error(), "lines[0]")
	_, err = LineNet(l, money.USD, "banker")
	require.Error(t, err)
	net, err := LineNet(l, money.USD, money.RoundHalfEven)
	require.NoError(t, err)
	assert.Equal(t, "20.00 USD", net.String())
}
