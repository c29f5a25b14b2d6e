package invoice

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/validation"
)

// validationCase changes a valid French invoice, recalculates it and
// expects exactly the listed faults ("field code").
type validationCase struct {
	name   string
	change func(d *Document)
	want   []string
}

func runValidationCases(t *testing.T, cases []validationCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			d := frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20), item("2", "Livre", "1", "C62", "20.00 EUR", s55))
			tt.change(&d)
			_ = d.Calculate()
			err := d.Validate()
			assert.Equal(t, tt.want, faults(t, err))
			if err != nil {
				assert.ErrorIs(t, err, validation.ErrInvalid)
			}
		})
	}
}

func TestValidateValidInvoice(t *testing.T) {
	d := calculated(t, frenchInvoice(item("1", "Conseil", "2", "HUR", "100.00 EUR", s20)))
	require.NoError(t, d.Validate())
	d.Number, d.IssueDate = "", date.Date{}
	assert.Equal(t, []string{"number BR-02", "issue_date BR-03"}, faults(t, d.Validate()))
	assert.NoError(t, d.ValidateDraft())
}

func TestValidateHeader(t *testing.T) {
	runValidationCases(t, []validationCase{
		{"no type", func(d *Document) { d.Type = "" }, []string{"type BR-04"}},
		{"unknown type", func(d *Document) { d.Type = "326" }, []string{"type not_allowed"}},
		{"no lines", func(d *Document) { d.Lines = nil }, []string{"lines BR-16"}},
		{"due date before issue", func(d *Document) { d.DueDate = d.IssueDate.AddDays(-1) }, []string{"due_date " + CodeDueDate}},
		{"neither due date nor terms", func(d *Document) { d.DueDate, d.PaymentTerms = date.Date{}, "" }, []string{"due_date BR-CO-25"}},
		{"terms without due date", func(d *Document) { d.DueDate = date.Date{} }, nil},
		{"seller without identifier", func(d *Document) {
			d.Seller.Address.Country, d.Seller.LegalID, d.Seller.VATID, d.Seller.TaxRegistrationID = "BE", "", "", "0123"
		}, []string{"seller.legal_id BR-CO-26"}},
		{"period ending before it starts", func(d *Document) { d.Period.End = d.Period.Start }, []string{"period.end BR-29", "delivery_date " + CodeFRDelivery}},
		{"period without end", func(d *Document) { d.Period.End = date.Date{} }, []string{"period.end required", "delivery_date " + CodeFRDelivery}},
		{"deliver to address without country", func(d *Document) { d.DeliverTo = Address{City: "Lyon"} }, []string{"deliver_to.country BR-57"}},
		{"deliver to unknown country", func(d *Document) { d.DeliverTo = Address{Country: "UK"} }, []string{"deliver_to.country invalid"}},
		{"preceding invoice without number", func(d *Document) { d.Preceding = []DocumentReference{{IssueDate: issD}} },
			[]string{"preceding[0].number BR-55"}},
		{"credit note without reference", func(d *Document) {
			d.Type = TypeCreditNote
			for i := range d.Lines {
				d.Lines[i].CreditedLineID = d.Lines[i].ID
			}
		}, []string{"preceding " + CodeCreditReference}},
		{"empty note", func(d *Document) { d.Notes = []Note{{SubjectCode: "AAI"}} }, []string{"notes[0].text required"}},
	})
}

func TestValidateDoesNotChangeTheDocument(t *testing.T) {
	d := calculated(t, tenLines())
	d.Lines[3].NetAmount = amt("1.00 EUR")
	before := d.Clone()
	require.Error(t, d.Validate())
	assert.Equal(t, before, d)
}
