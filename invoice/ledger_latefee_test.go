package invoice

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLedgerLateFee(t *testing.T) {
	l, inv, seq := ledgerOf(t, "1000.00 EUR") // due March 15, 2026, to a French business at 12.15 %
	_, err := l.RecordPayment(payment(1, "300.00 EUR", "2026-04-01"), AllocateOldestFirst())
	require.NoError(t, err)
	_, err = l.ReversePayment(testID(1), day("2026-04-05"), "cheque returned unpaid")
	require.NoError(t, err)
	_, err = l.RecordPayment(payment(2, "400.00 EUR", "2026-04-14"), AllocateOldestFirst())
	require.NoError(t, err)
	issueCreditIn(t, l, seq, creditNoteOf(t, l, 50, inv[0], CreditRequest{Lines: []LineCredit{{LineID: "1", Amount: amt("100.00 EUR")}}}), "2026-04-24")
	_, err = l.RecordPayment(payment(3, "500.00 EUR", "2026-05-14"), AllocateOldestFirst())
	require.NoError(t, err)
	require.Equal(t, StatusPaid, inv[0].Status())

	debt, err := l.Debt(inv[0].ID())
	require.NoError(t, err)
	assert.Equal(t, day("2026-03-15"), debt.DueDate)
	assert.Equal(t, "1000.00 EUR", debt.Amount.String())
	assert.Equal(t, []Settlement{settled("2026-04-24", "100.00 EUR"), settled("2026-04-14", "400.00 EUR"),
		settled("2026-05-14", "500.00 EUR")}, debt.Settlements, "the reversed payment settled nothing")

	fee, err := l.LateFee(inv[0].ID(), day("2026-06-30"))
	require.NoError(t, err)
	// 1000 × 30 days (March 16 to April 14) + 600 × 10 + 500 × 20 = 46000;
	// 46000 × 12.15 ÷ 36500 = 15.3123… → 15.31
	assert.Equal(t, "15.31 EUR", fee.Interest.String())
	assert.Equal(t, "40.00 EUR", fee.Indemnity.String())
	assert.Equal(t, 60, fee.DaysLate)
	require.Len(t, fee.Segments, 3)
	assert.Equal(t, 30, fee.Segments[0].Period.Days())
	assert.Equal(t, "600.00 EUR", fee.Segments[1].Balance.String())
}
