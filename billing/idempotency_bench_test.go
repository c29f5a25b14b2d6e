package billing_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/invoice"
)

var sinkInvoice invoice.Snapshot

// BenchmarkCreateInvoiceKey measures what an idempotency key adds to
// CreateInvoice over store/memory: no key; a new key each call (the key
// looked up, the request fingerprinted, the result encoded and stored
// with the invoice); and the same key each call, every call after the
// first a replay (the key looked up, the result decoded, nothing
// written). The keys are built in the loop: one allocation of the second
// case is its key.
func BenchmarkCreateInvoiceKey(b *testing.B) {
	for _, bc := range []struct {
		name string
		key  func(i int) string
	}{
		{"none", nil},
		{"new", func(i int) string { return "k-" + strconv.Itoa(i) }},
		{"replay", func(int) string { return "k" }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			f := newFixture(b)
			doc := smallDoc("100.00")
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				ctx := context.Background()
				if bc.key != nil {
					ctx = billing.WithIdempotencyKey(ctx, bc.key(i))
				}
				i++
				var err error
				if sinkInvoice, err = f.engine.CreateInvoice(ctx, carol, doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
