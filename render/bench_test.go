package render_test

import (
	"bytes"
	"testing"

	"golang.org/x/text/language"

	"github.com/billkit/billkit/render"
)

// sink keeps the compiler from optimising the work away.
var sink int

// BenchmarkHTMLFrenchInvoice renders one French invoice of three lines.
func BenchmarkHTMLFrenchInvoice(b *testing.B) {
	doc := frenchInvoice(b)
	opts := render.Options{Locale: language.MustParse("fr-FR")}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := render.HTML(&buf, &doc, opts); err != nil {
			b.Fatal(err)
		}
		sink = buf.Len()
	}
}
