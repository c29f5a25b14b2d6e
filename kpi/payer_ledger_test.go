package kpi_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/kpi"
	"github.com/billkit/billkit/validation"
)

func TestSettlementsFromLedger(t *testing.T) {
	// Four invoices of 120.00 EUR:
	//   0 due 03-15: paid in full on 03-10                     -> settled 03-10
	//   1 due 04-01: 50.00 on 04-05, 70.00 on 04-10            -> settled 04-10
	//   2 due 04-15: 60.00 on 04-20, credit note of 50.00 + 20 % VAT = 60.00 on 04-25
	//                                                          -> settled 04-25, 60.00 paid
	//   3 due 04-30: 60.00 on 04-28, still owes 60.00          -> not settled
	f := newLedger(t, "2026-03-15", "2026-04-01", "2026-04-15", "2026-04-30")
	f.pay(t, 1, "120.00 EUR", "2026-03-10", 0)
	f.pay(t, 2, "50.00 EUR", "2026-04-05", 1)
	f.pay(t, 3, "70.00 EUR", "2026-04-10", 1)
	f.pay(t, 4, "60.00 EUR", "2026-04-20", 2)
	f.credit(t, 50, "50.00 EUR", "2026-04-25", 2)
	f.pay(t, 5, "60.00 EUR", "2026-04-28", 3)

	got, err := kpi.SettlementsFromLedger(f.ledger)
	require.NoError(t, err)
	want := []struct {
		invoice   int
		due, paid string
		amount    string
	}{
		{0, "2026-03-15", "2026-03-10", "120.00 EUR"},
		{1, "2026-04-01", "2026-04-10", "120.00 EUR"},
		{2, "2026-04-15", "2026-04-25", "60.00 EUR"},
	}
	require.Len(t, got, len(want))
	for i, w := range want {
		s := got[i]
		assert.Equal(t, "boulangerie-martin", s.Customer)
		assert.Equal(t, f.invoices[w.invoice].ID(), s.InvoiceID)
		assert.Equal(t, day(w.due), s.DueDate, "invoice %d", w.invoice)
		assert.Equal(t, day(w.paid), s.PaidOn, "invoice %d", w.invoice)
		assert.True(t, s.Amount.Equal(amt(w.amount)), "invoice %d: %s", w.invoice, s.Amount)
	}

	// 0, 9 and 10 days late: 2 of 3 late (0.6667 > 0.5) -> bad; 19 ÷ 3 = 6.33 days.
	p, err := kpi.PayerProfiles(got, kpi.DefaultPayerThresholds())
	require.NoError(t, err)
	require.Len(t, p, 1)
	assert.Equal(t, "0.6667", p[0].LateShare.String())
	assert.Equal(t, "6.33", p[0].AverageDaysLate.String())
	assert.Equal(t, kpi.PayerBad, p[0].Class)
}

func TestSettlementsFromLedgerReversal(t *testing.T) {
	// Paid on 03-10, the payment bounces on 03-20 and is paid again on
	// 03-25: the invoice is settled on 03-25.
	f := newLedger(t, "2026-03-15")
	f.pay(t, 1, "120.00 EUR", "2026-03-10", 0)
	_, err := f.ledger.ReversePayment(testID(1), day("2026-03-20"), "returned by the bank")
	require.NoError(t, err)
	got, err := kpi.SettlementsFromLedger(f.ledger)
	require.NoError(t, err)
	assert.Empty(t, got) // owes 120.00 again

	f.pay(t, 2, "120.00 EUR", "2026-03-25", 0)
	got, err = kpi.SettlementsFromLedger(f.ledger)
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, day("2026-03-25"), got[0].PaidOn)
	assert.Equal(t, 10, got[0].DaysLate())

	r, err := f.ledger.Receivable(f.invoices[0].ID())
	require.NoError(t, err)
	assert.Equal(t, invoice.StatusPaid, r.Status)
}

func TestSettlementsFromNilLedger(t *testing.T) {
	_, err := kpi.SettlementsFromLedger(nil)
	assert.ErrorIs(t, err, validation.ErrInvalid)
}
