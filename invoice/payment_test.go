package invoice

import (
	"testing"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
)

func TestPaymentMethodValid(t *testing.T) {
	for _, m := range PaymentMethods() {
		t.Run(m.String(), func(t *testing.T) {
			assert.True(t, m.Valid())
		})
	}
	for _, m := range []PaymentMethod{"", "Transfer", "bitcoin"} {
		t.Run("invalid "+string(m), func(t *testing.T) {
			assert.False(t, m.Valid())
		})
	}
}

func TestPaymentValidate(t *testing.T) {
	long := string(make([]byte, 141))
	tests := []struct {
		name   string
		edit   func(p *Payment)
		faults []string
	}{
		{"valid", func(*Payment) {}, nil},
		{"no id", func(p *Payment) { p.ID = uuid.Nil }, []string{"id required"}},
		{"no customer", func(p *Payment) { p.Customer = "" }, []string{"customer required"}},
		{"no date", func(p *Payment) { p.Date = date.Date{} }, []string{"date required"}},
		{"no method", func(p *Payment) { p.Method = "" }, []string{"method required"}},
		{"unknown method", func(p *Payment) { p.Method = "bitcoin" }, []string{"method not_allowed"}},
		{"reference too long", func(p *Payment) { p.Reference = long }, []string{"reference out_of_range"}},
		{"no amount", func(p *Payment) { p.Amount = money.Amount{} }, []string{"amount required"}},
		{"zero amount", func(p *Payment) { p.Amount = amt("0.00 EUR") }, []string{"amount out_of_range"}},
		{"negative amount", func(p *Payment) { p.Amount = amt("-5.00 EUR") }, []string{"amount out_of_range"}},
		{"sub-cent amount", func(p *Payment) { p.Amount = amt("5.001 EUR") }, []string{"amount invalid"}},
		{"sub-yen amount", func(p *Payment) { p.Amount = amt("5.5 JPY") }, []string{"amount invalid"}},
		{"trailing zeros are fine", func(p *Payment) { p.Amount = amt("5.1000 EUR") }, nil},
		{"1e30 EUR", func(p *Payment) { p.Amount = money.New(decimal.New(1, 30), money.EUR) }, []string{"amount out_of_range"}},
		{"10^15 EUR", func(p *Payment) { p.Amount = amt("1000000000000000.00 EUR") }, []string{"amount out_of_range"}},
		{"just below 10^15 EUR", func(p *Payment) { p.Amount = amt("999999999999999.99 EUR") }, nil},
		{"1e-1000000000 EUR", func(p *Payment) { p.Amount = money.New(decimal.New(1, -1000000000), money.EUR) }, []string{"amount invalid"}},
		{"NUL in the reference", func(p *Payment) { p.Reference = "VIR\x00 42" }, []string{"reference invalid"}},
		{"a line feed in the reference", func(p *Payment) { p.Reference = "VIR\n42" }, []string{"reference invalid"}},
		{"invalid UTF-8 in the customer", func(p *Payment) { p.Customer = "acme\xff" }, []string{"customer invalid"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := payment(1, "100.00 EUR", "2026-04-01")
			tt.edit(&p)
			assert.Equal(t, tt.faults, faults(t, p.Validate()))
		})
	}
}

func TestRefundValidate(t *testing.T) {
	tests := []struct {
		name   string
		refund Refund
		faults []string
	}{
		{"valid", Refund{ID: testID(1), Amount: amt("10.00 EUR"), Date: day("2026-04-01"), Method: MethodCard}, nil},
		{"empty", Refund{}, []string{"id required", "date required", "method required", "amount required"}},
		{"bad method and amount", Refund{ID: testID(1), Amount: amt("-1.00 EUR"), Date: day("2026-04-01"), Method: "gift"},
			[]string{"method not_allowed", "amount out_of_range"}},
		{"too large, with a control in the reference", Refund{ID: testID(1), Amount: amt("5000000000000000 EUR"), Date: day("2026-04-01"),
			Method: MethodCard, Reference: "\x1b[2J"}, []string{"reference invalid", "amount out_of_range"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.faults, faults(t, tt.refund.Validate()))
		})
	}
}

func TestAllocationPlan(t *testing.T) {
	tests := []struct {
		name string
		plan AllocationPlan
		zero bool
	}{
		{"zero", AllocationPlan{}, true},
		{"parts", AllocateParts(InvoiceAmount{InvoiceID: testID(1), Amount: amt("1.00 EUR")}), false},
		{"oldest first", AllocateOldestFirst(), false},
		{"no parts", AllocateParts(), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.zero, tt.plan.IsZero())
		})
	}
}
