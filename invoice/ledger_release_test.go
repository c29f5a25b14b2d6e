package invoice

import (
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
)

func TestUnallocate(t *testing.T) {
	l, inv, _ := ledgerOf(t, "100.00 EUR", "80.00 EUR")
	_, err := l.RecordPayment(payment(1, "60.00 EUR", "2026-03-20"), AllocateParts(part(inv[0], "60.00 EUR")))
	require.NoError(t, err)
	_, err = l.RecordPayment(payment(2, "40.00 EUR", "2026-03-22"), AllocateParts(part(inv[0], "40.00 EUR")))
	require.NoError(t, err)
	require.Equal(t, StatusPaid, inv[0].Status())

	t.Run("refused", func(t *testing.T) {
		tests := []struct {
			name   string
			id     uuid.UUID
			amount string
			on     date.Date
			reason string
			faults []string
			target error
		}{
			{"no reason nor date", inv[0].ID(), "10.00 EUR", date.Date{}, "", []string{"date required", "reason required"}, nil},
			{"other currency", inv[0].ID(), "10.00 USD", issD, "wrong invoice", []string{"amount mismatch"}, nil},
			{"unknown invoice", testID(404), "10.00 EUR", issD, "wrong invoice", nil, ErrNotFound},
			{"more than paid", inv[0].ID(), "100.01 EUR", issD, "wrong invoice", nil, ErrOverAllocation},
			{"nothing paid", inv[1].ID(), "0.01 EUR", issD, "wrong invoice", nil, ErrOverAllocation},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				err := unchanged(t, l, func() error {
					_, err := l.Unallocate(tt.id, amt(tt.amount), tt.on, tt.reason)
					return err
				})
				if tt.target != nil {
					assert.ErrorIs(t, err, tt.target)
					return
				}
				assert.Equal(t, tt.faults, faults(t, err))
			})
		}
	})
	t.Run("latest payment first", func(t *testing.T) {
		posting, err := l.Unallocate(inv[0].ID(), amt("50.00 EUR"), day("2026-03-25"), "meant for the other invoice")
		require.NoError(t, err)
		require.Len(t, posting.Entries, 2)
		assert.Equal(t, Entry{Kind: EntryUnapply, Date: day("2026-03-25"), PaymentID: testID(2), InvoiceID: inv[0].ID(),
			Amount: amt("40.00 EUR"), Reason: "meant for the other invoice"}, posting.Entries[0])
		assert.Equal(t, testID(1), posting.Entries[1].PaymentID)
		assert.Equal(t, "10.00 EUR", posting.Entries[1].Amount.String())
		assert.Equal(t, []StatusChange{{InvoiceID: inv[0].ID(), Number: inv[0].Number(), From: StatusPaid, To: StatusPartiallyPaid}},
			posting.Changes)
		assert.Equal(t, "50.00 EUR", posting.CreditBalance.String())
		assert.Equal(t, []string{"50.00 EUR", "80.00 EUR"}, balances(t, l))
	})
	t.Run("back to issued", func(t *testing.T) {
		_, err := l.Unallocate(inv[0].ID(), amt("50.00 EUR"), day("2026-03-25"), "meant for the other invoice")
		require.NoError(t, err)
		assert.Equal(t, StatusIssued, inv[0].Status())
		_, err = l.ApplyCredit(day("2026-03-25"), AllocateParts(part(inv[1], "80.00 EUR")))
		require.NoError(t, err)
		assert.Equal(t, []Status{StatusIssued, StatusPaid}, statuses(l))
		assert.Equal(t, "20.00 EUR", l.CreditBalance().String())
	})
}

func TestReversePayment(t *testing.T) {
	l, inv, _ := ledgerOf(t, "100.00 EUR", "80.00 EUR")
	require.NoError(t, l.MarkSent(inv[0].ID(), issD))
	_, err := l.RecordPayment(payment(1, "200.00 EUR", "2026-03-20"), AllocateOldestFirst())
	require.NoError(t, err)
	require.Equal(t, []Status{StatusPaid, StatusPaid}, statuses(l))
	require.Equal(t, "20.00 EUR", l.CreditBalance().String())

	t.Run("refused", func(t *testing.T) {
		tests := []struct {
			name   string
			id     uuid.UUID
			on     date.Date
			reason string
			faults []string
			target error
		}{
			{"no date nor reason", testID(1), date.Date{}, "", []string{"date required", "reason required"}, nil},
			{"before the payment", testID(1), day("2026-03-19"), "cheque returned", []string{"date out_of_range"}, nil},
			{"unknown payment", testID(404), day("2026-03-25"), "cheque returned", nil, ErrNotFound},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				err := unchanged(t, l, func() error { _, err := l.ReversePayment(tt.id, tt.on, tt.reason); return err })
				if tt.target != nil {
					assert.ErrorIs(t, err, tt.target)
					return
				}
				assert.Equal(t, tt.faults, faults(t, err))
			})
		}
	})

	posting, err := l.ReversePayment(testID(1), day("2026-03-25"), "cheque returned unpaid")
	require.NoError(t, err)
	assert.Len(t, posting.Entries, 3, "two invoices back, then the whole payment cancelled")
	assert.Equal(t, Entry{Kind: EntryReverse, Date: day("2026-03-25"), PaymentID: testID(1), Amount: amt("200.00 EUR"),
		Reason: "cheque returned unpaid"}, posting.Entries[2])
	assert.Equal(t, []Status{StatusSent, StatusIssued}, statuses(l), "back to sent for the invoice that was sent")
	assert.Equal(t, []string{"100.00 EUR", "80.00 EUR"}, balances(t, l))
	assert.True(t, l.CreditBalance().IsZero())
	p, err := l.Payment(testID(1))
	require.NoError(t, err)
	assert.True(t, p.IsReversed())
	assert.Equal(t, "cheque returned unpaid", p.ReversalReason)
	assert.True(t, p.Allocated.IsZero())
	assert.True(t, p.Unallocated.IsZero())

	err = unchanged(t, l, func() error { _, err := l.ReversePayment(testID(1), day("2026-03-26"), "again"); return err })
	assert.ErrorIs(t, err, ErrPaymentReversed)
	err = unchanged(t, l, func() error {
		_, err := l.Refund(Refund{ID: testID(10), Amount: amt("1.00 EUR"), Date: day("2026-03-26"), Method: MethodTransfer, PaymentID: testID(1)})
		return err
	})
	assert.ErrorIs(t, err, ErrPaymentReversed)
}

func TestReverseRefundedPayment(t *testing.T) {
	l, _, _ := ledgerOf(t, "100.00 EUR")
	_, err := l.RecordPayment(payment(1, "150.00 EUR", "2026-03-20"), AllocateOldestFirst())
	require.NoError(t, err)
	_, err = l.Refund(Refund{ID: testID(10), Amount: amt("50.00 EUR"), Date: day("2026-03-21"), Method: MethodTransfer})
	require.NoError(t, err)
	err = unchanged(t, l, func() error { _, err := l.ReversePayment(testID(1), day("2026-03-25"), "chargeback"); return err })
	var pe *PaymentError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "reverse", pe.Op)
	assert.ErrorIs(t, err, ErrPaymentRefunded)
}

func TestRefund(t *testing.T) {
	l, _, _ := ledgerOf(t, "100.00 EUR")
	_, err := l.RecordPayment(payment(1, "130.00 EUR", "2026-03-20"), AllocateOldestFirst())
	require.NoError(t, err)
	_, err = l.RecordPayment(payment(2, "20.00 EUR", "2026-03-22"), AllocationPlan{})
	require.NoError(t, err)
	require.Equal(t, "50.00 EUR", l.CreditBalance().String())
	refund := func(n int, amount, on string) Refund {
		return Refund{ID: testID(n), Amount: amt(amount), Date: day(on), Method: MethodTransfer, Reference: "REMB"}
	}

	tests := []struct {
		name   string
		refund Refund
		faults []string
		limit  string // the Limit of an *OverAllocationError
	}{
		{"malformed", Refund{}, []string{"id required", "date required", "method required", "amount required"}, ""},
		{"other currency", refund(10, "5.00 USD", "2026-03-25"), []string{"amount mismatch"}, ""},
		{"unknown payment", func() Refund { r := refund(10, "5.00 EUR", "2026-03-25"); r.PaymentID = testID(404); return r }(),
			[]string{"payment_id unknown"}, ""},
		{"credit note that released nothing", func() Refund { r := refund(10, "5.00 EUR", "2026-03-25"); r.CreditNoteID = testID(404); return r }(),
			[]string{"credit_note_id unknown"}, ""},
		{"more than the credit balance", refund(10, "50.01 EUR", "2026-03-25"), nil, "credit balance"},
		{"before the second payment", refund(10, "30.01 EUR", "2026-03-21"), nil, "credit balance"},
		{"more than the payment named", func() Refund { r := refund(10, "20.01 EUR", "2026-03-25"); r.PaymentID = testID(2); return r }(),
			nil, "credit balance"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := unchanged(t, l, func() error { _, err := l.Refund(tt.refund); return err })
			if tt.limit != "" {
				var over *OverAllocationError
				require.ErrorAs(t, err, &over)
				assert.Equal(t, tt.limit, over.Limit)
				return
			}
			assert.Equal(t, tt.faults, faults(t, err))
		})
	}

	posting, err := l.Refund(refund(10, "40.00 EUR", "2026-03-25"))
	require.NoError(t, err)
	require.Len(t, posting.Entries, 2, "oldest payment first")
	assert.Equal(t, "30.00 EUR", posting.Entries[0].Amount.String())
	assert.Equal(t, "10.00 EUR", posting.Entries[1].Amount.String())
	assert.Equal(t, "10.00 EUR", posting.CreditBalance.String())
	assert.Equal(t, []Refund{refund(10, "40.00 EUR", "2026-03-25")}, l.Refunds())
	p, err := l.Payment(testID(1))
	require.NoError(t, err)
	assert.Equal(t, "30.00 EUR", p.Refunded.String())
	assert.Equal(t, "100.00 EUR", p.Allocated.String())

	err = unchanged(t, l, func() error { _, err := l.Refund(refund(10, "1.00 EUR", "2026-03-25")); return err })
	assert.Equal(t, []string{"id duplicate"}, faults(t, err))
}
