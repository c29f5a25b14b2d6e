package invoice

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/money"
)

// Sinks keep the compiler from optimising the benchmarked work away.
var (
	benchPosting   Posting
	benchReminders []Reminder
	benchLateFee   LateFee
)

func BenchmarkRecordPaymentTenInvoices(b *testing.B) {
	var seq MemorySequence
	snapshots := make([]Snapshot, 10)
	for i := range snapshots {
		snapshots[i] = receivableInvoice(b, &seq, "1000000.00 EUR", dueOf(i)).Snapshot()
	}
	// fresh returns a ledger of ten open invoices and the plan that pays
	// 12.34 EUR on each.
	fresh := func() (*Ledger, AllocationPlan) {
		l, err := NewLedger(testCustomer, money.EUR)
		require.NoError(b, err)
		var plan AllocationPlan
		for _, s := range snapshots {
			inv, err := Restore(s)
			require.NoError(b, err)
			require.NoError(b, l.AddInvoice(inv))
			plan.Parts = append(plan.Parts, InvoiceAmount{InvoiceID: inv.ID(), Amount: amt("12.34 EUR")})
		}
		return l, plan
	}
	l, plan := fresh()
	n := 0
	b.ReportAllocs()
	for b.Loop() {
		if n++; n%256 == 0 {
			// Keep the ledger the size of a real customer's.
			b.StopTimer()
			l, plan = fresh()
			b.StartTimer()
		}
		benchPosting, benchErr = l.RecordPayment(payment(n, "123.40 EUR", "2026-03-20"), plan)
	}
	if benchErr != nil {
		b.Fatal(benchErr)
	}
}

func BenchmarkRecordPaymentOldestFirst(b *testing.B) {
	var seq MemorySequence
	snapshots := make([]Snapshot, 10)
	for i := range snapshots {
		snapshots[i] = receivableInvoice(b, &seq, "100.00 EUR", dueOf(i)).Snapshot()
	}
	fresh := func() *Ledger {
		l, err := NewLedger(testCustomer, money.EUR)
		require.NoError(b, err)
		for _, s := range snapshots {
			inv, err := Restore(s)
			require.NoError(b, err)
			require.NoError(b, l.AddInvoice(inv))
		}
		return l
	}
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		l := fresh()
		b.StartTimer()
		// One payment settles all ten invoices, oldest first, and leaves a credit.
		benchPosting, benchErr = l.RecordPayment(payment(1, "1050.00 EUR", "2026-03-20"), AllocateOldestFirst())
	}
	if benchErr != nil {
		b.Fatal(benchErr)
	}
}
