package invoice

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
)

// unchanged runs op, which must fail, and checks that l did not change.
func unchanged(t *testing.T, l *Ledger, op func() error) error {
	t.Helper()
	before, statusBefore := l.Snapshot(), statuses(l)
	err := op()
	require.Error(t, err)
	assert.Equal(t, before, l.Snapshot(), "the ledger changed")
	assert.Equal(t, statusBefore, statuses(l), "an invoice status changed")
	return err
}

func TestRecordPaymentExplicit(t *testing.T) {
	l, inv, _ := ledgerOf(t, "100.00 EUR", "80.00 EUR", "60.00 EUR")
	posting, err := l.RecordPayment(payment(1, "150.00 EUR", "2026-03-20"),
		AllocateParts(part(inv[0], "100.00 EUR"), part(inv[1], "30.00 EUR")))
	require.NoError(t, err)

	assert.Equal(t, []string{"0.00 EUR", "50.00 EUR", "60.00 EUR"}, balances(t, l))
	assert.Equal(t, []Status{StatusPaid, StatusPartiallyPaid, StatusIssued}, statuses(l))
	assert.Equal(t, []StatusChange{
		{InvoiceID: inv[0].ID(), Number: inv[0].Number(), From: StatusIssued, To: StatusPaid},
		{InvoiceID: inv[1].ID(), Number: inv[1].Number(), From: StatusIssued, To: StatusPartiallyPaid},
	}, posting.Changes)
	require.Len(t, posting.Entries, 2)
	assert.Equal(t, Entry{Kind: EntryApply, Date: day("2026-03-20"), PaymentID: testID(1), InvoiceID: inv[0].ID(),
		Amount: amt("100.00 EUR")}, posting.Entries[0])
	assert.Equal(t, "20.00 EUR", posting.CreditBalance.String(), "the rest is kept as credit")
	assert.Equal(t, uint64(4), posting.Version)
	assert.Equal(t, StatusPaid, inv[0].Status(), "the ledger drives the invoice itself")
}

func TestRecordPaymentOldestFirst(t *testing.T) {
	tests := []struct {
		amount   string
		balances []string
		statuses []Status
		credit   string
	}{
		{"50.00 EUR", []string{"50.00 EUR", "80.00 EUR", "60.00 EUR"},
			[]Status{StatusPartiallyPaid, StatusIssued, StatusIssued}, "0.00 EUR"},
		{"100.00 EUR", []string{"0.00 EUR", "80.00 EUR", "60.00 EUR"},
			[]Status{StatusPaid, StatusIssued, StatusIssued}, "0.00 EUR"},
		{"200.00 EUR", []string{"0.00 EUR", "0.00 EUR", "40.00 EUR"},
			[]Status{StatusPaid, StatusPaid, StatusPartiallyPaid}, "0.00 EUR"},
		{"240.00 EUR", []string{"0.00 EUR", "0.00 EUR", "0.00 EUR"},
			[]Status{StatusPaid, StatusPaid, StatusPaid}, "0.00 EUR"},
		{"250.01 EUR", []string{"0.00 EUR", "0.00 EUR", "0.00 EUR"},
			[]Status{StatusPaid, StatusPaid, StatusPaid}, "10.01 EUR"},
	}
	for _, tt := range tests {
		t.Run(tt.amount, func(t *testing.T) {
			// Added out of due order: the oldest due date goes first, not the first added.
			l, err := NewLedger(testCustomer, money.EUR)
			require.NoError(t, err)
			var seq MemorySequence
			for _, inv := range []struct{ total, due string }{
				{"60.00 EUR", "2026-04-14"}, {"100.00 EUR", "2026-03-15"}, {"80.00 EUR", "2026-03-30"},
			} {
				require.NoError(t, l.AddInvoice(receivableInvoice(t, &seq, inv.total, inv.due)))
			}
			_, err = l.RecordPayment(payment(1, tt.amount, "2026-03-20"), AllocateOldestFirst())
			require.NoError(t, err)
			byDue := l.Receivables()
			got, st := make([]string, 3), make([]Status, 3)
			for i, k := range []int{1, 2, 0} { // due March 15, March 30, April 14
				got[i], st[i] = byDue[k].Balance.String(), byDue[k].Status
			}
			assert.Equal(t, tt.balances, got)
			assert.Equal(t, tt.statuses, st)
			assert.Equal(t, tt.credit, l.CreditBalance().String())
		})
	}
}

func TestRecordPaymentMixesExplicitAndOldestFirst(t *testing.T) {
	l, inv, _ := ledgerOf(t, "100.00 EUR", "80.00 EUR", "60.00 EUR")
	plan := AllocateParts(part(inv[2], "60.00 EUR"), part(inv[1], "10.00 EUR"))
	plan.OldestFirst = true
	posting, err := l.RecordPayment(payment(1, "150.00 EUR", "2026-03-20"), plan)
	require.NoError(t, err)
	// 60 and 10 as asked, then 80 to the oldest: the first invoice.
	assert.Equal(t, []string{"20.00 EUR", "70.00 EUR", "0.00 EUR"}, balances(t, l))
	assert.Len(t, posting.Entries, 3)
	assert.Equal(t, "0.00 EUR", posting.CreditBalance.String())
}

func TestRecordPaymentSkipsDisputedWhenAutomatic(t *testing.T) {
	l, inv, _ := ledgerOf(t, "100.00 EUR", "80.00 EUR")
	require.NoError(t, l.Dispute(inv[0].ID(), "Service not rendered", day("2026-03-16")))
	_, err := l.RecordPayment(payment(1, "100.00 EUR", "2026-03-20"), AllocateOldestFirst())
	require.NoError(t, err)
	assert.Equal(t, []string{"100.00 EUR", "0.00 EUR"}, balances(t, l))
	assert.Equal(t, "20.00 EUR", l.CreditBalance().String())
	// An explicit allocation still reaches a disputed invoice.
	_, err = l.ApplyCredit(day("2026-03-21"), AllocateParts(part(inv[0], "20.00 EUR")))
	require.NoError(t, err)
	assert.Equal(t, []string{"80.00 EUR", "0.00 EUR"}, balances(t, l))
}

func TestRecordPaymentRefused(t *testing.T) {
	l, inv, seq := ledgerOf(t, "100.00 EUR", "80.00 EUR")
	_, err := l.RecordPayment(payment(1, "10.00 EUR", "2026-03-20"), AllocationPlan{})
	require.NoError(t, err)
	void := receivableInvoice(t, seq, "10.00 EUR", "2026-04-01")
	require.NoError(t, l.AddInvoice(void))
	issueCreditIn(t, l, seq, creditNoteOf(t, l, 50, void, CreditRequest{}), "2026-03-02")
	require.Equal(t, StatusVoid, void.Status())

	tests := []struct {
		name    string
		payment Payment
		plan    AllocationPlan
		faults  []string
		over    string // the field of an *OverAllocationError
	}{
		{"same payment twice", payment(1, "10.00 EUR", "2026-03-20"), AllocationPlan{}, []string{"id duplicate"}, ""},
		{"other customer", func() Payment { p := payment(2, "10.00 EUR", "2026-03-20"); p.Customer = "other"; return p }(),
			AllocationPlan{}, []string{"customer mismatch"}, ""},
		{"other currency", payment(2, "10.00 USD", "2026-03-20"), AllocationPlan{}, []string{"amount mismatch"}, ""},
		{"no date", func() Payment { p := payment(2, "10.00 EUR", "2026-03-20"); p.Date = date.Date{}; return p }(),
			AllocationPlan{}, []string{"date required"}, ""},
		{"unknown invoice", payment(2, "10.00 EUR", "2026-03-20"),
			AllocateParts(InvoiceAmount{InvoiceID: testID(404), Amount: amt("10.00 EUR")}), []string{"plan.parts[0].invoice_id unknown"}, ""},
		{"no invoice", payment(2, "10.00 EUR", "2026-03-20"),
			AllocateParts(InvoiceAmount{Amount: amt("10.00 EUR")}), []string{"plan.parts[0].invoice_id required"}, ""},
		{"void invoice", payment(2, "10.00 EUR", "2026-03-20"),
			AllocateParts(part(void, "10.00 EUR")), []string{"plan.parts[0].invoice_id not_allowed"}, ""},
		{"same invoice twice", payment(2, "10.00 EUR", "2026-03-20"),
			AllocateParts(part(inv[0], "5.00 EUR"), part(inv[0], "5.00 EUR")), []string{"plan.parts[1].invoice_id duplicate"}, ""},
		{"part in another currency", payment(2, "10.00 EUR", "2026-03-20"),
			AllocateParts(part(inv[0], "5.00 USD")), []string{"plan.parts[0].amount mismatch"}, ""},
		{"negative part", payment(2, "10.00 EUR", "2026-03-20"),
			AllocateParts(part(inv[0], "-5.00 EUR")), []string{"plan.parts[0].amount out_of_range"}, ""},
		{"sub-cent part", payment(2, "10.00 EUR", "2026-03-20"),
			AllocateParts(part(inv[0], "5.005 EUR")), []string{"plan.parts[0].amount invalid"}, ""},
		{"beyond the invoice balance", payment(2, "200.00 EUR", "2026-03-20"),
			AllocateParts(part(inv[0], "50.00 EUR"), part(inv[1], "80.01 EUR")), nil, "plan.parts[1].amount"},
		{"beyond the payment", payment(2, "100.00 EUR", "2026-03-20"),
			AllocateParts(part(inv[0], "60.00 EUR"), part(inv[1], "40.01 EUR")), nil, "plan"},
		{"1e30 EUR", payment(2, "1000000000000000000000000000000 EUR", "2026-03-20"), AllocationPlan{},
			[]string{"amount out_of_range"}, ""},
		{"a part of 1e30 EUR", payment(2, "10.00 EUR", "2026-03-20"),
			AllocateParts(part(inv[0], "1000000000000000000000000000000 EUR")), []string{"plan.parts[0].amount out_of_range"}, ""},
		{"more parts than invoices", payment(2, "10.00 EUR", "2026-03-20"),
			AllocateParts(make([]InvoiceAmount, 100001)...), []string{"plan.parts out_of_range"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := unchanged(t, l, func() error {
				_, err := l.RecordPayment(tt.payment, tt.plan)
				return err
			})
			if tt.over != "" {
				var over *OverAllocationError
				require.ErrorAs(t, err, &over)
				assert.Equal(t, tt.over, over.Field)
				return
			}
			assert.Equal(t, tt.faults, faults(t, err))
		})
	}
}

func TestApplyCredit(t *testing.T) {
	l, inv, _ := ledgerOf(t, "100.00 EUR", "80.00 EUR")
	// Two overpayments, the later one received first in the ledger.
	_, err := l.RecordPayment(payment(2, "30.00 EUR", "2026-03-25"), AllocationPlan{})
	require.NoError(t, err)
	_, err = l.RecordPayment(payment(1, "50.00 EUR", "2026-03-20"), AllocationPlan{})
	require.NoError(t, err)

	t.Run("only money received by then", func(t *testing.T) {
		err := unchanged(t, l, func() error {
			_, err := l.ApplyCredit(day("2026-03-24"), AllocateParts(part(inv[0], "60.00 EUR")))
			return err
		})
		var over *OverAllocationError
		require.ErrorAs(t, err, &over)
		assert.Equal(t, "50.00 EUR", over.Available.String())
		assert.Equal(t, "credit balance", over.Limit)
	})
	t.Run("nothing to apply", func(t *testing.T) {
		err := unchanged(t, l, func() error { _, err := l.ApplyCredit(date.Date{}, AllocationPlan{}); return err })
		assert.Equal(t, []string{"date required", "plan required"}, faults(t, err))
	})
	t.Run("oldest payment first", func(t *testing.T) {
		posting, err := l.ApplyCredit(day("2026-03-26"), AllocateParts(part(inv[0], "60.00 EUR")))
		require.NoError(t, err)
		require.Len(t, posting.Entries, 2)
		assert.Equal(t, testID(1), posting.Entries[0].PaymentID)
		assert.Equal(t, "50.00 EUR", posting.Entries[0].Amount.String())
		assert.Equal(t, testID(2), posting.Entries[1].PaymentID)
		assert.Equal(t, "10.00 EUR", posting.Entries[1].Amount.String())
		assert.Equal(t, "20.00 EUR", posting.CreditBalance.String())
		assert.Equal(t, []string{"40.00 EUR", "80.00 EUR"}, balances(t, l))
	})
	t.Run("the rest, oldest invoice first", func(t *testing.T) {
		_, err := l.ApplyCredit(day("2026-03-27"), AllocateOldestFirst())
		require.NoError(t, err)
		assert.Equal(t, []string{"20.00 EUR", "80.00 EUR"}, balances(t, l))
		assert.True(t, l.CreditBalance().IsZero())
	})
}
