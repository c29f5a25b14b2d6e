package accounting_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/accounting"
	"github.com/billkit/billkit/invoice"
)

// Package-level sinks keep the compiler from optimising the work away.
var (
	entrySink accounting.Entry
	bytesSink int
)

// benchDocuments returns n calculated invoices with two VAT rates, an
// allowance and a charge, numbered one after the other.
func benchDocuments(b *testing.B, n int) []invoice.Document {
	b.Helper()
	base := calculated(b, frenchDocument())
	docs := make([]invoice.Document, n)
	for i := range docs {
		docs[i] = base.Clone()
		docs[i].Number = "F2026-" + string(rune('A'+i%26)) + string(rune('0'+i%10))
	}
	return docs
}

// BenchmarkJournalise1000Invoices draws up the entries of 1,000 invoices.
func BenchmarkJournalise1000Invoices(b *testing.B) {
	j := journaliser(b)
	docs := benchDocuments(b, 1000)
	b.ReportAllocs()
	for b.Loop() {
		for i := range docs {
			e, err := j.Document(&docs[i], customer)
			if err != nil {
				b.Fatal(err)
			}
			entrySink = e
		}
	}
}

// BenchmarkWriteFEC1000Invoices exports the entries of 1,000 invoices.
func BenchmarkWriteFEC1000Invoices(b *testing.B) {
	j := journaliser(b)
	book := accounting.NewBook()
	for _, doc := range benchDocuments(b, 1000) {
		e, err := j.Document(&doc, customer)
		require.NoError(b, err)
		_, err = book.Post(e)
		require.NoError(b, err)
	}
	entries := book.Entries()
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := accounting.WriteFEC(&buf, entries, accounting.FECOptions{}); err != nil {
			b.Fatal(err)
		}
		bytesSink = buf.Len()
	}
}
