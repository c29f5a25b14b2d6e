package invoice

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
)

func TestSettledStatus(t *testing.T) {
	tests := []struct {
		from      Status
		sent      bool
		paid      string
		balance   string
		recovered bool
		want      Status
	}{
		{StatusIssued, false, "0", "100", false, StatusIssued},
		{StatusIssued, false, "40", "60", true, StatusPartiallyPaid},
		{StatusSent, true, "100", "0", true, StatusPaid},
		{StatusPartiallyPaid, true, "100", "0", true, StatusPaid},
		{StatusPaid, true, "60", "40", false, StatusPartiallyPaid},
		{StatusPaid, true, "0", "100", false, StatusSent},
		{StatusPartiallyPaid, false, "0", "100", false, StatusIssued},
		{StatusPaid, false, "0", "0", false, StatusIssued},
		{StatusUncollectible, true, "40", "60", false, StatusUncollectible},
		{StatusUncollectible, true, "40", "60", true, StatusPartiallyPaid},
		{StatusUncollectible, true, "100", "0", true, StatusPaid},
		{StatusVoid, true, "3", "0", false, StatusVoid},
	}
	for _, tt := range tests {
		name := string(tt.from) + " paid " + tt.paid + " owing " + tt.balance
		if tt.recovered {
			name += " recovered"
		}
		t.Run(name, func(t *testing.T) {
			inv := &Invoice{status: tt.from}
			if tt.sent {
				inv.sentOn = issD
			}
			got := settledStatus(inv, dec(tt.paid), dec(tt.balance), tt.recovered)
			assert.Equal(t, tt.want, got)
			if got != tt.from {
				assert.True(t, tt.from.CanTransition(got), "the lifecycle must allow %s -> %s", tt.from, got)
			}
		})
	}
}

func TestWriteOffAndRecover(t *testing.T) {
	l, inv, _ := ledgerOf(t, "100.00 EUR")
	_, err := l.RecordPayment(payment(1, "30.00 EUR", "2026-03-20"), AllocateOldestFirst())
	require.NoError(t, err)
	require.NoError(t, l.WriteOff(inv[0].ID()))
	assert.Equal(t, StatusUncollectible, inv[0].Status())
	assert.ErrorIs(t, l.WriteOff(inv[0].ID()), ErrInvalidTransition)
	assert.ErrorIs(t, l.WriteOff(testID(404)), ErrNotFound)

	// Taking money back leaves it written off; money recovered revives it.
	_, err = l.Unallocate(inv[0].ID(), amt("10.00 EUR"), day("2026-06-01"), "meant for another customer")
	require.NoError(t, err)
	assert.Equal(t, StatusUncollectible, inv[0].Status())
	_, err = l.RecordPayment(payment(2, "80.00 EUR", "2026-09-01"), AllocateParts(part(inv[0], "80.00 EUR")))
	require.NoError(t, err)
	assert.Equal(t, StatusPaid, inv[0].Status())
	_, err = RestoreLedger(l.Snapshot(), invoicesOf(l))
	assert.NoError(t, err)
}

func TestDispute(t *testing.T) {
	l, inv, _ := ledgerOf(t, "100.00 EUR")
	tests := []struct {
		name   string
		reason string
		since  date.Date
		faults []string
	}{
		{"no reason", "", issD, []string{"reason required"}},
		{"reason too long", strings.Repeat("x", 1001), issD, []string{"reason out_of_range"}},
		{"reason with a NUL", "Goods\x00 damaged", issD, []string{"reason invalid"}},
		{"no date", "Goods damaged", date.Date{}, []string{"since required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := unchanged(t, l, func() error { return l.Dispute(inv[0].ID(), tt.reason, tt.since) })
			assert.Equal(t, tt.faults, faults(t, err))
		})
	}
	assert.ErrorIs(t, l.Dispute(testID(404), "Goods damaged", issD), ErrNotFound)
	assert.ErrorIs(t, l.ResolveDispute(testID(404)), ErrNotFound)

	v := l.Version()
	require.NoError(t, l.Dispute(inv[0].ID(), "Goods damaged", day("2026-03-20")))
	r, err := l.Receivable(inv[0].ID())
	require.NoError(t, err)
	assert.Equal(t, Dispute{Reason: "Goods damaged", Since: day("2026-03-20")}, r.Dispute)
	require.NoError(t, l.ResolveDispute(inv[0].ID()))
	require.NoError(t, l.ResolveDispute(inv[0].ID()), "resolving twice changes nothing")
	r, err = l.Receivable(inv[0].ID())
	require.NoError(t, err)
	assert.True(t, r.Dispute.IsZero())
	assert.Equal(t, v+2, l.Version())
}

func TestLedgerMarkSent(t *testing.T) {
	l, inv, _ := ledgerOf(t, "100.00 EUR")
	assert.Equal(t, []string{"sent_on out_of_range"}, faults(t, l.MarkSent(inv[0].ID(), day("2026-03-01"))))
	require.NoError(t, l.MarkSent(inv[0].ID(), day("2026-03-03")))
	assert.Equal(t, StatusSent, inv[0].Status())
	assert.Equal(t, day("2026-03-03"), inv[0].SentOn())
	assert.ErrorIs(t, l.MarkSent(inv[0].ID(), day("2026-03-03")), ErrInvalidTransition)
}
