package invoice

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLedgerTypedErrors(t *testing.T) {
	tests := []struct {
		name     string
		err      error
		sentinel error
		message  string
	}{
		{"over-allocation of an invoice", &OverAllocationError{Field: "plan.parts[1].amount", InvoiceID: testID(1), Number: "F2026-000001",
			Limit: "balance", Requested: amt("150.00 EUR"), Available: amt("100.00 EUR")}, ErrOverAllocation,
			"invoice: plan.parts[1].amount: cannot allocate 150.00 EUR to invoice F2026-000001, its balance is 100.00 EUR"},
		{"over-allocation of a payment", &OverAllocationError{Field: "plan", Limit: "payment amount",
			Requested: amt("150.00 EUR"), Available: amt("100.00 EUR")}, ErrOverAllocation,
			"invoice: plan: cannot use 150.00 EUR, the payment amount is 100.00 EUR"},
		{"payment not found", &NotFoundError{Kind: "payment", ID: testID(7)}, ErrNotFound,
			"invoice: payment 01960000-0000-7000-8000-000000000007 not found in the ledger"},
		{"invoice not found by number", &NotFoundError{Kind: "invoice", Number: "F2026-000009"}, ErrNotFound,
			"invoice: invoice F2026-000009 not found in the ledger"},
		{"reversed", &PaymentError{Op: "refund", PaymentID: testID(3), Err: ErrPaymentReversed}, ErrPaymentReversed,
			"invoice: cannot refund payment 01960000-0000-7000-8000-000000000003: invoice: payment was reversed"},
		{"refunded", &PaymentError{Op: "reverse", PaymentID: testID(3), Err: ErrPaymentRefunded}, ErrPaymentRefunded,
			"invoice: cannot reverse payment 01960000-0000-7000-8000-000000000003: invoice: payment was refunded in part"},
	}
	sentinels := []error{ErrOverAllocation, ErrNotFound, ErrNotReceivable, ErrPaymentReversed, ErrPaymentRefunded}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.ErrorIs(t, tt.err, tt.sentinel)
			assert.EqualError(t, tt.err, tt.message)
			for _, other := range sentinels {
				if other != tt.sentinel {
					assert.False(t, errors.Is(tt.err, other), "must not match %v", other)
				}
			}
		})
	}
}
