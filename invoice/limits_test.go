package invoice

import (
	"strconv"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/tax"
	"github.com/billkit/billkit/validation"
)

func consultingLine(i int) Line {
	return item(strconv.Itoa(i+1), "Consulting", "1", "HUR", "120.00 EUR", vat(tax.StandardRate, "20"))
}

// Every text of a document is refused with a fault naming its field when
// it is too long, not valid UTF-8 or holds control characters: by
// Calculate (so by NewDraft and Edit), and by Validate.
func TestDocumentTexts(t *testing.T) {
	megabyte := strings.Repeat("a", 1<<20)
	tests := []struct {
		name  string
		edit  func(d *Document)
		field string
		code  string
	}{
		{"a megabyte note", func(d *Document) { d.Notes = []Note{{Text: megabyte}} }, "notes[0].text", validation.CodeOutOfRange},
		{"a megabyte description", func(d *Document) { d.Lines[1].Description = megabyte }, "lines[1].description", validation.CodeOutOfRange},
		{"a long item name", func(d *Document) { d.Lines[0].Name = strings.Repeat("é", validation.MaxNameLength+1) }, "lines[0].name", validation.CodeOutOfRange},
		{"a long purchase order", func(d *Document) { d.PurchaseOrderRef = strings.Repeat("7", validation.MaxReferenceLength+1) }, "purchase_order_ref", validation.CodeOutOfRange},
		{"invalid UTF-8 in a name", func(d *Document) { d.Lines[1].Name = "Consulting \xff" }, "lines[1].name", validation.CodeInvalid},
		{"NUL in a description", func(d *Document) { d.Lines[0].Description = "a\x00b" }, "lines[0].description", validation.CodeInvalid},
		{"NUL in the buyer's name", func(d *Document) { d.Buyer.Name = "ACME\x00" }, "buyer.name", validation.CodeInvalid},
		{"invalid UTF-8 in the seller's city", func(d *Document) { d.Seller.Address.City = "Par\xe9s" }, "seller.address.city", validation.CodeInvalid},
		{"an escape in the payment terms", func(d *Document) { d.PaymentTerms = "\x1b[31m30 days" }, "payment_terms", validation.CodeInvalid},
		{"a line feed in a name", func(d *Document) { d.Buyer.TradingName = "ACME\nEvil" }, "buyer.trading_name", validation.CodeInvalid},
		{"a control in an allowance reason", func(d *Document) {
			d.Lines[0].Allowances = []LineAllowanceCharge{{Amount: amt("10.00 EUR"), Reason: "x\x07"}}
		}, "lines[0].allowances[0].reason", validation.CodeInvalid},
		{"a control in a document charge", func(d *Document) {
			d.Charges = []AllowanceCharge{{Amount: amt("10.00 EUR"), VAT: vat(tax.StandardRate, "20"), ReasonCode: "FC\x00"}}
		}, "charges[0].reason_code", validation.CodeInvalid},
		{"U+FFFF in a note", func(d *Document) { d.Notes = []Note{{Text: "\uffff"}} }, "notes[0].text", validation.CodeInvalid},
		{"invalid UTF-8 in a preceding number", func(d *Document) { d.Preceding = []DocumentReference{{Number: "\xc0"}} }, "preceding[0].number", validation.CodeInvalid},
		{"NUL in an electronic address", func(d *Document) {
			d.Buyer.ElectronicAddress = ElectronicAddress{Scheme: "EM", Value: "ap@acme.example\x00"}
		}, "buyer.electronic_address.value", validation.CodeInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := frenchInvoice(consultingLine(0), consultingLine(1))
			tt.edit(&doc)
			before := doc.Clone()
			err := doc.Calculate()
			assert.Contains(t, faults(t, err), tt.field+" "+tt.code)
			assert.Equal(t, before, doc, "Calculate leaves a refused document as it was")
			assert.Contains(t, faults(t, doc.Validate()), tt.field+" "+tt.code)

			doc.Number, doc.IssueDate = "", date.Date{}
			_, err = NewDraft(uuid.New(), doc)
			assert.Contains(t, faults(t, err), tt.field+" "+tt.code, "a draft is refused too")
		})
	}
}

// Legitimate text passes: accents, symbols, several lines in a note and a
// description, text at its full length.
func TestDocumentTextsAccepted(t *testing.T) {
	doc := frenchInvoice(consultingLine(0), consultingLine(1))
	doc.Buyer.Name = "Société Générale – Agence « Opéra »"
	doc.Lines[0].Name = strings.Repeat("é", validation.MaxNameLength)
	doc.Lines[0].Description = "Line one\n\tLine two\r\nLine three"
	doc.Notes = []Note{{Text: strings.Repeat("n", validation.MaxNoteLength)}, {SubjectCode: "AAI", Text: "شكرا 👍"}}
	doc = calculated(t, doc)
	assert.NoError(t, doc.Validate())
}

// A document of more lines, or longer lists, than the limits is refused
// with one fault naming the list, whatever its lines hold.
func TestDocumentSize(t *testing.T) {
	lines := func(n int) []Line {
		out := make([]Line, n)
		for i := range out {
			out[i] = consultingLine(i)
		}
		return out
	}
	t.Run("100,001 lines", func(t *testing.T) {
		doc := frenchInvoice(lines(100001)...)
		assert.Equal(t, []string{"lines out_of_range"}, faults(t, doc.Calculate()))
		assert.Equal(t, []string{"lines out_of_range"}, faults(t, doc.Validate()))
		doc.Number, doc.IssueDate = "", date.Date{}
		_, err := NewDraft(uuid.New(), doc)
		assert.Equal(t, []string{"lines out_of_range"}, faults(t, err))
	})
	t.Run("MaxLines+1 empty lines", func(t *testing.T) {
		doc := frenchInvoice(make([]Line, MaxLines+1)...)
		assert.Equal(t, []string{"lines out_of_range"}, faults(t, doc.Validate()), "not a fault per line")
	})
	t.Run("MaxLines lines", func(t *testing.T) {
		doc := calculated(t, frenchInvoice(lines(MaxLines)...))
		assert.NoError(t, doc.Validate())
	})
	tests := []struct {
		name  string
		edit  func(d *Document)
		field string
	}{
		{"notes", func(d *Document) { d.Notes = make([]Note, MaxListLength+1) }, "notes"},
		{"preceding", func(d *Document) { d.Preceding = make([]DocumentReference, MaxListLength+1) }, "preceding"},
		{"allowances", func(d *Document) { d.Allowances = make([]AllowanceCharge, MaxListLength+1) }, "allowances"},
		{"charges", func(d *Document) { d.Charges = make([]AllowanceCharge, MaxListLength+1) }, "charges"},
		{"line allowances", func(d *Document) { d.Lines[1].Allowances = make([]LineAllowanceCharge, MaxListLength+1) }, "lines[1].allowances"},
		{"line charges", func(d *Document) { d.Lines[0].Charges = make([]LineAllowanceCharge, MaxListLength+1) }, "lines[0].charges"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := frenchInvoice(lines(2)...)
			tt.edit(&doc)
			assert.Equal(t, []string{tt.field + " out_of_range"}, faults(t, doc.Calculate()))
			assert.Equal(t, []string{tt.field + " out_of_range"}, faults(t, doc.Validate()))
		})
	}
}

// Random texts in text fields are either refused with faults naming
// their fields, or kept byte for byte by a draft.
func FuzzDocumentText(f *testing.F) {
	for _, s := range []string{"Consulting", "", "a\x00b", "ok \xff", "Société – €", "a\r\nb", "\uffff", strings.Repeat("x", 300)} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, where uint8) {
		doc := frenchInvoice(consultingLine(0))
		doc.Number, doc.IssueDate = "", date.Date{}
		fields := []*string{&doc.Lines[0].Name, &doc.Lines[0].Description, &doc.Buyer.Name, &doc.PurchaseOrderRef,
			&doc.Seller.Address.Line2, &doc.PaymentTerms, &doc.Lines[0].ID}
		*fields[int(where)%len(fields)] = s
		inv, err := NewDraft(uuid.New(), doc)
		if err != nil {
			var ve *validation.Error
			require.ErrorAs(t, err, &ve)
			for _, f := range ve.Faults {
				assert.NotEmpty(t, f.Field)
			}
			return
		}
		got := inv.Document()
		assert.Equal(t, doc.Lines[0].ID, got.Lines[0].ID)
		assert.Equal(t, doc.Lines[0].Name, got.Lines[0].Name)
		assert.Equal(t, doc.Lines[0].Description, got.Lines[0].Description)
		assert.Equal(t, doc.Buyer, got.Buyer)
		assert.Equal(t, doc.Seller, got.Seller)
		assert.Equal(t, doc.PurchaseOrderRef, got.PurchaseOrderRef)
		assert.Equal(t, doc.PaymentTerms, got.PaymentTerms)
	})
}
