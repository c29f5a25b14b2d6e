package invoice

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/date"
)

func TestDocumentCloneSharesNothing(t *testing.T) {
	l := item("1", "Conseil", "1", "HUR", "100.00 EUR", s20)
	l.Allowances = []LineAllowanceCharge{{Amount: amt("5.00 EUR"), Reason: "Remise"}}
	orig := calculated(t, frenchInvoice(l))
	orig.Preceding = []DocumentReference{{Number: "F1", IssueDate: date.MustParse("2026-01-05")}}
	orig.Notes = []Note{{Text: "Merci"}}
	orig.Charges = []AllowanceCharge{{Amount: amt("1.00 EUR"), Reason: "Port", VAT: s20}}
	orig.CreditLimits = []CreditLimit{{Category: s20.Category, Rate: s20.Rate}}

	c := orig.Clone()
	c.Lines[0].Name = "changed"
	c.Lines[0].Allowances[0].Reason = "changed"
	c.Preceding[0].Number = "changed"
	c.Notes[0].Text = "changed"
	c.Charges[0].Reason = "changed"
	c.CreditLimits[0].Category = "Z"
	c.VATBreakdown[0].Category = "Z"

	assert.Equal(t, "Conseil", orig.Lines[0].Name)
	assert.Equal(t, "Remise", orig.Lines[0].Allowances[0].Reason)
	assert.Equal(t, "F1", orig.Preceding[0].Number)
	assert.Equal(t, "Merci", orig.Notes[0].Text)
	assert.Equal(t, "Port", orig.Charges[0].Reason)
	assert.Equal(t, s20.Category, orig.CreditLimits[0].Category)
	assert.Equal(t, s20.Category, orig.VATBreakdown[0].Category)
}

func TestDocumentCloneKeepsNilSlices(t *testing.T) {
	var d Document
	c := d.Clone()
	require.Nil(t, c.Lines)
	assert.Nil(t, c.Notes)
}
