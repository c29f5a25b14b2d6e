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

func TestChangeValidation(t *testing.T) {
	advance := recurring(t, "2026-01-01", "100.00 EUR", withEnd("2027-01-01"))
	arrears := recurring(t, "2026-01-01", "100.00 EUR", inArrears)
	upgrade := func(edit func(*Change)) Change {
		c := Change{Kind: ChangeUpgrade, Effective: day("2026-04-16"), Amount: ptr(amt("200.00 EUR")),
			Billed: billed(april, "100.00 EUR")}
		edit(&c)
		return c
	}
	tests := []struct {
		name   string
		plan   Plan
		change Change
		field  string
		code   string
	}{
		{"invalid plan", RecurringPlan(Recurring{Amount: amt("1.00 EUR")}), Change{Kind: ChangeCancel},
			"plan.recurring.start", validation.CodeRequired},
		{"missing kind", advance, upgrade(func(c *Change) { c.Kind = "" }), "kind", validation.CodeRequired},
		{"unknown kind", advance, upgrade(func(c *Change) { c.Kind = "renew" }), "kind", validation.CodeNotAllowed},
		{"unknown policy", advance, upgrade(func(c *Change) { c.Policy = "later" }), "policy", validation.CodeNotAllowed},
		{"missing effective date", advance, upgrade(func(c *Change) { c.Effective = date.Date{} }), "effective", validation.CodeRequired},
		{"effective before the start", advance, upgrade(func(c *Change) { c.Effective = day("2025-12-31") }),
			"effective", validation.CodeOutOfRange},
		{"effective on the end", advance, upgrade(func(c *Change) { c.Effective = day("2027-01-01") }),
			"effective", validation.CodeOutOfRange},
		{"upgrade without amount", advance, upgrade(func(c *Change) { c.Amount = nil }), "amount", validation.CodeRequired},
		{"upgrade in another currency", advance, upgrade(func(c *Change) { c.Amount = ptr(amt("200.00 USD")) }),
			"amount", validation.CodeMismatch},
		{"upgrade finer than the currency", advance, upgrade(func(c *Change) { c.Amount = ptr(amt("200.001 EUR")) }),
			"amount", validation.CodeInvalid},
		{"cancellation with an amount", advance, upgrade(func(c *Change) { c.Kind = ChangeCancel }),
			"amount", validation.CodeForbidden},
		{"resume date on an upgrade", advance, upgrade(func(c *Change) { c.Resume = day("2026-06-01") }),
			"resume", validation.CodeForbidden},
		{"resume before the pause", advance, Change{Kind: ChangePause, Effective: day("2026-04-16"), Resume: day("2026-04-16")},
			"resume", validation.CodeOutOfRange},
		{"resume before a pause at next period begins", advance,
			Change{Kind: ChangePause, Effective: day("2026-04-16"), Resume: day("2026-04-30"), Policy: AtNextPeriod},
			"resume", validation.CodeOutOfRange},
		{"resume after the plan ends", advance, Change{Kind: ChangePause, Effective: day("2026-04-16"), Resume: day("2027-01-01")},
			"resume", validation.CodeOutOfRange},
		{"billed on a plan billed in arrears", arrears, Change{Kind: ChangeCancel, Effective: day("2026-04-16"),
			Billed: billed(april, "100.00 EUR")}, "billed", validation.CodeForbidden},
		{"billed when resuming", advance, Change{Kind: ChangeResume, Effective: day("2026-04-16"),
			Billed: billed(april, "100.00 EUR")}, "billed", validation.CodeForbidden},
		{"billed for another period", advance, upgrade(func(c *Change) { c.Billed.Period = span("2026-03-01", "2026-04-01") }),
			"billed.period", validation.CodeMismatch},
		{"billed in another currency", advance, upgrade(func(c *Change) { c.Billed.Amount = amt("100.00 USD") }),
			"billed.amount", validation.CodeMismatch},
		{"billed without currency", advance, upgrade(func(c *Change) { c.Billed.Amount = money.Amount{} }),
			"billed.amount", validation.CodeRequired},
		{"billed a negative amount", advance, upgrade(func(c *Change) { c.Billed.Amount = amt("-100.00 EUR") }),
			"billed.amount", validation.CodeOutOfRange},
		{"billed finer than the currency", advance, upgrade(func(c *Change) { c.Billed.Amount = amt("100.005 EUR") }),
			"billed.amount", validation.CodeInvalid},
		{"billed a positive amount for a plan of a negative amount", recurring(t, "2026-01-01", "-10.00 EUR"),
			Change{Kind: ChangeCancel, Effective: day("2026-04-16"), Billed: billed(april, "10.00 EUR")},
			"billed.amount", validation.CodeOutOfRange},
		{"billed a fraction of a yen", recurring(t, "2026-01-01", "1000 JPY"),
			Change{Kind: ChangeCancel, Effective: day("2026-04-16"), Billed: billed(april, "1000.5 JPY")},
			"billed.amount", validation.CodeInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Prorate(tt.plan, tt.change)
			requireFault(t, err, tt.field, tt.code)
		})
	}
}

func TestChangeKindsAndPolicies(t *testing.T) {
	for _, k := range ChangeKinds() {
		assert.True(t, k.Valid(), k)
	}
	assert.False(t, ChangeKind("").Valid())
	for _, p := range []Policy{"", ProrateNow, AtNextPeriod, NoProration} {
		assert.True(t, p.Valid(), p)
	}
	assert.False(t, Policy("soon").Valid())
}

func TestProrateNotRecurring(t *testing.T) {
	_, err := Prorate(OneTimePlan(day("2026-01-01"), amt("1.00 EUR")), Change{Kind: ChangeCancel, Effective: day("2026-01-01")})
	require.ErrorIs(t, err, ErrNotRecurring)
	var ke *KindError
	require.ErrorAs(t, err, &ke)
	assert.Equal(t, KindOneTime, ke.Kind)
	assert.Equal(t, "prorate", ke.Op)
}

// Property: for any plan and any day of a billed period, the credit never
// exceeds what was billed, has its sign reversed, and the plans returned
// are valid.
func TestProrateCreditProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		plan := genRecurring(t)
		plan.Recurring.Timing = InAdvance
		x := plan.Recurring.Start.AddDays(rapid.IntRange(0, 1500).Draw(t, "x"))
		if !plan.Recurring.End.IsZero() && !x.Before(plan.Recurring.End) {
			x = plan.Recurring.Start
		}
		periods, err := plan.Periods(date.Range{Start: x, End: x.AddDays(1)})
		if err != nil || len(periods) != 1 {
			t.Fatalf("periods of %s: %v %v", x, periods, err)
		}
		paid := plan.Recurring.Amount
		change := Change{
			Kind: rapid.SampledFrom([]ChangeKind{ChangeUpgrade, ChangeCancel, ChangePause}).Draw(t, "kind"), Effective: x,
			Policy: rapid.SampledFrom([]Policy{ProrateNow, AtNextPeriod, NoProration}).Draw(t, "policy"),
			Billed: &Billed{Period: periods[0], Amount: paid},
		}
		if change.Kind == ChangeUpgrade {
			change.Amount = ptr(paid.Mul(decimal.NewFromInt(2)))
		}
		adj, err := Prorate(plan, change)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range adj.Credits {
			if c.Amount.Sign() > 0 || c.Amount.Abs().Number().GreaterThan(paid.Number()) {
				t.Fatalf("credit %s for %s billed", c.Amount, paid)
			}
		}
		for _, p := range []*Plan{adj.Before, adj.After} {
			if p != nil && p.Validate() != nil {
				t.Fatalf("invalid plan %v", p.Validate())
			}
		}
	})
}
