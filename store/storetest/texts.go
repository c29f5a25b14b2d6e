package storetest

import (
	"context"
	"reflect"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/billkit/billkit/billing"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/validation"
)

// Random texts in the fields of an invoice are either refused with a
// *validation.Error, or issued and read back from the store byte for byte,
// in every text of the document: no store may turn invalid UTF-8 into
// U+FFFD or choke on a NUL byte behind the engine's back.
func testIssuedTexts(t *testing.T, a, b *billing.Engine) {
	ctx := context.Background()
	text := rapid.OneOf(
		rapid.String(),
		rapid.StringN(0, 300, -1),
		rapid.Map(rapid.SliceOfN(rapid.Byte(), 0, 40), func(b []byte) string { return string(b) }),
		rapid.SampledFrom([]string{"a\x00b", "ok \xff", "\x1b[2J", "Société – €", "line 1\r\nline 2", "\uffff", "\u0085"}),
	)
	rapid.Check(t, func(rt *rapid.T) {
		doc := consulting(1)
		doc.Notes = []invoice.Note{{Text: "Merci"}}
		fields := textFields(&doc)
		i := rapid.IntRange(0, len(fields)-1).Draw(rt, "field")
		s := text.Draw(rt, "text")
		*fields[i] = s
		issued, err := issue(ctx, a, doc)
		if err != nil {
			var invalid *validation.Error
			require.ErrorAs(rt, err, &invalid)
			return
		}
		require.Equal(rt, s, *textFields(&issued.Document)[i], "as issued")
		got, err := b.Invoice(ctx, clerk, issued.ID.String())
		require.NoError(rt, err)
		require.Equal(rt, textsOf(issued.Document), textsOf(got.Document), "read back")
		require.Equal(rt, s, *textFields(&got.Document)[i])
	})
}

// issue creates, submits and issues an invoice of doc through e, and
// returns it as issued, or the error that refused it.
func issue(ctx context.Context, e *billing.Engine, doc invoice.Document) (invoice.Snapshot, error) {
	draft, err := e.CreateInvoice(ctx, clerk, doc)
	if err != nil {
		return invoice.Snapshot{}, err
	}
	id := draft.ID.String()
	if _, _, err := e.SubmitInvoice(ctx, clerk, id); err != nil {
		return invoice.Snapshot{}, err
	}
	return e.IssueInvoice(ctx, clerk, id, suiteDay)
}

// textFields returns the text fields of a document of consulting with a
// note, which the test fills at random.
func textFields(d *invoice.Document) []*string {
	return []*string{&d.Lines[0].Name, &d.Lines[0].Description, &d.Notes[0].Text, &d.Buyer.Name, &d.Buyer.TradingName,
		&d.Seller.Address.Line2, &d.PaymentTerms, &d.PurchaseOrderRef, &d.Lines[0].ExemptionReason.Text}
}

// textsOf returns every string of v, a struct, by field path.
func textsOf(v any) map[string]string {
	out := map[string]string{}
	collectTexts(reflect.ValueOf(v), "", out)
	return out
}

func collectTexts(v reflect.Value, at string, out map[string]string) {
	switch v.Kind() {
	case reflect.String:
		out[at] = v.String()
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			collectTexts(v.Elem(), at, out)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				collectTexts(v.Field(i), at+"."+f.Name, out)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			collectTexts(v.Index(i), at+"["+strconv.Itoa(i)+"]", out)
		}
	}
}
