package ubl_test

import (
	"testing"

	"github.com/billkit/billkit/einvoice/internal/testdocs"
	"github.com/billkit/billkit/einvoice/ubl"
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
		benchXML, benchErr = ubl.Marshal(c.Doc, c.Opts...)
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
		benchXML, benchErr = ubl.Marshal(c.Doc, c.Opts...)
	}
	if benchErr != nil {
		b.Fatal(benchErr)
	}
}
