package invoice

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
)

// busyLedger returns a ledger with payments, allocations, a credit note, a
// refund, a reversal and a dispute.
func busyLedger(t *testing.T) (*Ledger, []*Invoice) {
	t.Helper()
	l, inv, seq := ledgerOf(t, "100.00 EUR", "80.00 EUR", "60.00 EUR")
	_, err := l.RecordPayment(payment(1, "150.00 EUR", "2026-03-20"), AllocateOldestFirst())
	require.NoError(t, err)
	_, err = l.RecordPayment(payment(2, "100.00 EUR", "2026-03-21"), AllocateParts(part(inv[2], "60.00 EUR")))
	require.NoError(t, err)
	issueCreditIn(t, l, seq, creditNoteOf(t, l, 50, inv[0], CreditRequest{Lines: []LineCredit{{LineID: "1", Amount: amt("25.00 EUR")}}}), "2026-03-22")
	_, err = l.Refund(Refund{ID: testID(10), Amount: amt("25.00 EUR"), Date: day("2026-03-23"), Method: MethodTransfer, CreditNoteID: testID(50)})
	require.NoError(t, err)
	_, err = l.RecordPayment(payment(3, "5.00 EUR", "2026-03-24"), AllocateOldestFirst())
	require.NoError(t, err)
	_, err = l.ReversePayment(testID(3), day("2026-03-28"), "direct debit rejected")
	require.NoError(t, err)
	require.NoError(t, l.Dispute(inv[1].ID(), "Quantity disputed", day("2026-03-25")))
	return l, inv
}

func TestLedgerSnapshotRoundTrip(t *testing.T) {
	l, inv := busyLedger(t)
	snap := l.Snapshot()
	data, err := json.Marshal(snap)
	require.NoError(t, err)
	var decoded LedgerSnapshot
	require.NoError(t, json.Unmarshal(data, &decoded))

	// The invoices come back from their own snapshots, as a store loads them.
	loaded := make([]*Invoice, len(inv))
	for i := range inv {
		loaded[i], err = Restore(inv[i].Snapshot())
		require.NoError(t, err)
	}
	back, err := RestoreLedger(decoded, loaded)
	require.NoError(t, err)
	assert.Equal(t, l.Version(), back.Version())
	assert.Equal(t, balances(t, l), balances(t, back))
	assert.Equal(t, statuses(l), statuses(back))
	assert.Equal(t, l.CreditBalance().String(), back.CreditBalance().String())
	assert.Equal(t, l.Receivables()[1].Dispute, back.Receivables()[1].Dispute)
	again, err := json.Marshal(back.Snapshot())
	require.NoError(t, err)
	assert.JSONEq(t, string(data), string(again))
	for i, p := range l.Payments() {
		q := back.Payments()[i]
		assert.Equal(t, p.Unallocated.String(), q.Unallocated.String())
		assert.Equal(t, p.ReversedOn, q.ReversedOn)
	}
}

func TestRestoreLedgerRefuses(t *testing.T) {
	l, inv := busyLedger(t)
	tests := []struct {
		name     string
		edit     func(s *LedgerSnapshot)
		invoices func() []*Invoice
		fault    string
	}{
		{"no customer", func(s *LedgerSnapshot) { s.Customer = "" }, nil, "customer required"},
		{"invoice missing", nil, func() []*Invoice { return inv[:2] }, "invoices[2].invoice_id unknown"},
		{"invoice not in the snapshot", func(s *LedgerSnapshot) { s.Invoices = s.Invoices[:2] }, nil, "invoices unknown"},
		{"invoice listed twice", func(s *LedgerSnapshot) { s.Invoices = append(s.Invoices, s.Invoices[0]) }, nil, "invoices[3].invoice_id duplicate"},
		{"credit note issued outside", func(s *LedgerSnapshot) { s.Invoices[0].Credits = nil }, nil, "invoices[0].credits inconsistent"},
		{"payment of another customer", func(s *LedgerSnapshot) { s.Payments[0].Customer = "other" }, nil, "payments[0].customer mismatch"},
		{"payment in another currency", func(s *LedgerSnapshot) { s.Payments[0].Amount = amt("150.00 USD") }, nil, "payments[0].amount mismatch"},
		{"payment twice", func(s *LedgerSnapshot) { s.Payments[1].ID = s.Payments[0].ID }, nil, "payments[1].id duplicate"},
		{"refund in another currency", func(s *LedgerSnapshot) { s.Refunds[0].Amount = amt("25.00 USD") }, nil, "refunds[0].amount mismatch"},
		{"refund twice", func(s *LedgerSnapshot) { s.Refunds = append(s.Refunds, s.Refunds[0]) }, nil, "refunds[1].id duplicate"},
		{"malformed refund", func(s *LedgerSnapshot) { s.Refunds[0].Method = "" }, nil, "refunds[0].method required"},
		{"entry of an unknown payment", func(s *LedgerSnapshot) { s.Entries[0].PaymentID = testID(404) }, nil, "entries[0].payment_id unknown"},
		{"entry of an unknown invoice", func(s *LedgerSnapshot) { s.Entries[0].InvoiceID = testID(404) }, nil, "entries[0].invoice_id unknown"},
		{"entry of an unknown kind", func(s *LedgerSnapshot) { s.Entries[0].Kind = "gift" }, nil, "entries[0].kind not_allowed"},
		{"entry without date", func(s *LedgerSnapshot) { s.Entries[0].Date = date.Date{} }, nil, "entries[0].date required"},
		{"negative entry", func(s *LedgerSnapshot) { s.Entries[0].Amount = amt("-1.00 EUR") }, nil, "entries[0].amount inconsistent"},
		{"more than the payment", func(s *LedgerSnapshot) { s.Entries[0].Amount = amt("150.01 EUR") }, nil, "entries[0].amount inconsistent"},
		{"refund of an unknown refund", func(s *LedgerSnapshot) { s.Refunds[0].ID = testID(404) }, nil, "entries[4].refund_id unknown"},
		{"refund that does not add up", func(s *LedgerSnapshot) { s.Refunds[0].Amount = amt("24.00 EUR") }, nil, "refunds[0].amount inconsistent"},
		{"taken back twice", func(s *LedgerSnapshot) { s.Entries = append(s.Entries[:7:7], s.Entries[6:]...) }, nil, "entries[7].amount inconsistent"},
		{"allocation lost", func(s *LedgerSnapshot) { s.Entries = s.Entries[1:] }, nil, "entries[2].amount inconsistent"},
		{"status does not match", func(s *LedgerSnapshot) { s.Entries = append(s.Entries[:2:2], s.Entries[3:]...) }, nil, "invoices[2] inconsistent"},
		{"paid beyond the amount due", func(s *LedgerSnapshot) { s.Entries = append(s.Entries[:3:3], s.Entries[5:]...) }, nil, "invoices[0] inconsistent"},
		{"after a reversal", func(s *LedgerSnapshot) {
			e := s.Entries[len(s.Entries)-1]
			e.Kind = EntryRefund
			s.Entries = append(s.Entries, e)
		}, nil, "entries[8].payment_id inconsistent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := l.Snapshot()
			if tt.edit != nil {
				tt.edit(&s)
			}
			invoices := inv
			if tt.invoices != nil {
				invoices = tt.invoices()
			}
			back, err := RestoreLedger(s, invoices)
			assert.Nil(t, back)
			assert.Contains(t, faults(t, err), tt.fault)
		})
	}
	_, err := RestoreLedger(LedgerSnapshot{Customer: testCustomer, Currency: money.EUR}, nil)
	assert.NoError(t, err, "an empty ledger")
}
