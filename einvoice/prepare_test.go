package einvoice_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/einvoice"
	"github.com/billkit/billkit/einvoice/cii"
	"github.com/billkit/billkit/einvoice/internal/testdocs"
	"github.com/billkit/billkit/einvoice/ubl"
	"github.com/billkit/billkit/invoice"
	"github.com/billkit/billkit/validation"
)

// marshallers are the writers of both syntaxes, by name.
var marshallers = []struct {
	name    string
	marshal func(invoice.Document, ...einvoice.Option) ([]byte, error)
}{
	{ubl.Syntax, ubl.Marshal},
	{cii.Syntax, cii.Marshal},
}

func exportError(t *testing.T, err error) *einvoice.ExportError {
	t.Helper()
	var exp *einvoice.ExportError
	require.True(t, errors.As(err, &exp), "want an *einvoice.ExportError, got %v", err)
	return exp
}

func TestMissingSellerNameIsRefusedWithBR06(t *testing.T) {
	doc := testdocs.Standard(t).Doc
	doc.Seller.Name = ""
	for _, m := range marshallers {
		t.Run(m.name, func(t *testing.T) {
			out, err := m.marshal(doc)
			assert.Nil(t, out, "no XML for a refused document")
			exp := exportError(t, err)
			assert.Equal(t, []string{"BR-06"}, exp.Codes())
			assert.Equal(t, m.name, exp.Syntax)
			assert.Equal(t, "seller.name", exp.Faults[0].Field)
			assert.ErrorIs(t, err, einvoice.ErrNotExportable)
			assert.ErrorIs(t, err, validation.ErrInvalid)
			var ve *validation.Error
			require.ErrorAs(t, err, &ve)
			assert.True(t, ve.Has("seller.name", "BR-06"))
			assert.Contains(t, err.Error(), "BR-06")
		})
	}
}

func TestRefusedDocuments(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(d *invoice.Document)
		codes []string
	}{
		{"draft without number and issue date", func(d *invoice.Document) { d.Number, d.IssueDate = "", date.Date{} }, []string{"BR-02", "BR-03"}},
		{"buyer without name", func(d *invoice.Document) { d.Buyer.Name = "" }, []string{"BR-07"}},
		{"seller without address", func(d *invoice.Document) { d.Seller.Address = invoice.Address{} }, []string{"BR-08"}},
		{"no lines", func(d *invoice.Document) { d.Lines = nil; _ = d.Calculate() }, []string{"BR-16"}},
		{"totals never calculated", func(d *invoice.Document) { d.Totals = invoice.Totals{} }, []string{"BR-12", "BR-13", "BR-14", "BR-15"}},
		{"exempt line without reason", func(d *invoice.Document) {
			d.Lines[0].ExemptionReason = invoice.Line{}.ExemptionReason
			d.Lines[1].ExemptionReason = d.Lines[0].ExemptionReason
			_ = d.Calculate()
		}, []string{"BR-E-10"}},
		{"control character in a note", func(d *invoice.Document) { d.Notes = []invoice.Note{{Text: "bell\x07"}} }, []string{einvoice.CodeXMLText}},
		{"invalid UTF-8 in a line name", func(d *invoice.Document) { d.Lines[0].Name = "caf\xe9" }, []string{einvoice.CodeXMLText}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := testdocs.Exempt(t).Doc.Clone()
			c.edit(&doc)
			exp := exportError(t, einvoice.Check(doc))
			for _, code := range c.codes {
				assert.True(t, exp.Has(code), "want %s among %v", code, exp.Codes())
			}
		})
	}
}

func TestOptionRules(t *testing.T) {
	cases := []struct {
		name  string
		opt   einvoice.Option
		field string
		code  string
	}{
		{"payment means without code", einvoice.WithPaymentMeans(einvoice.PaymentMeans{Account: "FR76"}), "payment_means[0].code", "BR-49"},
		{"unknown payment means code", einvoice.WithPaymentMeans(einvoice.PaymentMeans{Code: "wire"}), "payment_means[0].code", validation.CodeNotAllowed},
		{"SEPA transfer without account", einvoice.WithPaymentMeans(einvoice.PaymentMeans{Code: einvoice.MeansSEPACreditTransfer}), "payment_means[0].account", "BR-61"},
		{"BIC without account", einvoice.WithPaymentMeans(einvoice.PaymentMeans{Code: einvoice.MeansCheque, BIC: "AGRIFRPP"}), "payment_means[0].account", "BR-50"},
		{"standard identifier without scheme", einvoice.WithItemIDs("1", einvoice.ItemIDs{Standard: "03456789012345"}), `item_ids["1"].standard_scheme`, "BR-64"},
		{"scheme without standard identifier", einvoice.WithItemIDs("1", einvoice.ItemIDs{StandardScheme: "0160"}), `item_ids["1"].standard`, validation.CodeRequired},
		{"identifiers of a missing line", einvoice.WithItemIDs("9", einvoice.ItemIDs{Seller: "SKU"}), `item_ids["9"]`, validation.CodeUnknown},
		{"control character in an account", einvoice.WithPaymentMeans(einvoice.PaymentMeans{Code: "30", Account: "FR\x00"}), "payment_means[0]", einvoice.CodeXMLText},
	}
	doc := testdocs.Standard(t).Doc
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			exp := exportError(t, einvoice.Check(doc, c.opt))
			require.Len(t, exp.Faults, 1, exp.Error())
			assert.Equal(t, c.field, exp.Faults[0].Field)
			assert.Equal(t, c.code, exp.Faults[0].Code)
		})
	}
}

func TestPrepare(t *testing.T) {
	c := testdocs.Standard(t)
	p, err := einvoice.Prepare(c.Doc, append(c.Opts, nil, einvoice.WithItemIDs("1", einvoice.ItemIDs{Seller: "LAST"}))...)
	require.NoError(t, err)
	assert.Equal(t, "LAST", p.Items[0].Seller, "the last identifiers given for a line win")
	require.Len(t, p.Notes, 4)
	assert.Equal(t, invoice.Note{Text: "Merci de votre confiance."}, p.Notes[0])
	assert.Equal(t, []string{"PMD", "PMT", "AAB"}, []string{p.Notes[1].SubjectCode, p.Notes[2].SubjectCode, p.Notes[3].SubjectCode})

	// Legal mentions already written as notes are not repeated.
	doc := c.Doc.Clone()
	doc.Notes = append(doc.Notes, doc.Legal.Notes()...)
	p, err = einvoice.Prepare(doc)
	require.NoError(t, err)
	assert.Len(t, p.Notes, 4)

	p.Doc.Lines[0].Name = "changed"
	assert.NotEqual(t, "changed", c.Doc.Lines[0].Name, "Prepare copies the document")
}

func TestMarshalInvoiceNil(t *testing.T) {
	_, err := ubl.MarshalInvoice(nil)
	assert.ErrorIs(t, err, ubl.ErrNoInvoice)
	_, err = cii.MarshalInvoice(nil)
	assert.ErrorIs(t, err, cii.ErrNoInvoice)
}
