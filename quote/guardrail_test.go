package quote

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/money"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// describe writes limits as "10 25 *", * meaning any discount.
func describe(lims []limit) string {
	parts := make([]string, len(lims))
	for i, l := range lims {
		parts[i] = l.pct.String()
		if l.unlimited {
			parts[i] = "*"
		}
	}
	return strings.Join(parts, " ")
}

func TestLimitsByRank(t *testing.T) {
	levels := []string{"intern", "rep", "manager", "finance"}
	tests := []struct {
		name   string
		limits []Limit
		want   string
	}{
		{"no rule: the highest level only", nil, "0 0 0 *"},
		{"levels above the listed ones grant anything", []Limit{{"rep", dec("10")}, {"manager", dec("25")}}, "0 10 25 *"},
		{"a level between takes the one below", []Limit{{"intern", dec("2")}, {"manager", dec("25")}}, "2 2 25 *"},
		{"the top level capped", []Limit{{"rep", dec("10")}, {"finance", dec("50")}}, "0 10 10 50"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Policy{Levels: levels}
			if tt.limits != nil {
				p.Rules = []Rule{{Limits: tt.limits}}
			}
			require.NoError(t, p.Validate())
			g := newGuard(p)
			assert.Equal(t, tt.want, describe(g.limits("p", "b")))
		})
	}
}

// The most specific rule wins, separately for limits and floors.
func TestRuleSpecificity(t *testing.T) {
	eur := func(s string) money.Amount { return money.MustParse(s + " EUR") }
	p := Policy{Levels: []string{"rep"}, Rules: []Rule{
		{Limits: []Limit{{"rep", dec("1")}}, Floors: []money.Amount{eur("1")}},
		{BookID: "b", Limits: []Limit{{"rep", dec("2")}}},
		{ProductID: "p", Limits: []Limit{{"rep", dec("3")}}, Floors: []money.Amount{money.MustParse("3 USD")}},
		{ProductID: "p", BookID: "b", Limits: []Limit{{"rep", dec("4")}}},
	}}
	require.NoError(t, p.Validate())
	g := newGuard(p)
	tests := []struct {
		product, book string
		limit, floor  string
	}{
		{"p", "b", "4", "1.00 EUR"},
		{"p", "x", "3", "1.00 EUR"},
		{"q", "b", "2", "1.00 EUR"},
		{"q", "x", "1", "1.00 EUR"},
	}
	for _, tt := range tests {
		t.Run(tt.product+"/"+tt.book, func(t *testing.T) {
			assert.Equal(t, tt.limit, describe(g.limits(tt.product, tt.book)))
			f, ok := g.floor(tt.product, tt.book, money.EUR)
			require.True(t, ok)
			assert.Equal(t, tt.floor, f.String())
		})
	}
	_, ok := g.floor("q", "x", money.JPY)
	assert.False(t, ok)
	f, _ := g.floor("p", "x", money.USD)
	assert.Equal(t, "3.00 USD", f.String())
}

func TestDiscount(t *testing.T) {
	tests := []struct {
		name     string
		d        discount
		percent  string
		within10 bool
	}{
		{"none", discount{}, "0", true},
		{"exactly the limit", discount{dec("10"), dec("100")}, "10", true},
		{"a hair over reads over", discount{dec("100.001"), dec("1000")}, "10.01", false},
		{"a third", discount{dec("1"), dec("3")}, "33.34", false},
		{"markup", discount{dec("-5"), dec("100")}, "-5", true},
		{"free list price", discount{dec("0"), dec("0")}, "0", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.percent, tt.d.percent().String())
			assert.Equal(t, tt.within10, tt.d.within(limit{pct: dec("10")}))
			assert.True(t, tt.d.within(limit{unlimited: true}))
		})
	}
}
