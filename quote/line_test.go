package quote

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/billkit/billkit/money"
)

// The discount of a line is the share of its list amount its terms give
// away: the percent negotiated, an amount off its invoiced list amount, or
// the gap between the list and the negotiated unit price.
func TestLineDiscount(t *testing.T) {
	eur := func(s string) money.Amount { return money.MustParse(s + " EUR") }
	tests := []struct {
		name    string
		terms   Terms
		list    string
		net     string
		percent string
	}{
		{"none", Terms{Quantity: dec("2"), UnitPrice: eur("50")}, "100", "100", "0"},
		{"percent", Terms{Quantity: dec("2"), UnitPrice: eur("50"), Discount: Discount{Percent: dec("12.5")}}, "100", "87.50", "12.5"},
		{"amount off", Terms{Quantity: dec("3"), UnitPrice: eur("33.333"), Discount: Discount{Amount: eur("10")}}, "99.999", "90.00", "10"},
		{"unit price", Terms{Quantity: dec("3"), UnitPrice: eur("30"), Negotiated: true}, "100", "90.00", "10"},
		{"above list", Terms{Quantity: dec("1"), UnitPrice: eur("120"), Negotiated: true}, "100", "120.00", "-20"},
		{"free list price", Terms{Quantity: dec("1"), UnitPrice: eur("5"), Negotiated: true}, "0", "5.00", "0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := Line{Terms: tt.terms, List: ListPrice{Amount: eur(tt.list)}}
			assert.Equal(t, tt.percent, l.discount(eur(tt.net)).percent().String())
		})
	}
}

func TestLineRef(t *testing.T) {
	assert.Equal(t, "00000000-0000-0000-0000-000000000000/7", lineRef([16]byte{}, "7"))
}
