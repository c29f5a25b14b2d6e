package cii_test

import (
	"testing"

	"github.com/billkit/billkit/einvoice/cii"
	"github.com/billkit/billkit/einvoice/internal/testdocs"
)

// Sinks keep the compiler from optimising the benchmarked work away.
var (
	benchXML []byte
	benchErr error
)

// BenchmarkMarshalTenLines writes a ten-line invoice at two VAT rates, the
// check included.
func BenchmarkMarshalTenLines(b *testing.B) {
	c := testdocs.TenLines(b)
	b.ReportAllocs()
	for b.Loop() {
		benchXML, benchErr = cii.Marshal(c.Doc, c.Opts...)
	}
	if benchErr != nil {
		b.Fatal(benchErr)
	}
}

// BenchmarkMarshalCreditNote writes a one-line credit note.
func BenchmarkMarshalCreditNote(b *testing.B) {
	c := testdocs.CreditNote(b)
	b.ReportAllocs()
	for b.Loop() {
		benchXML, benchErr = cii.Marshal(c.Doc, c.Opts...)
	}
	if benchErr != nil {
		b.Fatal(benchErr)
	}
}
