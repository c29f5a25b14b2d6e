package kpi_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/kpi"
	"github.com/billkit/billkit/validation"
)

func TestMRRMovements(t *testing.T) {
	type move struct {
		kind                   kpi.MovementKind
		opening, closing, diff string
	}
	tests := []struct {
		name                                                          string
		from, to                                                      string
		opening, newMRR, back, expansion, contraction, churn, closing string
		customers                                                     map[string]move
	}{
		{
			// On 2026-01-01: Acme 100, Globex 100, Stark 80 = 280.
			// On 2026-04-01: Acme 200, Globex 43.333333, Umbrella 45, Hooli 30.416667,
			// Wayne 70, Initech 50 = 438.75.
			//   new          Umbrella 45 + Hooli 30.416667 + Initech 50 = 125.416667
			//   reactivation Wayne 70 (billed 2025-01..2025-06)
			//   expansion    Acme 200 − 100 = 100
			//   contraction  Globex 100 − 43.333333 = 56.666667
			//   churn        Stark 80
			//   280 + 125.416667 + 70 + 100 − 56.666667 − 80 = 438.75
			name: "first quarter", from: "2026-01-01", to: "2026-04-01",
			opening: "280.00 EUR", newMRR: "125.416667 EUR", back: "70.00 EUR", expansion: "100.00 EUR",
			contraction: "56.666667 EUR", churn: "80.00 EUR", closing: "438.75 EUR",
			customers: map[string]move{
				"Acme":     {kpi.MovementExpansion, "100.00 EUR", "200.00 EUR", "100.00 EUR"},
				"Globex":   {kpi.MovementContraction, "100.00 EUR", "43.333333 EUR", "-56.666667 EUR"},
				"Hooli":    {kpi.MovementNew, "0 EUR", "30.416667 EUR", "30.416667 EUR"},
				"Initech":  {kpi.MovementNew, "0 EUR", "50.00 EUR", "50.00 EUR"},
				"Stark":    {kpi.MovementChurn, "80.00 EUR", "0 EUR", "-80.00 EUR"},
				"Umbrella": {kpi.MovementNew, "0 EUR", "45.00 EUR", "45.00 EUR"},
				"Wayne":    {kpi.MovementReactivation, "0 EUR", "70.00 EUR", "70.00 EUR"},
			},
		},
		{
			// 2026-03-15: 388.75; 2026-04-01: 438.75; only Initech starts (new 50).
			name: "second half of March", from: "2026-03-15", to: "2026-04-01",
			opening: "388.75 EUR", newMRR: "50.00 EUR", back: "0 EUR", expansion: "0 EUR",
			contraction: "0 EUR", churn: "0 EUR", closing: "438.75 EUR",
			customers: map[string]move{"Initech": {kpi.MovementNew, "0 EUR", "50.00 EUR", "50.00 EUR"}},
		},
		{
			// 2025-03-01: Wayne 60; 2025-12-31: Stark 80. Wayne churns, Stark is new
			// (its line began after 2025-03-01).
			name: "2025", from: "2025-03-01", to: "2025-12-31",
			opening: "60.00 EUR", newMRR: "80.00 EUR", back: "0 EUR", expansion: "0 EUR",
			contraction: "0 EUR", churn: "60.00 EUR", closing: "80.00 EUR",
			customers: map[string]move{
				"Stark": {kpi.MovementNew, "0 EUR", "80.00 EUR", "80.00 EUR"},
				"Wayne": {kpi.MovementChurn, "60.00 EUR", "0 EUR", "-60.00 EUR"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := kpi.MRRMovements(portfolio(), day(tt.from), day(tt.to))
			require.NoError(t, err)
			for _, c := range []struct {
				name      string
				got, want string
			}{
				{"opening", m.Opening.String(), tt.opening}, {"new", m.New.String(), tt.newMRR},
				{"reactivation", m.Reactivation.String(), tt.back}, {"expansion", m.Expansion.String(), tt.expansion},
				{"contraction", m.Contraction.String(), tt.contraction}, {"churn", m.Churn.String(), tt.churn},
				{"closing", m.Closing.String(), tt.closing},
			} {
				assert.True(t, amt(c.got).Equal(amt(c.want)), "%s: %s, want %s", c.name, c.got, c.want)
			}
			got := map[string]move{}
			for _, c := range m.Customers {
				got[c.Customer] = move{c.Kind, c.Opening.String(), c.Closing.String(), c.Change.String()}
			}
			assert.Len(t, got, len(tt.customers))
			for k, want := range tt.customers {
				g := got[k]
				assert.Equal(t, want.kind, g.kind, k)
				assert.True(t, amt(g.opening).Equal(amt(want.opening)), "%s opening %s", k, g.opening)
				assert.True(t, amt(g.closing).Equal(amt(want.closing)), "%s closing %s", k, g.closing)
				assert.True(t, amt(g.diff).Equal(amt(want.diff)), "%s change %s", k, g.diff)
			}
			assertIdentity(t, m)
		})
	}
}

// assertIdentity checks Opening + New + Reactivation + Expansion −
// Contraction − Churn = Closing, exactly.
func assertIdentity(t testingT, m kpi.Movements) {
	t.Helper()
	sum := m.Opening.Number().Add(m.New.Number()).Add(m.Reactivation.Number()).Add(m.Expansion.Number()).
		Sub(m.Contraction.Number()).Sub(m.Churn.Number())
	require.True(t, sum.Equal(m.Closing.Number()), "identity: %s ≠ closing %s (%+v)", sum, m.Closing, m)
	net, err := m.Closing.Sub(m.Opening)
	require.NoError(t, err)
	require.True(t, m.NetNew().Equal(net), "net new %s ≠ %s", m.NetNew(), net)
}

func TestMRRMovementsRejectsBadDays(t *testing.T) {
	tests := []struct {
		name, from, to, field string
	}{
		{"no from", "", "2026-01-01", "from"},
		{"no to", "2026-01-01", "", "to"},
		{"same day", "2026-01-01", "2026-01-01", "to"},
		{"backwards", "2026-02-01", "2026-01-01", "to"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := kpi.MRRMovements(portfolio(), day(tt.from), day(tt.to))
			var ve *validation.Error
			require.True(t, errors.As(err, &ve), "got %v", err)
			assert.Equal(t, tt.field, ve.Faults[0].Field)
		})
	}
}

func TestMovementKinds(t *testing.T) {
	for _, k := range kpi.MovementKinds() {
		assert.True(t, k.Valid(), k)
	}
	assert.False(t, kpi.MovementKind("upsell").Valid())
}
