package catalog_test

import (
	"testing"

	"github.com/billkit/billkit/catalog"
	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/money"
)

// Sinks keep the compiler from optimising the benchmarked calls away.
var (
	evaluationSink catalog.Evaluation
	amountSink     money.Amount
	priceSink      catalog.Price
	stringSink     string
)

func fiveTiers() catalog.Pricing {
	return catalog.Pricing{Model: catalog.ModelGraduated, Tiers: []catalog.Tier{
		{UpTo: upTo("100"), UnitPrice: d("0.05")},
		{UpTo: upTo("1000"), UnitPrice: d("0.04")},
		{UpTo: upTo("10000"), UnitPrice: d("0.03"), FlatFee: d("10")},
		{UpTo: upTo("100000"), UnitPrice: d("0.02")},
		{UnitPrice: d("0.01")},
	}}
}

func BenchmarkEvaluateGraduated5Tiers(b *testing.B) {
	price := newPrice(b, money.EUR, fiveTiers())
	q := d("123456")
	b.ReportAllocs()
	for b.Loop() {
		evaluationSink, _ = price.Evaluate(q)
	}
}

func BenchmarkAmountGraduated5Tiers(b *testing.B) {
	price := newPrice(b, money.EUR, fiveTiers())
	q := d("123456")
	b.ReportAllocs()
	for b.Loop() {
		amountSink, _ = price.Amount(q)
	}
}

func BenchmarkEvaluatePerUnit(b *testing.B) {
	price := newPrice(b, money.EUR, catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: d("0.0015")})
	q := d("123456")
	b.ReportAllocs()
	for b.Loop() {
		evaluationSink, _ = price.Evaluate(q)
	}
}

func BenchmarkAmountPerUnit(b *testing.B) {
	price := newPrice(b, money.EUR, catalog.Pricing{Model: catalog.ModelPerUnit, UnitPrice: d("0.0015")})
	q := d("123456")
	b.ReportAllocs()
	for b.Loop() {
		amountSink, _ = price.Amount(q)
	}
}

func BenchmarkEvaluationString(b *testing.B) {
	ev, err := newPrice(b, money.EUR, fiveTiers()).Evaluate(d("123456"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		stringSink = ev.String()
	}
}

func BenchmarkPriceAt(b *testing.B) {
	c := newCatalog(b)
	from := date.MustParse("2020-01-01")
	for i := range 120 {
		s := baseSpec()
		s.ID = "v" + from.String()
		s.EffectiveFrom, s.EffectiveTo = from, from.AddMonths(1)
		if _, err := c.AddPrice(s); err != nil {
			b.Fatal(err, i)
		}
		from = from.AddMonths(1)
	}
	on := date.MustParse("2024-06-15")
	b.ReportAllocs()
	for b.Loop() {
		priceSink, _ = c.PriceAt("p1", "std", money.EUR, on)
	}
}
