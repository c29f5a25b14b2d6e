package invoice

import (
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// tenThousandReceivables returns 10,000 receivables due over 60 days, a
// tenth of them paid and a tenth disputed, and a history in which a third
// had their first reminder.
func tenThousandReceivables(b *testing.B) ([]Receivable, *DunningHistory) {
	rs := make([]Receivable, 10_000)
	var h DunningHistory
	for i := range rs {
		r := overdue(1)
		r.InvoiceID = uuid.New()
		r.DueDate = dueD.AddDays(-(i % 60))
		switch i % 10 {
		case 0:
			r.Status, r.Balance = StatusPaid, amt("0.00 EUR")
		case 1:
			r.Dispute = Dispute{Reason: "Contested", Since: dueD}
		}
		rs[i] = r
		if i%3 == 0 {
			require.NoError(b, h.Record(Reminder{InvoiceID: r.InvoiceID, Step: "reminder", On: r.DueDate.AddDays(7)}))
		}
	}
	return rs, &h
}

func BenchmarkDunningRun10000(b *testing.B) {
	rs, h := tenThousandReceivables(b)
	policy := DefaultDunningPolicy()
	on := dueD.AddDays(20)
	b.ReportAllocs()
	for b.Loop() {
		benchReminders, benchErr = policy.Run(on, rs, h)
	}
	if benchErr != nil {
		b.Fatal(benchErr)
	}
}
