package quote_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/tax"
	"github.com/billkit/billkit/validation"
)

func TestPolicyValidate(t *testing.T) {
	type fault = [2]string
	levels := []string{"rep", "manager"}
	limit := func(level, pct string) quote.Limit { return quote.Limit{Level: level, Percent: dec(pct)} }
	tests := []struct {
		name   string
		policy quote.Policy
		want   []fault
	}{
		{"valid", quote.Policy{Levels: levels, Rules: []quote.Rule{
			{Limits: []quote.Limit{limit("rep", "10")}},
			{ProductID: "p", Limits: []quote.Limit{limit("rep", "5"), limit("manager", "5")}, Floors: []money.Amount{amt("1.00 EUR"), amt("1 JPY")}},
		}}, nil},
		{"no levels", quote.Policy{}, []fault{{"levels", validation.CodeRequired}}},
		{"empty and repeated levels", quote.Policy{Levels: []string{"rep", "", "rep"}},
			[]fault{{"levels[1]", validation.CodeRequired}, {"levels[2]", validation.CodeDuplicate}}},
		{"two rules for one scope", quote.Policy{Levels: levels, Rules: []quote.Rule{{BookID: "b"}, {BookID: "b"}}},
			[]fault{{"rules[1]", validation.CodeDuplicate}}},
		{"unknown level", quote.Policy{Levels: levels, Rules: []quote.Rule{{Limits: []quote.Limit{limit("ceo", "50")}}}},
			[]fault{{"rules[0].limits[0].level", validation.CodeUnknown}}},
		{"level twice", quote.Policy{Levels: levels, Rules: []quote.Rule{{Limits: []quote.Limit{limit("rep", "5"), limit("rep", "6")}}}},
			[]fault{{"rules[0].limits[1].level", validation.CodeDuplicate}}},
		{"percent out of range", quote.Policy{Levels: levels, Rules: []quote.Rule{{Limits: []quote.Limit{limit("rep", "-1"), limit("manager", "101")}}}},
			[]fault{{"rules[0].limits[0].percent", validation.CodeOutOfRange}, {"rules[0].limits[1].percent", validation.CodeOutOfRange}}},
		{"limit falling with rank", quote.Policy{Levels: levels, Rules: []quote.Rule{{Limits: []quote.Limit{limit("manager", "5"), limit("rep", "10")}}}},
			[]fault{{"rules[0].limits[0].percent", validation.CodeInconsistent}}},
		{"floors", quote.Policy{Levels: levels, Rules: []quote.Rule{{Floors: []money.Amount{amt("1.00 EUR"), amt("2.00 EUR"), amt("-1.00 USD"), {}}}}},
			[]fault{{"rules[0].floors[1]", validation.CodeDuplicate}, {"rules[0].floors[2]", validation.CodeOutOfRange},
				{"rules[0].floors[3]", validation.CodeRequired}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.policy.Validate()
			if tt.want == nil {
				require.NoError(t, err)
				return
			}
			requireFaults(t, err, tt.want...)
		})
	}
}

// Which level a discount needs depends on the most specific rule: seats in
// the standard book have their own limits, other lines the default ones.
func TestPolicyLevels(t *testing.T) {
	tests := []struct {
		product, percent string
		level            string // "" when the author may grant it
	}{
		{"impl", "10", ""},
		{"impl", "10.01", "sales_manager"},
		{"impl", "25", "sales_manager"},
		{"impl", "25.001", "finance"},
		{"impl", "40", "finance"},
		{"saas", "5", ""},
		{"saas", "5.5", "sales_manager"},
		{"saas", "15.5", "finance"},
	}
	for _, tt := range tests {
		t.Run(tt.product+" "+tt.percent+"%", func(t *testing.T) {
			in := baseInput()
			i := map[string]int{"impl": 0, "saas": 1}[tt.product]
			in.Lines[i].Discount.Percent = dec(tt.percent)
			q := newQuote(t, newDesk(t), alice, in)
			if tt.level == "" {
				assert.Empty(t, q.Requirements())
				return
			}
			require.Len(t, q.Requirements(), 1)
			assert.Equal(t, tt.level, q.Requirements()[0].Level)
		})
	}
}

// Without a rule that sets limits for a line, only the highest level may
// grant a discount on it.
func TestPolicyWithoutLimits(t *testing.T) {
	desk, err := quote.NewDesk(newCatalog(t), tax.DefaultRates(), quote.Policy{Levels: []string{"rep", "boss"}})
	require.NoError(t, err)
	q, err := desk.New(id(1), quote.User{ID: "a", Level: "rep"}, withLine(baseInput(), 0, func(l *quote.LineInput) {
		l.Discount.Percent = dec("0.01")
	}))
	require.NoError(t, err)
	assert.Equal(t, []string{"boss"}, q.RequiredLevels())
}
