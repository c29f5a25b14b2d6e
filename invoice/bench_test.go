package invoice

import (
	"context"
	"strconv"
	"testing"

	"github.com/google/uuid"

	"github.com/billkit/billkit/date"
)

// Sinks keep the compiler from optimising the benchmarked work away.
var (
	benchErr error
	benchDoc Document
)

// tenLines returns a French invoice of ten lines at two VAT rates.
func tenLines() Document {
	lines := make([]Line, 10)
	for i := range lines {
		v := s20
		if i%2 == 1 {
			v = s55
		}
		lines[i] = item(strconv.Itoa(i+1), "Article "+strconv.Itoa(i+1), strconv.Itoa(i+2), "C62", "19.99 EUR", v)
	}
	lines[0].Allowances = []LineAllowanceCharge{{Percent: dec("10"), Reason: "Remise"}}
	return frenchInvoice(lines...)
}

func BenchmarkCalculate(b *testing.B) {
	template := tenLines()
	b.ReportAllocs()
	for b.Loop() {
		// Calculate recomputes every output from the inputs, so
		// recalculating the same lines in place costs a full calculation.
		doc := template
		benchErr = doc.Calculate()
		benchDoc = doc
	}
}

func BenchmarkValidate(b *testing.B) {
	doc := calculated(b, tenLines())
	b.ReportAllocs()
	for b.Loop() {
		benchErr = doc.Validate()
	}
	if benchErr != nil {
		b.Fatal(benchErr)
	}
}

func BenchmarkIssue(b *testing.B) {
	template := calculated(b, tenLines())
	template.Number, template.IssueDate = "", date.Date{}
	var seq MemorySequence
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		inv, err := NewDraft(uuid.New(), template)
		if err == nil {
			err = inv.Submit(ApprovalPolicy{})
		}
		b.StartTimer()
		if err == nil {
			err = inv.Issue(ctx, &seq, testSeries, issD)
		}
		benchErr = err
	}
	if benchErr != nil {
		b.Fatal(benchErr)
	}
}
