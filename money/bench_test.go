package money

import (
	"testing"

	"golang.org/x/text/language"
)

var (
	sinkAmount  Amount
	sinkAmounts []Amount
	sinkString  string
)

var languageFrench = language.MustParse("fr-FR")

func BenchmarkAdd(b *testing.B) {
	x, y := MustParse("1234.56 EUR"), MustParse("0.44 EUR")
	b.ReportAllocs()
	for b.Loop() {
		sinkAmount, _ = x.Add(y)
	}
}

func BenchmarkMulRound(b *testing.B) {
	x, q := MustParse("19.99 EUR"), dec("7.5")
	b.ReportAllocs()
	for b.Loop() {
		sinkAmount, _ = x.Mul(q).Round(RoundHalfAwayFromZero)
	}
}

func BenchmarkSplit3(b *testing.B) {
	x := MustParse("100.00 EUR")
	b.ReportAllocs()
	for b.Loop() {
		sinkAmounts, _ = x.Split(3)
	}
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkAmount, _ = Parse("1234.56 EUR")
	}
}

func BenchmarkFormatFrench(b *testing.B) {
	x := MustParse("1234567.89 EUR")
	b.ReportAllocs()
	for b.Loop() {
		sinkString = x.Format(languageFrench)
	}
}
