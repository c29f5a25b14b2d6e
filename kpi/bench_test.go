package kpi_test

import (
	"strconv"
	"testing"

	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/kpi"
	"github.com/billkit/billkit/money"
	"github.com/billkit/billkit/quote"
	"github.com/billkit/billkit/schedule"
)

// Sinks keep the compiler from optimising the benchmarked calls away.
var (
	mrrSink    kpi.MRRReport
	movesSink  kpi.Movements
	ageingSink kpi.AgeingReport
)

// benchContracts returns n contracts of n/10 customers, each with one
// recurring line: monthly, quarterly, yearly or weekly, starting over 2025
// and 2026, a quarter of them ended.
func benchContracts(n int) []*quote.Contract {
	units := []schedule.Unit{schedule.Month, schedule.Quarter, schedule.Year, schedule.Week}
	out := make([]*quote.Contract, n)
	for i := range out {
		end := ""
		if i%4 == 3 {
			end = day("2025-06-01").AddDays(i % 500).String()
		}
		l := every(money.FromMinor(int64(1000+i%9000), money.EUR).String(), units[i%len(units)], 1,
			day("2025-01-01").AddDays(i%700).String(), end)
		out[i] = contract("customer-"+strconv.Itoa(i%(n/10)), l)
	}
	return out
}

func BenchmarkMRR10000Contracts(b *testing.B) {
	contracts := benchContracts(10000)
	on := day("2026-03-15")
	b.ReportAllocs()
	for b.Loop() {
		r, err := kpi.MRR(contracts, on)
		if err != nil {
			b.Fatal(err)
		}
		mrrSink = r
	}
}

func BenchmarkMRRMovements10000Contracts(b *testing.B) {
	contracts := benchContracts(10000)
	from, to := day("2025-06-01"), day("2026-03-15")
	b.ReportAllocs()
	for b.Loop() {
		m, err := kpi.MRRMovements(contracts, from, to)
		if err != nil {
			b.Fatal(err)
		}
		movesSink = m
	}
}

func BenchmarkAgeReceivables10000(b *testing.B) {
	rs := make([]invoice.Receivable, 10000)
	for i := range rs {
		cur := "EUR"
		if i%5 == 0 {
			cur = "USD"
		}
		issued := day("2025-10-01").AddDays(i % 200)
		r := receivable("customer-"+strconv.Itoa(i%1000), issued.String(), issued.AddDays(30).String(),
			strconv.Itoa(100+i%5000)+".50 "+cur)
		if i%7 == 0 {
			r = settled(r, r.Due.String())
		}
		rs[i] = r
	}
	on := day("2026-04-30")
	b.ReportAllocs()
	for b.Loop() {
		r, err := kpi.AgeReceivables(rs, on)
		if err != nil {
			b.Fatal(err)
		}
		ageingSink = r
	}
}
