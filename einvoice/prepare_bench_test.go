package einvoice_test

import (
	"testing"

	"github.com/billkit/billkit/einvoice"
	"github.com/billkit/billkit/einvoice/internal/testdocs"
)

var benchPrepared *einvoice.Prepared

// BenchmarkPrepareTenLines measures the check alone, most of which is
// invoice.Document.Validate.
func BenchmarkPrepareTenLines(b *testing.B) {
	c := testdocs.TenLines(b)
	b.ReportAllocs()
	var err error
	for b.Loop() {
		benchPrepared, err = einvoice.Prepare(c.Doc, c.Opts...)
	}
	if err != nil {
		b.Fatal(err)
	}
}
