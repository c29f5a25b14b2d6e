package invoice

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

func TestLineNetAmount(t *testing.T) {
	withBase := func(l Line, base string) Line { l.BaseQuantity = decimal.NewNullDecimal(dec(base)); return l }
	tests := []struct {
		name string
		line Line
		want string
	}{
		{"quantity × price", item("1", "a", "3", "HUR", "120.00 EUR", s20), "360.00 EUR"},
		{"fractional quantity", item("1", "a", "1.5", "KGM", "3.99 EUR", s20), "5.99 EUR"}, // 5.985 -> 5.99
		{"price per hundred", withBase(item("1", "a", "250", "C62", "12.00 EUR", s20), "100"), "30.00 EUR"},
		{"base quantity rounded once", withBase(item("1", "a", "1", "C62", "10.00 EUR", s20), "3"), "3.33 EUR"},
		{"negative quantity returns goods", item("1", "a", "-2", "C62", "15.00 EUR", s20), "-30.00 EUR"},
		{"price with four decimals", item("1", "a", "1000", "C62", "0.0123 EUR", s20), "12.30 EUR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := calculated(t, frenchInvoice(tt.line))
			assert.Equal(t, tt.want, doc.Lines[0].NetAmount.String())
		})
	}
}

func TestLineCloneSharesNoAdjustment(t *testing.T) {
	l := item("1", "a", "1", "C62", "1.00 EUR", s20)
	l.Charges = []LineAllowanceCharge{{Amount: amt("1.00 EUR"), Reason: "Port"}}
	c := l.clone()
	c.Charges[0].Reason = "changed"
	assert.Equal(t, "Port", l.Charges[0].Reason)
}
