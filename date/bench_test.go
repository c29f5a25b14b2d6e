package date_test

import (
	"testing"
	"time"

	"github.com/billkit/billkit/date"
)

// Sinks keep the compiler from optimising the benchmarked calls away, and
// the inputs are variables so that it cannot fold them into constants.
var (
	sinkDate   date.Date
	sinkInt    int
	sinkString string

	benchStart = date.MustParse("2026-01-31")
	benchOther = date.MustParse("1999-07-14")
	benchText  = "2026-01-31"
)

func BenchmarkAddMonthsAnchored(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sinkDate = benchStart.AddMonthsAnchored(i%240, 31)
	}
}

func BenchmarkDaysSince(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkInt = benchStart.DaysSince(benchOther)
	}
}

func BenchmarkAddDays(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sinkDate = benchStart.AddDays(i % 1000)
	}
}

func BenchmarkCompare(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkInt = benchStart.Compare(benchOther)
	}
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkDate, _ = date.Parse(benchText)
	}
}

func BenchmarkString(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkString = benchStart.String()
	}
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sinkDate, _ = date.New(2026, 1+time.Month(i%12), 28)
	}
}
