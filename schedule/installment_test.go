package schedule

import (
	"testing"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/validation"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func pct(n int64) Share { return Share{Percent: decimal.NewFromInt(n)} }

func TestInstallmentCharges(t *testing.T) {
	plan := InstallmentPlan(Installments{
		Total: amt("999.99 EUR"),
		Items: []Installment{
			{Label: "Signature", Date: day("2026-03-02"), Share: pct(10)},
			{Label: "Delivery", Date: day("2026-06-15"), Share: pct(25)},
			{Label: "Acceptance", Date: day("2026-09-30"), Share: Share{Rest: true}},
		},
	})
	tests := []struct {
		name   string
		window date.Range
		want   []string
	}{
		// 10 %, 25 % and 65 % of 999.99 are 99.999, 249.9975 and
		// 649.9935: allocated together they are 100.00, 250.00, 649.99.
		{"whole year", span("2026-01-01", "2027-01-01"), []string{"100.00 EUR", "250.00 EUR", "649.99 EUR"}},
		{"second quarter", span("2026-04-01", "2026-07-01"), []string{"250.00 EUR"}},
		{"date on the window end is not in it", span("2026-03-01", "2026-03-02"), []string{}},
		{"date on the window start is", span("2026-03-02", "2026-03-03"), []string{"100.00 EUR"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, err := plan.Charges(tt.window, Inputs{})
			require.NoError(t, err)
			assert.Equal(t, tt.want, amounts(cs))
		})
	}
}

func TestInstallmentChargesOrderedByDate(t *testing.T) {
	plan := InstallmentPlan(Installments{
		Total: amt("1000.00 EUR"),
		Items: []Installment{
			{Label: "Late", Date: day("2026-06-01"), Share: Share{Amount: amt("100.00 EUR")}},
			{Label: "Early", Date: day("2026-01-01"), Share: Share{Rest: true}},
			{Label: "Same day", Date: day("2026-06-01"), Share: pct(50)},
		},
	})
	cs, err := plan.Charges(span("2026-01-01", "2027-01-01"), Inputs{})
	require.NoError(t, err)
	assert.Equal(t, []string{
		`2026-01-01: 400.00 EUR "Early" = rest of 1000.00 EUR after 600.00 EUR`,
		`2026-06-01: 100.00 EUR "Late" = fixed 100.00 EUR of 1000.00 EUR`,
		`2026-06-01: 500.00 EUR "Same day" = 50 % of 1000.00 EUR`,
	}, strs(cs))
}

func TestInstallmentValidate(t *testing.T) {
	valid := func() Installments {
		return Installments{Total: amt("1000.00 EUR"), Items: []Installment{
			{Date: day("2026-01-01"), Share: pct(40)},
			{Date: day("2026-02-01"), Share: Share{Rest: true}},
		}}
	}
	require.NoError(t, valid().Validate())
	tests := []struct {
		name  string
		edit  func(*Installments)
		field string
		code  string
	}{
		{"missing date", func(p *Installments) { p.Items[0].Date = date.Date{} }, "items[0].date", validation.CodeRequired},
		{"no items", func(p *Installments) { p.Items = nil }, "items", validation.CodeRequired},
		{"no total", func(p *Installments) { p.Total = money.Amount{} }, "total", validation.CodeRequired},
		{"negative total", func(p *Installments) { p.Total = amt("-1.00 EUR") }, "total", validation.CodeOutOfRange},
		{"share with nothing", func(p *Installments) { p.Items[0].Share = Share{} }, "items[0]", validation.CodeRequired},
		{"share with two things", func(p *Installments) { p.Items[0].Rest = true }, "items[0]", validation.CodeInvalid},
		{"two rests", func(p *Installments) { p.Items[0].Share = Share{Rest: true} }, "items[1].rest", validation.CodeDuplicate},
		{"percent over 100", func(p *Installments) { p.Items[0].Share = pct(101) }, "items[0].percent", validation.CodeOutOfRange},
		{"negative percent", func(p *Installments) { p.Items[0].Share = pct(-5) }, "items[0].percent", validation.CodeOutOfRange},
		{"percentages over 100 %", func(p *Installments) {
			p.Items[1].Share = pct(70)
		}, "items", validation.CodeOutOfRange},
		{"amounts over the total", func(p *Installments) {
			p.Items[0].Share = Share{Amount: amt("1000.01 EUR")}
		}, "items", validation.CodeOutOfRange},
		{"shares under the total without rest", func(p *Installments) {
			p.Items[1].Share = pct(50)
		}, "items", validation.CodeInconsistent},
		{"amount in another currency", func(p *Installments) {
			p.Items[0].Share = Share{Amount: amt("100.00 USD")}
		}, "items[0].amount", validation.CodeMismatch},
		{"zero amount", func(p *Installments) {
			p.Items[0].Share = Share{Amount: money.Zero(money.EUR)}
		}, "items[0].amount", validation.CodeOutOfRange},
		{"amount finer than the currency", func(p *Installments) {
			p.Items[0].Share = Share{Amount: amt("100.001 EUR")}
		}, "items[0].amount", validation.CodeInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := valid()
			tt.edit(&p)
			requireFault(t, p.Validate(), tt.field, tt.code)
			_, err := InstallmentPlan(p).Charges(span("2026-01-01", "2027-01-01"), Inputs{})
			requireFault(t, err, "installments."+tt.field, tt.code)
		})
	}
}

// genInstallments draws a valid installment plan of percentages, amounts
// and a rest.
func genInstallments(t *rapid.T) Plan {
	total := money.FromMinor(rapid.Int64Range(1, 100_000_000).Draw(t, "total"), money.EUR)
	n := rapid.IntRange(1, 6).Draw(t, "items")
	items := make([]Installment, n)
	left := int64(100)
	for i := range items {
		items[i].Date = date.MustParse("2020-01-01").AddDays(rapid.IntRange(0, 4000).Draw(t, "date"))
		if i == n-1 || left == 0 {
			items[i].Rest = true
			items = items[:i+1]
			break
		}
		p := rapid.Int64Range(1, left).Draw(t, "percent")
		items[i].Percent = decimal.New(p, 0)
		left -= p
	}
	return InstallmentPlan(Installments{Total: total, Items: items})
}

// Property: installments always sum exactly to the total.
func TestInstallmentsSumExactlyProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		plan := genInstallments(t)
		cs, err := plan.Charges(span("2019-01-01", "2040-01-01"), Inputs{})
		if err != nil {
			t.Fatal(err)
		}
		sum := money.Zero(money.EUR)
		for _, c := range cs {
			if sum, err = sum.Add(c.Amount); err != nil {
				t.Fatal(err)
			}
		}
		if !sum.Equal(plan.Installments.Total) {
			t.Fatalf("installments sum to %s, not %s", sum, plan.Installments.Total)
		}
	})
}
